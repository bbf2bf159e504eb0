-module(proc_fairness).
-export([main/0]).

%% A process looping forever never stops others from running (preemption by reductions).
main() ->
    Self = self(),
    Busy = spawn(fun() -> spin(0) end),
    spawn(fun() -> Self ! {worker, fib(20)} end),
    receive {worker, F} -> erlang:display({worker_done, F}) end,
    exit(Busy, kill),
    erlang:display(many_spawned(2000)),
    ok.

spin(N) -> spin(N + 1).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

many_spawned(N) ->
    Self = self(),
    Pids = [spawn(fun() -> receive {go, From} -> From ! {ok, self()} end end) || _ <- lists:seq(1, N)],
    [P ! {go, Self} || P <- Pids],
    length([receive {ok, P} -> P end || P <- Pids]).
