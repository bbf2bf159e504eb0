// Arithmetic with erl's semantics (bif/arith.h): small fast paths, bignums through GMP's mpn
// layer written straight into heap words, floats; and the erlang arithmetic and number<->text
// BIFs of bif/erlang_arith.def.
#include <gmp.h>
#include <locale.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bif/arith.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"

namespace joist {

namespace {

static_assert(sizeof(mp_limb_t) == sizeof(Word) && GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0);

// erl's largest integer: 2^19-1 limbs (33554368 bits); anything bigger is system_limit.
constexpr size_t kMaxBigLimbs = (size_t(1) << 19) - 1;
constexpr uint64_t kMaxBigBits = uint64_t(kMaxBigLimbs) * 64;


// Compares magnitudes (sizes first, then limbs).
int mag_cmp(const mp_limb_t* a, size_t an, const mp_limb_t* b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    return an == 0 ? 0 : mpn_cmp(a, b, mp_size_t(an));
}

// A bignum result under construction: room for `cap` limbs on the heap, written in place by
// mpn functions, then normalised by finish(). Words the result does not need are handed back
// (if nothing was allocated after them) or turned into a dead raw object the GC skips.
class BigOut {
public:
    BigOut(gc::Heap& h, size_t cap) : m_heap(h), m_cap(cap), m_block(h.alloc(1 + cap)) {}
    BigOut(const BigOut&) = delete;
    BigOut& operator=(const BigOut&) = delete;

    mp_limb_t* limbs() { return reinterpret_cast<mp_limb_t*>(m_block + 1); }

    // The integer made of the first `n` limbs with the given sign; system_limit if too big.
    Term finish(Process& p, bool neg, size_t n) {
        mp_limb_t* d = limbs();
        while (n > 0 && d[n - 1] == 0) --n;
        if (n > kMaxBigLimbs) {
            release(0);
            return p.error(am::system_limit);
        }
        if (n == 0 || (n == 1 && d[0] <= uint64_t(kMaxSmall) + (neg ? 1 : 0))) {
            int64_t v = n == 0 ? 0 : int64_t(d[0]);
            release(0);
            return Term::small(neg ? -v : v);
        }
        m_block[0] = Term::header(neg ? Subtag::NegBig : Subtag::PosBig, n);
        release(1 + n);
        return Term::boxed(m_block);
    }

private:
    // Keeps the first `keep` words of the block and gives up the rest.
    void release(size_t keep) {
        size_t total = 1 + m_cap;
        if (keep == total) return;
        size_t spare = total - keep;
        Term* tail = m_block + keep;
        gc::Fragment* f = m_heap.fragments;
        if (m_heap.top == m_block + total) {
            m_heap.top = tail;  // the block is the latest allocation on the main heap
        } else if (f && f->data + f->used == m_block + total) {
            f->used -= spare;  // ... or the latest one in the newest fragment
            m_heap.fragment_words -= spare;
        } else {
            *tail = Term::header(Subtag::PosBig, spare - 1);
        }
    }

    gc::Heap& m_heap;
    size_t m_cap;
    Term* m_block;
};

// --- signed-magnitude operations (both operands integers) ------------------------------------

// a + b where the signs are given separately (used for both + and -).
Term big_add_signed(Process& p, bool an_neg, const mp_limb_t* a, size_t an, bool bn_neg,
                    const mp_limb_t* b, size_t bn) {
    if (an < bn || (an == bn && an_neg != bn_neg && mag_cmp(a, an, b, bn) < 0)) {
        std::swap(an_neg, bn_neg);
        std::swap(a, b);
        std::swap(an, bn);
    }
    // Now |a| >= |b| in limb count (and in value when the signs differ).
    if (bn == 0) {
        BigOut out(p.heap, an);
        if (an) mpn_copyi(out.limbs(), a, mp_size_t(an));
        return out.finish(p, an_neg, an);
    }
    if (an_neg == bn_neg) {
        BigOut out(p.heap, an + 1);
        out.limbs()[an] = mpn_add(out.limbs(), a, mp_size_t(an), b, mp_size_t(bn));
        return out.finish(p, an_neg, an + 1);
    }
    BigOut out(p.heap, an);
    mpn_sub(out.limbs(), a, mp_size_t(an), b, mp_size_t(bn));
    return out.finish(p, an_neg, an);
}

Term big_mul(Process& p, Term ta, Term tb) {
    IntView a(ta), b(tb);
    if (a.n == 0 || b.n == 0) return Term::small(0);
    if (a.n + b.n - 1 > kMaxBigLimbs) return p.error(am::system_limit);
    const IntView* x = &a;
    const IntView* y = &b;
    if (x->n < y->n) std::swap(x, y);
    BigOut out(p.heap, x->n + y->n);
    if (x->limbs == y->limbs && x->n == y->n) {
        mpn_sqr(out.limbs(), x->limbs, mp_size_t(x->n));
    } else {
        mpn_mul(out.limbs(), x->limbs, mp_size_t(x->n), y->limbs, mp_size_t(y->n));
    }
    return out.finish(p, a.neg != b.neg, x->n + y->n);
}

// Truncating division: the quotient (want_rem false) or remainder (sign of the dividend).
Term big_divrem(Process& p, Term ta, Term tb, bool want_rem) {
    IntView a(ta), b(tb);
    if (b.n == 0) return p.badarith();
    if (mag_cmp(a.limbs, a.n, b.limbs, b.n) < 0) return want_rem ? ta : Term::small(0);
    size_t qn = a.n - b.n + 1;
    if (want_rem) {
        std::vector<mp_limb_t> q(qn);
        BigOut r(p.heap, b.n);
        mpn_tdiv_qr(q.data(), r.limbs(), 0, a.limbs, mp_size_t(a.n), b.limbs, mp_size_t(b.n));
        return r.finish(p, a.neg, b.n);
    }
    std::vector<mp_limb_t> r(b.n);
    BigOut q(p.heap, qn);
    mpn_tdiv_qr(q.limbs(), r.data(), 0, a.limbs, mp_size_t(a.n), b.limbs, mp_size_t(b.n));
    return q.finish(p, a.neg != b.neg, qn);
}

// a * 2^s for s >= 0.
Term shift_left(Process& p, Term ta, uint64_t s) {
    IntView a(ta);
    if (a.n == 0) return Term::small(0);
    if (s > kMaxBigBits || a.bit_length() + s > kMaxBigBits) return p.error(am::system_limit);
    size_t q = size_t(s / 64);
    unsigned r = unsigned(s % 64);
    BigOut out(p.heap, a.n + q + 1);
    mp_limb_t* d = out.limbs();
    std::fill(d, d + q, mp_limb_t(0));
    if (r != 0) {
        d[q + a.n] = mpn_lshift(d + q, a.limbs, mp_size_t(a.n), r);
    } else {
        mpn_copyi(d + q, a.limbs, mp_size_t(a.n));
        d[q + a.n] = 0;
    }
    return out.finish(p, a.neg, a.n + q + 1);
}

// floor(a / 2^s) for s >= 0 (s may stand for any huge count: `huge` means beyond all bits).
Term shift_right(Process& p, Term ta, uint64_t s, bool huge) {
    IntView a(ta);
    if (a.n == 0) return Term::small(0);
    if (huge || s >= a.bit_length()) return Term::small(a.neg ? -1 : 0);
    size_t q = size_t(s / 64);
    unsigned r = unsigned(s % 64);
    size_t rn = a.n - q;
    BigOut out(p.heap, rn + 1);
    mp_limb_t* d = out.limbs();
    bool inexact = false;
    for (size_t i = 0; i < q && !inexact; ++i) inexact = a.limbs[i] != 0;
    if (r != 0) {
        inexact |= mpn_rshift(d, a.limbs + q, mp_size_t(rn), r) != 0;
    } else {
        mpn_copyi(d, a.limbs + q, mp_size_t(rn));
    }
    d[rn] = 0;
    // For negatives, floor rounds the magnitude up when bits were shifted out.
    if (a.neg && inexact) d[rn] = mpn_add_1(d, d, mp_size_t(rn), 1);
    return out.finish(p, a.neg, rn + 1);
}

enum class BitOp { And, Or, Xor };

template <BitOp op> constexpr uint64_t bit_apply(uint64_t x, uint64_t y) {
    if constexpr (op == BitOp::And) return x & y;
    if constexpr (op == BitOp::Or) return x | y;
    return x ^ y;
}

// Reads the two's complement words of a sign-magnitude integer, least significant first.
class TwosComplement {
public:
    explicit TwosComplement(const IntView& v) : m_v(v) {}
    uint64_t next() {
        uint64_t m = m_i < m_v.n ? m_v.limbs[m_i] : 0;
        ++m_i;
        if (!m_v.neg) return m;
        uint64_t w = ~m + m_carry;  // -m = ~m + 1, the carry running up through the limbs
        m_carry = m_carry && m == 0;
        return w;
    }

private:
    const IntView& m_v;
    size_t m_i = 0;
    uint64_t m_carry = 1;
};

// band/bor/bxor with two's complement semantics on sign-magnitude integers.
template <BitOp op> Term big_bitop(Process& p, Term ta, Term tb) {
    IntView a(ta), b(tb);
    bool neg = bit_apply<op>(a.neg, b.neg) != 0;
    size_t n = std::max(a.n, b.n);
    // One extra limb: a negative result's magnitude can reach 2^(64n).
    BigOut out(p.heap, n + 1);
    mp_limb_t* d = out.limbs();
    TwosComplement x(a), y(b);
    for (size_t i = 0; i < n; ++i) d[i] = bit_apply<op>(x.next(), y.next());
    d[n] = neg ? ~uint64_t(0) : 0;
    if (neg) {
        // Back to a magnitude: -r = ~r + 1 over n+1 limbs.
        uint64_t carry = 1;
        for (size_t i = 0; i <= n; ++i) {
            uint64_t w = ~d[i] + carry;
            carry = carry && d[i] == 0;
            d[i] = w;
        }
    }
    return out.finish(p, neg, n + 1);
}

// --- floats ---------------------------------------------------------------------------------

// A number as a double; false if it is not a number or is an integer too big for a double.
bool number_to_double(Term t, double& out) {
    if (t.is_float()) {
        out = t.float_value();
        return true;
    }
    if (t.is_small()) {
        out = double(t.small_value());
        return true;
    }
    if (t.is_bignum()) {
        out = integer_to_double(t);
        return std::isfinite(out);
    }
    return false;
}

Term float_result(Process& p, double d) {
    if (!std::isfinite(d)) return p.badarith();
    return gc::make_float(p.heap, d);
}

// --- lists of characters ------------------------------------------------------------------

// The bytes of a proper list of integers 0..255; false for anything else.
bool list_to_bytes(Term list, std::string& out) {
    out.clear();
    while (list.is_list()) {
        Term c = list.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 255) return false;
        out.push_back(char(c.small_value()));
        list = list.tail();
    }
    return list.is_nil();
}

Term chars_to_list(gc::Heap& h, const std::string& s) {
    if (s.empty()) return Term::nil();
    Term* cells = h.alloc(2 * s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        cells[2 * i] = Term::small((unsigned char)s[i]);
        cells[2 * i + 1] = i + 1 < s.size() ? Term::list(cells + 2 * (i + 1)) : Term::nil();
    }
    return Term::list(cells);
}

// A base argument: a small integer 2..36.
bool get_base(Term t, int& base) {
    if (!t.is_small() || t.small_value() < 2 || t.small_value() > 36) return false;
    base = int(t.small_value());
    return true;
}

Term list_to_integer_base(Process& p, Term list, int base) {
    std::string text;
    if (!list_to_bytes(list, text)) return p.badarg();
    Term r = integer_from_string(p.heap, text, base);
    if (r.is_none()) return p.badarg();
    if (r.is_bignum() && r.box_header().header_arity() > kMaxBigLimbs) {
        return p.error(am::system_limit);
    }
    return r;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// erl's float syntax: [+-]digits(.|,)digits[(e|E)[+-]digits]. The text ends at a NUL.
bool parse_float(std::string text, double& out) {
    if (size_t nul = text.find('\0'); nul != std::string::npos) text.resize(nul);
    size_t i = 0, n = text.size();
    auto digits = [&] {
        size_t start = i;
        while (i < n && is_digit(text[i])) ++i;
        return i > start;
    };
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
    if (i >= n || (text[i] != '.' && text[i] != ',')) return false;
    text[i++] = '.';
    if (!digits()) return false;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        if (!digits()) return false;
    }
    if (i != n) return false;
    static locale_t c_locale = newlocale(LC_ALL_MASK, "C", locale_t(0));
    double d = strtod_l(text.c_str(), nullptr, c_locale);
    if (!std::isfinite(d)) return false;  // overflow; underflow quietly gives 0.0 or a denormal
    out = d;
    return true;
}

enum class Rounding { Trunc, Round, Ceil, Floor };

// Float to integer through trunc/round/ceil/floor; integers pass unchanged.
Term float_to_integer_bif(Process& p, Term t, Rounding mode) {
    if (t.is_integer()) return t;
    if (!t.is_float()) return p.badarg();
    double d = t.float_value();
    switch (mode) {
    case Rounding::Trunc: d = std::trunc(d); break;
    case Rounding::Round: d = std::round(d); break;  // halves away from zero, as erl
    case Rounding::Ceil: d = std::ceil(d); break;
    case Rounding::Floor: d = std::floor(d); break;
    }
    return integer_from_double(p.heap, d);
}

} // namespace

// --- arith.h ----------------------------------------------------------------------------------

Term arith_add(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        return gc::make_integer(p.heap, a.small_value() + b.small_value());
    }
    if (a.is_integer() && b.is_integer()) {
        IntView x(a), y(b);
        return big_add_signed(p, x.neg, x.limbs, x.n, y.neg, y.limbs, y.n);
    }
    double x, y;
    if (!number_to_double(a, x) || !number_to_double(b, y)) return p.badarith();
    return float_result(p, x + y);
}

Term arith_sub(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        return gc::make_integer(p.heap, a.small_value() - b.small_value());
    }
    if (a.is_integer() && b.is_integer()) {
        IntView x(a), y(b);
        return big_add_signed(p, x.neg, x.limbs, x.n, !y.neg, y.limbs, y.n);
    }
    double x, y;
    if (!number_to_double(a, x) || !number_to_double(b, y)) return p.badarith();
    return float_result(p, x - y);
}

Term arith_mul(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        __int128 r = __int128(a.small_value()) * b.small_value();
        if (r >= INT64_MIN && r <= INT64_MAX) return gc::make_integer(p.heap, int64_t(r));
        bool neg = r < 0;
        unsigned __int128 m = neg ? -(unsigned __int128)r : (unsigned __int128)r;
        uint64_t limbs[2] = {uint64_t(m), uint64_t(m >> 64)};
        return big_from_limbs(p.heap, neg, limbs, 2);
    }
    if (a.is_integer() && b.is_integer()) return big_mul(p, a, b);
    double x, y;
    if (!number_to_double(a, x) || !number_to_double(b, y)) return p.badarith();
    return float_result(p, x * y);
}

Term arith_fdiv(Process& p, Term a, Term b) {
    double x, y;
    if (!number_to_double(a, x) || !number_to_double(b, y)) return p.badarith();
    if (y == 0.0) return p.badarith();
    return float_result(p, x / y);
}

Term arith_idiv(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        if (b.small_value() == 0) return p.badarith();
        return gc::make_integer(p.heap, a.small_value() / b.small_value());
    }
    if (!a.is_integer() || !b.is_integer()) return p.badarith();
    return big_divrem(p, a, b, false);
}

Term arith_rem(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) {
        if (b.small_value() == 0) return p.badarith();
        return Term::small(a.small_value() % b.small_value());
    }
    if (!a.is_integer() || !b.is_integer()) return p.badarith();
    return big_divrem(p, a, b, true);
}

Term arith_band(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) return Term::small(a.small_value() & b.small_value());
    if (!a.is_integer() || !b.is_integer()) return p.badarith();
    return big_bitop<BitOp::And>(p, a, b);
}

Term arith_bor(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) return Term::small(a.small_value() | b.small_value());
    if (!a.is_integer() || !b.is_integer()) return p.badarith();
    return big_bitop<BitOp::Or>(p, a, b);
}

Term arith_bxor(Process& p, Term a, Term b) {
    if (a.is_small() && b.is_small()) return Term::small(a.small_value() ^ b.small_value());
    if (!a.is_integer() || !b.is_integer()) return p.badarith();
    return big_bitop<BitOp::Xor>(p, a, b);
}

namespace {

// a bsl count, where a negative count shifts right (bsr passes the count negated).
Term shift(Process& p, Term a, Term count, bool left) {
    if (!a.is_integer() || !count.is_integer()) return p.badarith();
    if (count.is_small()) {
        int64_t c = count.small_value();
        if (!left) c = -c;
        if (c < 0) return shift_right(p, a, uint64_t(0) - uint64_t(c), false);
        if (a.is_small() && c < 64) {
            int64_t v = a.small_value();
            int64_t r = int64_t(uint64_t(v) << c);
            if ((r >> c) == v && Term::fits_small(r)) return Term::small(r);
        }
        return shift_left(p, a, uint64_t(c));
    }
    // A bignum count: beyond any possible integer either way.
    bool count_neg = count.box_header().header_subtag() == Subtag::NegBig;
    if (count_neg == left) return shift_right(p, a, 0, true);
    if (a == Term::small(0)) return a;
    return p.error(am::system_limit);
}

} // namespace

Term arith_bsl(Process& p, Term a, Term b) { return shift(p, a, b, true); }

Term arith_bsr(Process& p, Term a, Term b) { return shift(p, a, b, false); }

Term arith_bnot(Process& p, Term a) {
    if (a.is_small()) return Term::small(~a.small_value());
    if (!a.is_bignum()) return p.badarith();
    // bnot a = -a - 1
    IntView x(a);
    mp_limb_t one = 1;
    return big_add_signed(p, !x.neg, x.limbs, x.n, true, &one, 1);
}

Term arith_neg(Process& p, Term a) {
    if (a.is_small()) return gc::make_integer(p.heap, -a.small_value());
    if (a.is_bignum()) {
        IntView x(a);
        return big_from_limbs(p.heap, !x.neg, x.limbs, x.n);
    }
    if (a.is_float()) return gc::make_float(p.heap, -a.float_value());
    return p.badarith();
}

Term arith_plus(Process& p, Term a) {
    if (a.is_number()) return a;
    return p.badarith();
}

// --- BIFs -------------------------------------------------------------------------------------

// erlang:'+'/2
Term bif_erlang_plus_2(Process& p, const Term* args) { return arith_add(p, args[0], args[1]); }

// erlang:'-'/2
Term bif_erlang_minus_2(Process& p, const Term* args) { return arith_sub(p, args[0], args[1]); }

// erlang:'*'/2
Term bif_erlang_times_2(Process& p, const Term* args) { return arith_mul(p, args[0], args[1]); }

// erlang:'/'/2
Term bif_erlang_fdiv_2(Process& p, const Term* args) { return arith_fdiv(p, args[0], args[1]); }

// erlang:'div'/2
Term bif_erlang_div_2(Process& p, const Term* args) { return arith_idiv(p, args[0], args[1]); }

// erlang:'rem'/2
Term bif_erlang_rem_2(Process& p, const Term* args) { return arith_rem(p, args[0], args[1]); }

// erlang:'band'/2
Term bif_erlang_band_2(Process& p, const Term* args) { return arith_band(p, args[0], args[1]); }

// erlang:'bor'/2
Term bif_erlang_bor_2(Process& p, const Term* args) { return arith_bor(p, args[0], args[1]); }

// erlang:'bxor'/2
Term bif_erlang_bxor_2(Process& p, const Term* args) { return arith_bxor(p, args[0], args[1]); }

// erlang:'bsl'/2
Term bif_erlang_bsl_2(Process& p, const Term* args) { return arith_bsl(p, args[0], args[1]); }

// erlang:'bsr'/2
Term bif_erlang_bsr_2(Process& p, const Term* args) { return arith_bsr(p, args[0], args[1]); }

// erlang:'bnot'/1
Term bif_erlang_bnot_1(Process& p, const Term* args) { return arith_bnot(p, args[0]); }

// erlang:'-'/1
Term bif_erlang_neg_1(Process& p, const Term* args) { return arith_neg(p, args[0]); }

// erlang:'+'/1
Term bif_erlang_plus_1(Process& p, const Term* args) { return arith_plus(p, args[0]); }

// erlang:abs/1
Term bif_erlang_abs_1(Process& p, const Term* args) {
    Term a = args[0];
    if (a.is_small()) {
        int64_t v = a.small_value();
        return v < 0 ? gc::make_integer(p.heap, -v) : a;
    }
    if (a.is_bignum()) {
        if (a.box_header().header_subtag() == Subtag::PosBig) return a;
        IntView x(a);
        return big_from_limbs(p.heap, false, x.limbs, x.n);
    }
    if (a.is_float()) {
        double d = a.float_value();
        if (d < 0.0) return gc::make_float(p.heap, -d);  // as erl: abs(-0.0) stays -0.0
        return a;
    }
    return p.badarg();
}

// erlang:float/1
Term bif_erlang_float_1(Process& p, const Term* args) {
    Term a = args[0];
    if (a.is_float()) return a;
    if (!a.is_integer()) return p.badarg();
    double d = integer_to_double(a);
    if (!std::isfinite(d)) return p.badarg();
    return gc::make_float(p.heap, d);
}

// erlang:trunc/1
Term bif_erlang_trunc_1(Process& p, const Term* args) {
    return float_to_integer_bif(p, args[0], Rounding::Trunc);
}

// erlang:round/1 (halves round away from zero)
Term bif_erlang_round_1(Process& p, const Term* args) {
    return float_to_integer_bif(p, args[0], Rounding::Round);
}

// erlang:ceil/1
Term bif_erlang_ceil_1(Process& p, const Term* args) {
    return float_to_integer_bif(p, args[0], Rounding::Ceil);
}

// erlang:floor/1
Term bif_erlang_floor_1(Process& p, const Term* args) {
    return float_to_integer_bif(p, args[0], Rounding::Floor);
}

// erlang:integer_to_list/1
Term bif_erlang_integer_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_integer()) return p.badarg();
    return chars_to_list(p.heap, integer_to_string(args[0], 10));
}

// erlang:integer_to_list/2
Term bif_erlang_integer_to_list_2(Process& p, const Term* args) {
    int base;
    if (!args[0].is_integer() || !get_base(args[1], base)) return p.badarg();
    return chars_to_list(p.heap, integer_to_string(args[0], base));
}

// erlang:list_to_integer/1
Term bif_erlang_list_to_integer_1(Process& p, const Term* args) {
    return list_to_integer_base(p, args[0], 10);
}

// erlang:list_to_integer/2
Term bif_erlang_list_to_integer_2(Process& p, const Term* args) {
    int base;
    if (!get_base(args[1], base)) return p.badarg();
    return list_to_integer_base(p, args[0], base);
}

// erlang:float_to_list/1 (erl's default: 20 digits after the point, exponent form)
Term bif_erlang_float_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_float()) return p.badarg();
    char buf[64];
    int len = std::snprintf(buf, sizeof buf, "%.20e", args[0].float_value());
    return chars_to_list(p.heap, std::string(buf, size_t(len)));
}

// erlang:list_to_float/1
Term bif_erlang_list_to_float_1(Process& p, const Term* args) {
    std::string text;
    double d;
    if (!list_to_bytes(args[0], text) || !parse_float(std::move(text), d)) return p.badarg();
    return gc::make_float(p.heap, d);
}

// --- string:list_to_integer/1 and string:list_to_float/1 ---------------------------------
// They read a number at the start of a list and return {Number, Rest} (Rest: whatever
// follows, improper tail included), {error, no_integer | no_float} when none starts it, or
// {error, not_a_list}.

namespace {

// The character in a list cell's head, or -1 when it is not one.
int char_at(Term list) {
    if (!list.is_list() || !list.head().is_small()) return -1;
    int64_t c = list.head().small_value();
    return c >= 0 && c <= 255 ? int(c) : -1;
}

// Appends the digits at the start of `list` to `text`; returns whether there was one.
bool take_digits(Term& list, std::string& text) {
    size_t start = text.size();
    for (int c; (c = char_at(list)) >= 0 && is_digit(char(c)); list = list.tail())
        text.push_back(char(c));
    return text.size() > start;
}

// An optional sign at the start of `list`, appended to `text`.
void take_sign(Term& list, std::string& text) {
    int c = char_at(list);
    if (c == '+' || c == '-') {
        text.push_back(char(c));
        list = list.tail();
    }
}

Term string_error(Process& p, const char* why) {
    return gc::make_tuple_of(p.heap, am::error, atoms().intern(why));
}

} // namespace

// string:list_to_integer/1 — [+-]digits.
Term bif_string_list_to_integer_1(Process& p, const Term* args) {
    Term list = args[0];
    if (!list.is_list() && !list.is_nil()) return string_error(p, "not_a_list");
    std::string text;
    take_sign(list, text);
    if (!take_digits(list, text)) return string_error(p, "no_integer");
    Term n = integer_from_string(p.heap, text, 10);
    if (n.is_bignum() && n.box_header().header_arity() > kMaxBigLimbs)
        return p.error(am::system_limit);
    return gc::make_tuple_of(p.heap, n, list);
}

// string:list_to_float/1 — [+-]digits(.|,)digits, then an exponent (e|E)[+-]digits if one is
// complete; a float that overflows is no_float.
Term bif_string_list_to_float_1(Process& p, const Term* args) {
    Term list = args[0];
    if (!list.is_list() && !list.is_nil()) return string_error(p, "not_a_list");
    std::string text;
    take_sign(list, text);
    if (!take_digits(list, text)) return string_error(p, "no_float");
    int point = char_at(list);
    if (point != '.' && point != ',') return string_error(p, "no_float");
    text.push_back(char(point));
    list = list.tail();
    if (!take_digits(list, text)) return string_error(p, "no_float");
    if (int e = char_at(list); e == 'e' || e == 'E') {
        Term after = list.tail();
        std::string exponent(1, char(e));
        take_sign(after, exponent);
        if (take_digits(after, exponent)) {
            text += exponent;
            list = after;
        }
    }
    double d;
    if (!parse_float(std::move(text), d)) return string_error(p, "no_float");
    return gc::make_tuple_of(p.heap, gc::make_float(p.heap, d), list);
}

// erlang:binary_to_float/1 — as list_to_float/1, on the bytes of a binary (which may start
// at any bit of the binary it is part of).
Term bif_erlang_binary_to_float_1(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v) || v.bit_size % 8 != 0) return p.badarg();
    std::string text(v.byte_size(), '\0');
    for (size_t k = 0; k < text.size(); ++k) {
        unsigned b = unsigned(v.bytes[k] << v.bit_offset) & 0xFF;
        if (v.bit_offset != 0) b |= v.bytes[k + 1] >> (8 - v.bit_offset);
        text[k] = char(b);
    }
    double d;
    if (!parse_float(std::move(text), d)) return p.badarg();
    return gc::make_float(p.heap, d);
}

} // namespace joist
