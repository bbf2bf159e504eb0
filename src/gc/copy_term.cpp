// Deep copy of terms (gc/copy_term.h): sizing with an explicit work stack, copying with a
// Cheney-style scan over the destination block itself, so neither needs recursion.
#include "gc/copy_term.h"

#include <cstring>
#include <vector>

#include "term/binary.h"

namespace joist::gc {

namespace {

constexpr bool is_pointer(Term t) { return t.is_list() || t.is_boxed(); }

// Index (after the header) of a boxed object's first term word; == arity if it has none.
inline size_t first_term_word(Term header) {
    Subtag s = header.header_subtag();
    if (subtag_is_raw(s)) return header.header_arity();
    return s == Subtag::Fun ? 1 : 0;  // a Fun's first word is its FunEntry*
}

size_t heap_bin_words(size_t bytes) { return 2 + (bytes + 7) / 8; }

// How a copy represents the binary whose header is obj[0] (HeapBin or RefcBin), in words.
// Every other object is copied word for word.
inline size_t copied_words(const Term* obj, bool sharing) {
    Subtag s = obj[0].header_subtag();
    if (s != Subtag::RefcBin && s != Subtag::HeapBin) [[likely]]
        return 1 + obj[0].header_arity();
    if (s == Subtag::RefcBin) return sharing ? kRefcBinWords : heap_bin_words(obj[1].raw);
    if (s == Subtag::HeapBin && sharing && obj[1].raw > kHeapBinLimit) return kRefcBinWords;
    return 1 + obj[0].header_arity();
}

// Writes the binary `src` (HeapBin or RefcBin) at `dst` in copied_words(src) words.
void copy_binary(const Term* src, Term* dst, OffHeap* sharing) {
    size_t bytes = src[1].raw;
    Subtag s = src[0].header_subtag();
    if (sharing && (s == Subtag::RefcBin || bytes > kHeapBinLimit)) {
        BinBlock* b;
        if (s == Subtag::RefcBin) {
            b = refc_bin_block(src);
            bin_block_retain(b);
        } else {  // a big HeapBin goes off-heap in the copy
            b = bin_block_new(bytes);
            std::memcpy(b->data, src + 2, bytes);
        }
        dst[0] = Term::header(Subtag::RefcBin, kRefcBinWords - 1);
        dst[1] = Term::from_raw(bytes);
        dst[2] = Term::from_raw(reinterpret_cast<Word>(b));
        sharing->add(dst);
        return;
    }
    if (s == Subtag::HeapBin) {
        std::memcpy(dst, src, (1 + src[0].header_arity()) * sizeof(Term));
        return;
    }
    size_t data_words = (bytes + 7) / 8;  // a RefcBin copied flat
    dst[0] = Term::header(Subtag::HeapBin, 1 + data_words);
    dst[1] = Term::from_raw(bytes);
    if (data_words > 0) dst[1 + data_words].raw = 0;
    if (bytes > 0) std::memcpy(dst + 2, refc_bin_block(src)->data, bytes);
}

// Copies the cell or boxed object `t` points to, words verbatim (its term words still point
// at the source until the scan reaches them), binaries as copy_binary says. Immediates are
// returned unchanged.
[[gnu::always_inline]] inline Term copy_shallow(Term t, Term*& hp, OffHeap* sharing) {
    if (t.is_list()) {
        Term* dst = hp;
        hp += 2;
        dst[0] = t.list_ptr()[0];
        dst[1] = t.list_ptr()[1];
        return Term::list(dst);
    }
    if (t.is_boxed()) {
        const Term* src = t.boxed_ptr();
        Subtag s = src[0].header_subtag();
        Term* dst = hp;
        if (s == Subtag::RefcBin || s == Subtag::HeapBin) {
            hp += copied_words(src, sharing != nullptr);
            copy_binary(src, dst, sharing);
            return Term::boxed(dst);
        }
        size_t words = 1 + src[0].header_arity();
        hp += words;
        if (words <= 8) {  // tuples of a message, refs: no call to memcpy
            for (size_t i = 0; i < words; ++i) dst[i] = src[i];
        } else {
            std::memcpy(dst, src, words * sizeof(Term));
        }
        if (s == Subtag::SubBin) dst[3] = Term::small(0);  // not writable (copy_term.h)
        return Term::boxed(dst);
    }
    return t;
}

// The pending subterms of size_of: a message is usually a small tuple with one or two
// boxed elements, so the first few live in place and only a bushy term reaches malloc.
class PendingStack {
public:
    void push(Term t) {
        if (m_count < kInline) m_inline[m_count] = t;
        else m_more.push_back(t);
        ++m_count;
    }
    bool empty() const { return m_count == 0; }
    Term pop() {
        --m_count;
        if (m_count < kInline) return m_inline[m_count];
        Term t = m_more.back();
        m_more.pop_back();
        return t;
    }

private:
    static constexpr size_t kInline = 16;
    Term m_inline[kInline];
    std::vector<Term> m_more;  // entries kInline.. (oldest first)
    size_t m_count = 0;
};

/* Walks the term keeping one "current" subterm and a stack of pending ones. A cons continues
 * with its tail and pushes its head; a boxed object continues with its last term word and
 * pushes the others. So long lists, right-nested tuples and left-nested lists all run in
 * constant stack space; only terms that branch at every level grow the stack. */
size_t size_of(Term t, bool sharing) {
    size_t words = 0;
    PendingStack pending;
    for (;;) {
        if (t.is_list()) {
            words += 2;
            Term head = t.head();
            if (is_pointer(head)) pending.push(head);
            t = t.tail();
            continue;
        }
        if (t.is_boxed()) {
            const Term* obj = t.boxed_ptr();
            Term header = obj[0];
            size_t arity = header.header_arity();
            words += copied_words(obj, sharing);
            size_t first = first_term_word(header);
            if (first < arity) {
                for (size_t i = first; i + 1 < arity; i++) {
                    if (is_pointer(obj[1 + i])) pending.push(obj[1 + i]);
                }
                t = obj[arity];
                continue;
            }
        }
        if (pending.empty()) return words;
        t = pending.pop();
    }
}

/* The copy is laid out in [start, hp) as the GC lays out to-space: a header word starts a
 * boxed object (raw ones are skipped whole, a Fun's FunEntry* word is skipped), any other word
 * is a term. Every term word below `scan` already points into the copy; every one above it
 * still holds the source's word, so scanning replaces each pointer with a fresh shallow copy
 * of what it points to. The copy is breadth-first and never revisits a word. */
Term copy(Term t, Term*& hp, OffHeap* sharing) {
    if (!is_pointer(t)) return t;
    Term* scan = hp;
    Term result = copy_shallow(t, hp, sharing);
    while (scan < hp) {
        Term w = *scan;
        if (!w.is_header()) {
            if (is_pointer(w)) *scan = copy_shallow(w, hp, sharing);  // immediates stay
            ++scan;
            continue;
        }
        size_t first = first_term_word(w);
        size_t arity = w.header_arity();
        if (first >= arity) {
            scan += 1 + arity;
        } else {
            scan += 1 + first;
        }
    }
    return result;
}

} // namespace

size_t term_size(Term t) { return size_of(t, false); }
Term copy_term(Term t, Term*& hp) { return copy(t, hp, nullptr); }

size_t term_size_shared(Term t) { return size_of(t, true); }
Term copy_term_shared(Term t, Term*& hp, OffHeap& off_heap) { return copy(t, hp, &off_heap); }

} // namespace joist::gc
