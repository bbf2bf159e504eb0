%% Where a receive starts after another one ended unusually: a bad timeout value raises
%% timeout_value after the scan (the next receive must still see every message, erl's
%% gh_5235), and a receive with a timeout that a non-matching message wakes (the timeout taken
%% when the receive began still holds, whatever ran on the scheduler meanwhile).
-module(proc_receive_restart).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    bad_timeout(),
    bad_timeout_then_ref(),
    woken_sleeper(),
    woken_infinity(),
    demonitor_flush().

bad_timeout() ->
    id(self()) ! init,
    R1 = try receive blipp -> ok after blupp -> ok end catch C:E -> {C, E} end,
    R2 = receive init -> got_init after 1000 -> lost end,
    id(self()) ! init2,
    R3 = try receive blapp -> ok after id(-1) -> ok end catch C2:E2 -> {C2, E2} end,
    R4 = receive init2 -> got_init2 after 1000 -> lost end,
    erlang:display({bad_timeout, R1, R2, R3, R4}).

bad_timeout_then_ref() ->
    id(self()) ! init,
    R1 = try receive blipp -> ok after id(1.5) -> ok end catch C:E -> {C, E} end,
    Ref = make_ref(),
    id(self()) ! Ref,
    R2 = receive init -> got_init after 1000 -> lost end,
    R3 = receive Ref -> got_ref after 1000 -> lost end,
    erlang:display({bad_timeout_then_ref, R1, R2, R3}).

%% timer:sleep/1 is `receive after T`: messages that arrive meanwhile wake it, it keeps sleeping.
woken_sleeper() ->
    Self = self(),
    P = spawn(fun() ->
                      T0 = erlang:monotonic_time(millisecond),
                      timer:sleep(200),
                      Slept = erlang:monotonic_time(millisecond) - T0,
                      Self ! {slept, self(), Slept >= 200, drain()}
              end),
    [begin timer:sleep(20), P ! {hello, I} end || I <- [1, 2, 3]],
    R = receive {slept, P, Long, Msgs} -> {Long, Msgs} after 2000 -> lost end,
    erlang:display({woken_sleeper, R}).

woken_infinity() ->
    Self = self(),
    P = spawn(fun() ->
                      R = receive {go, X} -> X after infinity -> never end,
                      Self ! {got, self(), R, drain()}
              end),
    P ! noise1,
    timer:sleep(20),
    P ! noise2,
    timer:sleep(20),
    P ! {go, 42},
    R = receive {got, P, V, Left} -> {V, Left} after 2000 -> lost end,
    erlang:display({woken_infinity, R}).

%% demonitor(R, [flush]) removes a 'DOWN' only when the monitor had already fired; while it is
%% active nothing is removed (not even a message shaped like a 'DOWN').
demonitor_flush() ->
    P = spawn(fun() -> receive stop -> ok end end),
    R = erlang:monitor(process, P),
    self() ! {x, R, a, b, c},
    A = erlang:demonitor(R, [flush, info]),
    B = receive M -> M =:= {x, R, a, b, c} after 0 -> none end,
    R2 = erlang:monitor(process, P),
    P ! stop,
    timer:sleep(50),
    self() ! {y, R2, a, b, c},
    C = erlang:demonitor(R2, [flush, info]),
    D = receive M2 -> M2 =:= {y, R2, a, b, c} after 0 -> none end,
    R3 = erlang:monitor(process, P),  % noproc at once
    E = erlang:demonitor(R3, [flush, info]),
    F = drain(),
    erlang:display({demonitor_flush, A, B, C, D, E, F}).

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
