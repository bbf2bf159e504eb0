// Integers beyond 60 bits (see bignum.h): building normalised bignums, text and double
// conversions, comparison, and gc::make_integer. Limb work is GMP's mpn layer on heap words.
// The arithmetic operators themselves live in bif/erlang_arith.cpp.
#include "term/bignum.h"

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "gc/build.h"

namespace joist {

static_assert(sizeof(mp_limb_t) == sizeof(Word) && GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0,
              "bignum limbs are whole 64-bit heap words");

namespace {


constexpr char digit_char(unsigned d) { return char(d < 10 ? '0' + d : 'A' + (d - 10)); }

// Digit value of an ASCII character in bases up to 36, or 255.
constexpr unsigned digit_value(char c) {
    if (c >= '0' && c <= '9') return unsigned(c - '0');
    if (c >= 'a' && c <= 'z') return unsigned(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return unsigned(c - 'A' + 10);
    return 255;
}

std::string u64_to_string(uint64_t mag, bool neg, int base) {
    char buf[72];
    char* e = buf + sizeof buf;
    char* s = e;
    do {
        *--s = digit_char(unsigned(mag % unsigned(base)));
        mag /= unsigned(base);
    } while (mag != 0);
    if (neg) *--s = '-';
    return std::string(s, e);
}

} // namespace

Term big_from_limbs(gc::Heap& h, bool negative, const uint64_t* limbs, size_t n) {
    while (n > 0 && limbs[n - 1] == 0) --n;
    if (n == 0) return Term::small(0);
    if (n == 1) {
        uint64_t m = limbs[0];
        if (!negative && m <= uint64_t(kMaxSmall)) return Term::small(int64_t(m));
        if (negative && m <= uint64_t(kMaxSmall) + 1) return Term::small(-int64_t(m));
    }
    Term* p = h.alloc(1 + n);
    p[0] = Term::header(negative ? Subtag::NegBig : Subtag::PosBig, n);
    std::memcpy(p + 1, limbs, n * sizeof(uint64_t));
    return Term::boxed(p);
}

std::string integer_to_string(Term integer, int base) {
    if (base < 2 || base > 36) base = 10;
    IntView v(integer);
    if (v.n <= 1) return u64_to_string(v.n ? v.limbs[0] : 0, v.neg, base);
    // mpn_get_str clobbers its input (for bases that are not powers of 2): work on a copy.
    std::vector<mp_limb_t> tmp(v.limbs, v.limbs + v.n);
    std::vector<unsigned char> digits(mpn_sizeinbase(tmp.data(), mp_size_t(v.n), base) + 1);
    size_t len = mpn_get_str(digits.data(), base, tmp.data(), mp_size_t(v.n));
    size_t skip = 0;
    while (skip + 1 < len && digits[skip] == 0) ++skip;  // mpn_get_str may emit leading zeros
    std::string out;
    out.reserve(len - skip + 1);
    if (v.neg) out.push_back('-');
    for (size_t i = skip; i < len; ++i) out.push_back(digit_char(digits[i]));
    return out;
}

Term integer_from_string(gc::Heap& h, std::string_view text, int base) {
    if (base < 2 || base > 36) return Term::none();
    bool neg = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        neg = text[0] == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return Term::none();
    for (char c : text) {
        if (digit_value(c) >= unsigned(base)) return Term::none();
    }
    size_t lead = 0;
    while (lead < text.size() && text[lead] == '0') ++lead;
    text.remove_prefix(lead);
    if (text.empty()) return Term::small(0);

    // Up to 12 digits in any base <= 36 fit 63 bits: no GMP needed.
    if (text.size() <= 12) {
        uint64_t m = 0;
        for (char c : text) m = m * unsigned(base) + digit_value(c);
        return neg ? gc::make_integer(h, -int64_t(m)) : gc::make_integer_u64(h, m);
    }
    std::vector<unsigned char> digits(text.size());
    for (size_t i = 0; i < text.size(); ++i) digits[i] = (unsigned char)digit_value(text[i]);
    // Room for the largest value with this many digits, plus the extra limb mpn_set_str wants.
    unsigned bits_per_digit = std::bit_width(unsigned(base - 1));
    size_t cap = (digits.size() * bits_per_digit + 63) / 64 + 1;
    std::vector<mp_limb_t> limbs(cap);
    mp_size_t n = mpn_set_str(limbs.data(), digits.data(), digits.size(), base);
    return big_from_limbs(h, neg, limbs.data(), size_t(n));
}

double integer_to_double(Term integer) {
    if (integer.is_small()) return double(integer.small_value());
    // As erl does it: fold the limbs from the most significant, one rounding per limb (so the
    // result may differ from the correctly rounded value in the last bit, exactly like erl).
    IntView v(integer);
    double d = 0.0;
    for (size_t i = v.n; i-- > 0;) d = d * 18446744073709551616.0 + double(v.limbs[i]);
    return v.neg ? -d : d;
}

Term integer_from_double(gc::Heap& h, double d) {
    if (std::fabs(d) < 9223372036854775808.0) return gc::make_integer(h, int64_t(d));
    bool neg = d < 0;
    int exp = 0;
    double frac = std::frexp(std::fabs(d), &exp);  // |d| = frac * 2^exp, frac in [0.5, 1)
    uint64_t mant = uint64_t(std::ldexp(frac, 53));  // 53-bit integer: |d| = mant * 2^(exp-53)
    size_t shift = size_t(exp - 53);                 // exp >= 64 here
    uint64_t limbs[(1024 + 63) / 64 + 1] = {};
    size_t n = size_t(exp + 63) / 64;
    size_t q = shift / 64;
    unsigned r = unsigned(shift % 64);
    limbs[q] |= mant << r;
    if (r != 0 && q + 1 < n) limbs[q + 1] |= mant >> (64 - r);
    return big_from_limbs(h, neg, limbs, n);
}

int integer_compare(Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        int64_t x = a.small_value(), y = b.small_value();
        return (x > y) - (x < y);
    }
    IntView x(a), y(b);
    if (x.neg != y.neg) return x.neg ? -1 : 1;
    int mag;
    if (x.n != y.n) {
        mag = x.n < y.n ? -1 : 1;
    } else {
        int c = mpn_cmp(x.limbs, y.limbs, mp_size_t(x.n));
        mag = (c > 0) - (c < 0);
    }
    return x.neg ? -mag : mag;
}

bool integer_to_int64(Term integer, int64_t& out) {
    if (integer.is_small()) {
        out = integer.small_value();
        return true;
    }
    IntView v(integer);
    if (v.n != 1) return false;
    uint64_t m = v.limbs[0];
    if (!v.neg) {
        if (m > uint64_t(INT64_MAX)) return false;
        out = int64_t(m);
    } else {
        if (m > uint64_t(INT64_MAX) + 1) return false;
        out = int64_t(uint64_t(0) - m);
    }
    return true;
}

namespace gc {

Term make_integer(Heap& h, int64_t v) {
    if (Term::fits_small(v)) return Term::small(v);
    Term* p = h.alloc(2);
    p[0] = Term::header(v < 0 ? Subtag::NegBig : Subtag::PosBig, 1);
    p[1] = Term::from_raw(v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v));
    return Term::boxed(p);
}

Term make_integer_u64(Heap& h, uint64_t v) {
    if (v <= uint64_t(kMaxSmall)) return Term::small(int64_t(v));
    Term* p = h.alloc(2);
    p[0] = Term::header(Subtag::PosBig, 1);
    p[1] = Term::from_raw(v);
    return Term::boxed(p);
}

} // namespace gc

} // namespace joist
