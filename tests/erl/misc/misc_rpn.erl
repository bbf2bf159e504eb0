-module(misc_rpn).
-export([main/0, id/1]).

%% Reverse Polish calculator over tokens, with error handling.
id(X) -> X.

rpn(S) ->
    try
        [Res] = lists:foldl(fun step/2, [], string:tokens(S, " ")),
        {ok, Res}
    catch
        error:{badmatch, Stack} -> {error, {leftover, Stack}};
        error:Why -> {error, Why};
        throw:T -> {thrown, T}
    end.

step("+", [B, A | S]) -> [A + B | S];
step("-", [B, A | S]) -> [A - B | S];
step("*", [B, A | S]) -> [A * B | S];
step("/", [B, A | S]) -> [A / B | S];
step("^", [B, A | S]) -> [pow(A, B) | S];
step("neg", [A | S]) -> [-A | S];
step("sum", S) -> [lists:sum(S)];
step("bad", _) -> throw(bad_token);
step(N, S) -> [list_to_integer(N) | S].

pow(_, 0) -> 1;
pow(A, B) -> A * pow(A, B - 1).

main() ->
    erlang:display([rpn(?MODULE:id(S)) || S <- ["3 4 +", "5 1 2 + 4 * + 3 -", "2 100 ^", "1 2 3 4 5 sum", "10 4 /",
                                                 "1 0 /", "1 +", "1 2", "x", "bad", "7 neg 2 *"]]),
    ok.
