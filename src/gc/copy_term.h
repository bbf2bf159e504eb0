// Deep copy of a term into a contiguous block of words, as message sending and persistent_term
// need it: everything reachable through LIST/BOXED pointers is copied (literals too), sharing
// is not preserved (like erl's copy), and neither function recurses.
//
// Two ways of copying off-heap binaries (RefcBins, gc/off_heap.h):
//   shared (term_size_shared / copy_term_shared): the copy is a new RefcBin over the same
//     bytes, its reference counted and listed in the OffHeap of whoever owns the copy (a
//     message, then the receiving heap). A HeapBin over kHeapBinLimit bytes (a literal, or
//     one binary_to_term made) goes off-heap in the copy. This is what sending does.
//   flat (term_size / copy_term): every binary's bytes are copied into the block as a HeapBin,
//     so the copy depends on nothing outside it (for owners with no OffHeap to list RefcBins in).
// Either way a copied SubBin is no longer writable (only its creator appends in place).
#pragma once
#include <cstddef>

#include "gc/off_heap.h"
#include "term/term.h"

namespace joist::gc {

// Heap words needed to copy `t` flat (0 for an immediate). A subterm reached twice counts twice.
size_t term_size(Term t);
// Copies `t` flat to `hp`, which must have term_size(t) free words; advances `hp` past the copy
// and returns the copied term. Raw words (bignum limbs, float bits, a Fun's FunEntry*, an
// Export* ...) are copied verbatim; the source is only read.
Term copy_term(Term t, Term*& hp);

// The same, sharing off-heap binaries: each RefcBin in the copy holds a reference and is added
// to `off_heap`.
size_t term_size_shared(Term t);
Term copy_term_shared(Term t, Term*& hp, OffHeap& off_heap);

} // namespace joist::gc
