-module(misc_nqueens).
-export([main/0, id/1]).

%% N-queens: count solutions for N = 1..8 and print the first 8-queens one.
id(X) -> X.

queens(N) -> place(N, N, []).

place(0, _, Qs) -> [Qs];
place(K, N, Qs) ->
    [Sol || Col <- lists:seq(1, N), safe(Col, Qs, 1), Sol <- place(K - 1, N, [Col | Qs])].

safe(_, [], _) -> true;
safe(C, [Q | Qs], D) -> C =/= Q andalso abs(C - Q) =/= D andalso safe(C, Qs, D + 1).

main() ->
    erlang:display([length(queens(?MODULE:id(N))) || N <- lists:seq(1, 8)]),
    erlang:display(hd(queens(?MODULE:id(8)))),
    ok.
