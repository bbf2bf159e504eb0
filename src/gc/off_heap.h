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

// RefcBin layout: [hdr(RefcBin, 2), raw byte size, raw BinBlock*] (a raw subtag: the
// collector copies the words verbatim and never reads them as terms).
constexpr size_t kRefcBinWords = 3;
inline BinBlock* refc_bin_block(const Term* hdr) {
    return reinterpret_cast<BinBlock*>(hdr[2].raw);
}

// Off-heap objects of one heap: pointers to the header word of each RefcBin allocated in the
// heap or one of its fragments. The collector keeps the moved ones and releases the dead ones.
// `bytes` sums their binaries' sizes (ERTS's "virtual binary heap"): a process making big
// binaries allocates few heap words, so this is what makes it collect (over_limit()) before
// dead binaries pile up.
struct OffHeap {
    static constexpr size_t kMinVheapBytes = 46422 * 8;  // erl's default bin_vheap_size

    std::vector<Term*> refc_bins;
    size_t bytes = 0;  // sum of the sizes of the listed RefcBins' blocks
    size_t vheap_limit = kMinVheapBytes;  // a collection is due past this many bytes

    OffHeap() = default;
    OffHeap(const OffHeap&) = delete;
    OffHeap& operator=(const OffHeap&) = delete;
    ~OffHeap() { release_all(); }

    void add(Term* refc_bin_header);
    // Takes over every entry of `other` (a message's list, when the message joins this heap).
    // Most messages hold no binary: those cost one test.
    void absorb(OffHeap& other) {
        if (!other.refc_bins.empty()) absorb_entries(other);
    }
    bool over_limit() const { return bytes > vheap_limit; }
    // Drops every reference (the heap is being freed or reinitialised).
    void release_all() {
        if (!refc_bins.empty()) release_entries();
        bytes = 0;
    }
    // After evacuation, before from-space is freed: a RefcBin whose header became a forwarding
    // pointer moved (keep its new address), any other one is dead (release its block). Then
    // the limit grows or shrinks with what survived.
    void sweep_after_copy();
    // The same for a collection that moved only part of the heap: entries for which
    // `collected(header)` is false were not in the collected area and are kept as they are.
    template <class InCollected> void sweep_after_copy(InCollected collected) {
        size_t kept = 0;
        bytes = 0;
        for (Term* hdr : refc_bins) {
            if (!collected(static_cast<const Term*>(hdr))) {
                keep(kept, hdr);
            } else if (hdr[0].is_boxed()) {  // forwarded: the copy is alive
                keep(kept, hdr[0].boxed_ptr());
            } else {
                drop(hdr);
            }
        }
        refc_bins.resize(kept);
        adjust_limit();
    }
    // Every pointer into [lo, hi) moves by `delta` bytes (the to-space block was moved).
    void relocate(uintptr_t lo, uintptr_t hi, intptr_t delta);

private:
    void absorb_entries(OffHeap& other);
    void release_entries();
    void keep(size_t& kept, Term* hdr) {
        refc_bins[kept++] = hdr;
        bytes += refc_bin_block(hdr)->size;
    }
    static void drop(Term* hdr);
    void adjust_limit();
};

struct Heap;

// process_info(P, binary)'s value for the off-heap binaries `of` lists, built on `into`:
// [{BlockAddress, Size, RefCount}], newest first, one entry per RefcBin (as erl lists one per
// ProcBin, so a binary referenced twice shows twice).
Term binary_info(Heap& into, const OffHeap& of);

} // namespace joist::gc
