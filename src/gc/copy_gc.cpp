// The generational copying collector (Cheney): a minor collection evacuates the young
// generation, promoting what already survived one collection to the old generation; a major
// one evacuates both generations into a fresh young block. Either way the young to-space is
// then trimmed to the size the sizing policy wants.
#include "gc/copy_gc.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace joist::gc {

namespace {

inline uintptr_t addr(const Term* p) { return reinterpret_cast<uintptr_t>(p); }

/* From-space: everything a collection may move, and where each part goes.
 *   minor: the young heap [start, top) and the fragments. Below the high water mark an object
 *          survived the previous collection: it goes to the old generation; the rest (and
 *          the fragments, which are newer than any collection) stays young.
 *   major: the same plus the old generation's used part, all into the young to-space.
 * Anything else a pointer may reach (literal areas of loaded code, and in a minor collection
 * the old generation) stays where it is. Fragment ranges are kept sorted so a lookup is a
 * binary search even with many fragments. */
class FromSpace {
public:
    FromSpace(const Heap& h, bool major)
        : m_lo(addr(h.start)), m_hi(addr(h.top)), m_mature_hi(major ? m_lo : addr(h.hwm)) {
        if (major && h.old_start) {
            m_old_lo = addr(h.old_start);
            m_old_hi = addr(h.old_top);
        }
        size_t n = 0;
        for (const Fragment* f = h.fragments; f; f = f->next) n += f->used != 0;
        // A few message fragments are the usual case: they fit in place, without malloc.
        if (n > kInlineFrags) {
            m_more.resize(n);
            m_frags = m_more.data();
        }
        for (const Fragment* f = h.fragments; f; f = f->next) {
            if (f->used) m_frags[m_count++] = {addr(f->data), addr(f->data + f->used)};
        }
        std::sort(m_frags, m_frags + m_count,
                  [](const Range& a, const Range& b) { return a.lo < b.lo; });
    }
    FromSpace(const FromSpace&) = delete;
    FromSpace& operator=(const FromSpace&) = delete;

    enum Where { Outside, Young, Mature };

    // Where the object at `p` goes: nowhere (Outside: not collected), the young to-space, or
    // (minor collections only) the old generation.
    Where where(const Term* p) const {
        uintptr_t a = addr(p);
        if (a - m_lo < m_hi - m_lo) [[likely]] return a < m_mature_hi ? Mature : Young;
        if (a - m_old_lo < m_old_hi - m_old_lo) return Young;
        if (m_count == 0) [[likely]] return Outside;
        return in_fragment(a) ? Young : Outside;
    }

    bool contains(const Term* p) const { return where(p) != Outside; }

    size_t fragment_used() const {
        size_t n = 0;
        for (size_t i = 0; i < m_count; ++i) n += (m_frags[i].hi - m_frags[i].lo) / sizeof(Term);
        return n;
    }

private:
    bool in_fragment(uintptr_t a) const {
        // Last fragment starting at or below a.
        const Range* it = std::upper_bound(m_frags, m_frags + m_count, a,
                                           [](uintptr_t v, const Range& r) { return v < r.lo; });
        if (it == m_frags) return false;
        --it;
        return a < it->hi;
    }

    struct Range {
        uintptr_t lo, hi;
    };
    uintptr_t m_lo, m_hi, m_mature_hi;
    uintptr_t m_old_lo = 0, m_old_hi = 0;
    static constexpr size_t kInlineFrags = 32;
    Range m_inline[kInlineFrags];
    std::vector<Range> m_more;  // when there are more fragments than that
    Range* m_frags = m_inline;  // sorted by address
    size_t m_count = 0;
};

/* Forwarding, written into the from-space copy once an object has moved:
 *   boxed object: its header becomes a BOXED pointer to the copy (a header never has tag 10);
 *   cons cell:    head becomes none() (never a real head), tail the LIST pointer to the copy.
 * Copies are laid out in to-space exactly as the originals, so each to-space can be scanned
 * linearly: a header word starts a boxed object (raw subtags are skipped whole, a Fun's
 * FunEntry* word is skipped), any other word is a term. A minor collection has two to-spaces
 * (young and old), scanned in turn until neither has unscanned words. */
class Copier {
public:
    Copier(const FromSpace& from, Term* young, Term* old)
        : m_from(from), m_top(young), m_old_top(old) {}

    Term* top() const { return m_top; }
    Term* old_top() const { return m_old_top; }

    // Moves what `t` points to (if it is in from-space) and updates `t`. Immediates, return
    // addresses and headers (tag 00) are left alone. Inlined into the scan loops: it is most
    // of a collection's work, and a call per word costs a fifth of it.
    [[gnu::always_inline]] void evacuate(Term& t) {
        Word w = t.raw;
        // Tags 1 (list) and 2 (boxed) point; 0 (header, return address) and 3 (immediate) do
        // not: (w - 1) & 2 tells them apart in one test, which most words stop at.
        if ((w - 1) & 2) return;
        if (w & 1) {
            Term* p = t.list_ptr();
            FromSpace::Where to = m_from.where(p);
            if (to == FromSpace::Outside) return;
            if (p[0].is_none()) {
                t = p[1];
                return;
            }
            Term*& dst = to == FromSpace::Young ? m_top : m_old_top;
            Term* n = dst;
            dst += 2;
            n[0] = p[0];
            n[1] = p[1];
            p[0] = Term::none();
            p[1] = Term::list(n);
            t = Term::list(n);
        } else {
            Term* p = t.boxed_ptr();
            FromSpace::Where to = m_from.where(p);
            if (to == FromSpace::Outside) return;
            Term h = p[0];
            if (h.is_boxed()) {
                t = h;
                return;
            }
            size_t n = 1 + h.header_arity();
            Term*& dst = to == FromSpace::Young ? m_top : m_old_top;
            Term* q = dst;
            dst += n;
            std::memcpy(q, p, n * sizeof(Term));
            p[0] = Term::boxed(q);
            t = Term::boxed(q);
        }
    }

    void evacuate_span(Term* terms, size_t count) {
        for (size_t i = 0; i < count; i++) evacuate(terms[i]);
    }

    // Cheney scan of both to-spaces, from `young` and `old`, until both catch up with their
    // allocation pointers.
    void scan(Term* young, Term* old) {
        while (young < m_top || old < m_old_top) {
            young = scan_region(young, m_top);
            old = scan_region(old, m_old_top);
        }
    }

private:
    // Scans from `scan` until it reaches `limit` (which the evacuations scanned here may move).
    Term* scan_region(Term* scan, Term* const& limit) {
        while (scan < limit) {
            Term w = *scan;
            if (!w.is_header()) {
                evacuate(*scan);
                scan++;
                continue;
            }
            Subtag st = w.header_subtag();
            Term* obj_end = scan + 1 + w.header_arity();
            if (subtag_is_raw(st)) {
                scan = obj_end;
                continue;
            }
            scan += (st == Subtag::Fun) ? 2 : 1;
            for (; scan < obj_end; scan++) evacuate(*scan);
            scan = obj_end;
        }
        return scan;
    }

    const FromSpace& m_from;
    Term* m_top;
    Term* m_old_top;
};

/* Pointer fix-up when the resized block did not stay in place: every LIST/BOXED pointer into
 * [lo, hi) moves by `delta` bytes. */
struct Relocator {
    uintptr_t lo, hi;
    intptr_t delta;

    void fix(Term& t) const {
        if ((t.raw & 3) == 1 || (t.raw & 3) == 2) {
            uintptr_t a = t.raw & ~Word(3);
            if (a - lo < hi - lo) t.raw = Word(intptr_t(t.raw) + delta);
        }
    }
    void fix_span(Term* terms, size_t count) const {
        for (size_t i = 0; i < count; i++) fix(terms[i]);
    }
    void fix_heap(Term* p, Term* end) const {
        while (p < end) {
            Term w = *p;
            if (!w.is_header()) {
                fix(*p++);
                continue;
            }
            Subtag st = w.header_subtag();
            Term* obj_end = p + 1 + w.header_arity();
            if (!subtag_is_raw(st)) {
                p += (st == Subtag::Fun) ? 2 : 1;
                for (; p < obj_end; p++) fix(*p);
            }
            p = obj_end;
        }
    }
};

/* Young block sizing: erl's rules (erl_gc.c, OTP 25), in erl's heap size sequence and never
 * below min_heap_size. Sizes count the whole block, heap and stack. `need_after` is what the
 * block must hold after the collection: live young words, the stack, `need` and one reserved
 * word (kReserved: the red zone a call pushes its return address into).
 *
 * The to-space a collection copies into holds everything that was in use before it (young
 * words and fragments, plus the old generation's used words in a major one): a heap that
 * collects with fragments or a full old generation grows there, not afterwards. */
constexpr size_t kReserved = 1;
constexpr size_t kShrinkFloor = 233;  // erl's H_MIN_SIZE: a heap this small is never shrunk

size_t at_least_min(size_t words, size_t min_size) {
    return std::max(min_size, next_heap_size(words));
}

// After a minor collection: shrink a big heap the survivors use under a quarter of (to three
// times need_after, but not much below an eighth of the old generation, whose next major
// collection lands here), grow one they do not fit. A small heap is never shrunk: after a
// minor collection it holds one collection's survivors only, whatever the live set is.
size_t size_after_minor(size_t size, size_t need_after, size_t old_heap_size, size_t min_size) {
    if (size > 3000 && 4 * need_after < size && (size > 8000 || size > old_heap_size)) {
        size_t wanted = 3 * need_after;
        if (wanted * 9 < old_heap_size) wanted = std::max(wanted, old_heap_size / 8);
        return std::min(size, at_least_min(wanted, min_size));
    }
    if (need_after > size) return at_least_min(need_after, min_size);
    return size;
}

// After a major collection (erl's adjust_after_fullsweep): grow a heap the live data does not
// fit; over 75% full, remember to grow at the next major one; under 25% full, shrink to twice
// what is live.
size_t size_after_major(Heap& heap, size_t size, size_t need_after) {
    if (size < need_after) return at_least_min(need_after, heap.min_heap_size);
    if (3 * size < 4 * need_after) {
        heap.grow_at_major = true;
    } else if (4 * need_after < size && size > kShrinkFloor) {
        return std::min(size, at_least_min(2 * need_after, heap.min_heap_size));
    }
    return size;
}

[[noreturn]] void out_of_memory(size_t words) {
    std::fprintf(stderr, "joist: cannot allocate heap of %zu words during GC\n", words);
    std::abort();
}

/* Young blocks: a process that collects often (a small heap and a steady small live set)
 * frees a block of the very size it allocates next, every collection. One recently freed
 * block per scheduler thread is kept back for that, up to a bound so that an idle cache never
 * holds much memory. */
struct BlockCache {
    static constexpr size_t kMaxWords = 16384;
    Term* block = nullptr;
    size_t words = 0;
    ~BlockCache() { std::free(block); }
};
thread_local BlockCache t_cache;

Term* new_block(size_t words) {
    if (t_cache.block && t_cache.words == words) {
        Term* p = t_cache.block;
        t_cache.block = nullptr;
        return p;
    }
    auto* p = static_cast<Term*>(std::malloc((words ? words : 1) * sizeof(Term)));
    if (!p) out_of_memory(words);
    return p;
}

void free_block(Term* block, size_t words) {
    if (block && words <= BlockCache::kMaxWords) {
        std::free(t_cache.block);
        t_cache.block = block;
        t_cache.words = words;
        return;
    }
    std::free(block);
}

// realloc: returns how far (bytes) the block moved. Out of line so that GCC's
// -Wuse-after-free does not mistake later uses of the old address (as an integer) for a use.
[[gnu::noinline]] intptr_t resize_block(Term*& block, size_t words) {
    intptr_t before = intptr_t(addr(block));
    void* p = std::realloc(block, words * sizeof(Term));
    if (!p) out_of_memory(words);
    block = static_cast<Term*>(p);
    return intptr_t(addr(block)) - before;
}

// Whether this collection must be major: asked for, fullsweep_after minor ones done since the
// last, the old generation cannot take what a minor one would promote, or (as in erl, even
// when a minor one is asked for) there is neither an old generation nor anything to promote
// into one: a process's first collection, and the first after each major one that found
// nothing live, are major.
bool needs_major(const Heap& heap, GcType type) {
    if (type == GcType::Major || type == GcType::Hibernate) return true;
    if (type == GcType::Auto && heap.minor_gcs >= heap.fullsweep_after) return true;
    size_t mature = size_t(heap.hwm - heap.start);
    if (!heap.old_start) return mature == 0;  // else a minor collection makes one
    return size_t(heap.old_end - heap.old_top) < mature;
}

} // namespace

/* Steps:
 *   1. Decide minor or major; for a minor one make sure the old generation has room for
 *      everything below the high water mark (making it if there is none yet).
 *   2. Allocate a young to-space of erl's size for what was in use before (see the sizing
 *      rules above): it holds everything that may stay young, and the stack.
 *   3. Evacuate the roots and the stack words (in place, in the old stack), then scan.
 *   4. Resize the to-space with realloc if erl's rules grow or shrink it for the real live
 *      size (if it moved, fix pointers), copy the stack to its high end.
 *   5. Free the old block, the fragments and (major) the old generation's block. */
void collect(Heap& heap, std::span<const RootSpan> roots, size_t need, GcType type) {
    if (heap.hwm < heap.start || heap.hwm > heap.top) heap.hwm = heap.start;
    const bool major = needs_major(heap, type);
    FromSpace from(heap, major);
    const size_t old_size = heap.size();
    const size_t stack = heap.stack_used();
    const size_t frag_used = from.fragment_used();
    const size_t mature = major ? 0 : size_t(heap.hwm - heap.start);
    const size_t used_before = heap.heap_used() + frag_used + heap.old_used();

    if (!major && mature > 0 && !heap.old_start) {
        // erl makes it one size larger than the young generation's use, which it finds
        // makes later major collections rarer.
        size_t words = next_heap_size(heap.heap_used() + frag_used, 1);
        heap.old_start = heap.old_top = new_block(words);
        heap.old_end = heap.old_start + words;
    }

    // The to-space holds everything in use before the collection (young generation and
    // fragments; in a major one the old generation too), so it always has room for the copy.
    const size_t young_usage = heap.heap_used() + frag_used;
    size_t cap;
    if (major) {
        cap = at_least_min(stack + used_before + kReserved, heap.min_heap_size);
        if (cap == old_size && heap.grow_at_major) cap = next_heap_size(old_size, 1);
        heap.grow_at_major = false;
    } else {
        cap = at_least_min(stack + young_usage, heap.min_heap_size);
    }
    Term* block = new_block(cap);

    Term* old_scan = heap.old_top;
    Copier copier(from, block, heap.old_top);
    for (const RootSpan& r : roots) copier.evacuate_span(r.terms, r.count);
    copier.evacuate_span(heap.stop, stack);
    copier.scan(block, old_scan);
    const size_t live = size_t(copier.top() - block);
    // From-space is still readable: dead RefcBins drop out. A minor collection leaves the old
    // generation's RefcBins as they are.
    if (major) {
        heap.off_heap.sweep_after_copy();
    } else {
        heap.off_heap.sweep_after_copy([&from](const Term* hdr) { return from.contains(hdr); });
        heap.old_top = copier.old_top();
    }

    const size_t need_after = live + stack + need + kReserved;
    const size_t size = type == GcType::Hibernate ? need_after
                        : major ? size_after_major(heap, cap, need_after)
                                : size_after_minor(cap, need_after, heap.old_size(),
                                                   heap.min_heap_size);
    if (size != cap) {
        /* If realloc moves the block, old and new ranges were both allocated at once, so they
         * are disjoint: a pointer already fixed is not fixed again (roots may overlap). No
         * pointer in the old generation points into the young block. */
        Relocator rel{addr(block), addr(block + live), 0};
        rel.delta = resize_block(block, size);
        if (rel.delta != 0) {
            rel.fix_heap(block, block + live);
            for (const RootSpan& r : roots) rel.fix_span(r.terms, r.count);
            rel.fix_span(heap.stop, stack);
            heap.off_heap.relocate(rel.lo, rel.hi, rel.delta);
        }
    }
    Term* new_end = block + size;
    if (stack) std::memcpy(new_end - stack, heap.stop, stack * sizeof(Term));

    heap.free_fragments();
    if (major) heap.free_old();
    free_block(heap.start, old_size);
    heap.start = block;
    heap.top = block + live;
    heap.hwm = heap.top;
    heap.end = new_end;
    heap.stop = new_end - stack;
    heap.gc_count++;
    heap.minor_gcs = major ? 0 : heap.minor_gcs + 1;
    const size_t used_after = live + heap.old_used();
    heap.words_reclaimed += used_before > used_after ? used_before - used_after : 0;
    size_t total = heap.total_size();
    if (heap.max_heap.include_shared_binaries) total += heap.off_heap.bytes / sizeof(Term);
    heap.max_heap_exceeded = heap.max_heap.size != 0 && total > heap.max_heap.size;
    heap.update_gc_due();  // the heap's new size and the off-heap limit after the sweep
}

} // namespace joist::gc
