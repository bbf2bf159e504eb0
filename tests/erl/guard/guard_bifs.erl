-module(guard_bifs).
-export([main/0, id/1]).

%% Guard-safe BIFs: abs, element, hd, tl, length, tuple_size, size,
%% map-free arithmetic, node, self, float, round, trunc, min/max, bit ops.
id(X) -> X.

g(X) when abs(X) > 100 -> abs_big;
g(X) when is_tuple(X), tuple_size(X) > 2, element(3, X) =:= c -> third_is_c;
g(X) when is_list(X), length(X) >= 3, hd(X) =:= tl(tl(X)) -> weird;
g(X) when is_list(X), hd(tl(X)) =:= b -> second_is_b;
g(X) when is_float(X), round(X) =:= 3 -> rounds_to_3;
g(X) when is_integer(X), trunc(X / 2) =:= 5 -> half_trunc_5;
g(X) when is_integer(X), X band 1 =:= 1, X bsr 1 > 2 -> odd_gt5;
g(X) when is_number(X), float(X) > 3.5 -> float_gt;
g(X) when node() =:= nonode@nohost, X =:= node -> node;
g(X) when X =:= self -> self;
g(X) when is_number(X), X * -1 >= 0 -> nonpositive;
g(_) -> other.

main() ->
    erlang:display([g(?MODULE:id(V)) || V <- [-200, {a, b, c}, {a, b}, [a, b], [x, y, z], 3.2, 10, 11, 7, 4, node, self, -3, 0, 1]]),
    ok.
