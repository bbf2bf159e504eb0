// Off-heap binary storage: reference-counted byte blocks shared by RefcBin heap objects, and
// the per-heap list of RefcBins (ERTS's "MSO" list) through which a collection finds the ones
// that died and drops their references.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "term/term.h"

namespace joist::gc {

// A malloc'd block of bytes with an atomic reference count (one per RefcBin pointing to it).
struct BinBlock {
    std::atomic<uint64_t> refc;
    size_t size;       // bytes in data
    uint8_t data[8];   // flexible: `size` bytes (at least 8 allocated)
};

// A new block of `bytes` bytes (contents uninitialised) with reference count 1.
BinBlock* bin_block_new(size_t bytes);
void bin_block_retain(BinBlock* b);
// Drops one reference; frees the block when it was the last.
void bin_block_release(BinBlock* b);

// Off-heap objects of one heap: pointers to the header word of each RefcBin allocated in the
// heap or one of its fragments. The collector keeps the moved ones and releases the dead ones.
struct OffHeap {
    std::vector<Term*> refc_bins;

    OffHeap() = default;
    OffHeap(const OffHeap&) = delete;
    OffHeap& operator=(const OffHeap&) = delete;
    ~OffHeap() { release_all(); }

    void add(Term* refc_bin_header) { refc_bins.push_back(refc_bin_header); }
    // Drops every reference (the heap is being freed or reinitialised).
    void release_all();
    // After evacuation, before from-space is freed: a RefcBin whose header became a forwarding
    // pointer moved (keep its new address), any other one is dead (release its block).
    void sweep_after_copy();
    // Every pointer into [lo, hi) moves by `delta` bytes (the to-space block was moved).
    void relocate(uintptr_t lo, uintptr_t hi, intptr_t delta);
};

// RefcBin layout: [hdr(RefcBin, 2), raw byte size, raw BinBlock*] (a raw subtag: the
// collector copies the words verbatim and never reads them as terms).
constexpr size_t kRefcBinWords = 3;
inline BinBlock* refc_bin_block(const Term* hdr) {
    return reinterpret_cast<BinBlock*>(hdr[2].raw);
}

// Whether binaries above kHeapBinLimit bytes go off-heap (RefcBin) or stay HeapBins. Off by
// default until every reader of binaries (term/format.cpp, term/compare.cpp, gc/copy_term.cpp)
// goes through term/binary.h's bit_view; unit tests turn it on.
bool off_heap_binaries_enabled();
void set_off_heap_binaries(bool on);

} // namespace joist::gc
