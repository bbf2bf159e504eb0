// One process heap, generational as in ERTS:
//   - the young generation: a block whose low end holds the heap (growing up from `start` to
//     `top`) and whose high end holds the stack (growing down from `end` to `stop`). When the two
//     meet, callers that know their live registers collect (copy_gc.h); allocations that cannot
//     wait for a collection (inside BIFs) go to heap fragments, which the next collection absorbs.
//     [start, hwm) is what survived the last collection: the next minor one promotes it.
//   - the old generation: a second block [old_start, old_end), filled from old_start up to
//     old_top by promotion; only a major (fullsweep) collection frees it.
// Nothing in the old generation ever points into the young one: terms are immutable once
// built (the in-place updates, set_tuple_element and appends to writable binaries, touch only
// objects made after the last collection, or raw bytes).
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

// erlang:process_flag(max_heap_size, _) / spawn_opt: the limit a collection checks.
struct MaxHeapSize {
    size_t size = 0;  // words; 0: no limit
    bool kill = true;
    bool error_logger = true;
    bool include_shared_binaries = false;
};

// Hibernate: a major collection that leaves the heap the size of what is live, no more
// (erlang:hibernate/3).
enum class GcType : uint8_t { Auto, Minor, Major, Hibernate };

struct Heap {
    Term* start = nullptr;  // block start (heap bottom)
    Term* top = nullptr;    // next free heap word
    Term* stop = nullptr;   // stack top: lowest used stack word ([stop, end) is the stack)
    Term* end = nullptr;    // block end (stack bottom)
    Term* hwm = nullptr;    // high water mark: [start, hwm) survived one collection
    Fragment* fragments = nullptr;
    size_t fragment_words = 0;  // words in all fragments (drives the next collection)
    // A collection is due at the next point where the live registers are known: fragments of
    // half the heap or more, or off-heap binaries past the virtual binary heap's limit.
    // Kept by update_gc_due() where those grow and after each collection, so the
    // interpreter's heap tests read one flag.
    bool gc_due = false;
    Term* old_start = nullptr;  // the old generation (nullptr until a minor collection promotes)
    Term* old_top = nullptr;
    Term* old_end = nullptr;
    // RefcBins in both generations and the fragments (released when they die).
    OffHeap off_heap;

    // Settings (spawn_opt/4, process_flag/2) and counters (process_info/2).
    size_t min_heap_size = 233;  // words, erl's default
    uint64_t fullsweep_after = 65535;  // minor collections between two major ones
    MaxHeapSize max_heap;
    uint64_t gc_count = 0;   // collections of either kind
    uint64_t minor_gcs = 0;  // minor collections since the last major one
    uint64_t words_reclaimed = 0;
    GcType requested = GcType::Auto;  // garbage_collect/0,1 on itself: collect at the BIF's return
    bool max_heap_exceeded = false;   // the last collection found the heap above max_heap
    bool grow_at_major = false;       // the last major collection left the heap over 75% full

    Heap() = default;
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    ~Heap();

    void init(size_t words);  // allocate the first block (heap + stack); no old generation
    void update_gc_due() {
        gc_due = (fragment_words > 0 && fragment_words >= size() / 2) || off_heap.over_limit();
    }
    size_t size() const { return size_t(end - start); }
    size_t old_size() const { return size_t(old_end - old_start); }
    size_t old_used() const { return size_t(old_top - old_start); }
    // Words of all generations and fragments: what erl's total_heap_size and max_heap_size mean.
    size_t total_size() const { return size() + old_size() + fragment_words; }
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
    // Its `size` may exceed `words` (small fragments come in size classes); `used` is `words`.
    static Fragment* new_fragment(size_t words);
    // Frees a fragment (nullptr: nothing), keeping small ones for this thread's next sends.
    static void free_fragment(Fragment* f);
    void attach_fragment(Fragment* f);
    // True if `p` lies in either generation or a fragment (i.e. is collectable, not a literal).
    bool contains(const Term* p) const;
    void free_fragments();
    void free_old();  // drops the old generation's block (its objects must be dead or moved)
};

// The sizes a heap grows through (words): erl's sequence (Fibonacci-like, then +20%).
// next_heap_size: the first size >= at_least, or `steps` sizes above that one (erl's
// erts_next_heap_size offset; below the first size it is the first size all the same).
size_t next_heap_size(size_t at_least, unsigned steps = 0);

} // namespace joist::gc
