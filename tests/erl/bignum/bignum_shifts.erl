-module(bignum_shifts).
-export([main/0, id/1]).

%% Shifting bignums left and right, negative bignum arithmetic shift.
id(X) -> X.

main() ->
    One = ?MODULE:id(1),
    B = One bsl 1000,
    erlang:display({len, length(integer_to_list(B))}),
    erlang:display({b, B bsr 999, B bsr 1000, B bsr 1001, B bsl -1000, (B - 1) bsr 990}),
    N = -(One bsl 200) - 1,
    erlang:display({n, N bsr 1, N bsr 100, N bsr 199, N bsr 200, N bsr 201, N bsr 5000}),
    X = ?MODULE:id(16#DEADBEEFCAFEBABE1234567890),
    [erlang:display({S, X bsl S, X bsr S, (-X) bsr S}) || S <- [1, 4, 31, 32, 63, 64, 65, 100, 128]],
    erlang:display({roundtrip, [((X bsl S) bsr S) =:= X || S <- lists:seq(0, 130, 13)]}),
    ok.
