// Map builtins (rows in bif/maps.def): maps:get/find/put/update/remove/take/is_key/keys/
// values/merge/from_list/from_keys, erlang:map_size/map_get/is_map_key and
// erts_internal:map_next/3 (maps:iterator/next/to_list and every fold build on it).
// Errors as erl's: {badmap, M} for a non-map, {badkey, K} for a missing key, badarg for bad
// lists.
#include <vector>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/map_ops.h"

namespace joist {

namespace {

Term badmap(Process& p, Term m) { return p.error(gc::make_tuple_of(p.heap, am::badmap, m)); }
Term badkey(Process& p, Term k) { return p.error(gc::make_tuple_of(p.heap, am::badkey, k)); }

Term iterator_atom() {
    static const Term t = atoms().intern("iterator");
    return t;
}

} // namespace

// maps:find/2 — maps.html#find-2
Term bif_maps_find_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    Term v = map_get(args[1], args[0]);
    if (v.is_none()) return am::error;
    return gc::make_tuple_of(p.heap, am::ok, v);
}

// maps:from_keys/2 — maps.html#from_keys-2
Term bif_maps_from_keys_2(Process& p, const Term* args) {
    std::vector<Term> keys, values;
    Term l = args[0];
    for (; l.is_list(); l = l.tail()) {
        keys.push_back(l.head());
        values.push_back(args[1]);
    }
    if (!l.is_nil()) return p.badarg();
    return map_from_pairs(map_heap_alloc(p.heap), keys.data(), values.data(), keys.size(), false);
}

// maps:from_list/1 — maps.html#from_list-1
Term bif_maps_from_list_1(Process& p, const Term* args) {
    std::vector<Term> keys, values;
    Term l = args[0];
    for (; l.is_list(); l = l.tail()) {
        Term t = l.head();
        if (!t.is_tuple() || t.tuple_arity() != 2) return p.badarg();
        keys.push_back(t.tuple_elem(0));
        values.push_back(t.tuple_elem(1));
    }
    if (!l.is_nil()) return p.badarg();
    return map_from_pairs(map_heap_alloc(p.heap), keys.data(), values.data(), keys.size(), false);
}

// maps:get/2 — maps.html#get-2
// FIXME: erl's error frame for maps:get/2 names erlang:map_get/2.
Term bif_maps_get_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    Term v = map_get(args[1], args[0]);
    return v.is_none() ? badkey(p, args[0]) : v;
}

// maps:is_key/2 — maps.html#is_key-2
Term bif_maps_is_key_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    return map_get(args[1], args[0]).is_none() ? am::false_ : am::true_;
}

// maps:keys/1 — maps.html#keys-1
Term bif_maps_keys_1(Process& p, const Term* args) {
    if (!args[0].is_map()) return badmap(p, args[0]);
    return map_keys(map_heap_alloc(p.heap), args[0]);
}

// maps:merge/2 — maps.html#merge-2
Term bif_maps_merge_2(Process& p, const Term* args) {
    if (!args[0].is_map()) return badmap(p, args[0]);
    if (!args[1].is_map()) return badmap(p, args[1]);
    return map_merge(map_heap_alloc(p.heap), args[0], args[1]);
}

// maps:put/3 — maps.html#put-3
Term bif_maps_put_3(Process& p, const Term* args) {
    if (!args[2].is_map()) return badmap(p, args[2]);
    return map_put(map_heap_alloc(p.heap), args[2], args[0], args[1]);
}

// maps:remove/2 — maps.html#remove-2
Term bif_maps_remove_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    return map_remove(map_heap_alloc(p.heap), args[1], args[0]);
}

// maps:take/2 — maps.html#take-2
Term bif_maps_take_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    Term v = map_get(args[1], args[0]);
    if (v.is_none()) return am::error;
    Term m = map_remove(map_heap_alloc(p.heap), args[1], args[0]);
    return gc::make_tuple_of(p.heap, v, m);
}

// maps:update/3 — maps.html#update-3
Term bif_maps_update_3(Process& p, const Term* args) {
    if (!args[2].is_map()) return badmap(p, args[2]);
    Term m = map_update(map_heap_alloc(p.heap), args[2], args[0], args[1]);
    return m.is_none() ? badkey(p, args[0]) : m;
}

// maps:values/1 — maps.html#values-1
Term bif_maps_values_1(Process& p, const Term* args) {
    if (!args[0].is_map()) return badmap(p, args[0]);
    return map_values(map_heap_alloc(p.heap), args[0]);
}

// erlang:map_size/1 — erlang.html#map_size-1
Term bif_erlang_map_size_1(Process& p, const Term* args) {
    if (!args[0].is_map()) return badmap(p, args[0]);
    return Term::small(int64_t(map_size(args[0])));
}

// erlang:map_get/2 — erlang.html#map_get-2
Term bif_erlang_map_get_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    Term v = map_get(args[1], args[0]);
    return v.is_none() ? badkey(p, args[0]) : v;
}

// erlang:is_map_key/2 — erlang.html#is_map_key-2
Term bif_erlang_is_map_key_2(Process& p, const Term* args) {
    if (!args[1].is_map()) return badmap(p, args[1]);
    return map_get(args[1], args[0]).is_none() ? am::false_ : am::true_;
}

// erts_internal:map_next/3 (undocumented): the next pairs after Path in Map, as an iterator
// chain ({K, V, Next}) or consed onto a list accumulator.
Term bif_erts_internal_map_next_3(Process& p, const Term* args) {
    Term path = args[0], map = args[1], acc = args[2];
    if (!map.is_map()) return p.badarg();
    bool iterator = acc == iterator_atom();
    if (!iterator && !acc.is_nil() && !acc.is_list()) return p.badarg();
    Term r = map_next(map_heap_alloc(p.heap), path, map, acc, iterator);
    return r.is_none() ? p.badarg() : r;
}

} // namespace joist
