%% ETS basics: each table type's insert/lookup semantics, keys, counters, iteration, info.
-module(ets_basic).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:E -> {C, E} end.

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

sorted(T) -> lists:sort(ets:tab2list(T)).

info(T) ->
    [{K, ets:info(T, K)} || K <- [name, size, type, keypos, protection, named_table, heir,
                                   read_concurrency, write_concurrency, compressed, node,
                                   decentralized_counters, fixed]].

main() ->
    types(),
    keys(),
    counters(),
    elements(),
    iteration(),
    naming(),
    misc(),
    ok.

types() ->
    lists:foreach(
      fun(Type) ->
              T = ets:new(tab, [Type]),
              true = ets:insert(T, {a, 1}),
              true = ets:insert(T, [{b, 2}, {a, 1}, {a, 3}, {c, 4}]),
              true = ets:insert(T, {a, 1}),
              show(atom_to_list(Type), sorted(T)),
              show("lookup a", lists:sort(ets:lookup(T, a))),
              show("lookup z", ets:lookup(T, z)),
              show("member", {ets:member(T, a), ets:member(T, z)}),
              show("size", ets:info(T, size)),
              show("insert_new", {ets:insert_new(T, {a, 9}), ets:insert_new(T, [{d, 1}, {e, 2}]),
                                  ets:insert_new(T, [{f, 1}, {a, 2}]), ets:member(T, f)}),
              show("delete_object", {ets:delete_object(T, {a, 1}), lists:sort(ets:lookup(T, a))}),
              show("take", {lists:sort(ets:take(T, a)), ets:lookup(T, a), ets:take(T, a)}),
              show("delete", {ets:delete(T, b), ets:delete(T, nokey), sorted(T)}),
              show("delete_all_objects", {ets:delete_all_objects(T), ets:info(T, size), sorted(T)}),
              show("info", info(T)),
              true = ets:delete(T),
              show("after delete", {ets:info(T), t(fun() -> ets:lookup(T, a) end)})
      end, [set, ordered_set, bag, duplicate_bag]).

keys() ->
    S = ets:new(s, [set]),
    O = ets:new(o, [ordered_set]),
    B = ets:new(b, [bag]),
    [ets:insert(X, [{1, int}, {1.0, float}]) || X <- [S, O, B]],
    show("set 1/1.0", {sorted(S), ets:lookup(S, 1), ets:lookup(S, 1.0)}),
    show("ordered_set 1/1.0", {sorted(O), ets:lookup(O, 1), ets:lookup(O, 1.0), ets:member(O, 1)}),
    show("bag 1/1.0", {sorted(B), ets:lookup(B, 1.0)}),
    K = ets:new(k, [{keypos, 2}, ordered_set]),
    ets:insert(K, [{x, 3, a}, {y, 1, b}, {z, 2, c}, {w, 1, d}]),
    show("keypos 2", {ets:tab2list(K), ets:lookup(K, 1), ets:first(K)}),
    show("keypos too short", t(fun() -> ets:insert(K, {only}) end)),
    Big = ets:new(big, [set]),
    Bin = list_to_binary(lists:seq(1, 200)),
    ets:insert(Big, {bin, Bin, binary:part(Bin, 10, 100)}),
    [{bin, B1, B2}] = ets:lookup(Big, bin),
    show("binaries", {B1 =:= Bin, byte_size(B2), binary:at(B2, 0)}),
    ets:insert(Big, {{complex, [1, 2]}, #{a => [x, y]}, <<1:3>>, 1.5, -12345678901234567890}),
    show("complex", ets:lookup(Big, {complex, [1, 2]})),
    ets:delete(Big, bin),
    BT = ets:new(bt, [set]),
    ets:insert(BT, [{bin2, Bin}, {bin3, Bin, Bin, list_to_binary(lists:seq(1, 70))}]),
    show("info binary", lists:sort([Size || {_, Size, _} <- ets:info(BT, binary)])),
    ets:delete(BT),
    erlang:garbage_collect(),
    show("binary survives", {byte_size(B1), binary:last(B1)}).

counters() ->
    T = ets:new(c, [set, public]),
    ets:insert(T, {k, 10, 20, x}),
    show("uc incr", ets:update_counter(T, k, 5)),
    show("uc pos", ets:update_counter(T, k, {3, -7})),
    show("uc list", ets:update_counter(T, k, [{2, 1}, {3, 100}, {2, -1}])),
    show("uc threshold up", ets:update_counter(T, k, {2, 100, 50, 0})),
    show("uc threshold down", ets:update_counter(T, k, {2, -10, -5, 42})),
    show("uc bignum", ets:update_counter(T, k, {3, 1 bsl 62})),
    show("uc default", ets:update_counter(T, new, {2, 3}, {whatever, 100})),
    show("uc default list", ets:update_counter(T, new2, [{2, 1}, {3, 2}], {x, 0, 0})),
    show("after", lists:sort(ets:tab2list(T))),
    show("uc missing", t(fun() -> ets:update_counter(T, nokey, 1) end)),
    show("uc key pos", t(fun() -> ets:update_counter(T, k, {1, 1}) end)),
    show("uc not int", t(fun() -> ets:update_counter(T, k, {4, 1}) end)),
    show("uc beyond", t(fun() -> ets:update_counter(T, k, {9, 1}) end)),
    show("uc bad op", t(fun() -> ets:update_counter(T, k, foo) end)),
    show("uc atomic", {t(fun() -> ets:update_counter(T, k, [{2, 1}, {4, 1}]) end), ets:lookup(T, k)}),
    show("uc bad default", t(fun() -> ets:update_counter(T, nokey, 1, foo) end)),
    B = ets:new(b, [bag]),
    ets:insert(B, {k, 1}),
    show("uc bag", t(fun() -> ets:update_counter(B, k, 1) end)),
    O = ets:new(o, [ordered_set]),
    ets:insert(O, {1, 0}),
    show("uc ordered 1.0", {ets:update_counter(O, 1.0, 2), ets:lookup(O, 1)}).

elements() ->
    T = ets:new(e, [ordered_set]),
    ets:insert(T, [{a, 1, 2}, {b, 3, 4}]),
    show("le", {ets:lookup_element(T, a, 1), ets:lookup_element(T, a, 3)}),
    show("le missing", t(fun() -> ets:lookup_element(T, z, 2) end)),
    show("le beyond", t(fun() -> ets:lookup_element(T, a, 4) end)),
    show("le zero", t(fun() -> ets:lookup_element(T, a, 0) end)),
    B = ets:new(b, [duplicate_bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {k, 1}]),
    show("le bag", ets:lookup_element(B, k, 2)),
    show("ue", {ets:update_element(T, a, {2, x}), ets:lookup(T, a)}),
    show("ue list", {ets:update_element(T, b, [{2, y}, {3, z}, {2, w}]), ets:lookup(T, b)}),
    show("ue missing", ets:update_element(T, nokey, {2, x})),
    show("ue key", t(fun() -> ets:update_element(T, a, {1, x}) end)),
    show("ue beyond", t(fun() -> ets:update_element(T, a, {4, x}) end)),
    show("ue bag", t(fun() -> ets:update_element(B, k, {2, x}) end)).

iteration() ->
    O = ets:new(o, [ordered_set]),
    Keys = [3, 1.5, a, "str", {t, 1}, [x], <<"b">>, 2, 1, -1.0e3, make_ref_free],
    ets:insert(O, [{K} || K <- Keys]),
    show("ordered tab2list", ets:tab2list(O)),
    show("first/last", {ets:first(O), ets:last(O)}),
    show("next chain", walk(O, ets:first(O), fun ets:next/2)),
    show("prev chain", walk(O, ets:last(O), fun ets:prev/2)),
    show("next non-member", {ets:next(O, 1.7), ets:prev(O, 1.7), ets:next(O, zzz), ets:prev(O, -1.0e9)}),
    show("foldl", ets:foldl(fun({K}, Acc) -> [K | Acc] end, [], O)),
    show("foldr", ets:foldr(fun({K}, Acc) -> [K | Acc] end, [], O)),
    S = ets:new(s, [set]),
    ets:insert(S, [{K} || K <- lists:seq(1, 50)]),
    Walk = walk(S, ets:first(S), fun ets:next/2),
    show("set walk", {length(Walk), lists:sort(Walk) =:= lists:seq(1, 50)}),
    show("set next missing", t(fun() -> ets:next(S, 1000) end)),
    show("next/prev end_of_table", [t(fun() -> ets:F(X, '$end_of_table') end) || F <- [next, prev], X <- [S, O]]),
    ets:safe_fixtable(S, true),
    FixedWalk = fixed_walk(S, ets:first(S)),
    ets:safe_fixtable(S, false),
    show("fixed walk deleting", {length(FixedWalk), lists:sort(FixedWalk) =:= lists:seq(1, 50), ets:info(S, size)}),
    ets:insert(S, [{K} || K <- lists:seq(1, 50)]),
    E = ets:new(e, [ordered_set]),
    show("empty", {ets:first(E), ets:last(E), ets:next(E, 1), ets:prev(E, 1), ets:tab2list(E)}),
    Slots = slots(S, 0, []),
    show("slots", lists:sort(lists:append(Slots)) =:= lists:sort(ets:tab2list(S))),
    show("slot bad", {t(fun() -> ets:slot(S, -1) end), t(fun() -> ets:slot(S, 100000) end)}).

slots(T, I, Acc) ->
    case ets:slot(T, I) of
        '$end_of_table' -> Acc;
        L -> slots(T, I + 1, [L | Acc])
    end.

%% Deletes each key before asking for the next one (allowed in a fixed table).
fixed_walk(_T, '$end_of_table') -> [];
fixed_walk(T, K) -> ets:delete(T, K), [K | fixed_walk(T, ets:next(T, K))].

walk(_T, '$end_of_table', _F) -> [];
walk(T, K, F) -> [K | walk(T, F(T, K), F)].

naming() ->
    N = ets:new(ets_basic_named, [named_table, public]),
    show("named", {N, ets:info(ets_basic_named, named_table), ets:insert(ets_basic_named, {x, 1})}),
    show("dup name", t(fun() -> ets:new(ets_basic_named, [named_table]) end)),
    Ref = ets:whereis(ets_basic_named),
    show("whereis", {is_reference(Ref), ets:lookup(Ref, x), ets:whereis(no_such_table_name)}),
    show("rename", {ets:rename(ets_basic_named, ets_basic_renamed), ets:info(ets_basic_renamed, name),
                    ets:info(ets_basic_named), ets:lookup(ets_basic_renamed, x)}),
    show("in all", {lists:member(ets_basic_renamed, ets:all()), lists:member(ets_basic_named, ets:all())}),
    U = ets:new(unnamed, []),
    show("unnamed in all", lists:member(U, ets:all())),
    show("unnamed rename", {ets:rename(U, other_name) =:= U, ets:info(U, name), ets:info(other_name)}),
    ets:new(ets_basic_taken, [named_table]),
    show("rename taken", t(fun() -> ets:rename(ets_basic_renamed, ets_basic_taken) end)),
    show("same name unnamed", is_reference(ets:new(ets_basic_taken, []))),
    ets:delete(ets_basic_renamed),
    show("deleted named", {ets:info(ets_basic_renamed), ets:whereis(ets_basic_renamed),
                           lists:member(ets_basic_renamed, ets:all())}).

misc() ->
    T = ets:new(m, [{keypos, 3}, private, {read_concurrency, true}, {write_concurrency, true},
                    compressed, {decentralized_counters, true}, {heir, self(), data}]),
    show("opts", info(T) -- [{heir, self()}]),
    show("heir is self", ets:info(T, heir) =:= self()),
    show("owner is self", ets:info(T, owner) =:= self()),
    show("info list keys", [K || {K, _} <- ets:info(T)]),
    show("setopts", {ets:setopts(T, [{heir, none}, {protection, public}]), ets:info(T, heir),
                     ets:info(T, protection)}),
    show("setopts one", {ets:setopts(T, {protection, protected}), ets:info(T, protection)}),
    show("safe_fixtable", {ets:safe_fixtable(T, true), ets:info(T, fixed),
                           element(2, ets:info(T, safe_fixed)) =:= [{self(), 1}],
                           ets:safe_fixtable(T, false), ets:info(T, fixed), ets:info(T, safe_fixed)}),
    show("tab2list/delete", {ets:insert(T, {a, b, c}), ets:tab2list(T)}),
    W = ets:new(w, [{write_concurrency, auto}]),
    show("wc auto", ets:info(W, write_concurrency)),
    show("bad lock counts", [t(fun() -> ets:new(x, O) end)
                             || O <- [[ordered_set, {write_concurrency, {debug_hash_fixed_number_of_locks, 64}}],
                                      [{write_concurrency, {debug_hash_fixed_number_of_locks, 0}}],
                                      [{write_concurrency, {debug_hash_fixed_number_of_locks, 40000}}],
                                      [{write_concurrency, {other, 1}}]]]),
    Combos = [[set, {write_concurrency, true}], [ordered_set, {write_concurrency, true}],
              [ordered_set], [set, {write_concurrency, auto}], [private, {write_concurrency, true}],
              [set, {write_concurrency, true}, {decentralized_counters, true}],
              [ordered_set, {write_concurrency, true}, {decentralized_counters, false}],
              [{read_concurrency, true}], [private, {read_concurrency, true}],
              [bag, {write_concurrency, {debug_hash_fixed_number_of_locks, 64}}],
              [{write_concurrency, {debug_hash_fixed_number_of_locks, 64}}, {write_concurrency, auto}]],
    show("concurrency info",
         [{O, [ets:info(X, I) || I <- [read_concurrency, write_concurrency, decentralized_counters]]}
          || O <- Combos, X <- [ets:new(x, O)]]).
