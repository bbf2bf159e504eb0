// Map operations beyond term/map.h's read-only API: building, updating and iterating maps as
// erl 25 does. Flat maps hold up to 32 keys; larger maps are hash maps (HAMTs keyed by ERTS's
// internal hash, so that their iteration order and erlang:display/1 text match erl's; the
// node layout is described in term/term.h). Every builder allocates exactly what it uses,
// through a MapAlloc (a process heap, fragments allowed, or a decoder's buffer).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gc/heap.h"
#include "term/map.h"

namespace joist {

struct MapAlloc {
    Term* (*fn)(void* ctx, size_t words);
    void* ctx;
    Term* operator()(size_t words) const { return fn(ctx, words); }
};

// Allocation on a heap (Heap::alloc: never collects, may use fragments).
MapAlloc map_heap_alloc(gc::Heap& h);

// ERTS's make_internal_hash(Term, Salt): the hash HAMTs are keyed by. Matches erl for every
// term whose erl representation joist shares (integers, floats, lists, tuples, maps,
// binaries); atoms hash by their table index, as in erl, so their order is joist's own.
uint32_t map_internal_hash(Term t, uint32_t salt);

// The empty map #{}.
Term map_empty(MapAlloc a);

// A map of n pairs given in any order. With `reject_duplicates`, equal keys make it return
// none(); otherwise the last pair with a key wins.
Term map_from_pairs(MapAlloc a, const Term* keys, const Term* values, size_t n,
                    bool reject_duplicates);

// map#{key => value}.
Term map_put(MapAlloc a, Term map, Term key, Term value);
// map#{key := value}, or none() if key is absent.
Term map_update(MapAlloc a, Term map, Term key, Term value);
// map without key (the map itself if key is absent).
Term map_remove(MapAlloc a, Term map, Term key);
// map#{k1 => v1, ...} (exact: map#{k1 := v1, ...}) for n pairs kv = [k1, v1, k2, v2, ...].
// Exact with a missing key returns none() and sets *missing to the first such key.
Term map_put_pairs(MapAlloc a, Term map, const Term* kv, size_t n, bool exact, Term* missing);
// maps:merge/2: b's values win.
Term map_merge(MapAlloc a, Term ma, Term mb);

// Lists in maps:to_list/1's order: keys, values, or {K, V} pairs.
Term map_keys(MapAlloc a, Term map);
Term map_values(MapAlloc a, Term map);

// erts_internal:map_next/3. acc is the atom 'iterator' or a list; returns none() for badarg.
Term map_next(MapAlloc a, Term path, Term map, Term acc, bool iterator);

// Up to `max` leaves ([K | V] cells) of hash map `map` in iteration order, from the one at
// `path` (erl's iterator path: 4 bits per level, the head's child lowest; 0 is the first
// leaf). Sets `path` to the next leaf's path and `more` to whether there is one; false for a
// path that names no leaf.
bool hashmap_leaves(Term map, uint64_t& path, size_t max, std::vector<Term>& leaves,
                    bool& more);

// A hash map node for erlang:display/1: bitmap and whether it is the map's head.
struct HashNodeView {
    uint32_t bitmap;
    bool head;
    size_t size;            // head only: the map's size
    const Term* children;   // popcount(bitmap) of them: leaves [K|V] or nodes
    size_t count;
};
HashNodeView hashmap_node(Term node);

} // namespace joist
