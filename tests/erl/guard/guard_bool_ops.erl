-module(guard_bool_ops).
-export([main/0, id/1]).

%% and / or / andalso / orelse / not / xor inside guards, including
%% non-boolean operands making the guard fail.
id(X) -> X.

g1(X) when X > 0 andalso X < 10 -> in_range;
g1(_) -> out.

g2(X) when (X > 0) and (X < 10) -> in_range;
g2(_) -> out.

g3(X) when is_integer(X) andalso X rem 2 =:= 0 -> even;
g3(X) when is_integer(X) orelse is_float(X) -> odd_or_float;
g3(_) -> not_number.

g4(X) when not is_atom(X) -> not_atom;
g4(_) -> atom.

g5(A, B) when A xor B -> exactly_one;
g5(_, _) -> zero_or_two.

g6(X) when (X =:= a) or (X =:= b) -> a_or_b;
g6(X) when X =:= c; X =:= d -> c_or_d;
g6(_) -> other.

g7(X) when X andalso true -> x_true;
g7(_) -> x_not_true.

main() ->
    erlang:display([g1(?MODULE:id(V)) || V <- [5, 15, -1]]),
    erlang:display([g2(?MODULE:id(V)) || V <- [5, 15, -1, a]]),
    erlang:display([g3(?MODULE:id(V)) || V <- [4, 5, 5.0, x]]),
    erlang:display([g4(?MODULE:id(V)) || V <- [1, a, "a"]]),
    erlang:display([g5(?MODULE:id(A), ?MODULE:id(B)) || A <- [true, false], B <- [true, false]] ++ [g5(?MODULE:id(1), true)]),
    erlang:display([g6(?MODULE:id(V)) || V <- [a, b, c, d, e]]),
    erlang:display([g7(?MODULE:id(V)) || V <- [true, false, 1]]),
    ok.
