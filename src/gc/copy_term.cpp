// Deep copy of terms (gc/copy_term.h): sizing with an explicit work stack, copying with a
// Cheney-style scan over the destination block itself, so neither needs recursion.
#include "gc/copy_term.h"

#include <cstring>
#include <vector>

namespace joist::gc {

namespace {

constexpr bool is_pointer(Term t) { return t.is_list() || t.is_boxed(); }

// Index (after the header) of a boxed object's first term word; == arity if it has none.
size_t first_term_word(Term header) {
    Subtag s = header.header_subtag();
    if (subtag_is_raw(s)) return header.header_arity();
    return s == Subtag::Fun ? 1 : 0;  // a Fun's first word is its FunEntry*
}

// Copies the cell or boxed object `t` points to, words verbatim (its term words still point
// at the source until the scan reaches them). Immediates are returned unchanged.
Term copy_shallow(Term t, Term*& hp) {
    if (t.is_list()) {
        Term* dst = hp;
        hp += 2;
        dst[0] = t.list_ptr()[0];
        dst[1] = t.list_ptr()[1];
        return Term::list(dst);
    }
    if (t.is_boxed()) {
        const Term* src = t.boxed_ptr();
        size_t words = 1 + src[0].header_arity();
        Term* dst = hp;
        hp += words;
        std::memcpy(dst, src, words * sizeof(Term));
        return Term::boxed(dst);
    }
    return t;
}

} // namespace

/* Walks the term keeping one "current" subterm and a stack of pending ones. A cons continues
 * with its tail and pushes its head; a boxed object continues with its last term word and
 * pushes the others. So long lists, right-nested tuples and left-nested lists all run in
 * constant stack space; only terms that branch at every level grow the stack. */
size_t term_size(Term t) {
    size_t words = 0;
    std::vector<Term> pending;
    for (;;) {
        if (t.is_list()) {
            words += 2;
            Term head = t.head();
            if (is_pointer(head)) pending.push_back(head);
            t = t.tail();
            continue;
        }
        if (t.is_boxed()) {
            const Term* obj = t.boxed_ptr();
            Term header = obj[0];
            size_t arity = header.header_arity();
            words += 1 + arity;
            size_t first = first_term_word(header);
            if (first < arity) {
                for (size_t i = first; i + 1 < arity; i++) {
                    if (is_pointer(obj[1 + i])) pending.push_back(obj[1 + i]);
                }
                t = obj[arity];
                continue;
            }
        }
        if (pending.empty()) return words;
        t = pending.back();
        pending.pop_back();
    }
}

/* The copy is laid out in [start, hp) as the GC lays out to-space: a header word starts a
 * boxed object (raw ones are skipped whole, a Fun's FunEntry* word is skipped), any other word
 * is a term. Every term word below `scan` already points into the copy; every one above it
 * still holds the source's word, so scanning replaces each pointer with a fresh shallow copy
 * of what it points to. The copy is breadth-first and never revisits a word. */
Term copy_term(Term t, Term*& hp) {
    if (!is_pointer(t)) return t;
    Term* scan = hp;
    Term result = copy_shallow(t, hp);
    while (scan < hp) {
        Term w = *scan;
        if (!w.is_header()) {
            *scan++ = copy_shallow(w, hp);
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

} // namespace joist::gc
