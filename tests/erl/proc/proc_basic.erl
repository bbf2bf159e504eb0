-module(proc_basic).
-export([main/0, echo/0, worker/2]).
main() ->
    Self = self(),
    P = spawn(fun() -> receive {ping, From} -> From ! {pong, self()} end end),
    P ! {ping, Self},
    receive {pong, P} -> erlang:display(got_pong) end,
    E = spawn(proc_basic, echo, []),
    [E ! {self(), I} || I <- lists:seq(1, 5)],
    erlang:display([receive {E, I} -> I end || _ <- lists:seq(1, 5)]),
    receive after 10 -> erlang:display(timeout_ok) end,
    erlang:display(receive nothing -> no after 0 -> zero end),
    process_flag(trap_exit, true),
    L = spawn_link(fun() -> exit(boom) end),
    receive {'EXIT', L, R} -> erlang:display({exit_seen, R}) end,
    {M, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, M, R2} -> erlang:display({down, R2}) end,
    Ws = [spawn(proc_basic, worker, [self(), N]) || N <- lists:seq(1, 100)],
    erlang:display(lists:sum([receive {done, W, V} -> V end || W <- Ws])),
    register(myname, self()),
    myname ! hello,
    receive hello -> erlang:display(registered_send) end,
    erlang:display(catch nobody ! x),
    E ! stop,
    erlang:display(done).
echo() -> receive {From, X} -> From ! {self(), X}, echo(); stop -> ok end.
worker(Parent, N) -> Parent ! {done, self(), loop(N * 1000, 0)}.
loop(0, A) -> A;
loop(N, A) -> loop(N - 1, A + 1).
