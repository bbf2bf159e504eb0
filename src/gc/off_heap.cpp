// Off-heap binary blocks and the per-heap RefcBin list (see off_heap.h).
#include "gc/off_heap.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace joist::gc {

namespace {
// JOIST_OFF_HEAP_BINARIES=1 turns off-heap binaries on (for trying them out).
std::atomic<bool> g_off_heap_enabled{[] {
    const char* e = std::getenv("JOIST_OFF_HEAP_BINARIES");
    return e && e[0] == '1';
}()};
} // namespace

bool off_heap_binaries_enabled() { return g_off_heap_enabled.load(std::memory_order_relaxed); }
void set_off_heap_binaries(bool on) { g_off_heap_enabled.store(on, std::memory_order_relaxed); }

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

void OffHeap::release_all() {
    for (Term* hdr : refc_bins) bin_block_release(refc_bin_block(hdr));
    refc_bins.clear();
}

void OffHeap::sweep_after_copy() {
    size_t kept = 0;
    for (Term* hdr : refc_bins) {
        Term h = hdr[0];
        if (h.is_boxed()) {  // forwarded: the copy is alive
            refc_bins[kept++] = h.boxed_ptr();
        } else {
            bin_block_release(refc_bin_block(hdr));
        }
    }
    refc_bins.resize(kept);
}

void OffHeap::relocate(uintptr_t lo, uintptr_t hi, intptr_t delta) {
    for (Term*& hdr : refc_bins) {
        auto a = reinterpret_cast<uintptr_t>(hdr);
        if (a - lo < hi - lo) hdr = reinterpret_cast<Term*>(uintptr_t(intptr_t(a) + delta));
    }
}

} // namespace joist::gc
