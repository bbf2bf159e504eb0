// Heap blocks and heap fragments: allocation, membership, and erl's heap size sequence.
// The collector (copy_gc.cpp) owns replacing a heap's block; this file only creates and frees.
#include "gc/heap.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>

#include "base/sanitizers.h"

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

/* Message fragments come and go at the rate processes talk (a sender makes one, the
 * receiver's next collection frees it), and most are a few words. Each thread keeps freed
 * small fragments by size class (multiples of kClassWords words) for its next sends; a
 * fragment freed on another thread than the one that made it just moves over. Bounded, so a
 * burst does not pin memory in one thread; off under AddressSanitizer, so that it sees every
 * use after free. Every cached block came from malloc, so std::free still frees any fragment. */
constexpr size_t kCacheWordsPerClass = kAddressSanitizer ? 0 : 32768;
constexpr size_t kClassWords = 8;
constexpr size_t kClasses = 8;  // fragments of up to 64 words are cached
// Up to 256 KiB per class: a server's collection frees every message it received since the
// last one at once (thousands, with many clients), and they should all come back to its
// thread's next sends rather than to malloc.
constexpr size_t kCachePerClass[kClasses] = {
    kCacheWordsPerClass / (1 * kClassWords), kCacheWordsPerClass / (2 * kClassWords),
    kCacheWordsPerClass / (3 * kClassWords), kCacheWordsPerClass / (4 * kClassWords),
    kCacheWordsPerClass / (5 * kClassWords), kCacheWordsPerClass / (6 * kClassWords),
    kCacheWordsPerClass / (7 * kClassWords), kCacheWordsPerClass / (8 * kClassWords)};

struct FragmentCache {
    Fragment* head[kClasses] = {};
    size_t count[kClasses] = {};
    ~FragmentCache() {
        for (size_t c = 0; c < kClasses; ++c) {
            for (Fragment* f = head[c]; f;) {
                Fragment* next = f->next;
                std::free(f);
                f = next;
            }
            head[c] = nullptr;
            count[c] = kCachePerClass[c];  // a free during thread exit goes straight to free()
        }
    }
};

thread_local FragmentCache t_fragments;

// The class of a fragment holding `words` words (0-based), or kClasses if not cached.
size_t fragment_class(size_t words) {
    return words == 0 ? 0 : words > kClasses * kClassWords ? kClasses : (words - 1) / kClassWords;
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
    update_gc_due();
    return p;
}

Fragment* Heap::new_fragment(size_t words) {
    size_t c = fragment_class(words);
    Fragment* f;
    if (c < kClasses && t_fragments.head[c]) {
        f = t_fragments.head[c];
        t_fragments.head[c] = f->next;
        --t_fragments.count[c];
    } else {
        // A cacheable size gets its class's whole capacity, so it can go back to the cache.
        size_t cap = c < kClasses ? (c + 1) * kClassWords : words;
        void* mem = std::malloc(offsetof(Fragment, data) + cap * sizeof(Term));
        if (!mem) out_of_memory(words);
        f = static_cast<Fragment*>(mem);
        f->size = cap;
    }
    f->next = nullptr;
    f->used = words;
    return f;
}

void Heap::free_fragment(Fragment* f) {
    if (!f) return;
    size_t c = fragment_class(f->size);
    // Only a block of exactly its class's capacity (one new_fragment made) is reused.
    if (c < kClasses && f->size == (c + 1) * kClassWords &&
        t_fragments.count[c] < kCachePerClass[c]) {
        f->next = t_fragments.head[c];
        t_fragments.head[c] = f;
        ++t_fragments.count[c];
        return;
    }
    std::free(f);
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
    update_gc_due();
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
        free_fragment(f);
        f = next;
    }
    fragments = nullptr;
    fragment_words = 0;
    update_gc_due();
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
    // The first size >= at_least, by a scan from the smallest: most heaps are a few steps up
    // the table, where this beats a binary search (a big heap's collection costs far more
    // than the longer scan).
    int lo = 0;
    while (lo < table.count && table.sizes[lo] < at_least) ++lo;
    if (lo > 0) lo += int(steps);  // erl: below the first size, the first size whatever the steps
    if (lo < table.count) return table.sizes[lo];
    return at_least;  // absurdly large: no rounding
}

} // namespace joist::gc
