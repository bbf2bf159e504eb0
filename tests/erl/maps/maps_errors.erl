-module(maps_errors).
-export([main/0, id/1]).

id(X) -> X.

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

exact(M) -> M#{a := 1}.
assoc(M) -> M#{a => 1}.
match(M) -> #{a := A} = M, A.

main() ->
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
    [erlang:display(t(F)) || F <- [
        fun() -> maps:find(a, id(x)) end,
        fun() -> maps:from_list(id([a])) end,
        fun() -> maps:from_list(id([{a, 1} | b])) end,
        fun() -> maps:from_keys(id(x), 1) end,
        fun() -> maps:merge(id(x), id(y)) end,
        fun() -> maps:merge(#{}, id(y)) end,
        fun() -> maps:update(a, 1, id(#{})) end,
        fun() -> maps:update(99, 1, Big) end,
        fun() -> maps:take(a, id(x)) end,
        fun() -> maps:remove(a, id(x)) end,
        fun() -> maps:keys(id(x)) end,
        fun() -> maps:values(id(x)) end,
        fun() -> maps:put(a, 1, id(x)) end,
        fun() -> maps:is_key(a, id(x)) end,
        fun() -> map_size(id(x)) end,
        fun() -> map_get(a, id(x)) end,
        fun() -> map_get(a, id(#{})) end,
        fun() -> map_get(99, Big) end,
        fun() -> is_map_key(a, id(x)) end,
        fun() -> exact(id(x)) end,
        fun() -> exact(id(#{b => 2})) end,
        fun() -> exact(id(#{a => 2})) end,
        fun() -> assoc(id([])) end,
        fun() -> match(id(#{b => 1})) end,
        fun() -> match(id(Big)) end,
        fun() -> (id(Big))#{100 := x} end
    ]],
    erlang:display(catch exact(id(#{b => 2}))),
    exact(id(#{c => 3})).
