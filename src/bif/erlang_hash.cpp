// BIFs of module erlang computing portable hashes of terms: phash2/1,2 and phash/2 (the hash
// functions themselves are in term/hash.cpp).
#include "bif/bif.h"
#include "gc/build.h"
#include "term/bignum.h"
#include "term/hash.h"

namespace joist {

namespace {

constexpr uint64_t kMaxRange = uint64_t(1) << 32;

// A hash range: an integer in 1..2^32.
bool get_range(Term t, uint64_t& out) {
    int64_t v;
    if (!t.is_integer() || !integer_to_int64(t, v) || v < 1 || uint64_t(v) > kMaxRange) {
        return false;
    }
    out = uint64_t(v);
    return true;
}

} // namespace

// erlang:phash2/1
Term bif_erlang_phash2_1(Process& p, const Term* args) {
    return Term::small(term_hash2(args[0]) & ((uint32_t(1) << 27) - 1));
}

// erlang:phash2/2
Term bif_erlang_phash2_2(Process& p, const Term* args) {
    uint64_t range;
    if (!get_range(args[1], range)) return p.badarg();
    uint32_t h = term_hash2(args[0]);
    return Term::small(int64_t(range == kMaxRange ? h : h % range));
}

// erlang:phash/2
Term bif_erlang_phash_2(Process& p, const Term* args) {
    uint64_t range;
    if (!get_range(args[1], range)) return p.badarg();
    uint32_t h = term_hash1(args[0]);
    return Term::small(int64_t(range == kMaxRange ? uint64_t(h) + 1 : 1 + h % range));
}

} // namespace joist
