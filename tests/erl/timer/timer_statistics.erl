-module(timer_statistics).
-export([main/0, id/1]).

id(X) -> X.

%% erlang:statistics/1: the shape of every item (values differ between runs and VMs; the
%% number of schedulers too, so lists are checked element by element).
main() ->
    {R1, _} = erlang:statistics(reductions),
    burn(20000),
    {R2, Since} = erlang:statistics(reductions),
    erlang:display({reductions, is_integer(R1), R2 > R1, Since > 0, Since =< R2 - R1}),
    {E1, _} = erlang:statistics(exact_reductions),
    erlang:display({exact_reductions, is_integer(E1)}),
    {RT, RTS} = erlang:statistics(runtime),
    erlang:display({runtime, is_integer(RT), is_integer(RTS), RT >= RTS, RTS >= 0}),
    {W1, _} = erlang:statistics(wall_clock),
    receive after 30 -> ok end,
    {W2, WS} = erlang:statistics(wall_clock),
    erlang:display({wall_clock, W2 - W1 >= 30, WS >= 30, W2 >= WS}),
    erlang:display({run_queue, nonneg(erlang:statistics(run_queue))}),
    [erlang:display({I, nonneg(erlang:statistics(I))})
     || I <- [total_run_queue_lengths, total_run_queue_lengths_all, total_active_tasks,
              total_active_tasks_all]],
    [erlang:display({I, nonneg_list(erlang:statistics(I))})
     || I <- [run_queue_lengths, run_queue_lengths_all, active_tasks, active_tasks_all]],
    %% the caller itself is an active task
    erlang:display({active_self, erlang:statistics(total_active_tasks) >= 1,
                    lists:sum(erlang:statistics(active_tasks)) >= 1}),
    %% the _all lists hold one more (dirty IO) queue
    erlang:display({all_longer,
                    length(erlang:statistics(run_queue_lengths_all))
                        =:= length(erlang:statistics(run_queue_lengths)) + 1,
                    length(erlang:statistics(active_tasks_all))
                        =:= length(erlang:statistics(active_tasks)) + 1}),
    %% with runnable processes about (how many are queued depends on the schedulers)
    Self = self(),
    Spinners = [spawn(fun() -> Self ! started, burn(200000) end) || _ <- lists:seq(1, 4)],
    [receive started -> ok end || _ <- Spinners],
    erlang:display({busy, nonneg(erlang:statistics(total_run_queue_lengths)),
                    erlang:statistics(total_active_tasks) >= 1}),
    {CS, Zero} = erlang:statistics(context_switches),
    erlang:display({context_switches, CS > 0, Zero}),
    {{input, In}, {output, Out}} = erlang:statistics(io),
    erlang:display({io, nonneg(In), nonneg(Out)}),
    {GCs, Words, GZero} = erlang:statistics(garbage_collection),
    erlang:display({garbage_collection, nonneg(GCs), nonneg(Words), GZero}),
    erlang:display({scheduler_wall_time, erlang:statistics(scheduler_wall_time),
                    erlang:statistics(scheduler_wall_time_all)}),
    erlang:display([try erlang:statistics(?MODULE:id(X)) catch C:E -> {C, E} end
                    || X <- [foo, 1, "runtime", {io}]]),
    ok.

burn(0) -> ok;
burn(N) -> burn(N - 1).

nonneg(X) -> is_integer(X) andalso X >= 0.
nonneg_list(L) -> is_list(L) andalso length(L) >= 2 andalso lists:all(fun nonneg/1, L).
