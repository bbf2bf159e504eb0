// Off-heap binary blocks and the per-heap RefcBin list (see off_heap.h).
#include "gc/off_heap.h"

#include "gc/build.h"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace joist::gc {

BinBlock* bin_block_new(size_t bytes) {
    size_t total = offsetof(BinBlock, data) + (bytes < 8 ? 8 : bytes);
    void* mem = std::malloc(total);
    if (!mem) {
        std::fprintf(stderr, "joist: cannot allocate binary of %zu bytes\n", bytes);
        std::abort();
    }
    auto* b = static_cast<BinBlock*>(mem);
    new (&b->refc) std::atomic<uint64_t>(1);
    b->size = bytes;
    return b;
}

void bin_block_retain(BinBlock* b) { b->refc.fetch_add(1, std::memory_order_relaxed); }

void bin_block_release(BinBlock* b) {
    if (b->refc.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        b->refc.~atomic();
        std::free(b);
    }
}

void OffHeap::add(Term* refc_bin_header) {
    refc_bins.push_back(refc_bin_header);
    bytes += refc_bin_block(refc_bin_header)->size;
}

void OffHeap::absorb_entries(OffHeap& other) {
    refc_bins.insert(refc_bins.end(), other.refc_bins.begin(), other.refc_bins.end());
    bytes += other.bytes;
    other.refc_bins.clear();
    other.bytes = 0;
}

void OffHeap::release_entries() {
    for (Term* hdr : refc_bins) drop(hdr);
    refc_bins.clear();
}

void OffHeap::drop(Term* hdr) { bin_block_release(refc_bin_block(hdr)); }

void OffHeap::sweep_after_copy() {
    sweep_after_copy([](const Term*) { return true; });
}

// As ERTS grows the virtual binary heap: room for twice what survived, never below the default,
// so a process keeping many big binaries alive does not collect for every new one.
void OffHeap::adjust_limit() { vheap_limit = std::max(kMinVheapBytes, 2 * bytes); }

void OffHeap::relocate(uintptr_t lo, uintptr_t hi, intptr_t delta) {
    for (Term*& hdr : refc_bins) {
        auto a = reinterpret_cast<uintptr_t>(hdr);
        if (a - lo < hi - lo) hdr = reinterpret_cast<Term*>(uintptr_t(intptr_t(a) + delta));
    }
}

Term binary_info(Heap& into, const OffHeap& of) {
    Term list = Term::nil();
    for (Term* hdr : of.refc_bins) {  // oldest first, so the list comes out newest first
        BinBlock* b = refc_bin_block(hdr);
        Term entry = make_tuple_of(into, make_integer_u64(into, reinterpret_cast<uintptr_t>(b)),
                                   make_integer_u64(into, b->size),
                                   make_integer_u64(into, b->refc.load(std::memory_order_relaxed)));
        list = make_cons(into, entry, list);
    }
    return list;
}

} // namespace joist::gc
