// Maps as erl 25 keeps them (see term/map.h, term/map_ops.h, and the layouts in term/term.h).
//
// Hash maps are canonical tries: a key's leaf sits at the shallowest level where no other key
// shares its hash prefix (erl's insert and remove keep exactly this shape), so any set of keys
// has one HAMT, which bulk builders construct directly. Level L uses 4 bits of a 32-bit hash:
// bits 4 * (L % 8) of ERTS's internal hash of the key, salted for L >= 8 with a mix of
// L div 8 (erl's rehash per 8 levels, make_map_hash).
//
// Iteration: maps:iterator/maps:next visit leaves depth first, children in bitmap order;
// maps:to_list/keys/values give the reverse of that order (erl builds them by consing).
#include "term/hash_mix.h"
#include "term/map_ops.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#include "base/assert.h"
#include "code/module.h"
#include "gc/build.h"
#include "term/binary.h"
#include "term/compare.h"
#include "term/external.h"

namespace joist {

namespace {

// ---------------------------------------------------------------------------------------------
// ERTS's internal hash (Bob Jenkins' lookup2 mixing over a walk of the term).

constexpr uint32_t kHConst = 0x9e3779b9u;
constexpr uint32_t kHConst4 = 0x78dde6e4u;
constexpr uint32_t kHConst5 = 0x1715609du;
constexpr uint32_t kHConst7 = 0x5384540fu;
constexpr uint32_t kHConst8 = 0xf1bbcdc8u;
constexpr uint32_t kHConst9 = 0x8ff34781u;
constexpr uint32_t kHConst10 = 0x2e2ac13au;
constexpr uint32_t kHConst11 = 0xcc623af3u;
constexpr uint32_t kHConst12 = 0x6a99b4acu;
constexpr uint32_t kHConst13 = 0x08d12e65u;
constexpr uint32_t kHConst14 = 0xa708a81eu;
constexpr uint32_t kHConst15 = 0x454021d7u;
constexpr uint32_t kHConst16 = 0xe3779b90u;
constexpr uint32_t kHConst17 = 0x81af1549u;
constexpr uint32_t kHConst18 = 0x1fe68f02u;
constexpr uint32_t kHConst20 = 0x5c558274u;
constexpr uint32_t kHConst21 = 0xfa8cfc2du;
constexpr uint32_t kHConst22 = 0x98c475e6u;
constexpr uint32_t kInternalSalt = 3432918353u;

inline void mix(uint32_t& a, uint32_t& b, uint32_t& c) { hash_mix(a, b, c); }

struct Hasher {
    uint32_t h;
    void pair(uint32_t x, uint32_t y, uint32_t k) {
        uint32_t a = k + x, b = k + y;
        mix(a, b, h);
    }
    void one(uint32_t x, uint32_t k) { pair(x, 0, k); }
    void word(uint64_t w, uint32_t k) { pair(uint32_t(w), uint32_t(w >> 32), k); }
    void konst(uint32_t k) {
        h ^= k;
        h = (h << 17) ^ (h >> 15);
    }
};

uint32_t block_hash(const uint8_t* k, size_t length, uint32_t initval) {
    uint32_t a = kHConst, b = kHConst, c = initval;
    size_t len = length;
    auto w32 = [](const uint8_t* p) {
        return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
    };
    while (len >= 12) {
        a += w32(k);
        b += w32(k + 4);
        c += w32(k + 8);
        mix(a, b, c);
        k += 12;
        len -= 12;
    }
    c += uint32_t(length);
    switch (len) {  // every case falls through
    case 11: c += uint32_t(k[10]) << 24; [[fallthrough]];
    case 10: c += uint32_t(k[9]) << 16; [[fallthrough]];
    case 9: c += uint32_t(k[8]) << 8; [[fallthrough]];
    case 8: b += uint32_t(k[7]) << 24; [[fallthrough]];
    case 7: b += uint32_t(k[6]) << 16; [[fallthrough]];
    case 6: b += uint32_t(k[5]) << 8; [[fallthrough]];
    case 5: b += k[4]; [[fallthrough]];
    case 4: a += uint32_t(k[3]) << 24; [[fallthrough]];
    case 3: a += uint32_t(k[2]) << 16; [[fallthrough]];
    case 2: a += uint32_t(k[1]) << 8; [[fallthrough]];
    case 1: a += k[0]; break;
    default: break;
    }
    mix(a, b, c);
    return c;
}

inline bool is_byte(Term t) { return t.is_small() && uint64_t(t.small_value()) < 256; }

// Hash map node access: [hdr(HashMap, n), small(bitmap | head << 16), (head: small(size)),
// children...].
constexpr int64_t kHeadFlag = int64_t(1) << 16;
inline uint32_t node_bitmap(const Term* nd) { return uint32_t(nd[1].small_value() & 0xFFFF); }
inline bool node_is_head(const Term* nd) { return (nd[1].small_value() & kHeadFlag) != 0; }
inline Term* node_children(const Term* nd) {
    return const_cast<Term*>(nd) + (node_is_head(nd) ? 3 : 2);
}
// Bits set in a node's 16-bit bitmap. Without a popcnt instruction in the target (the default
// x86-64 one has none), std::popcount is a library call: this is a handful of inline ALU
// operations instead.
inline unsigned popcount16(uint32_t x) {
    x = x - ((x >> 1) & 0x5555);
    x = (x & 0x3333) + ((x >> 2) & 0x3333);
    x = (x + (x >> 4)) & 0x0F0F;
    return (x + (x >> 8)) & 0x1F;
}
inline size_t node_count(const Term* nd) { return popcount16(node_bitmap(nd)); }
inline bool is_flat(Term map) { return map.box_header().header_subtag() == Subtag::FlatMap; }

uint32_t internal_hash(Term term, uint32_t salt) {
    Hasher hs{salt ^ kInternalSalt};
    if (term.is_immed()) [[likely]] {  // the usual key: no stack of subterms to set up
        hs.word(term.raw, kHConst);
        return hs.h;
    }
    const Term kCdrMark = Term::none();  // never a real term on the stack
    std::vector<Term> stack;
    for (;;) {
        switch (term.primary()) {
        case 1: {  // list
            int c = 0;
            uint32_t sh = 0;
            const Term* ptr = term.list_ptr();
            while (is_byte(ptr[0])) {
                sh = (sh << 8) + uint32_t(ptr[0].small_value());
                if (c == 3) {
                    hs.one(sh, kHConst4);
                    c = 0;
                    sh = 0;
                } else {
                    ++c;
                }
                term = ptr[1];
                if (!term.is_list()) break;
                ptr = term.list_ptr();
            }
            if (c > 0) hs.pair(sh, uint32_t(c), kHConst22);
            if (term.is_list()) {
                Term tmp = ptr[1];
                hs.konst(kHConst17);
                stack.push_back(tmp);
                if (!tmp.is_list()) stack.push_back(kCdrMark);
                term = ptr[0];
            }
            continue;  // hash `term` (a head, or a list's improper or [] tail)
        }
        case 2: {
            const Term* box = term.boxed_ptr();
            switch (box->header_subtag()) {
            case Subtag::Tuple: {
                uint64_t arity = box->header_arity();
                hs.one(uint32_t(arity), kHConst9);
                if (arity == 0) break;
                for (uint64_t i = arity; i > 1; --i) stack.push_back(box[i]);
                term = box[1];
                continue;
            }
            case Subtag::FlatMap: {
                size_t n = box->header_arity() - 1;
                const Term* ks = box[1].tuple_elems();
                hs.one(uint32_t(n), kHConst16);
                for (size_t i = n; i > 0; --i) {
                    stack.push_back(box[1 + i]);
                    stack.push_back(ks[i - 1]);
                }
                break;
            }
            case Subtag::HashMap: {
                const Term* ch = node_children(box);
                size_t n = node_count(box);
                if (node_is_head(box)) hs.one(uint32_t(box[2].small_value()), kHConst16);
                for (size_t i = 0; i < n; ++i) {
                    if (ch[i].is_list()) {
                        stack.push_back(ch[i].tail());
                        stack.push_back(ch[i].head());
                    } else {
                        stack.push_back(ch[i]);
                    }
                }
                break;
            }
            case Subtag::Fun: {
                const auto* fe = reinterpret_cast<const FunEntry*>(box[1].raw);
                size_t nfree = fe->num_free;
                hs.pair(uint32_t(nfree), uint32_t(fe->module->name.raw), kHConst20);
                hs.pair(uint32_t(fe->index), uint32_t(fe->old_uniq), kHConst21);
                if (nfree == 0) break;
                for (size_t i = nfree; i > 1; --i) stack.push_back(box[1 + i]);
                term = box[2];
                continue;
            }
            case Subtag::Export:
                hs.word(box[1].raw, kHConst14);
                break;
            case Subtag::HeapBin:
            case Subtag::RefcBin:
            case Subtag::SubBin: {
                BitView v;
                if (!bit_view(term, v)) break;
                size_t sz = v.byte_size();
                unsigned bits = unsigned(v.bit_size % 8);
                uint32_t con = kHConst13 + hs.h;
                if (sz == 0 && bits == 0) {
                    hs.h = con;
                    break;
                }
                std::vector<uint8_t> copy;
                const uint8_t* bytes = v.bytes;
                if (v.bit_offset != 0) {
                    copy.assign(sz + 1, 0);
                    copy_bits(v.bytes, v.bit_offset, copy.data(), 0, v.bit_size);
                    bytes = copy.data();
                }
                hs.h = block_hash(bytes, sz, con);
                if (bits > 0) hs.pair(bits, uint32_t(bytes[sz] >> (8 - bits)), kHConst15);
                break;
            }
            case Subtag::PosBig:
            case Subtag::NegBig: {
                uint32_t con = box->header_subtag() == Subtag::NegBig ? kHConst10 : kHConst11;
                for (uint64_t i = 1; i <= box->header_arity(); ++i) hs.word(box[i].raw, con);
                break;
            }
            case Subtag::Float: {
                double d = term.float_value();
                if (d == 0.0) d = 0.0;  // -0.0 hashes as 0.0
                uint64_t w;
                std::memcpy(&w, &d, sizeof w);
                hs.word(w, kHConst12);
                break;
            }
            case Subtag::Ref:  // erl's id words 0, 1, 2: the most significant is first here
                hs.one(uint32_t(box[3].raw), kHConst7);
                hs.pair(uint32_t(box[2].raw), uint32_t(box[1].raw), kHConst8);
                break;
            case Subtag::ExtRef: {
                // Another node's reference: node, creation, then the id words up to the last
                // non-zero one (refs that differ only by zero high words are equal). erl
                // hashes its node table entry's address here, which no other VM can follow.
                uint32_t n = ext_ref_len(term);
                while (n > 1 && ext_ref_word(term, n - 1) == 0) --n;
                hs.word(ext_node(term).raw, kHConst7);
                hs.one(ext_creation(term), kHConst7);
                for (uint32_t i = 0; i < n; ++i) hs.one(ext_ref_word(term, i), kHConst8);
                break;
            }
            default:  // other nodes' pids and ports: hashed by their words (node included)
                for (uint64_t i = 1; i <= box->header_arity(); ++i) hs.word(box[i].raw, kHConst5);
                break;
            }
            break;
        }
        default:  // immediates hash by their word (the same words as erl's)
            hs.word(term.raw, kHConst);
            break;
        }
        // pop_next
        for (;;) {
            if (stack.empty()) return hs.h;
            term = stack.back();
            stack.pop_back();
            if (term != kCdrMark) break;
            hs.konst(kHConst18);
        }
    }
}

// ERTS's map hash for levels 8 * depth and on: the internal hash salted with a mix of depth.
uint32_t map_hash(Term key, unsigned depth) {
    Hasher salt{0};
    if (depth > 0) salt.pair(depth, 1, kHConst22);
    return internal_hash(key, salt.h);
}

// The hash bits for level `lvl` (the low nibble is the index there).
uint32_t level_hash(Term key, unsigned lvl) { return map_hash(key, lvl >> 3) >> (4 * (lvl & 7)); }

// Moves from level lvl to lvl + 1.
uint32_t shift_hash(uint32_t h, unsigned& lvl, Term key) {
    ++lvl;
    if (lvl & 7) return h >> 4;
    return map_hash(key, lvl >> 3);
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

Term* heap_alloc_fn(void* ctx, size_t words) { return static_cast<gc::Heap*>(ctx)->alloc(words); }

Term make_leaf(MapAlloc a, Term k, Term v) {
    Term* c = a(2);
    c[0] = k;
    c[1] = v;
    return Term::list(c);
}

// A node with `n` children to fill (returned pointer: the node; children via node_children).
Term* new_node(MapAlloc a, uint32_t bitmap, bool head, size_t size) {
    size_t n = popcount16(bitmap);
    size_t fixed = head ? 2 : 1;
    Term* nd = a(1 + fixed + n);
    nd[0] = Term::header(Subtag::HashMap, fixed + n);
    nd[1] = Term::small(int64_t(bitmap) | (head ? kHeadFlag : 0));
    if (head) nd[2] = Term::small(int64_t(size));
    return nd;
}

Term build_flat_sorted(MapAlloc a, const Term* ks, const Term* vs, size_t n) {
    Term* keys = a(1 + n);
    keys[0] = Term::header(Subtag::Tuple, n);
    Term* m = a(2 + n);
    m[0] = Term::header(Subtag::FlatMap, n + 1);
    m[1] = Term::boxed(keys);
    for (size_t i = 0; i < n; ++i) {
        keys[1 + i] = ks[i];
        m[2 + i] = vs[i];
    }
    return Term::boxed(m);
}

struct Pair {
    Term k, v;
};

// Sorts pairs into exact key order; drops all but the last of equal keys (or fails).
bool sort_dedupe_exact(std::vector<Pair>& ps, bool reject) {
    std::stable_sort(ps.begin(), ps.end(), [](const Pair& x, const Pair& y) {
        return compare_terms_exact(x.k, y.k) < 0;
    });
    size_t out = 0;
    for (size_t i = 0; i < ps.size(); ++i) {
        if (out > 0 && terms_exact_eq(ps[out - 1].k, ps[i].k)) {
            if (reject) return false;
            ps[out - 1] = ps[i];
        } else {
            ps[out++] = ps[i];
        }
    }
    ps.resize(out);
    return true;
}

Term flat_from_pairs(MapAlloc a, std::vector<Pair>& ps) {
    std::vector<Term> ks(ps.size()), vs(ps.size());
    for (size_t i = 0; i < ps.size(); ++i) {
        ks[i] = ps[i].k;
        vs[i] = ps[i].v;
    }
    return build_flat_sorted(a, ks.data(), vs.data(), ps.size());
}

struct Item {
    uint32_t h;  // hash bits of the current 8-level block
    Term k, v;
};

uint32_t nibble_reverse(uint32_t h) {
    uint32_t r = 0;
    for (int i = 0; i < 8; ++i) {
        r = (r << 4) | (h & 0xF);
        h >>= 4;
    }
    return r;
}

void sort_items(Item* it, size_t n) {
    std::sort(it, it + n, [](const Item& x, const Item& y) {
        return nibble_reverse(x.h) < nibble_reverse(y.h);
    });
}

// The canonical node for items (distinct keys, sorted for the current block) at level lvl.
Term build_node(MapAlloc a, Item* it, size_t n, unsigned lvl, bool head, size_t size) {
    unsigned shift = 4 * (lvl & 7);
    uint32_t bitmap = 0;
    for (size_t i = 0; i < n; ++i) bitmap |= 1u << ((it[i].h >> shift) & 0xF);
    Term* nd = new_node(a, bitmap, head, size);
    Term* ch = node_children(nd);
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        uint32_t idx = (it[i].h >> shift) & 0xF;
        size_t j = i + 1;
        while (j < n && ((it[j].h >> shift) & 0xF) == idx) ++j;
        if (j - i == 1) {
            ch[c++] = make_leaf(a, it[i].k, it[i].v);
        } else {
            unsigned next = lvl + 1;
            if ((next & 7) == 0) {
                JOIST_ASSERT(next < 256);
                for (size_t q = i; q < j; ++q) it[q].h = level_hash(it[q].k, next);
                sort_items(it + i, j - i);
            }
            ch[c++] = build_node(a, it + i, j - i, next, false, 0);
        }
        i = j;
    }
    return Term::boxed(nd);
}

// A map from pairs in any order with possibly repeated keys (last wins, or none() if
// rejected).
Term from_pair_vector(MapAlloc a, std::vector<Pair>& ps, bool reject) {
    if (ps.size() <= kFlatMapLimit) {
        if (!sort_dedupe_exact(ps, reject)) return Term::none();
        return flat_from_pairs(a, ps);
    }
    std::vector<Item> items(ps.size());
    for (size_t i = 0; i < ps.size(); ++i) items[i] = Item{internal_hash(ps[i].k, 0), ps[i].k,
                                                           ps[i].v};
    std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
        return nibble_reverse(x.h) < nibble_reverse(y.h);
    });
    // Drop repeated keys (equal keys have equal hashes, so they share a run); keep the last.
    size_t out = 0;
    for (size_t i = 0; i < items.size();) {
        size_t j = i + 1;
        while (j < items.size() && items[j].h == items[i].h) ++j;
        size_t run_start = out;
        for (size_t q = i; q < j; ++q) {
            bool replaced = false;
            for (size_t r = run_start; r < out; ++r) {
                if (terms_exact_eq(items[r].k, items[q].k)) {
                    if (reject) return Term::none();
                    items[r] = items[q];  // the last pair wins, key (0.0 or -0.0) included
                    replaced = true;
                    break;
                }
            }
            if (!replaced) items[out++] = items[q];
        }
        i = j;
    }
    items.resize(out);
    if (items.size() <= kFlatMapLimit) {
        std::vector<Pair> small(items.size());
        for (size_t i = 0; i < items.size(); ++i) small[i] = Pair{items[i].k, items[i].v};
        sort_dedupe_exact(small, false);
        return flat_from_pairs(a, small);
    }
    return build_node(a, items.data(), items.size(), 0, true, items.size());
}

void collect_pairs(Term map, std::vector<Pair>& out) {
    map_for_each(map, [&](Term k, Term v) { out.push_back(Pair{k, v}); });
}

// A copy of node nd with child `pos` replaced (bitmap and size as given).
Term copy_node_replace(MapAlloc a, const Term* nd, size_t pos, Term child, size_t size) {
    // Same header and bitmap: the node is copied whole, then the size and the child patched.
    const bool head = node_is_head(nd);
    const size_t words = 1 + nd[0].header_arity();
    Term* c = a(words);
    std::memcpy(c, nd, words * sizeof(Term));
    if (head) c[2] = Term::small(int64_t(size));
    node_children(c)[pos] = child;
    return Term::boxed(c);
}

Term copy_node_insert(MapAlloc a, const Term* nd, uint32_t bit, size_t pos, Term child,
                      size_t size) {
    bool head = node_is_head(nd);
    size_t n = node_count(nd);
    Term* c = new_node(a, node_bitmap(nd) | bit, head, size);
    Term* dst = node_children(c);
    const Term* src = node_children(nd);
    for (size_t i = 0; i < pos; ++i) dst[i] = src[i];
    dst[pos] = child;
    for (size_t i = pos; i < n; ++i) dst[i + 1] = src[i];
    return Term::boxed(c);
}

Term copy_node_remove(MapAlloc a, const Term* nd, uint32_t bit, size_t pos, size_t size) {
    bool head = node_is_head(nd);
    size_t n = node_count(nd);
    Term* c = new_node(a, node_bitmap(nd) & ~bit, head, size);
    Term* dst = node_children(c);
    const Term* src = node_children(nd);
    for (size_t i = 0, o = 0; i < n; ++i) {
        if (i != pos) dst[o++] = src[i];
    }
    return Term::boxed(c);
}

struct PathStep {
    const Term* node;
    size_t pos;
};

// The nodes a put or remove passed on its way down. A map of a million keys is about 5
// levels deep, so the steps live in the object; only keys whose 32-bit hashes collide go
// below 8 levels, and their steps past the 8th go to a vector (maps_collision covers it).
class Path {
public:
    void push_back(PathStep s) {
        if (m_size < kInline) {
            m_inline[m_size] = s;
        } else {
            m_more.push_back(s);
        }
        ++m_size;
    }
    void pop_back() {
        if (m_size > kInline) m_more.pop_back();
        --m_size;
    }
    bool empty() const { return m_size == 0; }
    size_t size() const { return m_size; }
    const PathStep& operator[](size_t i) const {
        return i < kInline ? m_inline[i] : m_more[i - kInline];
    }
    const PathStep& back() const { return (*this)[m_size - 1]; }

private:
    static constexpr size_t kInline = 8;
    PathStep m_inline[kInline];
    size_t m_size = 0;
    std::vector<PathStep> m_more;
};

// Two leaves below level `lvl` whose hashes agree up to lvl - 1: the chain of nodes down to
// where their indices differ.
Term split_leaves(MapAlloc a, unsigned lvl, uint32_t h1, Term leaf1, Term k1, Term leaf2,
                  Term k2) {
    uint32_t h2 = level_hash(k2, lvl);
    std::vector<uint32_t> chain;
    for (;;) {
        uint32_t i1 = h1 & 0xF, i2 = h2 & 0xF;
        if (i1 != i2) {
            Term* nd = new_node(a, (1u << i1) | (1u << i2), false, 0);
            Term* ch = node_children(nd);
            ch[0] = i1 < i2 ? leaf1 : leaf2;
            ch[1] = i1 < i2 ? leaf2 : leaf1;
            Term t = Term::boxed(nd);
            for (size_t c = chain.size(); c > 0; --c) {
                Term* up = new_node(a, 1u << chain[c - 1], false, 0);
                node_children(up)[0] = t;
                t = Term::boxed(up);
            }
            return t;
        }
        chain.push_back(i1);
        JOIST_ASSERT(lvl < 256);
        unsigned l2 = lvl;
        h1 = shift_hash(h1, lvl, k1);
        h2 = shift_hash(h2, l2, k2);
    }
}

// Rebuilds the path above a new child (path[depth - 1] holds the node that gets it).
Term rebuild_path(MapAlloc a, const Path& path, Term child, size_t size) {
    for (size_t d = path.size(); d > 0; --d) {
        const Term* nd = path[d - 1].node;
        child = copy_node_replace(a, nd, path[d - 1].pos, child,
                                  node_is_head(nd) ? size : 0);
    }
    return child;
}

// Hash map put; update_only fails (none()) for an absent key.
Term hashmap_put(MapAlloc a, Term map, Term key, Term value, bool update_only) {
    size_t size = size_t(map.boxed_ptr()[2].small_value());
    uint32_t h = level_hash(key, 0);
    unsigned lvl = 0;
    Path path;
    const Term* nd = map.boxed_ptr();
    for (;;) {
        uint32_t idx = h & 0xF, bit = 1u << idx, bitmap = node_bitmap(nd);
        size_t pos = popcount16(bitmap & (bit - 1));
        size_t new_size = size + 1;
        if (!(bitmap & bit)) {
            if (update_only) return Term::none();
            Term leaf = make_leaf(a, key, value);
            Term t = copy_node_insert(a, nd, bit, pos, leaf, node_is_head(nd) ? new_size : 0);
            return rebuild_path(a, path, t, new_size);
        }
        Term child = node_children(nd)[pos];
        if (child.is_list()) {
            Term* cell = child.list_ptr();
            if (terms_exact_eq(cell[0], key)) {
                if (cell[1] == value && cell[0] == key) return map;
                Term leaf = make_leaf(a, key, value);  // erl stores the new key (-0.0 vs 0.0)
                Term t = copy_node_replace(a, nd, pos, leaf, node_is_head(nd) ? size : 0);
                return rebuild_path(a, path, t, size);
            }
            if (update_only) return Term::none();
            unsigned next = lvl;
            uint32_t hk = shift_hash(h, next, key);
            Term sub = split_leaves(a, next, hk, make_leaf(a, key, value), key, child, cell[0]);
            Term t = copy_node_replace(a, nd, pos, sub, node_is_head(nd) ? new_size : 0);
            return rebuild_path(a, path, t, new_size);
        }
        path.push_back(PathStep{nd, pos});
        nd = child.boxed_ptr();
        h = shift_hash(h, lvl, key);
    }
}

Term hashmap_remove(MapAlloc a, Term map, Term key) {
    size_t size = size_t(map.boxed_ptr()[2].small_value());
    uint32_t h = level_hash(key, 0);
    unsigned lvl = 0;
    Path path;
    const Term* nd = map.boxed_ptr();
    size_t pos = 0;
    uint32_t bit = 0;
    for (;;) {
        uint32_t idx = h & 0xF, bitmap = node_bitmap(nd);
        bit = 1u << idx;
        if (!(bitmap & bit)) return map;
        pos = popcount16(bitmap & (bit - 1));
        Term child = node_children(nd)[pos];
        if (child.is_list()) {
            if (!terms_exact_eq(child.head(), key)) return map;
            break;
        }
        path.push_back(PathStep{nd, pos});
        nd = child.boxed_ptr();
        h = shift_hash(h, lvl, key);
    }
    size_t new_size = size - 1;
    if (new_size <= kFlatMapLimit) {
        std::vector<Pair> ps;
        map_for_each(map, [&](Term k, Term v) {
            if (!terms_exact_eq(k, key)) ps.push_back(Pair{k, v});
        });
        sort_dedupe_exact(ps, false);
        return flat_from_pairs(a, ps);
    }
    // The node losing the leaf: collapse nodes left holding a single leaf.
    Term repl;
    if (!node_is_head(nd) && node_count(nd) == 2) {
        Term other = node_children(nd)[pos == 0 ? 1 : 0];
        repl = other.is_list() ? other : copy_node_remove(a, nd, bit, pos, 0);
    } else {
        repl = copy_node_remove(a, nd, bit, pos, node_is_head(nd) ? new_size : 0);
    }
    while (!path.empty() && repl.is_list()) {
        const Term* up = path.back().node;
        if (node_is_head(up) || node_count(up) != 1) break;
        path.pop_back();  // a single-child node whose child became a leaf: it goes too
    }
    return rebuild_path(a, path, repl, new_size);
}

Term hashmap_get(Term map, Term key) {
    uint32_t h = level_hash(key, 0);
    unsigned lvl = 0;
    const Term* nd = map.boxed_ptr();
    for (;;) {
        uint32_t bit = 1u << (h & 0xF), bitmap = node_bitmap(nd);
        if (!(bitmap & bit)) return Term::none();
        Term child = node_children(nd)[popcount16(bitmap & (bit - 1))];
        if (child.is_list()) {
            const Term* c = child.list_ptr();
            return terms_exact_eq(c[0], key) ? c[1] : Term::none();
        }
        nd = child.boxed_ptr();
        h = shift_hash(h, lvl, key);
    }
}

size_t flat_find(Term map, Term key) {
    const Term* m = map.boxed_ptr();
    size_t n = m->header_arity() - 1;
    const Term* ks = m[1].tuple_elems();
    if (key.is_immed()) {
        for (size_t i = 0; i < n; ++i)
            if (ks[i] == key) return i;
        return n;
    }
    for (size_t i = 0; i < n; ++i)
        if (terms_exact_eq(ks[i], key)) return i;
    return n;
}

Term flat_replace_value(MapAlloc a, Term map, size_t i, Term value) {
    const Term* m = map.boxed_ptr();
    size_t n = m->header_arity() - 1;
    if (m[2 + i] == value) return map;
    Term* c = a(2 + n);
    std::memcpy(c, m, (2 + n) * sizeof(Term));  // shares the keys tuple
    c[2 + i] = value;
    return Term::boxed(c);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Public API.

uint32_t map_internal_hash(Term t, uint32_t salt) { return internal_hash(t, salt); }

MapAlloc map_heap_alloc(gc::Heap& h) { return MapAlloc{&heap_alloc_fn, &h}; }

size_t map_size(Term map) {
    const Term* m = map.boxed_ptr();
    if (m->header_subtag() == Subtag::FlatMap) return m->header_arity() - 1;
    return size_t(m[2].small_value());
}

Term map_get(Term map, Term key) {
    if (is_flat(map)) {
        size_t n = map.boxed_ptr()->header_arity() - 1;
        size_t i = flat_find(map, key);
        return i < n ? map.boxed_ptr()[2 + i] : Term::none();
    }
    return hashmap_get(map, key);
}

void hashmap_for_each(Term map, void (*visit)(void* ctx, Term key, Term value), void* ctx) {
    // Children pushed in bitmap order pop last first: the reverse of the iterator's order.
    std::vector<Term> stack;
    stack.push_back(map);
    while (!stack.empty()) {
        Term t = stack.back();
        stack.pop_back();
        if (t.is_list()) {
            visit(ctx, t.head(), t.tail());
            continue;
        }
        const Term* nd = t.boxed_ptr();
        const Term* ch = node_children(nd);
        size_t n = node_count(nd);
        for (size_t i = 0; i < n; ++i) stack.push_back(ch[i]);
    }
}

HashNodeView hashmap_node(Term node) {
    const Term* nd = node.boxed_ptr();
    HashNodeView v{};
    v.bitmap = node_bitmap(nd);
    v.head = node_is_head(nd);
    v.size = v.head ? size_t(nd[2].small_value()) : 0;
    v.children = node_children(nd);
    v.count = node_count(nd);
    return v;
}

Term map_empty(MapAlloc a) { return build_flat_sorted(a, nullptr, nullptr, 0); }

Term map_from_pairs(MapAlloc a, const Term* keys, const Term* values, size_t n,
                    bool reject_duplicates) {
    std::vector<Pair> ps(n);
    for (size_t i = 0; i < n; ++i) ps[i] = Pair{keys[i], values[i]};
    return from_pair_vector(a, ps, reject_duplicates);
}

Term map_put(MapAlloc a, Term map, Term key, Term value) {
    if (!is_flat(map)) return hashmap_put(a, map, key, value, false);
    const Term* m = map.boxed_ptr();
    size_t n = m->header_arity() - 1;
    size_t i = flat_find(map, key);
    if (i < n) return flat_replace_value(a, map, i, value);
    const Term* ks = m[1].tuple_elems();
    if (n + 1 > kFlatMapLimit) {
        std::vector<Pair> ps(n + 1);
        for (size_t q = 0; q < n; ++q) ps[q] = Pair{ks[q], m[2 + q]};
        ps[n] = Pair{key, value};
        return from_pair_vector(a, ps, false);
    }
    size_t at = 0;
    while (at < n && compare_terms_exact(ks[at], key) < 0) ++at;
    Term* keys = a(2 + n);
    keys[0] = Term::header(Subtag::Tuple, n + 1);
    Term* c = a(3 + n);
    c[0] = Term::header(Subtag::FlatMap, n + 2);
    c[1] = Term::boxed(keys);
    for (size_t q = 0, o = 0; q <= n; ++q, ++o) {
        if (q == at) {
            keys[1 + o] = key;
            c[2 + o] = value;
            ++o;
        }
        if (q < n) {
            keys[1 + o] = ks[q];
            c[2 + o] = m[2 + q];
        }
    }
    return Term::boxed(c);
}

Term map_update(MapAlloc a, Term map, Term key, Term value) {
    if (!is_flat(map)) return hashmap_put(a, map, key, value, true);
    size_t n = map.boxed_ptr()->header_arity() - 1;
    size_t i = flat_find(map, key);
    if (i == n) return Term::none();
    return flat_replace_value(a, map, i, value);
}

Term map_remove(MapAlloc a, Term map, Term key) {
    if (!is_flat(map)) return hashmap_remove(a, map, key);
    const Term* m = map.boxed_ptr();
    size_t n = m->header_arity() - 1;
    size_t i = flat_find(map, key);
    if (i == n) return map;
    const Term* ks = m[1].tuple_elems();
    Term* keys = a(n);
    keys[0] = Term::header(Subtag::Tuple, n - 1);
    Term* c = a(1 + n);
    c[0] = Term::header(Subtag::FlatMap, n);
    c[1] = Term::boxed(keys);
    for (size_t q = 0, o = 0; q < n; ++q) {
        if (q == i) continue;
        keys[1 + o] = ks[q];
        c[2 + o] = m[2 + q];
        ++o;
    }
    return Term::boxed(c);
}

Term map_put_pairs(MapAlloc a, Term map, const Term* kv, size_t n, bool exact, Term* missing) {
    if (exact) {
        // With several keys missing, erl names the first in key order (its loader sorts the
        // instruction's keys), not the first written.
        Term absent = Term::none();
        for (size_t i = 0; i < n; ++i) {
            Term k = kv[2 * i];
            if (map_get(map, k).is_none() &&
                (absent.is_none() || compare_terms_exact(k, absent) < 0))
                absent = k;
        }
        if (!absent.is_none()) {
            if (missing) *missing = absent;
            return Term::none();
        }
        if (is_flat(map)) {
            const Term* m = map.boxed_ptr();
            size_t sz = m->header_arity() - 1;
            Term* c = a(2 + sz);
            std::memcpy(c, m, (2 + sz) * sizeof(Term));  // shares the keys tuple
            for (size_t i = 0; i < n; ++i) c[2 + flat_find(map, kv[2 * i])] = kv[2 * i + 1];
            return Term::boxed(c);
        }
        for (size_t i = 0; i < n; ++i) map = hashmap_put(a, map, kv[2 * i], kv[2 * i + 1], true);
        return map;
    }
    if (n == 1) return map_put(a, map, kv[0], kv[1]);
    if (!is_flat(map) && n < 16) {
        for (size_t i = 0; i < n; ++i) map = hashmap_put(a, map, kv[2 * i], kv[2 * i + 1], false);
        return map;
    }
    std::vector<Pair> ps;
    ps.reserve(map_size(map) + n);
    collect_pairs(map, ps);
    for (size_t i = 0; i < n; ++i) ps.push_back(Pair{kv[2 * i], kv[2 * i + 1]});
    return from_pair_vector(a, ps, false);
}

Term map_merge(MapAlloc a, Term ma, Term mb) {
    if (ma.raw == mb.raw) return mb;  // a map merged with itself is itself, as erl's (no copy)
    if (map_size(ma) == 0) return mb;
    if (map_size(mb) == 0) return ma;
    if (!is_flat(ma) && map_size(mb) < 16) {
        Term r = ma;
        map_for_each(mb, [&](Term k, Term v) { r = hashmap_put(a, r, k, v, false); });
        return r;
    }
    std::vector<Pair> ps;
    ps.reserve(map_size(ma) + map_size(mb));
    collect_pairs(ma, ps);
    collect_pairs(mb, ps);
    return from_pair_vector(a, ps, false);
}

namespace {

template <class F> Term build_list(MapAlloc a, Term map, F&& elem) {
    // map_for_each visits in to_list order: collect, then cons from the end.
    std::vector<Pair> ps;
    ps.reserve(map_size(map));
    collect_pairs(map, ps);
    Term l = Term::nil();
    for (size_t i = ps.size(); i > 0; --i) {
        Term* c = a(2);
        c[0] = elem(ps[i - 1]);
        c[1] = l;
        l = Term::list(c);
    }
    return l;
}

} // namespace

Term map_keys(MapAlloc a, Term map) {
    return build_list(a, map, [](const Pair& p) { return p.k; });
}

Term map_values(MapAlloc a, Term map) {
    return build_list(a, map, [](const Pair& p) { return p.v; });
}

bool hashmap_leaves(Term map, uint64_t& path, size_t max, std::vector<Term>& leaves,
                    bool& more) {
    uint64_t cur = path;
    struct Level {
        const Term* children;
        size_t idx;  // next unexplored child
        size_t count;
    };
    std::vector<Level> stack;
    const Term* nd = map.boxed_ptr();
    Term first;
    for (unsigned depth = 0;; ++depth) {
        size_t count = node_count(nd);
        size_t e = depth < 16 ? size_t(cur & 0xF) : 0;
        if (e >= count) return false;
        stack.push_back(Level{node_children(nd), e + 1, count});
        Term c = node_children(nd)[e];
        if (c.is_list()) {
            first = c;
            break;
        }
        nd = c.boxed_ptr();
        if (depth < 16) cur >>= 4;
    }
    // Collect leaves in iteration order.
    leaves.push_back(first);
    while (leaves.size() < max && !stack.empty()) {
        Level& top = stack.back();
        if (top.idx >= top.count) {
            stack.pop_back();
            continue;
        }
        Term c = top.children[top.idx++];
        if (c.is_list()) {
            leaves.push_back(c);
        } else {
            const Term* sub = c.boxed_ptr();
            stack.push_back(Level{node_children(sub), 0, node_count(sub)});
        }
    }
    // The path to the next leaf: the position taken at each level (the last one: next to take).
    while (!stack.empty() && stack.back().idx >= stack.back().count) stack.pop_back();
    more = !stack.empty();
    if (more) {
        uint64_t p = 0;
        for (size_t d = stack.size(); d > 0; --d) {
            size_t pos = d == stack.size() ? stack[d - 1].idx : stack[d - 1].idx - 1;
            p = (p << 4) | pos;
        }
        path = p;
    }
    return true;
}

Term map_next(MapAlloc a, Term path, Term map, Term acc, bool iterator) {
    auto tuple3 = [&](Term k, Term v, Term rest) {
        Term* t = a(4);
        t[0] = Term::header(Subtag::Tuple, 3);
        t[1] = k;
        t[2] = v;
        t[3] = rest;
        return t;
    };
    auto cons_pair = [&](Term k, Term v, Term tail) {
        Term* t = a(3);
        t[0] = Term::header(Subtag::Tuple, 2);
        t[1] = k;
        t[2] = v;
        Term* c = a(2);
        c[0] = Term::boxed(t);
        c[1] = tail;
        return Term::list(c);
    };
    if (is_flat(map)) {
        const Term* m = map.boxed_ptr();
        size_t n = m->header_arity() - 1;
        const Term* ks = m[1].tuple_elems();
        if (!path.is_small() || path.small_value() < 0 || uint64_t(path.small_value()) > n)
            return Term::none();
        Term res = iterator ? am::none : acc;
        for (size_t i = n; i > 0; --i) {
            res = iterator ? Term::boxed(tuple3(ks[i - 1], m[1 + i], res))
                           : cons_pair(ks[i - 1], m[1 + i], res);
        }
        return res;
    }
    uint64_t cur;
    if (path.is_small() && path.small_value() >= 0) {
        cur = uint64_t(path.small_value());
    } else if (path.is_boxed_of(Subtag::PosBig) && path.box_header().header_arity() == 1) {
        cur = path.boxed_ptr()[1].raw;
    } else {
        return Term::none();
    }
    size_t size = map_size(map);
    size_t elems = std::min<size_t>(size, cur == 0 ? kFlatMapLimit : 1000);
    std::vector<Term> leaves;
    bool more = false;
    if (!hashmap_leaves(map, cur, elems, leaves, more)) return Term::none();
    Term rest = Term::none();
    if (more) {
        uint64_t p = cur;
        Term pt;
        if (p <= uint64_t(kMaxSmall)) {
            pt = Term::small(int64_t(p));
        } else {
            Term* b = a(2);
            b[0] = Term::header(Subtag::PosBig, 1);
            b[1] = Term::from_raw(p);
            pt = Term::boxed(b);
        }
        rest = pt;
    }
    if (iterator) {
        Term tail = am::none;
        if (rest.is_value()) {
            Term* c = a(2);
            c[0] = rest;
            c[1] = map;
            tail = Term::list(c);
        }
        for (size_t i = leaves.size(); i > 0; --i) {
            tail = Term::boxed(tuple3(leaves[i - 1].head(), leaves[i - 1].tail(), tail));
        }
        return tail;
    }
    Term res = acc;
    for (Term leaf : leaves) res = cons_pair(leaf.head(), leaf.tail(), res);
    if (rest.is_value()) {
        Term* c = a(4);
        c[0] = map;
        c[1] = res;
        c[2] = rest;
        c[3] = Term::list(c);
        return Term::list(c + 2);
    }
    return res;
}

} // namespace joist

// Glue for the map instructions (interp/ops_map.inc declares these inside the dispatch loop).
namespace joist::interp {

Term map_instr_put(gc::Heap& h, Term map, const uint64_t* list, size_t n, const Term* xr,
                   const Term* er, bool exact, Term* missing) {
    Term small_kv[16];
    std::vector<Term> big_kv;
    Term* kv = small_kv;
    if (n > 16) {
        big_kv.resize(n);
        kv = big_kv.data();
    }
    for (size_t i = 0; i < n; ++i) {
        uint64_t w = list[i];
        kv[i] = (w & 3) != 0 ? Term::from_raw(w) : ((w & 4) ? er[w >> 3] : xr[w >> 3]);
    }
    return map_put_pairs(map_heap_alloc(h), map, kv, n / 2, exact, missing);
}

Term map_instr_get(Term map, Term key) { return map_get(map, key); }

} // namespace joist::interp
