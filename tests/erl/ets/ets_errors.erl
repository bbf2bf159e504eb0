%% ETS argument errors: what erl raises (badarg, with its error_info cause), joist raises.
-module(ets_errors).
-export([main/0]).

%% The error and the cause erl's error_info names (none when there is none).
t(F) ->
    try F() of
        R -> {ok, R}
    catch
        error:E:S ->
            Cause = case S of
                        [{ets, _, _, Info} | _] ->
                            maps:get(cause, proplists:get_value(error_info, Info, #{}), none);
                        _ -> not_ets
                    end,
            {error, E, Cause}
    end.

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

main() ->
    T = ets:new(t, [set]),
    O = ets:new(o, [ordered_set]),
    ets:insert(T, {k, 1}),
    Dead = ets:new(dead, []),
    ets:delete(Dead),
    show("new bad name", t(fun() -> ets:new("x", []) end)),
    show("new bad opts", [t(fun() -> ets:new(x, Opt) end)
                          || Opt <- [foo, [foo], [{keypos, 0}], [{keypos, a}], [{heir, x, y}],
                                     [{read_concurrency, maybe}], [{write_concurrency, 1}], [set | x],
                                     [{heir, self()}], [{decentralized_counters, 1}]]]),
    show("new good opts", [element(1, t(fun() -> ets:new(x, Opt) end))
                           || Opt <- [[{heir, none}], [{heir, self(), data}], [set, bag, ordered_set],
                                      [public, private], [{keypos, 3}]]]),
    Ops = [{insert, fun(X) -> ets:insert(X, {a}) end},
           {insert_new, fun(X) -> ets:insert_new(X, {a}) end},
           {lookup, fun(X) -> ets:lookup(X, a) end},
           {member, fun(X) -> ets:member(X, a) end},
           {lookup_element, fun(X) -> ets:lookup_element(X, a, 1) end},
           {delete2, fun(X) -> ets:delete(X, a) end},
           {delete1, fun(X) -> ets:delete(X) end},
           {delete_object, fun(X) -> ets:delete_object(X, {a}) end},
           {delete_all_objects, fun(X) -> ets:delete_all_objects(X) end},
           {take, fun(X) -> ets:take(X, a) end},
           {first, fun(X) -> ets:first(X) end},
           {last, fun(X) -> ets:last(X) end},
           {next, fun(X) -> ets:next(X, a) end},
           {prev, fun(X) -> ets:prev(X, a) end},
           {update_counter, fun(X) -> ets:update_counter(X, a, 1) end},
           {update_element, fun(X) -> ets:update_element(X, a, {2, x}) end},
           {match, fun(X) -> ets:match(X, '_') end},
           {match_object, fun(X) -> ets:match_object(X, '_') end},
           {select, fun(X) -> ets:select(X, [{'_', [], [true]}]) end},
           {select3, fun(X) -> ets:select(X, [{'_', [], [true]}], 1) end},
           {select_count, fun(X) -> ets:select_count(X, [{'_', [], [true]}]) end},
           {select_delete, fun(X) -> ets:select_delete(X, [{'_', [], [true]}]) end},
           {select_replace, fun(X) -> ets:select_replace(X, [{'_', [], ['$_']}]) end},
           {slot, fun(X) -> ets:slot(X, 0) end},
           {rename, fun(X) -> ets:rename(X, ets_errors_new_name) end},
           {setopts, fun(X) -> ets:setopts(X, {protection, public}) end},
           {give_away, fun(X) -> ets:give_away(X, self(), x) end},
           {safe_fixtable, fun(X) -> ets:safe_fixtable(X, true) end},
           {info1, fun(X) -> ets:info(X) end},
           {info2, fun(X) -> ets:info(X, size) end},
           {tab2list, fun(X) -> ets:tab2list(X) end}],
    [show(atom_to_list(Name), [t(fun() -> F(X) end) || X <- [Dead, no_such_table, 42, make_ref()]])
     || {Name, F} <- Ops],
    show("insert not tuple", [t(fun() -> ets:insert(T, X) end) || X <- [a, [], [a], [{a} | b], {}, [{a}, {}]]]),
    show("insert_new not tuple", [t(fun() -> ets:insert_new(T, X) end) || X <- [a, {}, [{a} | b]]]),
    show("info bad item", t(fun() -> ets:info(T, nonsense) end)),
    show("info item not atom", t(fun() -> ets:info(T, 1) end)),
    show("lookup_element bad pos", [t(fun() -> ets:lookup_element(T, k, P) end) || P <- [0, -1, a, 3]]),
    show("lookup_element missing", t(fun() -> ets:lookup_element(T, z, 1) end)),
    show("update_element bad", [t(fun() -> ets:update_element(T, k, X) end)
                                || X <- [{1, x}, {3, x}, {a, x}, foo, [{2, x} | y], {2}]]),
    show("update_counter bad", [t(fun() -> ets:update_counter(T, k, X) end)
                                || X <- [a, {1, 1}, {3, 1}, {2, a}, {2, 1, a, 0}, {2, 1, 0, a}, [{2, 1} | x]]]),
    show("set next missing", t(fun() -> ets:next(T, nokey) end)),
    show("ordered next missing", t(fun() -> ets:next(O, nokey) end)),
    show("delete_object bad", [t(fun() -> ets:delete_object(T, X) end) || X <- [a, {}]]),
    show("slot bad", [t(fun() -> ets:slot(T, X) end) || X <- [-1, a, 1000]]),
    show("safe_fixtable bad", t(fun() -> ets:safe_fixtable(T, maybe) end)),
    show("rename bad", t(fun() -> ets:rename(T, "str") end)),
    show("whereis bad", t(fun() -> ets:whereis(make_ref()) end)),
    show("setopts bad", [t(fun() -> ets:setopts(T, X) end)
                         || X <- [foo, {protection, none}, {heir, x, y}, [{keypos, 2}], {heir, self()}]]),
    show("give_away bad", [t(fun() -> ets:give_away(T, X, gift) end) || X <- [self(), foo]]),
    show("select bad ms", [t(fun() -> ets:select(T, X) end) || X <- [foo, [foo], [{'_', [], []}]]]),
    show("match_spec_run bad", t(fun() -> ets:match_spec_run([a], foo) end)),
    ok.
