%% ETS match, match_object, select and their relatives; match specifications.
-module(ets_match).
-export([main/0]).

t(F) -> try F() catch C:E -> {C, E} end.

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

main() ->
    O = ets:new(o, [ordered_set]),
    S = ets:new(s, [set]),
    B = ets:new(b, [bag]),
    D = ets:new(d, [duplicate_bag]),
    Objs = [{K, K rem 3, integer_to_list(K), {tag, K * 2}} || K <- lists:seq(1, 20)],
    [ets:insert(T, Objs) || T <- [O, S, B, D]],
    ets:insert(O, [{2.5, x, "f", {tag, 5.0}}, {a, 0, "a", {other}}]),
    ets:insert(B, [{1, 1, "one", {tag, 1}}]),
    ets:insert(D, [{1, 1, "1", {tag, 2}}]),
    lists:foreach(fun(T) -> run(T) end, [O, S, B, D]),
    ordered(O),
    chunks(O),
    chunks(S),
    specs(),
    modify(),
    ok.

sort(T, L) ->
    case ets:info(T, type) of
        ordered_set -> L;
        _ -> lists:sort(L)
    end.

run(T) ->
    show("type", ets:info(T, type)),
    show("match", sort(T, ets:match(T, {'$1', 0, '_', '$2'}))),
    show("match ignore", sort(T, ets:match(T, {'_', 2, '$3', '_'}))),
    show("match_object", sort(T, ets:match_object(T, {'_', 1, '_', {tag, '_'}}))),
    show("match bound key", sort(T, ets:match_object(T, {1, '_', '_', '_'}))),
    show("match repeated var", sort(T, ets:match(T, {'$1', '$1', '_', '_'}))),
    show("select guard", sort(T, ets:select(T, [{{'$1', '$2', '_', '_'}, [{'>', '$1', 15}, {'==', '$2', 0}],
                                                ['$1']}]))),
    show("select body", sort(T, ets:select(T, [{{'$1', '_', '$3', {tag, '$4'}}, [{'<', '$1', 4}],
                                               [{{'$3', {'*', '$4', 10}, '$$', {const, {c}}}}]}]))),
    show("select two clauses", sort(T, ets:select(T, [{{'$1', 0, '_', '_'}, [{is_integer, '$1'}, {'<', '$1', 7}], [{{zero, '$1'}}]},
                                                      {{'$1', 1, '_', '_'}, [{'=<', '$1', 4}], [{{one, '$1'}}]}]))),
    show("select $_", sort(T, ets:select(T, [{{'$1', '_', '_', '_'}, [{'=:=', '$1', 7}], ['$_']}]))),
    show("select fun guards", sort(T, ets:select(T, [{{'$1', '$2', '$3', '$4'},
                                                      [{'andalso', {is_list, '$3'}, {'==', {length, '$3'}, 2},
                                                        {'orelse', {'=:=', {element, 2, '$4'}, 24}, {'>', {hd, '$3'}, $1}}}],
                                                      [{{{size, '$4'}, {'rem', '$1', 5}, {abs, {'-', '$2'}},
                                                         {'band', '$1', 3}, {'bsl', 1, '$2'}, {float, '$2'}}}]}]))),
    show("select guard error", sort(T, ets:select(T, [{{'$1', '_', '_', '_'}, [{'>', {'+', '$1', foo}, 1}], ['$1']}]))),
    show("select body error", sort(T, ets:select(T, [{{'$1', '_', '_', '_'}, [{'<', '$1', 3}], [{'div', '$1', 0}]}]))),
    show("select match all", length(ets:select(T, [{'_', [], [true]}]))),
    show("select var head", sort(T, ets:select(T, [{'$1', [{'<', {element, 1, '$1'}, 3}], ['$1']}]))),
    show("select_count", ets:select_count(T, [{{'$1', 0, '_', '_'}, [], [true]}])),
    show("select_count non-true", ets:select_count(T, [{{'$1', 0, '_', '_'}, [], ['$1']}])),
    show("select_reverse", sort(T, ets:select_reverse(T, [{{'$1', 2, '_', '_'}, [], ['$1']}]))),
    show("match nothing", {ets:match(T, {nomatch}), ets:select(T, [{{'_', '_'}, [], ['$_']}])}),
    show("match_object all", length(ets:match_object(T, '_'))),
    show("tab2list", length(ets:tab2list(T))).

ordered(O) ->
    show("ordered match", ets:match(O, {'$1', '_', '_', '_'})),
    show("ordered select_reverse", ets:select_reverse(O, [{{'$1', '_', '_', '_'}, [], ['$1']}])),
    show("ordered select eq key", ets:select(O, [{{2.5, '_', '_', '_'}, [], ['$_']}, {{2, '_', '_', '_'}, [], ['$_']}])),
    show("ordered select int key", ets:select(O, [{{2.0, '_', '_', '_'}, [], ['$_']}])).

chunks(T) ->
    MS = [{{'$1', '_', '_', '_'}, [{is_integer, '$1'}, {'>', '$1', 3}], ['$1']}],
    All = collect(ets:select(T, MS, 4)),
    show("select/3 chunks", {length(All), lists:sort(lists:append(All)) =:= lists:seq(4, 20)}),
    case ets:info(T, type) of
        ordered_set ->
            show("chunks", All),
            show("reverse chunks", collect(ets:select_reverse(T, MS, 6))),
            show("match/3 chunks", collect(ets:match(T, {'$1', 1, '_', '_'}, 3))),
            show("match_object/3 chunks", collect(ets:match_object(T, {'_', 2, "1" ++ '_', '_'}, 2))),
            show("exact chunk", element(1, ets:select(T, [{{'$1', '_', '_', '_'}, [{'<', '$1', 3}], ['$1']}], 2)));
        _ ->
            ok
    end,
    show("no results", ets:select(T, [{{nomatch}, [], ['$_']}], 3)),
    show("end continuation", ets:select('$end_of_table')),
    show("bad limit", {t(fun() -> ets:select(T, MS, 0) end), t(fun() -> ets:select(T, MS, x) end)}),
    show("bad continuation", t(fun() -> ets:select({foo, bar}) end)),
    N = ets:new(ets_match_named, [named_table, ordered_set]),
    ets:insert(N, [{1, a}, {2, a}, {3, a}]),
    {[1], C1} = ets:select(N, [{{'$1', a}, [], ['$1']}], 1),
    show("named continuation", element(1, ets:select(C1))),
    ets:delete(N),
    show("continuation of deleted", t(fun() -> ets:select(C1) end)),
    S = ets:new(ets_match_named, [named_table, set]),
    ets:insert(S, [{1, a}, {2, a}, {3, a}]),
    {[_], C2} = ets:select(S, [{{'$1', a}, [], ['$1']}], 1),
    ets:delete(S),
    ets:new(ets_match_named, [named_table, set]),
    show("continuation of a new table", t(fun() -> ets:select(C2) end)),
    ets:delete(ets_match_named).

collect('$end_of_table') -> [];
collect({Res, Cont}) -> [Res | collect(case Cont of
                                         '$end_of_table' -> '$end_of_table';
                                         _ -> ets:select(Cont)
                                     end)].

specs() ->
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{'>', '$2', 1}], [{{'$2', '$1'}}]}, {'$1', [], [other]}]),
    show("is_compiled_ms", {ets:is_compiled_ms(MS), ets:is_compiled_ms(make_ref()), ets:is_compiled_ms(foo)}),
    show("match_spec_run", ets:match_spec_run([{a, 1}, {b, 2}, {c, 3}, x, {d}], MS)),
    show("match_spec_run map", ets:match_spec_run([#{k => 1}, #{k => 2, j => 3}],
                                                  ets:match_spec_compile([{#{k => '$1'}, [], [{{'$1', #{v => '$1'}}}]}]))),
    show("match_spec_run lists", ets:match_spec_run([[1, 2, 3], [4]],
                                                    ets:match_spec_compile([{['$1' | '$2'], [], [['$2', '$1' | '$1']]}]))),
    Bad = [foo, [{a, b}], [{'_', [], []}], [{'_', foo, [x]}], [{'_', [], ['$1']}],
           [{'$1', [{nofun, '$1'}], ['$1']}], [{'_', [], [{message, x}]}], [{'_', [], [x]} | y],
           [{'_', [{'+', 1, 2, 3}], [x]}]],
    show("bad specs", [t(fun() -> is_reference(ets:match_spec_compile(M)) end) || M <- Bad]),
    show("ms run bad", t(fun() -> ets:match_spec_run([1], make_ref()) end)),
    T = ets:new(x, []),
    show("select bad specs", [t(fun() -> ets:select(T, M) end) || M <- Bad]),
    show("select_count bad", t(fun() -> ets:select_count(T, foo) end)).

modify() ->
    T = ets:new(m, [ordered_set]),
    ets:insert(T, [{K, K * K} || K <- lists:seq(1, 10)]),
    show("select_delete", ets:select_delete(T, [{{'$1', '$2'}, [{'>', '$2', 50}], [true]}])),
    show("after select_delete", ets:tab2list(T)),
    show("select_delete non-true", {ets:select_delete(T, [{{'$1', '_'}, [], ['$1']}]), ets:info(T, size)}),
    show("select_replace", ets:select_replace(T, [{{'$1', '$2'}, [{'<', '$1', 4}], [{{'$1', {'+', '$2', 1000}}}]}])),
    show("after select_replace", ets:tab2list(T)),
    show("select_replace key change", t(fun() -> ets:select_replace(T, [{{'$1', '$2'}, [], [{{'$2', '$1'}}]}]) end)),
    show("unchanged", ets:tab2list(T)),
    show("select_replace var", t(fun() -> ets:select_replace(T, [{'$1', [], ['$1']}]) end)),
    show("select_replace $_", ets:select_replace(T, [{{'$1', '_'}, [{'<', '$1', 3}], ['$_']}])),
    show("select_replace const", ets:select_replace(T, [{{2, '_'}, [], [{const, {2, c}}]}])),
    show("select_replace const key", ets:select_replace(T, [{{3, '_'}, [], [{{{const, 3}, d}}]}])),
    show("select_replace element", ets:select_replace(T, [{{'$1', '_'}, [{'==', '$1', 4}], [{{{element, 1, '$_'}, e}}]}])),
    show("select_replace computed key", t(fun() -> ets:select_replace(T, [{{'$1', '_'}, [], [{{{'+', '$1', 0}, e}}]}]) end)),
    show("select_replace two bodies", t(fun() -> ets:select_replace(T, [{{'$1', '_'}, [], [x, '$_']}]) end)),
    show("after replaces", ets:tab2list(T)),
    TK = ets:new(tk, [ordered_set]),
    ets:insert(TK, [{{K, [K]}, K} || K <- lists:seq(1, 4)]),
    show("select_replace tuple key", ets:select_replace(TK, [{{{'$1', '$2'}, '$3'}, [{'<', '$1', 3}],
                                                              [{{{{'$1', '$2'}}, {'*', '$3', 10}}}]}])),
    show("select_replace list key", ets:select_replace(TK, [{{{'$1', ['$2']}, '$3'}, [{'>', '$1', 2}],
                                                             [{{{{'$1', ['$2']}}, x}}]}])),
    show("select_replace other tuple key", t(fun() -> ets:select_replace(TK, [{{{'$1', '$2'}, '$3'}, [],
                                                                          [{{{{'$2', '$1'}}, x}}]}]) end)),
    show("after tuple keys", ets:tab2list(TK)),
    B = ets:new(b, [bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {j, 1}]),
    show("select_replace bag", t(fun() -> ets:select_replace(B, [{{'$1', '$2'}, [], [{{'$1', 0}}]}]) end)),
    show("select_delete bag", {ets:select_delete(B, [{{'_', 1}, [], [true]}]), lists:sort(ets:tab2list(B))}),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}]),
    show("select_replace dbag", {ets:select_replace(D, [{{'$1', 1}, [], [{{'$1', 7}}]}]), lists:sort(ets:tab2list(D))}),
    show("delete_object dbag", {ets:delete_object(D, {k, 7}), ets:tab2list(D)}),
    show("select_delete all", {ets:select_delete(D, [{'_', [], [true]}]), ets:tab2list(D)}).
