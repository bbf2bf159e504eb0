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
// A minor collection copies what is reachable from `roots` (and the stack) in the young
// generation and the fragments: what survived the previous collection to the old generation,
// the rest into a fresh young block sized by next_heap_size. A major one (asked for, every
// fullsweep_after minor ones, when the old generation is full, or when there is neither an old
// generation nor anything to promote) copies both generations into a fresh young block and
// frees the old one. Block sizes follow erl's rules (see copy_gc.cpp). Either way the fragments are absorbed, and terms
// outside the heap (literals) are never copied. Afterwards heap.max_heap_exceeded says whether
// the heap is above heap.max_heap (the caller acts on it: it knows the process).
void collect(Heap& heap, std::span<const RootSpan> roots, size_t need,
             GcType type = GcType::Auto);

} // namespace joist::gc
