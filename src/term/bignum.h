// Integers beyond 60 bits: bignums on the process heap as GMP mpn limbs.
// Layout: [header(PosBig|NegBig, nlimbs), limb0 (least significant), ...]. A bignum is
// always normalised: no high zero limbs, and never a value that fits a small integer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

// Normalised integer from sign + magnitude limbs (copies them onto the heap; small if it fits).
Term big_from_limbs(gc::Heap& h, bool negative, const uint64_t* limbs, size_t n);
// Text of an integer (small or big) in base 2..36, uppercase letters, '-' for negatives.
std::string integer_to_string(Term integer, int base = 10);
// Parses [+-]digits in base 2..36 (case-insensitive). Returns none() on bad syntax.
Term integer_from_string(gc::Heap& h, std::string_view text, int base = 10);
// Conversions: integer (small/big) to double (may be +-inf if too big: callers check).
double integer_to_double(Term integer);
// A double (finite, integral) to an integer term.
Term integer_from_double(gc::Heap& h, double d);
// Compare two integers (small or big): -1, 0, 1.
int integer_compare(Term a, Term b);
// If `integer` fits int64, store it and return true.
bool integer_to_int64(Term integer, int64_t& out);

} // namespace joist
