// Building terms on a heap: tuples, conses, floats, integers, lists from C++ data.
// Allocation never collects (fragments catch overflow), so Term values stay valid.
#pragma once
#include <cstring>
#include <string_view>

#include "gc/heap.h"
#include "term/term.h"

namespace joist::gc {

inline Term make_cons(Heap& h, Term head, Term tail) {
    Term* c = h.alloc(2);
    c[0] = head;
    c[1] = tail;
    return Term::list(c);
}

// A tuple with `arity` elements left for the caller to fill (tuple_elems()).
inline Term make_tuple(Heap& h, size_t arity) {
    Term* t = h.alloc(1 + arity);
    t[0] = Term::header(Subtag::Tuple, arity);
    return Term::boxed(t);
}

template <class... Ts> Term make_tuple_of(Heap& h, Ts... elems) {
    Term* t = h.alloc(1 + sizeof...(Ts));
    t[0] = Term::header(Subtag::Tuple, sizeof...(Ts));
    size_t i = 1;
    ((t[i++] = elems), ...);
    return Term::boxed(t);
}

inline Term make_float(Heap& h, double d) {
    Term* t = h.alloc(2);
    t[0] = Term::header(Subtag::Float, 1);
    std::memcpy(&t[1], &d, sizeof d);
    return Term::boxed(t);
}

// An integer of any size (small or a one-limb bignum).
Term make_integer(Heap& h, int64_t v);
Term make_integer_u64(Heap& h, uint64_t v);

// A list of byte values (a latin-1 string), or of the code points of UTF-8 text.
Term make_byte_list(Heap& h, std::string_view bytes, Term tail = Term::nil());
Term make_codepoint_list(Heap& h, std::string_view utf8, Term tail = Term::nil());

} // namespace joist::gc
