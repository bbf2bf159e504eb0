%% erlang:trace/3 with the `running` flag: {trace, Pid, in | out, MFA} as the process is
%% scheduled in and out (waiting in a receive here), none at its exit; trace_delivered/1;
%% errors of trace/3.
-module(proc_trace_running).
-export([main/0, waiter/0]).

waiter() ->
    receive go -> ok end,
    receive stop -> ok end.

main() ->
    P = spawn(?MODULE, waiter, []),
    Ref = monitor(process, P),
    timer:sleep(20),
    io:format("~p~n", [erlang:trace(P, true, [running])]),
    P ! go,
    timer:sleep(20),
    P ! stop,
    receive {'DOWN', Ref, process, P, R} -> io:format("down ~p~n", [R]) end,
    TD = erlang:trace_delivered(P),
    receive {trace_delivered, P, TD} -> io:format("delivered~n") end,
    print_events(P),
    %% A tracer given as {tracer, Pid}; tracing switched off again.
    Self = self(),
    Tracer = spawn(fun() -> collect(Self, []) end),
    Q = spawn(?MODULE, waiter, []),
    timer:sleep(20),
    io:format("~p~n", [erlang:trace(Q, true, [running, {tracer, Tracer}])]),
    Q ! go,
    timer:sleep(20),
    io:format("~p~n", [erlang:trace(Q, false, [running])]),
    Q ! stop,
    timer:sleep(20),
    Tracer ! {done, self()},
    receive {events, Es} -> io:format("tracer got ~p~n", [[{T, F} || {trace, _, T, F} <- Es]]) end,
    %% Errors.
    Dead = spawn(fun() -> ok end),
    timer:sleep(10),
    show(catch erlang:trace(Dead, true, [running])),
    show(catch erlang:trace(self(), maybe, [running])),
    show(catch erlang:trace(self(), true, [{tracer, 42}])),
    show(catch erlang:trace(self(), true, [running | x])),
    show(catch erlang:trace_delivered(42)),
    ok.

print_events(P) ->
    receive
        {trace, P, What, MFA} -> io:format("~p ~p~n", [What, MFA]), print_events(P)
    after 50 -> ok
    end.

collect(Parent, Acc) ->
    receive
        {done, Parent} -> Parent ! {events, lists:reverse(Acc)};
        E -> collect(Parent, [E | Acc])
    end.

show({'EXIT', {Reason, [{M, F, Args, Info} | _]}}) ->
    io:format("~p ~p:~p/~p ~p~n", [Reason, M, F, length(Args), Info]);
show(Other) ->
    io:format("~p~n", [Other]).
