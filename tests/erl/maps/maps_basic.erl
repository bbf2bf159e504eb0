-module(maps_basic).
-export([main/0, id/1]).

id(X) -> X.

head(#{a := A, b := B}) -> {ab, A, B};
head(#{a := A}) -> {a, A};
head(#{}) -> empty_or_other;
head(_) -> not_a_map.

guard(M) when is_map_key(k, M) -> has_k;
guard(M) when map_get(v, M) =:= 1 -> v_is_1;
guard(M) when map_size(M) > 2 -> big;
guard(M) when is_map(M) -> small;
guard(_) -> no.

key_var(K, M) ->
    case M of
        #{K := V} -> {found, V};
        _ -> missing
    end.

main() ->
    E = id(#{}),
    erlang:display(E),
    M1 = E#{a => 1},
    M2 = M1#{b => 2, c => 3},
    erlang:display(M2),
    erlang:display(M2#{a := 10}),
    erlang:display(M2#{z => 26, a => 0}),
    erlang:display(map_size(M2)),
    erlang:display([head(id(X)) || X <- [#{a => 1, b => 2}, #{a => 3}, #{c => 4}, #{}, x]]),
    erlang:display([guard(id(X)) || X <- [#{k => 1}, #{v => 1}, #{v => 2, w => 1, x => 1},
                                           #{v => 2}, []]]),
    erlang:display([key_var(id(K), id(M2)) || K <- [a, b, zz]]),
    erlang:display(maps:get(b, M2)),
    erlang:display(maps:find(c, M2)),
    erlang:display(maps:find(d, M2)),
    erlang:display(maps:is_key(a, M2)),
    erlang:display(maps:put(d, 4, M2)),
    erlang:display(maps:remove(b, M2)),
    erlang:display(maps:remove(nope, M2)),
    erlang:display(maps:take(a, M2)),
    erlang:display(maps:take(nope, M2)),
    erlang:display(maps:update(c, 33, M2)),
    erlang:display(maps:keys(M2)),
    erlang:display(maps:values(M2)),
    erlang:display(maps:to_list(M2)),
    erlang:display(maps:merge(M2, #{c => x, d => y})),
    erlang:display(maps:from_list([{b, 1}, {a, 2}, {b, 3}])),
    erlang:display(maps:from_keys([x, y, x], 0)),
    %% mixed integer and float keys: distinct keys, integers first
    Mix = maps:from_list([{1.0, float}, {1, int}, {0.5, half}, {2, two}, {-1, neg}]),
    erlang:display(Mix),
    erlang:display({maps:get(1, Mix), maps:get(1.0, Mix)}),
    erlang:display(maps:keys(Mix)),
    %% keys of many types, in term order
    All = maps:from_list([{[1,2], list}, {{t}, tuple}, {"str", string}, {atom, atom},
                          {42, int}, {#{in => map}, map}, {[], nil}, {3.5, float}]),
    erlang:display(All),
    erlang:display(maps:get(#{in => map}, All)),
    %% nested maps
    N = #{outer => #{inner => #{deep => 1}}},
    #{outer := #{inner := #{deep := D}}} = id(N),
    erlang:display(D),
    N2 = N#{outer := (maps:get(outer, N))#{inner := #{deep => 2}}},
    erlang:display(N2),
    %% comparisons
    erlang:display(#{a => 1} == #{a => 1.0}),
    erlang:display(#{a => 1} =:= #{a => 1.0}),
    erlang:display(#{1 => a} == #{1.0 => a}),
    erlang:display(lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{a => 1}, #{}])),
    erlang:display(#{a => 1} < #{a => 2}),
    erlang:display(#{a => 1, b => 2} > #{c => 1}),
    erlang:display(lists:sort([#{1 => a}, #{1.0 => a}, #{0 => b}])),
    erlang:display(id(#{a => 1}) < {tuple}),
    erlang:display(id(#{a => 1}) < [list]),
    ok.
