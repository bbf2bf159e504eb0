// External term format -> terms. Decoding is two passes: decoded_size() validates the bytes
// and returns the heap words needed, then decode() builds the term in that many words.
// A malformed input is reported by decoded_size (and is badarg for binary_to_term).
//
// Maps decode as flat maps with their keys sorted in exact term order, or over 32 pairs as hash
// maps (their nodes placed after the rest of the term). Duplicate keys (badarg in erl) only show once the keys are
// built, so for a term holding a map of two or more pairs decoded_size() builds the term into a
// scratch heap as well (interning its atoms) and reports them as an error.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

#include "base/result.h"
#include "gc/off_heap.h"
#include "term/term.h"

namespace joist {
struct Export;
struct FunEntry;
}

namespace joist::etf {

struct DecodeContext {
    // Resolves fun M:F/A (EXPORT_EXT) to its export entry; nullptr -> decode error.
    Export* (*resolve_export)(Term module, Term function, uint32_t arity) = nullptr;
    // Resolves a local fun (NEW_FUN_EXT) to its entry in the loaded module whose checksum is
    // `uniq` (16 bytes), checking arity and free variable count; nullptr -> decode error.
    FunEntry* (*resolve_fun)(Term module, uint32_t index, const uint8_t* uniq, uint32_t arity,
                             uint32_t num_free) = nullptr;
    // Where binaries over kHeapBinLimit bytes go off-heap (the decoding process's heap list);
    // nullptr (module literals): every binary is a HeapBin. decoded_size() is the same
    // either way: an off-heap binary takes fewer words than it reserved, the rest is filler.
    gc::OffHeap* off_heap = nullptr;
};

// `bytes` starts at the term's tag (no 131 version byte). Returns heap words needed.
Result<size_t> decoded_size(std::span<const uint8_t> bytes, const DecodeContext& ctx);
// Builds the term in `hp` (which must have decoded_size() words); returns it.
// Returns the number of input bytes consumed via `used` if non-null.
// Returns none() if the term turns out invalid after all: a map with duplicate keys (only if
// decoded_size() was not asked first), the atom table filling up, or an export no longer
// resolving. The words in `hp` are then garbage.
Term decode(std::span<const uint8_t> bytes, Term* hp, const DecodeContext& ctx,
            size_t* used = nullptr);

} // namespace joist::etf
