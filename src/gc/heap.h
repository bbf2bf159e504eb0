// One process heap: a block whose low end holds the heap (growing up from `start` to `top`) and
// whose high end holds the stack (growing down from `end` to `stop`), as in ERTS. When the two
// meet, callers that know their live registers collect (copy_gc.h); allocations that cannot wait
// for a collection (inside BIFs) go to heap fragments, which the next collection absorbs.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/off_heap.h"
#include "term/term.h"

namespace joist::gc {

struct Fragment {
    Fragment* next;
    size_t size;   // words in data
    size_t used;   // words allocated
    Term data[1];  // flexible
};

struct Heap {
    Term* start = nullptr;  // block start (heap bottom)
    Term* top = nullptr;    // next free heap word
    Term* stop = nullptr;   // stack top: lowest used stack word ([stop, end) is the stack)
    Term* end = nullptr;    // block end (stack bottom)
    Fragment* fragments = nullptr;
    size_t fragment_words = 0;  // words in all fragments (drives the next collection)
    uint64_t gc_count = 0;
    size_t min_heap_size = 233;  // words, erl's default
    OffHeap off_heap;  // RefcBins in the heap and its fragments (released when they die)

    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap();

    void init(size_t words);  // allocate the first block (heap + stack)
    size_t size() const { return size_t(end - start); }
    size_t heap_used() const { return size_t(top - start); }
    size_t stack_used() const { return size_t(end - stop); }
    // Words alloc() can hand out without a fragment (the red-zone word excluded).
    size_t free_words() const { return stop > top ? size_t(stop - top) - 1 : 0; }

    // Bump allocation; falls back to a fragment (never collects, so Term* stay valid).
    // The word just below `stop` is never handed out: a call pushes its return address there.
    Term* alloc(size_t words) {
        if (size_t(stop - top) > words) [[likely]] {
            Term* p = top;
            top += words;
            return p;
        }
        return alloc_fragment(words);
    }
    Term* alloc_fragment(size_t words);
    // A detached fragment of exactly `words` words (a message built by its sender), and
    // handing one to this heap: the next collection absorbs it like any other fragment.
    static Fragment* new_fragment(size_t words);
    void attach_fragment(Fragment* f);
    // True if `p` lies in the heap proper or a fragment (i.e. is collectable, not a literal).
    bool contains(const Term* p) const;
    void free_fragments();
};

// The sizes a heap grows through (words): erl's sequence (Fibonacci-like, then +20%).
size_t next_heap_size(size_t at_least);

} // namespace joist::gc
