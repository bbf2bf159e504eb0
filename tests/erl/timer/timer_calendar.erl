-module(timer_calendar).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:E -> {C, E} end.

%% Calendar time BIFs: conversions between local, universal and POSIX time for fixed inputs
%% (both VMs run in the same time zone), their range and shape checks, and the clocks' shapes.
main() ->
    Dates = [{{2020, 1, 1}, {0, 0, 0}}, {{2021, 7, 15}, {12, 30, 45}}, {{1970, 1, 1}, {0, 0, 0}},
             {{1969, 12, 31}, {23, 59, 59}}, {{1902, 1, 1}, {0, 0, 0}},
             {{2038, 1, 19}, {3, 14, 8}}, {{2100, 2, 28}, {23, 59, 59}},
             {{2000, 2, 29}, {6, 0, 0}}, {{9999, 12, 31}, {23, 59, 59}},
             {{10000, 1, 1}, {0, 0, 0}}],
    erlang:display([t(fun() -> erlang:universaltime_to_localtime(?MODULE:id(D)) end)
                    || D <- Dates]),
    erlang:display([t(fun() -> erlang:localtime_to_universaltime(?MODULE:id(D)) end)
                    || D <- Dates]),
    erlang:display([[t(fun() -> erlang:localtime_to_universaltime(?MODULE:id(D), Dst) end)
                     || Dst <- [true, false, undefined]] || D <- Dates]),
    erlang:display([t(fun() -> erlang:universaltime_to_posixtime(?MODULE:id(D)) end)
                    || D <- Dates ++ [{{1600, 1, 1}, {0, 0, 0}}, {{1599, 12, 31}, {0, 0, 0}}]]),
    Secs = [0, 1, -1, 86399, 86400, -86400, 951782400, 4102444800, 253402300799,
            -62167219200, -62167219201, 1 bsl 40, -(1 bsl 40), 1 bsl 58],
    erlang:display([erlang:posixtime_to_universaltime(?MODULE:id(S)) || S <- Secs]),
    %% round trips
    erlang:display([erlang:universaltime_to_posixtime(erlang:posixtime_to_universaltime(S)) =:= S
                    || S <- [0, 1, 86400, 951782400, 4102444800, 253402300799]]),
    Bad = [foo, {{2020, 2, 30}, {0, 0, 0}}, {{2021, 2, 29}, {0, 0, 0}}, {{2020, 4, 31}, {0, 0, 0}},
           {{2020, 13, 1}, {0, 0, 0}}, {{2020, 0, 1}, {0, 0, 0}}, {{2020, 1, 0}, {0, 0, 0}},
           {{2020, 1, 1}, {24, 0, 0}}, {{2020, 1, 1}, {0, 60, 0}}, {{2020, 1, 1}, {0, 0, 60}},
           {{2020, 1, 1}, {-1, 0, 0}}, {{1901, 12, 31}, {0, 0, 0}}, {{1, 1, 1}, {0, 0, 0}},
           {{2020, 1, 1}, {0, 0, 0}, x}, {{2020, 1, 1, 1}, {0, 0, 0}}, {{2020.0, 1, 1}, {0, 0, 0}},
           {{1 bsl 70, 1, 1}, {0, 0, 0}}, {{2020, 1, 1}, {0, 0, 0.0}}, {2020, 1, 1}],
    erlang:display([t(fun() -> erlang:universaltime_to_localtime(?MODULE:id(B)) end)
                    || B <- Bad]),
    erlang:display([t(fun() -> erlang:localtime_to_universaltime(?MODULE:id(B)) end)
                    || B <- Bad]),
    erlang:display([t(fun() -> erlang:universaltime_to_posixtime(?MODULE:id(B)) end)
                    || B <- Bad]),
    erlang:display([t(fun() -> erlang:localtime_to_universaltime({{2020, 1, 1}, {0, 0, 0}},
                                                                 ?MODULE:id(D)) end)
                    || D <- [foo, 1, "true"]]),
    erlang:display([t(fun() -> erlang:posixtime_to_universaltime(?MODULE:id(S)) end)
                    || S <- [1.0, foo, 1 bsl 60, -(1 bsl 60), 1 bsl 64, -(1 bsl 64)]]),
    %% the clocks: shapes, and consistent with each other
    {Date, Time} = erlang:localtime(),
    {UDate, UTime} = erlang:universaltime(),
    erlang:display({shapes, valid(Date, Time), valid(UDate, UTime), valid(erlang:date(),
                                                                      erlang:time())}),
    U = erlang:universaltime(),
    L = erlang:universaltime_to_localtime(U),
    erlang:display({local_now, near(L, erlang:localtime())}),
    erlang:display({universal_now, near(erlang:localtime_to_universaltime(L), U)}),
    erlang:display({posix_now, abs(erlang:universaltime_to_posixtime(erlang:universaltime())
                                   - erlang:system_time(second)) =< 2}),
    erlang:display({calendar, is_tuple(calendar:local_time()),
                    calendar:datetime_to_gregorian_seconds(calendar:universal_time()) > 0}),
    ok.

valid({Y, Mo, D}, {H, Mi, S}) ->
    lists:all(fun is_integer/1, [Y, Mo, D, H, Mi, S]) andalso Y >= 2020 andalso
        Mo >= 1 andalso Mo =< 12 andalso D >= 1 andalso D =< 31 andalso H >= 0 andalso H < 24
        andalso Mi >= 0 andalso Mi < 60 andalso S >= 0 andalso S < 60.

near(A, B) ->
    abs(erlang:universaltime_to_posixtime(A) - erlang:universaltime_to_posixtime(B)) =< 2.
