-module(exception_in_guards).
-export([main/0, id/1]).

%% Exceptions inside guards do not propagate: the guard just fails.
id(X) -> X.

g(X) when hd(X) > 0 -> pos_head;
g(X) when element(2, X) =:= b -> second_b;
g(X) when length(X) > 100 -> long;
g(X) when X / 0 > 1 -> never;
g(X) when abs(X) > 10 -> big;
g(_) -> fallback.

h(X) when (1 / X) > 0.5; X =:= 0 -> matched;
h(_) -> nomatch.

main() ->
    erlang:display([g(?MODULE:id(V)) || V <- [[1], [-1], {a, b}, {a}, a, -20, 5, [], lists:seq(1, 200)]]),
    erlang:display([h(?MODULE:id(V)) || V <- [1, 0, 5, a]]),
    erlang:display([if is_integer(V) andalso V div 0 > 1 -> crazy; true -> safe end || V <- ?MODULE:id([1, a])]),
    ok.
