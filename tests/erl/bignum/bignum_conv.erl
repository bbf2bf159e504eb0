-module(bignum_conv).
-export([main/0, id/1]).

%% integer_to_list / list_to_integer on bignums in many bases.
id(X) -> X.

main() ->
    B = ?MODULE:id(1 bsl 130 + 987654321),
    [erlang:display({Base, integer_to_list(B, Base), integer_to_list(-B, Base)}) || Base <- [2, 3, 8, 10, 16, 36]],
    erlang:display({rt, [list_to_integer(integer_to_list(B, Base), Base) =:= B || Base <- lists:seq(2, 36)]}),
    erlang:display({parse, list_to_integer("123456789012345678901234567890"), list_to_integer("-000000000000000000000099999999999999999999")}),
    erlang:display({hex, list_to_integer("ffffffffffffffffffffffff", 16), list_to_integer("-8000000000000000", 16)}),
    erlang:display({to_list, integer_to_list(-(1 bsl 64)), integer_to_list(1 bsl 64, 16)}),
    ok.
