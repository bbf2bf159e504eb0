// erlang:phash2 and erlang:phash hashes (see hash.h). Written from the documented behaviour of
// ERTS's make_hash2 (Bob Jenkins' lookup2 MIX over 32-bit inputs, with a distinct constant
// k * 0x9e3779b9 per kind of term, strings hashed four bytes at a time, map pairs hashed
// independently and XORed together) and make_hash (multiply-add with fixed primes), and checked
// against erl value by value.
#include "term/hash_mix.h"
#include "term/hash.h"

#include <cstring>
#include <string_view>
#include <vector>

#include "code/module.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "term/bignum.h"
#include "term/external.h"
#include "term/map.h"

namespace joist {

namespace {

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

// The bytes of a bitstring, realigned to a byte boundary: `bytes` whole bytes, then `bits`
// (0..7) bits held in the high bits of one more byte.
struct AlignedBits {
    std::vector<uint8_t> buf;
    const uint8_t* data = nullptr;
    size_t bytes = 0;
    unsigned bits = 0;
};

void aligned_bits(Term t, AlignedBits& out) {
    BitView v;
    bit_view(t, v);
    out.bytes = size_t(v.bit_size / 8);
    out.bits = unsigned(v.bit_size % 8);
    size_t total = out.bytes + (out.bits != 0);
    if (v.bit_offset == 0) {
        out.data = v.bytes;
        return;
    }
    out.buf.assign(total, 0);
    unsigned sh = unsigned(v.bit_offset);
    for (size_t i = 0; i < total; ++i) {
        unsigned hi = v.bytes[i];
        // The next source byte is only read when some of its bits belong to the bitstring.
        unsigned lo = (i + 1) * 8 < v.bit_offset + v.bit_size ? v.bytes[i + 1] : 0;
        out.buf[i] = uint8_t((hi << sh) | (lo >> (8 - sh)));
    }
    out.data = out.buf.data();
}

struct FunParts {
    uint32_t num_free;
    Term module;
    uint32_t index;
    uint32_t old_uniq;
    const Term* env;
};

FunParts fun_parts(Term fun) {
    const Term* box = fun.boxed_ptr();
    const auto* fe = reinterpret_cast<const FunEntry*>(box[1].raw);
    return FunParts{fe->num_free, fe->module->name, fe->index, fe->old_uniq,
                    box + 2};
}

const Export* export_of(Term fun) {
    return reinterpret_cast<const Export*>(fun.boxed_ptr()[1].raw);
}

void float_words(double d, uint32_t& lo, uint32_t& hi) {
    if (d == 0.0) d = 0.0;  // -0.0 hashes as 0.0
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    lo = uint32_t(bits);
    hi = uint32_t(bits >> 32);
}

// ---------------------------------------------------------------------------------------------
// phash2
// ---------------------------------------------------------------------------------------------

constexpr uint32_t kGolden = 0x9e3779b9U;
constexpr uint32_t hconst(uint32_t k) { return kGolden * k; }

inline void mix(uint32_t& a, uint32_t& b, uint32_t& c) { hash_mix(a, b, c); }

inline void hash_pair(uint32_t& hash, uint32_t x, uint32_t y, uint32_t k) {
    uint32_t a = k + x;
    uint32_t b = k + y;
    mix(a, b, hash);
}

inline void hash_one(uint32_t& hash, uint32_t x, uint32_t k) { hash_pair(hash, x, 0, k); }

// lookup2's hash of a byte block, seeded with `initval`.
uint32_t block_hash(const uint8_t* k, size_t length, uint32_t initval) {
    uint32_t a = kGolden, b = kGolden, c = initval;
    size_t len = length;
    auto le32 = [](const uint8_t* p) {
        return uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) |
               (uint32_t(p[3]) << 24);
    };
    while (len >= 12) {
        a += le32(k);
        b += le32(k + 4);
        c += le32(k + 8);
        mix(a, b, c);
        k += 12;
        len -= 12;
    }
    c += uint32_t(length);
    // The low byte of c is taken by the length: bytes 8..10 go above it.
    for (size_t i = len; i > 0; --i) {
        size_t j = i - 1;
        uint32_t v = k[j];
        if (j >= 8) {
            c += v << (8 * (j - 8 + 1));
        } else if (j >= 4) {
            b += v << (8 * (j - 4));
        } else {
            a += v << (8 * j);
        }
    }
    mix(a, b, c);
    return c;
}

constexpr uint32_t kNilFirstHash = 3468870702U;
constexpr uint32_t kNilWord = 2;  // NIL_DEF, erl's type number for []

void hash2_integer_limbs(uint32_t& hash, bool neg, const uint64_t* limbs, size_t n) {
    uint32_t con = neg ? hconst(10) : hconst(11);
    for (size_t i = 0; i < n; ++i) {
        hash_pair(hash, uint32_t(limbs[i]), uint32_t(limbs[i] >> 32), con);
    }
}

struct Hash2Item {
    enum Kind : uint8_t { kTerm, kMapPair, kMapTail } kind;
    Term term;
    uint32_t saved_hash = 0;
    uint32_t saved_xor = 0;
};

} // namespace

uint32_t atom_text_hash(Term atom) {
    std::string_view s = atoms().name(atom);
    uint64_t h = 0;
    size_t len = s.size();
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (len--) {
        unsigned v = *p++;
        if (len && (v & 0xFE) == 0xC2 && (*p & 0xC0) == 0x80) {  // a latin-1 character
            v = ((v << 6) | (*p & 0x3F)) & 0xFF;
            ++p;
            --len;
        }
        h = (h << 4) + v;
        if (uint64_t g = h & 0xf0000000U) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return uint32_t(h);
}

uint32_t term_hash2(Term term) {
    uint32_t hash = 0;
    uint32_t xor_pairs = 0;
    std::vector<Hash2Item> stack;
    AlignedBits bits;
    for (;;) {
        // Hash `term` into `hash` (a list or fun may leave its first part in `term` and loop).
        bool done = true;
        if (term.is_small()) {
            int64_t x = term.small_value();
            if (x >= -(int64_t(1) << 27) && x < (int64_t(1) << 27)) {
                int32_t y = int32_t(x);
                if (y < 0) hash_one(hash, uint32_t(-y), hconst(1));
                hash_one(hash, uint32_t(y), hconst(1));
            } else {
                uint64_t m = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
                hash2_integer_limbs(hash, x < 0, &m, 1);
            }
        } else if (term.is_atom()) {
            if (hash == 0) {
                hash = atom_text_hash(term);
            } else {
                hash_one(hash, atom_text_hash(term), hconst(3));
            }
        } else if (term.is_nil()) {
            if (hash == 0) {
                hash = kNilFirstHash;
            } else {
                hash_one(hash, kNilWord, hconst(2));
            }
        } else if (term.is_local_pid()) {
            hash_one(hash, uint32_t(term.pid_number()), hconst(5));
        } else if ((term.raw & 0xF) == 0x7) {  // a local port: its id's two halves
            uint64_t id = term.raw >> 4;
            hash_pair(hash, uint32_t(id), uint32_t(id >> 32), hconst(6));
        } else if (term.is_list()) {
            unsigned c = 0;
            uint32_t sh = 0;
            Term* cell = term.list_ptr();
            for (;;) {
                Term h = cell[0];
                if (!h.is_small() || h.small_value() < 0 || h.small_value() > 255) break;
                sh = (sh << 8) + uint32_t(h.small_value());
                if (c == 3) {
                    hash_one(hash, sh, hconst(4));
                    c = 0;
                    sh = 0;
                } else {
                    ++c;
                }
                term = cell[1];
                if (!term.is_list()) break;
                cell = term.list_ptr();
            }
            if (c > 0) hash_one(hash, sh, hconst(4));
            if (term.is_list()) {
                stack.push_back({Hash2Item::kTerm, cell[1]});
                term = cell[0];
            }
            done = false;
        } else if (term.is_boxed()) {
            const Term* box = term.boxed_ptr();
            switch (box->header_subtag()) {
            case Subtag::Tuple: {
                uint64_t arity = box->header_arity();
                hash_one(hash, uint32_t(arity), hconst(9));
                if (arity == 0) break;
                for (uint64_t i = arity; i > 1; --i) stack.push_back({Hash2Item::kTerm, box[i]});
                term = box[1];
                done = false;
                break;
            }
            case Subtag::FlatMap:
            case Subtag::HashMap: {
                size_t n = map_size(term);
                hash_one(hash, uint32_t(n), hconst(16));
                if (n == 0) break;
                stack.push_back({Hash2Item::kMapTail, Term::nil(), hash, xor_pairs});
                hash = 0;
                xor_pairs = 0;
                map_for_each(term, [&](Term k, Term v) {
                    stack.push_back({Hash2Item::kMapPair, Term::nil()});
                    stack.push_back({Hash2Item::kTerm, v});
                    stack.push_back({Hash2Item::kTerm, k});
                });
                break;
            }
            case Subtag::Export: {
                const Export* e = export_of(term);
                hash_pair(hash, e->arity, atom_text_hash(e->module), hconst(1));
                hash_one(hash, atom_text_hash(e->function), hconst(14));
                break;
            }
            case Subtag::Fun: {
                FunParts f = fun_parts(term);
                hash_pair(hash, f.num_free, atom_text_hash(f.module), hconst(1));
                hash_pair(hash, f.index, f.old_uniq, hconst(1));
                if (f.num_free == 0) break;
                for (uint32_t i = f.num_free; i > 1; --i) {
                    stack.push_back({Hash2Item::kTerm, f.env[i - 1]});
                }
                term = f.env[0];
                done = false;
                break;
            }
            case Subtag::HeapBin:
            case Subtag::RefcBin:
            case Subtag::SubBin: {
                aligned_bits(term, bits);
                uint32_t con = hconst(13) + hash;
                if (bits.bytes == 0 && bits.bits == 0) {
                    hash = con;
                } else {
                    hash = block_hash(bits.data, bits.bytes, con);
                    if (bits.bits > 0) {
                        uint32_t last = bits.data[bits.bytes] >> (8 - bits.bits);
                        hash_pair(hash, bits.bits, last, hconst(15));
                    }
                }
                break;
            }
            case Subtag::PosBig:
            case Subtag::NegBig: {
                IntView v(term);
                hash2_integer_limbs(hash, v.neg, v.limbs, v.n);
                break;
            }
            case Subtag::Ref:  // erl hashes the least significant id word, the last here
                hash_one(hash, uint32_t(box[box->header_arity()].raw), hconst(7));
                break;
            case Subtag::Float: {
                uint32_t lo, hi;
                float_words(term.float_value(), lo, hi);
                hash_pair(hash, hi, lo, hconst(12));  // erl takes the high word first
                break;
            }
            // Other nodes' identifiers hash as erl's: without their node, a pid by its
            // number only, a reference by its first id word, a port by its id.
            case Subtag::ExtPid:
                hash_one(hash, ext_pid_number(term), hconst(5));
                break;
            case Subtag::ExtRef:
                hash_one(hash, ext_ref_word(term, 0), hconst(7));
                break;
            case Subtag::ExtPort: {
                uint64_t id = ext_port_id(term);
                hash_pair(hash, uint32_t(id), uint32_t(id >> 32), hconst(6));
                break;
            }
            default:
                break;
            }
        }
        if (!done) continue;
        // The term is hashed: take the next one.
        for (;;) {
            if (stack.empty()) return hash;
            Hash2Item it = stack.back();
            stack.pop_back();
            if (it.kind == Hash2Item::kTerm) {
                term = it.term;
                break;
            }
            if (it.kind == Hash2Item::kMapPair) {
                xor_pairs ^= hash;
                hash = 0;
            } else {
                hash = it.saved_hash;
                hash_one(hash, xor_pairs, hconst(19));
                xor_pairs = it.saved_xor;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// phash
// ---------------------------------------------------------------------------------------------

namespace {

constexpr uint32_t kF1 = 268440163, kF2 = 268439161, kF3 = 268435459, kF4 = 268436141,
                   kF5 = 268438633, kF6 = 268437017, kF8 = 268437511,
                   kF9 = 268439627, kF10 = 268440479, kF11 = 268440577, kF12 = 268440581,
                   kF13 = 268440593, kF14 = 268440611;

inline void step32(uint32_t& hash, uint32_t x, uint32_t prime) {
    hash = (((hash * prime + (x & 0xFF)) * prime + ((x >> 8) & 0xFF)) * prime +
            ((x >> 16) & 0xFF)) * prime + (x >> 24);
}

// erlang:phash/2's step for a port id: the high half (when not zero), then the low half.
void hash1_port(uint32_t& hash, uint64_t id) {
    if (uint32_t high = uint32_t(id >> 32)) step32(hash, high, kF11);
    step32(hash, uint32_t(id), kF9);
    hash *= kF10;
}

struct Hash1Item {
    enum Kind : uint8_t { kTerm, kListRest, kMul, kTupleEnd } kind;
    Term term;
    uint32_t n = 0;
};

void hash1_integer(uint32_t& hash, Term t) {
    IntView v(t);
    for (size_t i = 0; i + 1 < v.n; ++i) {
        uint64_t d = v.limbs[i];
        for (int j = 0; j < 8; ++j, d >>= 8) hash = hash * kF2 + uint32_t(d & 0xFF);
    }
    if (v.n > 0) {
        uint64_t d = v.limbs[v.n - 1];
        int k = (d >> 32) ? 8 : 4;
        for (int j = 0; j < k; ++j, d >>= 8) hash = hash * kF2 + uint32_t(d & 0xFF);
    } else {
        step32(hash, 0, kF2);
    }
    hash *= v.neg ? kF4 : kF3;
}

} // namespace

uint32_t term_hash1(Term root) {
    uint32_t hash = 0;
    std::vector<Hash1Item> stack;
    stack.push_back({Hash1Item::kTerm, root});
    AlignedBits bits;
    while (!stack.empty()) {
        Hash1Item it = stack.back();
        stack.pop_back();
        if (it.kind == Hash1Item::kMul) {
            hash *= it.n;
            continue;
        }
        if (it.kind == Hash1Item::kTupleEnd) {
            hash = hash * kF9 + it.n;
            continue;
        }
        Term term = it.term;
        if (it.kind == Hash1Item::kListRest || term.is_list()) {
            if (!term.is_list()) {  // the tail of a list
                stack.push_back({Hash1Item::kMul, Term::nil(), kF8});
                stack.push_back({Hash1Item::kTerm, term});
                continue;
            }
            Term* cell = term.list_ptr();
            for (;;) {
                Term h = cell[0];
                if (!h.is_small() || h.small_value() < 0 || h.small_value() > 255) break;
                hash = hash * kF2 + uint32_t(h.small_value());
                if (!cell[1].is_list()) break;
                cell = cell[1].list_ptr();
            }
            Term h = cell[0];
            if (h.is_small() && h.small_value() >= 0 && h.small_value() <= 255) {
                stack.push_back({Hash1Item::kMul, Term::nil(), kF8});
                stack.push_back({Hash1Item::kTerm, cell[1]});
            } else {
                stack.push_back({Hash1Item::kListRest, cell[1]});
                stack.push_back({Hash1Item::kTerm, h});
            }
            continue;
        }
        if (term.is_nil()) {
            hash = hash * kF3 + 1;
        } else if (term.is_atom()) {
            hash = hash * kF1 + atom_text_hash(term);
        } else if (term.is_small()) {
            int64_t y1 = term.small_value();
            uint64_t y2 = y1 < 0 ? uint64_t(0) - uint64_t(y1) : uint64_t(y1);
            step32(hash, uint32_t(y2), kF2);
            if (y2 >> 32) step32(hash, uint32_t(y2 >> 32), kF2);
            hash *= y1 < 0 ? kF4 : kF3;
        } else if (term.is_local_pid()) {
            step32(hash, uint32_t(term.pid_number()), kF5);
            hash *= kF6;
        } else if ((term.raw & 0xF) == 0x7) {  // a local port
            hash1_port(hash, term.raw >> 4);
        } else if (term.is_boxed()) {
            const Term* box = term.boxed_ptr();
            switch (box->header_subtag()) {
            case Subtag::Tuple: {
                uint64_t arity = box->header_arity();
                stack.push_back({Hash1Item::kTupleEnd, Term::nil(), uint32_t(arity)});
                for (uint64_t i = arity; i > 0; --i) stack.push_back({Hash1Item::kTerm, box[i]});
                break;
            }
            case Subtag::FlatMap:
            case Subtag::HashMap:
                hash = hash * kF13 + kF14 + term_hash2(term);
                break;
            case Subtag::Export: {
                const Export* e = export_of(term);
                hash = hash * kF11 + e->arity;
                hash = hash * kF1 + atom_text_hash(e->module);
                hash = hash * kF1 + atom_text_hash(e->function);
                break;
            }
            case Subtag::Fun: {
                FunParts f = fun_parts(term);
                hash = hash * kF10 + f.num_free;
                hash = hash * kF1 + atom_text_hash(f.module);
                hash = hash * kF2 + f.index;
                hash = hash * kF2 + f.old_uniq;
                for (uint32_t i = f.num_free; i > 0; --i) {
                    stack.push_back({Hash1Item::kTerm, f.env[i - 1]});
                }
                break;
            }
            case Subtag::HeapBin:
            case Subtag::RefcBin:
            case Subtag::SubBin: {
                aligned_bits(term, bits);
                for (size_t i = 0; i < bits.bytes; ++i) hash = hash * kF1 + bits.data[i];
                if (bits.bits > 0) {
                    uint32_t b = bits.data[bits.bytes] >> (8 - bits.bits);
                    hash = (hash * kF1 + b) * kF12 + bits.bits;
                }
                hash = hash * kF4 + uint32_t(bits.bytes);
                break;
            }
            case Subtag::PosBig:
            case Subtag::NegBig:
                hash1_integer(hash, term);
                break;
            case Subtag::Ref:  // the least significant id word, the last here
                step32(hash, uint32_t(box[box->header_arity()].raw), kF9);
                hash *= kF10;
                break;
            case Subtag::Float: {
                uint32_t lo, hi;
                float_words(term.float_value(), lo, hi);
                hash = hash * kF6 + (lo ^ hi);
                break;
            }
            // Other nodes' identifiers: as the local ones, their node left out.
            case Subtag::ExtPid:
                step32(hash, ext_pid_number(term), kF5);
                hash *= kF6;
                break;
            case Subtag::ExtRef:
                step32(hash, ext_ref_word(term, 0), kF9);
                hash *= kF10;
                break;
            case Subtag::ExtPort:
                hash1_port(hash, ext_port_id(term));
                break;
            default:
                break;
            }
        }
    }
    return hash;
}

} // namespace joist
