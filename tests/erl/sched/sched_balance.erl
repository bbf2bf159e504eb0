%% Four CPU-bound processes started together by one process spread over two schedulers.
%% Each worker counts, per chunk of work, the scheduler it ran that chunk on; the test prints
%% whether each scheduler did between 25% and 75% of all chunks of the last three quarters
%% (the first quarter leaves time to spread; erl itself lands near 2:1 at times). It fails
%% when the work stays on one scheduler. With fewer than two schedulers online there is
%% nothing to spread and it prints the same.
-module(sched_balance).
-export([main/0]).

-define(WORKERS, 4).
-define(CHUNKS, 400).

main() ->
    Self = self(),
    Pids = [spawn(fun() -> worker(Self) end) || _ <- lists:seq(1, ?WORKERS)],
    Counts = [receive {counts, P, C} -> C end || P <- Pids],
    Total = lists:foldl(fun(C, Acc) -> merge(C, Acc) end, #{}, Counts),
    N = erlang:system_info(schedulers_online),
    erlang:display({balanced, N < 2 orelse balanced(Total)}).

worker(Parent) ->
    Parent ! {counts, self(), chunks(?CHUNKS, #{})}.

chunks(0, Acc) -> Acc;
chunks(K, Acc) ->
    _ = spin(40000, 0),
    Acc1 = case K =< (?CHUNKS * 3) div 4 of
               true ->
                   S = erlang:system_info(scheduler_id),
                   maps:update_with(S, fun(V) -> V + 1 end, 1, Acc);
               false ->
                   Acc
           end,
    chunks(K - 1, Acc1).

spin(0, A) -> A;
spin(I, A) -> spin(I - 1, (A + I) rem 7919).

merge(C, Acc) ->
    maps:fold(fun(K, V, A) -> maps:update_with(K, fun(X) -> X + V end, V, A) end, Acc, C).

balanced(Total) ->
    All = lists:sum(maps:values(Total)),
    Shares = [V / All || {S, V} <- maps:to_list(Total), S =< 2],
    length(Shares) =:= 2 andalso lists:all(fun(F) -> F >= 0.25 andalso F =< 0.75 end, Shares).
