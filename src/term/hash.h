// Portable term hashes, identical to erl's: erlang:phash2/1,2 (make_hash2: Jenkins' lookup2 mix
// over a canonical walk of the term) and erlang:phash/2 (make_hash: the older multiplicative
// hash). Both walk the term iteratively with an explicit stack.
#pragma once
#include <cstdint>

#include "term/term.h"

namespace joist {

// The 32-bit hash phash2 reduces (phash2/1 masks it to 27 bits, phash2/2 takes it mod Range).
uint32_t term_hash2(Term t);
// The 32-bit hash phash/2 reduces (1 + hash mod Range).
uint32_t term_hash1(Term t);
// erl's hash of an atom's text (hashpjw over its latin-1 characters).
uint32_t atom_text_hash(Term atom);

} // namespace joist
