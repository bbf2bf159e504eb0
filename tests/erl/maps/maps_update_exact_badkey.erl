%% Which key a failing exact map update (M#{K := V, ...}) names in its badkey error when
%% several are missing: with literal keys, the first in key order (integers before floats,
%% then atoms, tuples, lists), whatever order they are written in; with variable keys, the
%% first written. Small (flat) and large (hash) maps.
-module(maps_update_exact_badkey).
-export([main/0, id/1]).

id(X) -> X.

lit1(M) -> M#{42.0 := v, 42 := v2}.
lit2(M) -> M#{zz := v, 7 := v2, {t} := v3, "s" := v4}.
lit3(M) -> M#{"s" := v, {t} := v2, b := v3}.
lit4(M) -> M#{1.0 := v, a := v2}.
var2(M, A, B) -> M#{A := v, B := v2}.

main() ->
    Small = ?MODULE:id(#{a => 1, 7 => x}),
    Large = ?MODULE:id(maps:from_list([{I, I} || I <- lists:seq(1, 40)])),
    [begin
         erlang:display([reason(catch F(M)) || F <- [fun lit1/1, fun lit2/1, fun lit3/1, fun lit4/1]]),
         erlang:display([reason(catch var2(M, A, B))
                         || {A, B} <- [{42.0, 42}, {42, 42.0}, {b, 1}, {1, b}, {z, {a}},
                                       {{a}, z}, {"s", b}, {b, "s"}]])
     end || M <- [Small, Large]],
    erlang:display(reason(catch (?MODULE:id(#{}))#{k := v})),
    ok.

reason({'EXIT', {R, _}}) -> R;
reason(Map) when is_map(Map) -> lists:sort(maps:to_list(Map)).
