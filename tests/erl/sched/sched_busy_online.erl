%% CPU-bound processes that use up slice after slice (each the only one on its scheduler, kept
%% in hand between slices) keep answering messages, keep their results, and move over when
%% schedulers go offline and come back; a newcomer still gets its turn beside them.
-module(sched_busy_online).
-export([main/0]).

main() ->
    Online = erlang:system_info(schedulers_online),
    Self = self(),
    Ws = [spawn(fun() -> busy(Self, I, 0) end) || I <- [1, 2]],
    erlang:display({first, pings(Ws)}),
    erlang:system_flag(schedulers_online, 1),
    erlang:display({one_online, pings(Ws)}),
    %% a short process spawned now runs beside the busy ones
    spawn(fun() -> Self ! {short, fib(15)} end),
    receive {short, F} -> erlang:display({short, F}) after 5000 -> erlang:display(starved) end,
    erlang:system_flag(schedulers_online, Online),
    erlang:display({back_online, pings(Ws)}),
    [W ! stop || W <- Ws],
    erlang:display({results, lists:sort([receive {stopped, I, N} -> {I, N > 0} end || _ <- Ws])}),
    erlang:display({online_restored, erlang:system_info(schedulers_online) =:= Online}).

%% Computes fib(18) again and again, answering pings between two.
busy(Parent, I, N) ->
    receive
        {ping, From} -> From ! {pong, self()}, busy(Parent, I, N);
        stop -> Parent ! {stopped, I, N}
    after 0 ->
        _ = fib(18),
        busy(Parent, I, N + 1)
    end.

pings(Ws) ->
    [W ! {ping, self()} || W <- Ws],
    length([receive {pong, W} -> W after 10000 -> timeout end || W <- Ws]).

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
