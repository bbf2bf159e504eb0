-module(arith_overflow).
-export([main/0, id/1]).

%% Small-integer -> bignum transitions at the 2^59 / 2^60 / 2^63 / 2^64
%% boundaries, in both directions, via + - * and unary minus.
id(X) -> X.

main() ->
    Bounds = [(1 bsl N) + D || N <- [27, 28, 31, 32, 59, 60, 61, 62, 63, 64, 65], D <- [-1, 0, 1]],
    [begin
         B = ?MODULE:id(B0),
         erlang:display({B, B + 1, B - 1, -B, B * 2, B * -2, B + B, -B - 1, is_integer(B + 1)})
     end || B0 <- Bounds],
    Max = ?MODULE:id((1 bsl 59) - 1),
    Min = ?MODULE:id(-(1 bsl 59)),
    erlang:display({max_small_plus, Max + 1, Max + 1 - 1, (Max + 1) - 1 =:= Max}),
    erlang:display({min_small_minus, Min - 1, Min - 1 + 1, -Min, Min * -1}),
    erlang:display({squares, Max * Max, Min * Min, Max * Min}),
    erlang:display({u64, 16#FFFFFFFFFFFFFFFF + ?MODULE:id(1), 16#7FFFFFFFFFFFFFFF + ?MODULE:id(1)}),
    erlang:display({i64, -16#8000000000000000 - ?MODULE:id(1)}),
    %% multiplication overflow of two moderately sized numbers
    erlang:display([?MODULE:id(X) * ?MODULE:id(X) || X <- [1 bsl 29, 1 bsl 30, 1 bsl 31, 3037000499, 3037000500, 4294967295, 4294967296]]),
    ok.
