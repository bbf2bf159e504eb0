// The copying collector. It knows terms and heaps, never processes: the caller hands it the
// root set as spans of terms (x registers, the stack, the process dictionary ...).
#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "gc/heap.h"

namespace joist::gc {

// A root: `count` terms starting at `terms`. Stack words with tag 00 (return addresses) are skipped.
struct RootSpan {
    Term* terms;
    size_t count;
};

// Collects `heap` so that afterwards at least `need` words are free between top and stop.
// Copies everything reachable from `roots` (and the stack) into a fresh block sized by
// next_heap_size, frees the old block and all fragments. Terms outside the heap and its
// fragments (literals) are never copied.
void collect(Heap& heap, std::span<const RootSpan> roots, size_t need);

} // namespace joist::gc
