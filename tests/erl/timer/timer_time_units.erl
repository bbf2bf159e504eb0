-module(timer_time_units).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:E -> {C, E} end.

%% erlang:convert_time_unit/3 over every unit (and integer units), rounding of negative
%% values, badarg; the clocks in each unit (relations only: values differ run to run).
main() ->
    Units = [second, millisecond, microsecond, nanosecond, native, perf_counter,
             seconds, milli_seconds, micro_seconds, nano_seconds, 1, 3, 7, 1000, 1 bsl 40],
    Values = [0, 1, 999, 1000, 1000001, -1, -999, -1000, -1000001, 1 bsl 62, -(1 bsl 62)],
    erlang:display([[erlang:convert_time_unit(?MODULE:id(V), F, T) || F <- Units, T <- Units]
                    || V <- Values]),
    Bad = [{1, foo, second}, {1, second, foo}, {1.0, second, second}, {1, 0, second},
           {1, second, -5}, {1, 2.5, second}, {a, native, second}, {1, "second", second}],
    erlang:display([t(fun() -> erlang:convert_time_unit(?MODULE:id(V), F, T) end)
                    || {V, F, T} <- Bad]),
    %% the clocks accept the same units and reject the rest
    Clocks = [fun erlang:monotonic_time/1, fun erlang:system_time/1, fun erlang:time_offset/1,
              fun os:system_time/1],
    erlang:display([[is_integer(C(?MODULE:id(U))) || U <- Units] || C <- Clocks]),
    erlang:display([[t(fun() -> C(?MODULE:id(U)) end) || U <- [foo, 0, -1, 1.0, "second"]]
                    || C <- Clocks]),
    %% monotonic time never goes back, in any unit; it stays a small-ish integer
    M1 = erlang:monotonic_time(),
    M2 = erlang:monotonic_time(),
    erlang:display({monotonic, M1 =< M2}),
    S = erlang:monotonic_time(second),
    Ms = erlang:monotonic_time(millisecond),
    erlang:display({monotonic_units, Ms div 1000 >= S, Ms div 1000 - S =< 1}),
    %% system time = monotonic time + offset (to a second)
    Sys = erlang:system_time(second),
    Off = erlang:time_offset(second),
    erlang:display({offset, abs(erlang:monotonic_time(second) + Off - Sys) =< 1}),
    erlang:display({system_vs_os, abs(erlang:system_time(second) - os:system_time(second)) =< 1}),
    %% a receive timeout waits at least its time
    T0 = erlang:monotonic_time(millisecond),
    receive after 30 -> ok end,
    erlang:display({waited, erlang:monotonic_time(millisecond) - T0 >= 30}),
    %% timestamps
    {MS, Se, Us} = erlang:timestamp(),
    erlang:display({timestamp, is_integer(MS), Se < 1000000, Us < 1000000,
                    abs(MS * 1000000 + Se - erlang:system_time(second)) =< 1}),
    {MS2, Se2, Us2} = os:timestamp(),
    erlang:display({os_timestamp, abs(MS2 * 1000000 + Se2 - os:system_time(second)) =< 1,
                    Us2 < 1000000}),
    N1 = erlang:now(),
    N2 = erlang:now(),
    erlang:display({now_increases, N1 < N2}),
    %% unique integers
    U1 = erlang:unique_integer(),
    U2 = erlang:unique_integer(),
    erlang:display({unique, is_integer(U1), U1 =/= U2}),
    Pos = [erlang:unique_integer([positive]) || _ <- lists:seq(1, 100)],
    erlang:display({positive, lists:all(fun(X) -> X > 0 end, Pos),
                    length(lists:usort(Pos)) =:= 100}),
    Mono = [erlang:unique_integer([monotonic]) || _ <- lists:seq(1, 100)],
    erlang:display({monotonic_unique, lists:sort(Mono) =:= Mono, length(lists:usort(Mono))}),
    PM = [erlang:unique_integer([positive, monotonic]) || _ <- lists:seq(1, 100)],
    erlang:display({positive_monotonic, lists:sort(PM) =:= PM, hd(PM) > 0}),
    erlang:display([t(fun() -> erlang:unique_integer(?MODULE:id(O)) end)
                    || O <- [[foo], foo, [positive | monotonic], [{positive}]]]),
    erlang:display(is_integer(erlang:unique_integer([]))),
    ok.
