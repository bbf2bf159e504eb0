-module(guard_failures).
-export([main/0, id/1]).

%% A guard expression that raises simply fails that guard; in a guard
%% sequence (;) evaluation continues with the next alternative.
id(X) -> X.

f(X) when hd(X) =:= 1; is_atom(X) -> first_or_atom;
f(X) when element(1, X) =:= t -> t_tuple;
f(X) when length(X) =:= 0; X + 1 > 0 -> empty_or_positive;
f(_) -> fallback.

main() ->
    erlang:display([f(?MODULE:id(V)) || V <- [[1], a, {t}, [], 5, -5, [2 | x], {}, "str"]]),
    ok.
