// Heap blocks and heap fragments: allocation, membership, and erl's heap size sequence.
// The collector (copy_gc.cpp) owns replacing a heap's block; this file only creates and frees.
#include "gc/heap.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace joist::gc {

namespace {

constexpr size_t kMinFragmentWords = 512;

[[noreturn]] void out_of_memory(size_t words) {
    std::fprintf(stderr, "joist: cannot allocate heap of %zu words\n", words);
    std::abort();
}

Term* alloc_block(size_t words) {
    void* p = std::malloc((words ? words : 1) * sizeof(Term));
    if (!p) out_of_memory(words);
    return static_cast<Term*>(p);
}

} // namespace

Heap::~Heap() {
    off_heap.release_all();
    free_fragments();
    free_old();
    std::free(start);
}

void Heap::init(size_t words) {
    off_heap.release_all();
    free_fragments();
    free_old();
    std::free(start);
    start = alloc_block(words);
    top = start;
    hwm = start;
    end = start + words;
    stop = end;
}

void Heap::free_old() {
    std::free(old_start);
    old_start = old_top = old_end = nullptr;
}

/* Fragments form a singly linked list, newest first. Only the newest one is bump-allocated
 * from; older ones are full enough not to bother. `fragment_words` counts allocated (used)
 * words in all fragments: it is what the next collection has to absorb. */
Term* Heap::alloc_fragment(size_t words) {
    Fragment* f = fragments;
    if (!f || f->size - f->used < words) {
        size_t cap = words > kMinFragmentWords ? words : kMinFragmentWords;
        void* mem = std::malloc(offsetof(Fragment, data) + cap * sizeof(Term));
        if (!mem) out_of_memory(cap);
        f = static_cast<Fragment*>(mem);
        f->next = fragments;
        f->size = cap;
        f->used = 0;
        fragments = f;
    }
    Term* p = f->data + f->used;
    f->used += words;
    fragment_words += words;
    return p;
}

Fragment* Heap::new_fragment(size_t words) {
    void* mem = std::malloc(offsetof(Fragment, data) + (words ? words : 1) * sizeof(Term));
    if (!mem) out_of_memory(words);
    Fragment* f = static_cast<Fragment*>(mem);
    f->next = nullptr;
    f->size = words;
    f->used = words;
    return f;
}

// Attached behind the newest fragment, so bump allocation keeps using that one.
void Heap::attach_fragment(Fragment* f) {
    if (fragments) {
        f->next = fragments->next;
        fragments->next = f;
    } else {
        f->next = nullptr;
        fragments = f;
    }
    fragment_words += f->used;
}

bool Heap::contains(const Term* p) const {
    if (p >= start && p < top) return true;
    if (p >= old_start && p < old_top) return true;
    for (const Fragment* f = fragments; f; f = f->next) {
        if (p >= f->data && p < f->data + f->used) return true;
    }
    return false;
}

void Heap::free_fragments() {
    Fragment* f = fragments;
    while (f) {
        Fragment* next = f->next;
        std::free(f);
        f = next;
    }
    fragments = nullptr;
    fragment_words = 0;
}

/* erl's sequence (observed on OTP 25 through spawn_opt min_heap_size rounding):
 * 12, 38, then each size is the sum of the previous two plus one (51, 90, 142, 233, 376, ...,
 * 833026); past that every size is the previous one plus a fifth of it (999631, 1199557, ...).
 * The table is small and computed once. */
namespace {

struct SizeTable {
    static constexpr int kFib = 23;  // entries made by the Fibonacci rule (12 ... 833026)
    static constexpr int kMax = 128;
    size_t sizes[kMax];
    int count = 0;
    SizeTable() {
        sizes[0] = 12;
        sizes[1] = 38;
        count = 2;
        for (; count < kFib; count++) sizes[count] = sizes[count - 1] + sizes[count - 2] + 1;
        constexpr size_t kCap = size_t(1) << 58;  // far beyond any real heap
        for (; count < kMax && sizes[count - 1] < kCap; count++) {
            sizes[count] = sizes[count - 1] + sizes[count - 1] / 5;
        }
    }
};

} // namespace

size_t next_heap_size(size_t at_least, unsigned steps) {
    static const SizeTable table;
    // Binary search for the first size >= at_least.
    int lo = 0, hi = table.count;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (table.sizes[mid] < at_least) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo > 0) lo += int(steps);  // erl: below the first size, the first size whatever the steps
    if (lo < table.count) return table.sizes[lo];
    return at_least;  // absurdly large: no rounding
}

} // namespace joist::gc
