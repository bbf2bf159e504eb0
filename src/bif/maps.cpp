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
#include "vm/vm.h"

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

namespace {

/* Long calls of maps:from_list/1, from_keys/2, keys/1 and values/1 go on in slices, the
 * process scheduled out between two (erl's BIFs trap when their reductions run out). Each
 * continuation is a trap export named as its BIF, so the process's current function stays the
 * BIF meanwhile, as in erl; its first x registers are the BIF's own arguments (an error shows
 * them), the rest its state.
 *   keys/values take kSlice leaves per slice, at no extra cost.
 *   from_list/from_keys build the first kFirstBuild pairs' map at once (sorting them by hash:
 *   the fast way), then put kSlice pairs into it per slice, one by one: each put copies a
 *   path of the tree, so past kFirstBuild pairs a map costs about three times as much to
 *   build as at once. */
constexpr size_t kSlice = 4000;
constexpr size_t kFirstBuild = 65536;

Export* trap_export(Process& p, const char* name, uint32_t arity, BifFn fn, uint32_t args) {
    static const Term maps = atoms().intern("maps");
    return p.vm->trap_export(maps, atoms().intern(name), arity, fn, args);
}

// An iterator path (erl's: 4 bits per level) as an integer term, and back (false: not one).
Term path_term(gc::Heap& h, uint64_t path) {
    if (path <= uint64_t(kMaxSmall)) return Term::small(int64_t(path));
    Term* b = h.alloc(2);
    b[0] = Term::header(Subtag::PosBig, 1);
    b[1] = Term::from_raw(path);
    return Term::boxed(b);
}
bool path_value(Term t, uint64_t& path) {
    if (t.is_small() && t.small_value() >= 0) {
        path = uint64_t(t.small_value());
        return true;
    }
    if (t.is_boxed_of(Subtag::PosBig) && t.box_header().header_arity() == 1) {
        path = t.boxed_ptr()[1].raw;
        return true;
    }
    return false;
}

// Puts the pairs of up to kSlice list cells from `l` into `m` (value: from_keys's value, or
// none() for from_list's {K, V} tuples). False: an element is not a pair.
bool put_slice(gc::Heap& h, Term& l, Term& m, Term value) {
    MapAlloc a = map_heap_alloc(h);
    for (size_t n = 0; l.is_list() && n < kSlice; ++n, l = l.tail()) {
        Term e = l.head();
        if (value.is_value()) {
            m = map_put(a, m, e, value);
            continue;
        }
        if (!e.is_tuple() || e.tuple_arity() != 2) return false;
        m = map_put(a, m, e.tuple_elem(0), e.tuple_elem(1));
    }
    return true;
}

// x0: the list given, x1: its part still to put, x2: the map so far.
Term from_list_more(Process& p, const Term* args) {
    Term l = args[1], m = args[2];
    if (!put_slice(p.heap, l, m, Term::none())) return p.badarg();
    if (l.is_nil()) return m;
    if (!l.is_list()) return p.badarg();
    return p.trap_yield(trap_export(p, "from_list", 1, from_list_more, 3), {args[0], l, m});
}

// x0: the list given, x1: the value, x2: the list still to put, x3: the map so far.
Term from_keys_more(Process& p, const Term* args) {
    Term l = args[2], m = args[3];
    put_slice(p.heap, l, m, args[1]);
    if (l.is_nil()) return m;
    if (!l.is_list()) return p.badarg();
    return p.trap_yield(trap_export(p, "from_keys", 2, from_keys_more, 4),
                        {args[0], args[1], l, m});
}

/* maps:keys/1 and values/1 on a large hash map: x0 the map, x1 the iterator path of the next
 * leaf, x2 the elements so far. Consing the leaves in iteration order makes erl's order (that
 * of maps:to_list/1, which is the iteration's reversed). */
template <bool Keys> Term elements_more(Process& p, const Term* args) {
    Term map = args[0], acc = args[2];
    uint64_t path = 0;
    std::vector<Term> leaves;
    bool more = false;
    if (!path_value(args[1], path) || !hashmap_leaves(map, path, kSlice, leaves, more))
        return p.badarg();  // not reached: only this BIF makes its state
    for (Term leaf : leaves) acc = gc::make_cons(p.heap, Keys ? leaf.head() : leaf.tail(), acc);
    if (!more) return acc;
    return p.trap_yield(trap_export(p, Keys ? "keys" : "values", 1, elements_more<Keys>, 3),
                        {map, path_term(p.heap, path), acc});
}

template <bool Keys> Term map_elements(Process& p, Term map) {
    if (!map.is_boxed_of(Subtag::HashMap) || map_size(map) <= kSlice)
        return Keys ? map_keys(map_heap_alloc(p.heap), map) : map_values(map_heap_alloc(p.heap), map);
    const Term args[3] = {map, Term::small(0), Term::nil()};
    return elements_more<Keys>(p, args);
}

} // namespace

// maps:from_keys/2 — maps.html#from_keys-2
Term bif_maps_from_keys_2(Process& p, const Term* args) {
    std::vector<Term> keys, values;
    Term l = args[0];
    for (; l.is_list() && keys.size() < kFirstBuild; l = l.tail()) {
        keys.push_back(l.head());
        values.push_back(args[1]);
    }
    if (!l.is_nil() && !l.is_list()) return p.badarg();
    Term m = map_from_pairs(map_heap_alloc(p.heap), keys.data(), values.data(), keys.size(), false);
    if (l.is_nil()) return m;
    return p.trap_yield(trap_export(p, "from_keys", 2, from_keys_more, 4),
                        {args[0], args[1], l, m});
}

// maps:from_list/1 — maps.html#from_list-1
Term bif_maps_from_list_1(Process& p, const Term* args) {
    std::vector<Term> keys, values;
    Term l = args[0];
    for (; l.is_list() && keys.size() < kFirstBuild; l = l.tail()) {
        Term t = l.head();
        if (!t.is_tuple() || t.tuple_arity() != 2) return p.badarg();
        keys.push_back(t.tuple_elem(0));
        values.push_back(t.tuple_elem(1));
    }
    if (!l.is_nil() && !l.is_list()) return p.badarg();
    Term m = map_from_pairs(map_heap_alloc(p.heap), keys.data(), values.data(), keys.size(), false);
    if (l.is_nil()) return m;
    return p.trap_yield(trap_export(p, "from_list", 1, from_list_more, 3), {args[0], l, m});
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
    return map_elements<true>(p, args[0]);
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
    return map_elements<false>(p, args[0]);
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
