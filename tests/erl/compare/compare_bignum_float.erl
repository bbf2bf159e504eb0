-module(compare_bignum_float).
-export([main/0, id/1]).

%% Exactness of comparisons between huge integers and floats (no
%% rounding of the integer to float before comparing).
id(X) -> X.

main() ->
    P53 = ?MODULE:id(1 bsl 53), F53 = ?MODULE:id(9007199254740992.0),
    erlang:display({P53 == F53, P53 + 1 == F53, P53 + 1 > F53, P53 - 1 < F53, P53 + 2 == F53 + 2.0}),
    P100 = ?MODULE:id(1 bsl 100), F100 = float(P100),
    erlang:display({P100 == F100, P100 + 1 > F100, P100 - 1 < F100, -P100 == -F100, -P100 - 1 < -F100}),
    Huge = ?MODULE:id(1 bsl 1100),
    erlang:display({Huge > 1.7976931348623157e308, -Huge < -1.7976931348623157e308, Huge > 1.0e308}),
    erlang:display(lists:sort([?MODULE:id(X) || X <- [1.0e20, 100000000000000000000, 100000000000000000001, 99999999999999999999, 1.0e20]])),
    ok.
