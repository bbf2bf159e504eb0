-module(recursion_ackermann).
-export([main/0, id/1]).

%% Ackermann function (heavy recursion, small results).
id(X) -> X.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

main() ->
    erlang:display([ack(?MODULE:id(M), ?MODULE:id(N)) || M <- [0, 1, 2, 3], N <- [0, 1, 2, 3, 4]]),
    erlang:display(ack(?MODULE:id(2), 500)),
    erlang:display(ack(?MODULE:id(3), 7)),
    ok.
