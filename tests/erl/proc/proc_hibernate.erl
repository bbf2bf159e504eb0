%% erlang:hibernate/3 (the stack is discarded; the call happens when a message comes, or at
%% once if one is queued), erlang:yield/0, and their bad arguments.
-module(proc_hibernate).
-export([main/0, id/1, wake/2, count_frames/1]).

id(X) -> X.

main() ->
    Self = self(),
    %% Waits for a message, then calls wake(Tag, Parent).
    P = spawn(fun() -> deep(20, fun() -> erlang:hibernate(?MODULE, wake, [first, Self]) end) end),
    wait_until_waiting(P),
    erlang:display({before_message, process_info(P, status)}),
    P ! go,
    receive {woke, first, Msg1, Depth} -> erlang:display({woke, first, Msg1, Depth}) end,
    %% A message already queued: it goes on at once.
    Q = spawn(fun() -> self() ! early, erlang:hibernate(?MODULE, wake, [second, Self]) end),
    receive {woke, second, Msg2, _} -> erlang:display({woke, second, Msg2}) end,
    %% When the hibernated call returns, the process ends normally.
    R = spawn_monitor(fun() -> erlang:hibernate(erlang, display, [returned]) end),
    {Pid, Ref} = R,
    Pid ! wake_up,
    receive {'DOWN', Ref, process, Pid, Why} -> erlang:display({down, Why}) end,
    erlang:display(is_process_alive(Q)),
    erlang:display(catch erlang:hibernate(id(1), f, [])),
    erlang:display(catch erlang:hibernate(m, id(f), x)),
    erlang:display(catch erlang:hibernate(m, "f", [])),
    %% yield/0
    erlang:display(erlang:yield()),
    Ys = [erlang:yield() || _ <- lists:seq(1, 100)],
    erlang:display(lists:usort(Ys)),
    ok.

deep(0, F) -> F();
deep(N, F) -> [N | deep(N - 1, F)].

wake(Tag, Parent) ->
    receive M -> Parent ! {woke, Tag, M, count_frames(self())} end.

%% Frames on the stack below wake/2: the hibernation discarded deep/2's.
count_frames(P) ->
    {current_stacktrace, S} = process_info(P, current_stacktrace),
    length([F || {?MODULE, deep, _, _} = F <- S]).

wait_until_waiting(P) ->
    case process_info(P, status) of
        {status, waiting} -> ok;
        _ -> erlang:yield(), wait_until_waiting(P)
    end.
