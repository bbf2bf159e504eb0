%% Receives on a fresh reference behind a huge message queue: the receive markers make them
%% skip the queued messages (erl's receive_SUITE checks the same with timings). Each shape runs
%% once on an empty queue and once behind 200000 messages; the second must not be much
%% slower (a scan of the whole queue per call would make it hundreds of times slower). The
%% queued messages must all stay, in order.
-module(proc_recv_marker_queue).
-behaviour(gen_server).
-export([main/0, id/1, init/1, handle_call/3, handle_cast/2]).

id(X) -> X.

-define(QUEUE, 200000).

init(x) -> {ok, 0}.
handle_call(N, _From, S) -> {reply, N + 1, S}.
handle_cast(_, S) -> {noreply, S}.

main() ->
    Echo = spawn_link(fun echo/0),
    {ok, Gen} = gen_server:start_link(?MODULE, x, []),
    Shapes = [{call_monitor, fun() -> calls(Echo, 2000) end},
              {make_ref, fun() -> refs(2000) end},
              {nested_clear, fun() -> nested(Echo, 100) end},
              {gen_server_call, fun() -> gen_calls(Gen, 2000) end}],
    Empty = [{Name, time(F)} || {Name, F} <- Shapes],
    [self() ! {msg, N} || N <- lists:seq(1, ?QUEUE)],
    Huge = [{Name, time(F)} || {Name, F} <- Shapes],
    [erlang:display({Name, T1 < 20 * T0 + 300000})
     || {{Name, T0}, {Name, T1}} <- lists:zip(Empty, Huge)],
    erlang:display({queue_len, element(2, process_info(self(), message_queue_len))}),
    erlang:display({queue_intact, drain(1)}).

time(F) ->
    T0 = erlang:monotonic_time(microsecond),
    ok = F(),
    erlang:monotonic_time(microsecond) - T0.

%% gen:call's shape by hand: a monitor reference as the tag, demonitor with flush.
calls(_, 0) -> ok;
calls(Pid, N) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {Mref, {self(), N}},
    receive
        {Mref, N} -> true = erlang:demonitor(Mref, [flush]);
        {'DOWN', Mref, _, _, Reason} -> exit(Reason)
    end,
    calls(Pid, N - 1).

refs(0) -> ok;
refs(N) ->
    Ref = make_ref(),
    self() ! {Ref, N},
    receive {Ref, N} -> ok end,
    refs(N - 1).

%% A call whose reply waits while ten more calls are made, each with its own reference
%% (more at once, and more in turn, than one marker).
nested(_, 0) -> ok;
nested(Pid, N) ->
    multi(Pid, N, 5, fun() -> [multi(Pid, {N, I}, 2, fun() -> ok end) || I <- lists:seq(1, 10)] end),
    nested(Pid, N - 1).

multi(Pid, Msg, Replies, Inner) ->
    Mref = erlang:monitor(process, Pid),
    Pid ! {multi, Mref, self(), Msg, Replies},
    Inner(),
    [receive {Mref, Msg} -> ok end || _ <- lists:seq(1, Replies)],
    erlang:demonitor(Mref, [flush]),
    ok.

gen_calls(_, 0) -> ok;
gen_calls(Gen, N) ->
    N = gen_server:call(Gen, N - 1),
    gen_calls(Gen, N - 1).

echo() ->
    receive
        {Ref, {Pid, Msg}} -> Pid ! {Ref, Msg};
        {multi, Ref, Pid, Msg, Replies} -> [Pid ! {Ref, Msg} || _ <- lists:seq(1, Replies)]
    end,
    echo().

drain(N) ->
    receive
        {msg, N} -> drain(N + 1);
        Other -> {unexpected, N, Other}
    after 0 -> N - 1 =:= ?QUEUE
    end.
