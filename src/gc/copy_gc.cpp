// The copying collector (Cheney): evacuates roots and the stack into a fresh block, scans the
// copy linearly, then trims the block to the size the sizing policy wants.
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

/* From-space: everything a collection may move. The old block's heap part [start, top) plus
 * the used part of each fragment. Anything else a pointer may reach (literal areas of loaded
 * code, and, once generational GC exists, the old generation) stays where it is. Fragment
 * ranges are kept sorted so a lookup is a binary search even with many fragments. */
class FromSpace {
public:
    FromSpace(const Heap& h) : m_lo(addr(h.start)), m_hi(addr(h.top)) {
        for (const Fragment* f = h.fragments; f; f = f->next) {
            if (f->used) m_frags.push_back({addr(f->data), addr(f->data + f->used)});
        }
        std::sort(m_frags.begin(), m_frags.end(),
                  [](const Range& a, const Range& b) { return a.lo < b.lo; });
    }

    bool contains(const Term* p) const {
        uintptr_t a = addr(p);
        if (a - m_lo < m_hi - m_lo) [[likely]] return true;
        if (m_frags.empty()) [[likely]] return false;
        // Last fragment starting at or below a.
        auto it = std::upper_bound(m_frags.begin(), m_frags.end(), a,
                                   [](uintptr_t v, const Range& r) { return v < r.lo; });
        if (it == m_frags.begin()) return false;
        --it;
        return a < it->hi;
    }

    size_t fragment_used() const {
        size_t n = 0;
        for (const Range& r : m_frags) n += (r.hi - r.lo) / sizeof(Term);
        return n;
    }

private:
    struct Range {
        uintptr_t lo, hi;
    };
    uintptr_t m_lo, m_hi;
    std::vector<Range> m_frags;
};

/* Forwarding, written into the from-space copy once an object has moved:
 *   boxed object: its header becomes a BOXED pointer to the copy (a header never has tag 10);
 *   cons cell:    head becomes none() (never a real head), tail the LIST pointer to the copy.
 * Copies are laid out in to-space exactly as the originals, so the to-space can be scanned
 * linearly: a header word starts a boxed object (raw subtags are skipped whole, a Fun's
 * FunEntry* word is skipped), any other word is a term. */
class Copier {
public:
    Copier(const FromSpace& from, Term* to) : m_from(from), m_top(to) {}

    Term* top() const { return m_top; }

    // Moves what `t` points to (if it is in from-space) and updates `t`. Immediates, return
    // addresses and headers (tag 00) are left alone.
    void evacuate(Term& t) {
        Word w = t.raw;
        unsigned tag = w & 3;
        if (tag == 1) {
            Term* p = t.list_ptr();
            if (!m_from.contains(p)) return;
            if (p[0].is_none()) {
                t = p[1];
                return;
            }
            Term* n = m_top;
            m_top += 2;
            n[0] = p[0];
            n[1] = p[1];
            p[0] = Term::none();
            p[1] = Term::list(n);
            t = Term::list(n);
        } else if (tag == 2) {
            Term* p = t.boxed_ptr();
            if (!m_from.contains(p)) return;
            Term h = p[0];
            if (h.is_boxed()) {
                t = h;
                return;
            }
            size_t n = 1 + h.header_arity();
            Term* q = m_top;
            m_top += n;
            std::memcpy(q, p, n * sizeof(Term));
            p[0] = Term::boxed(q);
            t = Term::boxed(q);
        }
    }

    void evacuate_span(Term* terms, size_t count) {
        for (size_t i = 0; i < count; i++) evacuate(terms[i]);
    }

    // Cheney scan from `scan` until it catches up with the allocation pointer.
    void scan_from(Term* scan) {
        while (scan < m_top) {
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
    }

private:
    const FromSpace& m_from;
    Term* m_top;
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

/* Sizing policy (block size = heap + stack, in erl's heap size sequence; `wanted` = live words
 * + stack words + need):
 *   - keep the current size while it is between 12.5% and 50% full after the collection;
 *   - otherwise resize to the first sequence size holding four times `wanted` (the heap comes
 *     out of a resize at most 25% full: growth and shrinking are both damped, and a program
 *     with a steady live set collects once per 3x its live size allocated, not more often;
 *     without generations (issue 4) every collection copies all live data);
 *   - never below min_heap_size. */
size_t choose_size(size_t wanted, size_t old_size, size_t min_size) {
    if (old_size >= min_size && 2 * wanted <= old_size && 8 * wanted >= old_size) {
        return old_size;
    }
    return next_heap_size(std::max(min_size, 4 * wanted));
}

[[noreturn]] void out_of_memory(size_t words) {
    std::fprintf(stderr, "joist: cannot allocate heap of %zu words during GC\n", words);
    std::abort();
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

} // namespace

/* Steps:
 *   1. Allocate a to-space big enough for every possible outcome: the live size is bounded by
 *      the old heap's used words plus the fragments', so the policy's answer for that bound (or
 *      the current size, if larger) is an upper bound on the final size. Untouched pages of an
 *      oversized block cost nothing.
 *   2. Evacuate the roots and the stack words (in place, in the old stack), then scan.
 *   3. Trim the to-space with realloc to the size the policy picks for the real live size
 *      (in place with glibc; if it moved, fix pointers), copy the stack to its high end.
 *   4. Free the old block and the fragments. */
void collect(Heap& heap, std::span<const RootSpan> roots, size_t need) {
    FromSpace from(heap);
    const size_t old_size = heap.size();
    const size_t stack = heap.stack_used();
    const size_t live_bound = heap.heap_used() + from.fragment_used();

    size_t cap = choose_size(live_bound + stack + need, old_size, heap.min_heap_size);
    cap = std::max(cap, old_size);
    Term* block = static_cast<Term*>(std::malloc(cap * sizeof(Term)));
    if (!block) out_of_memory(cap);

    Copier copier(from, block);
    for (const RootSpan& r : roots) copier.evacuate_span(r.terms, r.count);
    copier.evacuate_span(heap.stop, stack);
    copier.scan_from(block);
    const size_t live = size_t(copier.top() - block);
    heap.off_heap.sweep_after_copy();  // from-space is still readable: dead RefcBins drop out

    const size_t size = choose_size(live + stack + need, old_size, heap.min_heap_size);
    if (size != cap) {
        /* If realloc moves the block, old and new ranges were both allocated at once, so they
         * are disjoint: a pointer already fixed is not fixed again (roots may overlap). */
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
    std::free(heap.start);
    heap.start = block;
    heap.top = block + live;
    heap.end = new_end;
    heap.stop = new_end - stack;
    heap.gc_count++;
}

} // namespace joist::gc
