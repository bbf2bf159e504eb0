// Deep copy of a term into a contiguous block of words, as message sending and persistent_term
// need it: everything reachable through LIST/BOXED pointers is copied (literals too), sharing
// is not preserved (like erl's copy), and neither function recurses.
#pragma once
#include <cstddef>

#include "term/term.h"

namespace joist::gc {

// Heap words needed to copy `t` (0 for an immediate). A subterm reached twice counts twice.
size_t term_size(Term t);

// Copies `t` to `hp`, which must have term_size(t) free words; advances `hp` past the copy and
// returns the copied term. Raw words (bignum limbs, float bits, a Fun's FunEntry*, an Export*,
// binary bytes ...) are copied verbatim; the source is only read.
Term copy_term(Term t, Term*& hp);

} // namespace joist::gc
