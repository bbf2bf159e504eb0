-module(arith_precedence).
-export([main/0, id/1]).

%% Operator precedence and associativity.
id(X) -> X.

main() ->
    A = ?MODULE:id(2), B = ?MODULE:id(3), C = ?MODULE:id(4),
    erlang:display({A + B * C, (A + B) * C, A - B - C, A - (B - C)}),
    erlang:display({A * B div C, A * (B div C), C div A * B, 100 div A div B}),
    erlang:display({A bsl B + 1, A + B bsl 1, A band B + C, A bor B band C}),
    erlang:display({-A * B, - (A * B), -A - -B, A - -B}),
    erlang:display({A * B rem C, A + B rem C, 100 rem 7 rem 3}),
    erlang:display({A < B andalso B < C, A + 1 == B, A * 2 =:= C}),
    erlang:display({bnot A + 1, bnot (A + 1), A bxor B bor C}),
    ok.
