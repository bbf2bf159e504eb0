-module(bignum_boundaries).
-export([main/0, id/1]).

%% Values around 2^N for N in 55..70 and their negations; checks that
%% results shrink back into small integers correctly.
id(X) -> X.

main() ->
    [begin
         P = ?MODULE:id(1 bsl N),
         erlang:display({N, P - 1, P, P + 1, -P - 1, -P, -P + 1}),
         erlang:display({N, (P + 1) - P, (P * 3) div P, (P * P) div P =:= P, (P + 7) rem P, -(P + 7) rem P})
     end || N <- lists:seq(55, 70)],
    Big = ?MODULE:id(1 bsl 64),
    Small = Big - ((1 bsl 64) - 5),
    erlang:display({shrunk, Small, is_integer(Small), Small + 1, Small * Small}),
    erlang:display({sum_cancel, Big + (-Big), Big - Big, Big * 0, 0 * Big}),
    erlang:display({eq, Big =:= 18446744073709551616, Big == 18446744073709551616.0, Big - 1 < Big}),
    ok.
