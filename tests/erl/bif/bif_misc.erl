-module(bif_misc).
-export([main/0, id/1]).

%% Misc deterministic BIFs: erlang:phash2 (defined, stable hash),
%% atom_to_list, erlang:list_to_tuple, erlang:make_tuple, lists:keyfind,
%% erlang:function_exported, erlang:module_loaded, is_builtin.
id(X) -> X.

main() ->
    erlang:display([erlang:phash2(?MODULE:id(T)) || T <- [0, 1, a, "abc", {a, b}, [1, 2, 3], 1.5, 1 bsl 70, []]]),
    erlang:display([erlang:phash2(?MODULE:id(T), 100) || T <- [0, a, {x}, "hello"]]),
    erlang:display({erlang:function_exported(?MODULE, main, 0), erlang:function_exported(?MODULE, nope, 0)}),
    erlang:display({erlang:module_loaded(?MODULE), erlang:module_loaded(no_such_mod_qqq)}),
    erlang:display({erlang:is_builtin(erlang, length, 1), erlang:is_builtin(lists, foldl, 3)}),
    ok.
