// Integers beyond 60 bits: bignums on the process heap as GMP mpn limbs.
// Layout: [header(PosBig|NegBig, nlimbs), limb0 (least significant), ...]. A bignum is
// always normalised: no high zero limbs, and never a value that fits a small integer.
#pragma once
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

// Sign and magnitude limbs of an integer term; a small is viewed as a 0- or 1-limb magnitude.
// Not copyable: `limbs` may point into the view itself.
class IntView {
public:
    explicit IntView(Term t) {
        if (t.is_small()) {
            int64_t v = t.small_value();
            neg = v < 0;
            m_small = neg ? uint64_t(0) - uint64_t(v) : uint64_t(v);
            n = v != 0;
            limbs = &m_small;
        } else {
            Term hdr = t.box_header();
            neg = hdr.header_subtag() == Subtag::NegBig;
            n = hdr.header_arity();
            limbs = reinterpret_cast<const uint64_t*>(t.boxed_ptr() + 1);
        }
    }
    IntView(const IntView&) = delete;
    IntView& operator=(const IntView&) = delete;

    // Number of significant bits of the magnitude.
    uint64_t bit_length() const {
        return n == 0 ? 0 : uint64_t(n - 1) * 64 + uint64_t(std::bit_width(limbs[n - 1]));
    }

    bool neg = false;
    size_t n = 0;
    const uint64_t* limbs = nullptr;

private:
    uint64_t m_small = 0;
};

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
