// Maps: flat maps (up to 32 keys: [hdr(FlatMap, n + 1), keys tuple, values...], keys in exact
// term order) and hash maps (a HAMT as erl's, iterated in erl's order). Builtins, the ETF
// encoder, the printer and comparison use only this API.
#pragma once
#include <cstddef>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

constexpr size_t kFlatMapLimit = 32;

size_t map_size(Term map);
// The value for `key` (exact match), or none().
Term map_get(Term map, Term key);
// Calls f(key, value) for each pair in erl's iteration order (maps:to_list/1's order).
template <class F> void map_for_each(Term map, F&& f);

} // namespace joist

#include "term/map_inl.h"
