// Term order and equality (see compare.h). Iterative: nested tuples, list tails, map keys and
// values and fun environments are walked with an explicit stack, so neither long nor deep terms
// recurse.
#include "term/compare.h"

#include <gmp.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "base/assert.h"
#include "code/module.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/external.h"
#include "term/binary.h"
#include "term/map.h"

namespace joist {
namespace {

// Type ranks, in erl's order. Invalid words (none, catch, headers) sort last, by raw value.
enum Rank : int {
    kNumber,
    kAtom,
    kRef,
    kFun,
    kPort,
    kPid,
    kTuple,
    kMap,
    kNil,
    kList,
    kBits,
    kInvalid,
};

constexpr bool is_local_port(Term t) { return (t.raw & 0xF) == 0x7; }

Rank rank_of(Term t) {
    switch (t.primary()) {
    case 1:
        return kList;
    case 2:
        switch (t.box_header().header_subtag()) {
        case Subtag::Tuple:
            return kTuple;
        case Subtag::Fun:
        case Subtag::Export:
            return kFun;
        case Subtag::PosBig:
        case Subtag::NegBig:
        case Subtag::Float:
            return kNumber;
        case Subtag::Ref:
        case Subtag::ExtRef:
            return kRef;
        case Subtag::RefcBin:
        case Subtag::HeapBin:
        case Subtag::SubBin:
            return kBits;
        case Subtag::FlatMap:
        case Subtag::HashMap:
            return kMap;
        case Subtag::ExtPid:
            return kPid;
        case Subtag::ExtPort:
            return kPort;
        case Subtag::MatchCtx:
            return kInvalid;
        }
        return kInvalid;
    case 3:
        if (t.is_small()) return kNumber;
        if (t.is_atom()) return kAtom;
        if (t.is_nil()) return kNil;
        if (t.is_local_pid()) return kPid;
        if (is_local_port(t)) return kPort;
        return kInvalid;
    default:
        return kInvalid;
    }
}

template <class T> int three_way(T a, T b) { return a < b ? -1 : (a > b ? 1 : 0); }

int sign_of(int v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

int compare_atoms(Term a, Term b) {
    if (a == b) return 0;
    // Byte order on UTF-8 is code point order, which is how erl orders atoms.
    std::string_view x = atoms().name(a), y = atoms().name(b);
    int r = x.compare(y);
    return sign_of(r);
}

// Sign of (integer - d), exactly, for any integer size and any finite double.
int compare_integer_float(Term i, double d) {
    constexpr int64_t kExact = int64_t(1) << 53;  // every integer up to here is a double
    if (i.is_small()) {
        int64_t v = i.small_value();
        if (v >= -kExact && v <= kExact) return three_way(double(v), d);
        mp_limb_t limb = mp_limb_t(v < 0 ? -v : v);
        mpz_t z;
        mpz_srcptr zp = mpz_roinit_n(z, &limb, v < 0 ? -1 : 1);
        return sign_of(mpz_cmp_d(zp, d));
    }
    const Term* box = i.boxed_ptr();
    auto n = mp_size_t(box->header_arity());
    bool negative = box->header_subtag() == Subtag::NegBig;
    mpz_t z;
    static_assert(sizeof(mp_limb_t) == sizeof(Term));
    mpz_srcptr zp = mpz_roinit_n(z, reinterpret_cast<const mp_limb_t*>(box + 1), negative ? -n : n);
    return sign_of(mpz_cmp_d(zp, d));
}

// Numbers: by value. In exact mode an integer and a float are different types and every
// integer sorts before every float (erl's map key order).
int compare_numbers(Term a, Term b, bool exact) {
    if (a.is_small() && b.is_small()) return three_way(a.small_value(), b.small_value());
    bool af = a.is_float(), bf = b.is_float();
    if (af && bf) return three_way(a.float_value(), b.float_value());  // -0.0 == 0.0 in OTP 25
    if (!af && !bf) return integer_compare(a, b);
    if (exact) return af ? 1 : -1;
    if (af) return -compare_integer_float(b, a.float_value());
    return compare_integer_float(a, b.float_value());
}

// The node of a pid, port or reference as erl orders them: by the node name's atom order,
// then by creation (the local node is 'nonode@nohost', creation 0).
int compare_nodes(Term a, Term b) {
    Term na = is_external(a) ? ext_node(a) : am::nonode_nohost;
    Term nb = is_external(b) ? ext_node(b) : am::nonode_nohost;
    if (int r = compare_atoms(na, nb)) return r;
    uint32_t ca = is_external(a) ? ext_creation(a) : 0;
    uint32_t cb = is_external(b) ? ext_creation(b) : 0;
    return three_way(ca, cb);
}

// Local refs: [hdr, w0, w1, w2]; w0 is the most significant word (printed first, as erl's
// #Ref<0.w0.w1.w2> is ordered). Another node's (ExtRef) hold their id words least
// significant first: as erl, refs order by node, then by value (a longer ref's extra
// high words that are zero do not count), most significant word first.
int compare_refs(Term a, Term b) {
    const Term* x = a.boxed_ptr();
    const Term* y = b.boxed_ptr();
    Subtag sx = x->header_subtag(), sy = y->header_subtag();
    if (sx == Subtag::Ref && sy == Subtag::Ref) {
        size_t nx = x->header_arity(), ny = y->header_arity();
        for (size_t k = 1; k <= std::min(nx, ny); ++k) {
            if (x[k].raw != y[k].raw) return three_way(x[k].raw, y[k].raw);
        }
        return three_way(nx, ny);
    }
    if (int r = compare_nodes(a, b)) return r;
    // Both from the same other node (an ExtRef is never of the local node).
    uint32_t la = ext_ref_len(a), lb = ext_ref_len(b);
    for (; la > lb; --la) {
        if (ext_ref_word(a, la - 1) != 0) return 1;
    }
    for (; lb > la; --lb) {
        if (ext_ref_word(b, lb - 1) != 0) return -1;
    }
    for (uint32_t i = la; i > 0; --i) {
        uint32_t wa = ext_ref_word(a, i - 1), wb = ext_ref_word(b, i - 1);
        if (wa != wb) return three_way(wa, wb);
    }
    return 0;
}

// Pids as erl orders them: by serial, then number, then node; local ones have serial 0.
// Ports: by node, then number.
int compare_ids(Term a, Term b) {
    bool la = a.is_immed(), lb = b.is_immed();
    if (la && lb) return three_way(a.raw >> 4, b.raw >> 4);
    if (a.is_pid()) {
        uint64_t sa = la ? 0 : ext_pid_serial(a), sb = lb ? 0 : ext_pid_serial(b);
        if (sa != sb) return three_way(sa, sb);
        uint64_t pa = la ? a.pid_number() : ext_pid_number(a);
        uint64_t pb = lb ? b.pid_number() : ext_pid_number(b);
        if (pa != pb) return three_way(pa, pb);
        return compare_nodes(a, b);
    }
    if (int r = compare_nodes(a, b)) return r;
    return three_way(la ? a.raw >> 4 : ext_port_id(a), lb ? b.raw >> 4 : ext_port_id(b));
}

// Bitstrings: bit by bit, then the shorter (a prefix) first.
int compare_bits(Term a, Term b) {
    BitView x{}, y{};
    if (!bit_view(a, x) || !bit_view(b, y)) {
        JOIST_ASSERT(!"compare: unsupported binary kind");
        return three_way(a.raw, b.raw);
    }
    uint64_t common = std::min(x.bit_size, y.bit_size);
    uint64_t full = common / 8;
    if (x.bit_offset == 0 && y.bit_offset == 0) {
        if (full > 0) {
            int r = std::memcmp(x.bytes, y.bytes, size_t(full));
            if (r != 0) return sign_of(r);
        }
    } else {
        for (uint64_t k = 0; k < full; ++k) {
            if (int r = three_way(x.byte_at(k), y.byte_at(k))) return r;
        }
    }
    if (unsigned rest = unsigned(common % 8)) {
        unsigned mask = (0xFFu << (8 - rest)) & 0xFFu;
        int r = three_way(x.byte_at(full) & mask, y.byte_at(full) & mask);
        if (r != 0) return r;
    }
    return three_way(x.bit_size, y.bit_size);
}

// Pending element pairs: n pairs starting at a[0], b[0], compared exactly or not. A small
// inline buffer keeps the common shallow comparisons free of allocation.
struct Frame {
    const Term* a;
    const Term* b;
    size_t n;
    bool exact;
};

class WorkStack {
public:
    void push(const Term* a, const Term* b, size_t n, bool exact) {
        if (n == 0) return;
        if (m_size < kInline) {
            m_inline[m_size++] = Frame{a, b, n, exact};
        } else {
            m_spill.push_back(Frame{a, b, n, exact});
            ++m_size;
        }
    }
    // Next pair and its mode, or false when nothing is pending.
    bool pop(Term& a, Term& b, bool& exact) {
        if (m_size == 0) return false;
        Frame& f = m_size > kInline ? m_spill.back() : m_inline[m_size - 1];
        a = *f.a++;
        b = *f.b++;
        exact = f.exact;
        if (--f.n == 0) {
            if (m_size > kInline) m_spill.pop_back();
            --m_size;
        }
        return true;
    }

private:
    static constexpr size_t kInline = 16;
    Frame m_inline[kInline];
    std::vector<Frame> m_spill;
    size_t m_size = 0;
};

// Funs: local funs before export funs. Local: module, index, uniq, free variable count, then
// the environment. Export: module, function, arity.
int compare_funs(Term a, Term b, bool exact, WorkStack& stack) {
    const Term* x = a.boxed_ptr();
    const Term* y = b.boxed_ptr();
    bool lx = x->header_subtag() == Subtag::Fun, ly = y->header_subtag() == Subtag::Fun;
    if (lx != ly) return lx ? -1 : 1;
    if (!lx) {
        const auto* ex = reinterpret_cast<const Export*>(x[1].raw);
        const auto* ey = reinterpret_cast<const Export*>(y[1].raw);
        if (ex == ey) return 0;
        if (int r = compare_atoms(ex->module, ey->module)) return r;
        if (int r = compare_atoms(ex->function, ey->function)) return r;
        return three_way(ex->arity, ey->arity);
    }
    const auto* fx = reinterpret_cast<const FunEntry*>(x[1].raw);
    const auto* fy = reinterpret_cast<const FunEntry*>(y[1].raw);
    if (fx != fy) {
        if (int r = compare_atoms(fx->module->name, fy->module->name)) return r;
        if (int r = three_way(fx->index, fy->index)) return r;
        if (int r = three_way(fx->old_uniq, fy->old_uniq)) return r;
    }
    size_t nx = fx->num_free, ny = fy->num_free;  // the creator pid is not compared, as in erl
    if (int r = three_way(nx, ny)) return r;
    stack.push(x + 2, y + 2, nx, exact);
    return 0;
}

// A map's keys in exact order followed by their values (2 * size terms), stored in scratch.
const Term* sorted_pairs(Term map, std::vector<std::unique_ptr<Term[]>>& scratch) {
    size_t n = map_size(map);
    std::vector<std::pair<Term, Term>> ps;
    ps.reserve(n);
    map_for_each(map, [&](Term k, Term v) { ps.emplace_back(k, v); });
    std::sort(ps.begin(), ps.end(), [](const auto& x, const auto& y) {
        return compare_terms_exact(x.first, y.first) < 0;
    });
    auto out = std::make_unique<Term[]>(2 * n + 1);
    for (size_t i = 0; i < n; ++i) {
        out[i] = ps[i].first;
        out[n + i] = ps[i].second;
    }
    scratch.push_back(std::move(out));
    return scratch.back().get();
}

int compare_impl(Term a, Term b, bool exact) {
    WorkStack stack;
    std::vector<std::unique_ptr<Term[]>> scratch;  // sorted hash map pairs being compared
    for (;;) {
        if (a != b) {
            Rank ra = rank_of(a), rb = rank_of(b);
            if (ra != rb) return ra < rb ? -1 : 1;
            int r = 0;
            switch (ra) {
            case kNumber:
                r = compare_numbers(a, b, exact);
                break;
            case kAtom:
                r = compare_atoms(a, b);
                break;
            case kRef:
                r = compare_refs(a, b);
                break;
            case kFun:
                r = compare_funs(a, b, exact, stack);
                break;
            case kPort:
            case kPid:
                r = compare_ids(a, b);
                break;
            case kTuple: {
                uint64_t na = a.tuple_arity(), nb = b.tuple_arity();
                if (na != nb) return na < nb ? -1 : 1;
                stack.push(a.tuple_elems(), b.tuple_elems(), na, exact);
                break;
            }
            case kMap: {
                // Maps order by size, then keys (always in exact order), then values.
                const Term *ma = a.boxed_ptr(), *mb = b.boxed_ptr();
                if (ma->header_subtag() != Subtag::FlatMap ||
                    mb->header_subtag() != Subtag::FlatMap) {
                    size_t sa = map_size(a), sb = map_size(b);
                    if (sa != sb) return sa < sb ? -1 : 1;
                    // Hash maps: their pairs sorted by key, kept alive for the stack's frames.
                    const Term* ka = sorted_pairs(a, scratch);
                    const Term* kb = sorted_pairs(b, scratch);
                    stack.push(ka + sa, kb + sb, sa, exact);
                    stack.push(ka, kb, sa, true);
                    break;
                }
                uint64_t na = ma->header_arity(), nb = mb->header_arity();
                if (na != nb) return na < nb ? -1 : 1;
                // All the keys (exactly) before any value: the keys' frame goes on top.
                stack.push(ma + 2, mb + 2, na - 1, exact);
                stack.push(ma[1].tuple_elems(), mb[1].tuple_elems(), na - 1, true);
                break;
            }
            case kNil:
                break;
            case kList: {
                const Term* ca = a.list_ptr();
                const Term* cb = b.list_ptr();
                stack.push(ca + 1, cb + 1, 1, exact);  // tails after heads: the stack stays shallow
                a = ca[0];
                b = cb[0];
                continue;
            }
            case kBits:
                r = compare_bits(a, b);
                break;
            case kInvalid:
                r = three_way(a.raw, b.raw);
                break;
            }
            if (r != 0) return r;
        }
        if (!stack.pop(a, b, exact)) return 0;
    }
}

} // namespace

int compare_terms(Term a, Term b) { return compare_impl(a, b, false); }

int compare_terms_exact(Term a, Term b) { return compare_impl(a, b, true); }

bool terms_exact_eq(Term a, Term b) {
    if (a == b) return true;
    // References (a receive matching {Ref, _}, demonitor ...): equal exactly when their words
    // are, with no trip through the general comparison.
    if (a.is_boxed() && b.is_boxed()) {
        Term ha = a.box_header(), hb = b.box_header();
        if (ha.header_subtag() == Subtag::Ref && hb.header_subtag() == Subtag::Ref)
            return ha == hb && std::memcmp(a.boxed_ptr() + 1, b.boxed_ptr() + 1,
                                           ha.header_arity() * sizeof(Term)) == 0;
    }
    return compare_impl(a, b, true) == 0;
}

} // namespace joist
