// Binaries and bitstrings (term/binary.h): the heap, off-heap and sub-binary representations,
// match contexts, and the bit-level reading and writing the bit syntax is built from.
#include "term/binary.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <vector>

#include "gc/off_heap.h"
#include "term/bignum.h"

namespace joist {

namespace {

size_t heap_bin_words(size_t bytes) { return 2 + (bytes + 7) / 8; }

bool goes_off_heap(size_t bytes) {
    return bytes > kHeapBinLimit;
}

inline uint8_t low_mask(unsigned bits) { return uint8_t((1u << bits) - 1); }

} // namespace

size_t binary_words(size_t bytes) {
    return goes_off_heap(bytes) ? gc::kRefcBinWords : heap_bin_words(bytes);
}

const uint8_t* orig_bytes(Term orig) {
    const Term* box = orig.boxed_ptr();
    if (box->header_subtag() == Subtag::RefcBin) return gc::refc_bin_block(box)->data;
    return reinterpret_cast<const uint8_t*>(box + 2);
}

bool bit_view(Term t, BitView& out) {
    if (!t.is_boxed()) return false;
    const Term* box = t.boxed_ptr();
    switch (box->header_subtag()) {
    case Subtag::HeapBin:
        out.bytes = reinterpret_cast<const uint8_t*>(box + 2);
        out.bit_offset = 0;
        out.bit_size = box[1].raw * 8;
        return true;
    case Subtag::RefcBin:
        out.bytes = gc::refc_bin_block(box)->data;
        out.bit_offset = 0;
        out.bit_size = box[1].raw * 8;
        return true;
    case Subtag::SubBin: {
        auto offset = uint64_t(box[2].small_value());
        out.bytes = orig_bytes(box[4]) + offset / 8;
        out.bit_offset = offset % 8;
        out.bit_size = uint64_t(box[1].small_value());
        return true;
    }
    default:
        return false;
    }
}

Term make_binary(gc::Heap& h, size_t bytes, uint8_t*& data) {
    if (goes_off_heap(bytes)) {
        gc::BinBlock* b = gc::bin_block_new(bytes);
        Term* obj = h.alloc(gc::kRefcBinWords);
        obj[0] = Term::header(Subtag::RefcBin, gc::kRefcBinWords - 1);
        obj[1] = Term::from_raw(bytes);
        obj[2] = Term::from_raw(reinterpret_cast<Word>(b));
        h.off_heap.add(obj);
        h.update_gc_due();
        data = b->data;
        return Term::boxed(obj);
    }
    size_t data_words = (bytes + 7) / 8;
    Term* obj = h.alloc(2 + data_words);
    obj[0] = Term::header(Subtag::HeapBin, 1 + data_words);
    obj[1] = Term::from_raw(bytes);
    if (data_words > 0) obj[1 + data_words].raw = 0;  // padding of the last word is zero
    data = reinterpret_cast<uint8_t*>(obj + 2);
    return Term::boxed(obj);
}

Term make_binary_from(gc::Heap& h, std::string_view bytes) {
    uint8_t* data;
    Term t = make_binary(h, bytes.size(), data);
    if (!bytes.empty()) std::memcpy(data, bytes.data(), bytes.size());
    return t;
}

Term make_sub_binary(gc::Heap& h, Term orig, uint64_t bit_offset, uint64_t bit_size) {
    Term* s = h.alloc(kSubBinWords);
    s[0] = Term::header(Subtag::SubBin, kSubBinWords - 1);
    s[1] = Term::small(int64_t(bit_size));
    s[2] = Term::small(int64_t(bit_offset));
    s[3] = Term::small(0);
    s[4] = orig;
    return Term::boxed(s);
}

Term make_part(gc::Heap& h, Term src, uint64_t bit_offset, uint64_t bit_size, bool copy_small) {
    const Term* box = src.boxed_ptr();
    if (copy_small && bit_size <= 8 * kHeapBinLimit) {
        BitView v;
        bit_view(src, v);
        uint64_t start = v.bit_offset + bit_offset;
        v.bytes += start / 8;
        v.bit_offset = start % 8;
        v.bit_size = bit_size;
        return make_bitstring(h, v);
    }
    if (box->header_subtag() == Subtag::SubBin)
        return make_sub_binary(h, box[4], uint64_t(box[2].small_value()) + bit_offset, bit_size);
    return make_sub_binary(h, src, bit_offset, bit_size);
}

Term make_bits(gc::Heap& h, uint64_t bits, uint8_t*& data) {
    size_t bytes = size_t((bits + 7) / 8);
    Term bin = make_binary(h, bytes, data);
    if (bytes) std::memset(data, 0, bytes);
    if (bits % 8 == 0) return bin;
    return make_sub_binary(h, bin, 0, bits);
}

Term make_bitstring(gc::Heap& h, const BitView& view) {
    uint8_t* data;
    Term t = make_bits(h, view.bit_size, data);
    copy_bits(view.bytes, view.bit_offset, data, 0, view.bit_size);
    return t;
}

// ---- bit access ----

void put_bits(uint8_t* dst, uint64_t off, uint64_t value, unsigned bits) {
    while (bits > 0) {
        uint8_t* p = dst + off / 8;
        unsigned in = unsigned(off % 8), room = 8 - in;
        unsigned take = bits < room ? bits : room;
        auto chunk = unsigned((value >> (bits - take)) & low_mask(take));
        *p |= uint8_t(chunk << (room - take));
        off += take;
        bits -= take;
    }
}

uint64_t get_bits(const uint8_t* src, uint64_t off, unsigned bits) {
    uint64_t v = 0;
    while (bits > 0) {
        const uint8_t* p = src + off / 8;
        unsigned in = unsigned(off % 8), room = 8 - in;
        unsigned take = bits < room ? bits : room;
        unsigned chunk = (unsigned(*p) >> (room - take)) & low_mask(take);
        v = (take == 64 ? 0 : v << take) | chunk;
        off += take;
        bits -= take;
    }
    return v;
}

namespace {

/* Whole bytes at a byte boundary: the common case of the bit syntax (u32, u16, float64 ...),
 * done as one load or store of up to 8 bytes instead of bit by bit. Stores assume, as
 * put_bits does, that the destination bytes are still zero (fresh binaries are zeroed), so
 * storing the bytes equals OR-ing them in. */
inline bool whole_bytes(uint64_t off, uint64_t bits) {
    return (off | bits) % 8 == 0 && bits <= 64;
}

// The low `bytes` bytes of v, most significant first (big) or least significant first.
// Sizes 2, 4 and 8 are one (byte-swapped) store; the others go byte by byte.
inline void store_bytes(uint8_t* p, uint64_t v, unsigned bytes, bool little) {
    static_assert(std::endian::native == std::endian::little);
    switch (bytes) {
    case 8: {
        uint64_t w = little ? v : __builtin_bswap64(v);
        std::memcpy(p, &w, 8);
        return;
    }
    case 4: {
        auto w = uint32_t(v);
        w = little ? w : __builtin_bswap32(w);
        std::memcpy(p, &w, 4);
        return;
    }
    case 2: {
        auto w = uint16_t(v);
        w = little ? w : __builtin_bswap16(w);
        std::memcpy(p, &w, 2);
        return;
    }
    default:
        break;
    }
    if (little) {
        for (unsigned i = 0; i < bytes; ++i) p[i] = uint8_t(v >> (8 * i));
    } else {
        for (unsigned i = 0; i < bytes; ++i) p[i] = uint8_t(v >> (8 * (bytes - 1 - i)));
    }
}

inline uint64_t load_bytes(const uint8_t* p, unsigned bytes, bool little) {
    switch (bytes) {
    case 8: {
        uint64_t w;
        std::memcpy(&w, p, 8);
        return little ? w : __builtin_bswap64(w);
    }
    case 4: {
        uint32_t w;
        std::memcpy(&w, p, 4);
        return little ? w : __builtin_bswap32(w);
    }
    case 2: {
        uint16_t w;
        std::memcpy(&w, p, 2);
        return little ? w : __builtin_bswap16(w);
    }
    default:
        break;
    }
    uint64_t v = 0;
    if (little) {
        for (unsigned i = bytes; i-- > 0;) v = (v << 8) | p[i];
    } else {
        for (unsigned i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    }
    return v;
}

} // namespace

void copy_bits(const uint8_t* src, uint64_t src_off, uint8_t* dst, uint64_t dst_off,
               uint64_t bits) {
    src += src_off / 8;
    src_off %= 8;
    dst += dst_off / 8;
    dst_off %= 8;
    if (src_off == 0 && dst_off == 0) {
        size_t whole = size_t(bits / 8);
        if (whole) std::memcpy(dst, src, whole);
        if (unsigned rest = unsigned(bits % 8))
            dst[whole] |= uint8_t(src[whole] & uint8_t(0xFF << (8 - rest)));
        return;
    }
    uint64_t done = 0;
    while (bits - done >= 56) {
        put_bits(dst, dst_off + done, get_bits(src, src_off + done, 56), 56);
        done += 56;
    }
    if (bits > done) {
        auto n = unsigned(bits - done);
        put_bits(dst, dst_off + done, get_bits(src, src_off + done, n), n);
    }
}

// ---- match contexts ----

Term make_match_ctx(gc::Heap& h, Term bin) {
    const Term* box = bin.boxed_ptr();
    Term orig = bin;
    uint64_t start = 0, size;
    if (box->header_subtag() == Subtag::SubBin) {
        orig = box[4];
        start = uint64_t(box[2].small_value());
        size = uint64_t(box[1].small_value());
    } else {
        size = box[1].raw * 8;
    }
    Term* m = h.alloc(kMatchCtxWords);
    m[0] = Term::header(Subtag::MatchCtx, kMatchCtxWords - 1);
    m[1] = Term::small(int64_t(start + size));
    m[2] = Term::small(int64_t(start));
    m[3] = orig;
    m[4] = Term::small(0);
    return Term::boxed(m);
}

// ---- integers ----

namespace {

// Any integer at any bit position (put_integer's slow path, kept out of line so that the
// fast path needs no stack frame).
[[gnu::noinline]] void put_integer_bits(uint8_t* dst, uint64_t off, Term v, uint64_t bits,
                                        bool little) {
    size_t nlimbs = size_t((bits + 63) / 64);
    uint64_t small_buf[2];
    std::vector<uint64_t> big;
    uint64_t* limbs = small_buf;
    if (nlimbs > 2) {
        big.assign(nlimbs, 0);
        limbs = big.data();
    }
    // Two's complement of v, truncated to nlimbs limbs.
    IntView iv(v);
    for (size_t i = 0; i < nlimbs; ++i) limbs[i] = i < iv.n ? iv.limbs[i] : 0;
    if (iv.neg) {
        uint64_t carry = 1;
        for (size_t i = 0; i < nlimbs; ++i) {
            uint64_t w = ~limbs[i] + carry;
            carry = (carry && w == 0) ? 1 : 0;
            limbs[i] = w;
        }
    }
    auto byte_at = [&](uint64_t k) { return uint8_t(limbs[k / 8] >> (8 * (k % 8))); };
    if (little) {
        uint64_t whole = bits / 8;
        for (uint64_t k = 0; k < whole; ++k) put_bits(dst, off + 8 * k, byte_at(k), 8);
        if (unsigned rest = unsigned(bits % 8))
            put_bits(dst, off + 8 * whole, byte_at(whole) & low_mask(rest), rest);
        return;
    }
    // Big-endian: the top (bits % 64) bits first, then whole limbs downwards.
    uint64_t pos = off;
    size_t top = nlimbs - 1;
    auto top_bits = unsigned(bits - 64 * top);
    uint64_t tv = top_bits == 64 ? limbs[top] : (limbs[top] & ((uint64_t(1) << top_bits) - 1));
    put_bits(dst, pos, tv, top_bits);
    pos += top_bits;
    for (size_t i = top; i-- > 0;) {
        put_bits(dst, pos, limbs[i], 64);
        pos += 64;
    }
}

} // namespace

void put_integer(uint8_t* dst, uint64_t off, Term v, uint64_t bits, bool little) {
    if (bits == 0) return;
    if (v.is_small() && whole_bytes(off, bits)) [[likely]] {
        // Two's complement truncated to `bits`: the low bytes of the 64-bit value.
        store_bytes(dst + off / 8, uint64_t(v.small_value()), unsigned(bits / 8), little);
        return;
    }
    put_integer_bits(dst, off, v, bits, little);
}

namespace {

// Any integer at any bit position (get_integer's slow path, out of line as put_integer's).
[[gnu::noinline]] Term get_integer_bits(gc::Heap& h, const uint8_t* src, uint64_t off,
                                        uint64_t bits, bool little, bool is_signed) {
    if (bits == 0) return Term::small(0);
    if (bits <= 64) {
        uint64_t v;
        if (whole_bytes(off, bits)) [[likely]] {
            v = load_bytes(src + off / 8, unsigned(bits / 8), little);
        } else if (!little) {
            v = get_bits(src, off, unsigned(bits));
        } else {
            v = 0;
            uint64_t whole = bits / 8;
            for (uint64_t k = 0; k < whole; ++k) v |= get_bits(src, off + 8 * k, 8) << (8 * k);
            if (unsigned rest = unsigned(bits % 8))
                v |= get_bits(src, off + 8 * whole, rest) << (8 * whole);
        }
        if (is_signed && bits < 64 && (v >> (bits - 1)) & 1) v |= ~uint64_t(0) << bits;
        if (is_signed) {
            auto s = int64_t(v);
            if (Term::fits_small(s)) return Term::small(s);
            uint64_t mag = s < 0 ? uint64_t(0) - v : v;
            return big_from_limbs(h, s < 0, &mag, 1);
        }
        if (v <= uint64_t(kMaxSmall)) return Term::small(int64_t(v));
        return big_from_limbs(h, false, &v, 1);
    }
    size_t nlimbs = size_t((bits + 63) / 64);
    std::vector<uint64_t> limbs(nlimbs, 0);
    auto set_byte = [&](uint64_t k, uint64_t b) { limbs[k / 8] |= b << (8 * (k % 8)); };
    if (little) {
        uint64_t whole = bits / 8;
        for (uint64_t k = 0; k < whole; ++k) set_byte(k, get_bits(src, off + 8 * k, 8));
        if (unsigned rest = unsigned(bits % 8))
            set_byte(whole, get_bits(src, off + 8 * whole, rest));
    } else {
        size_t top = nlimbs - 1;
        auto top_bits = unsigned(bits - 64 * top);
        uint64_t pos = off;
        limbs[top] = get_bits(src, pos, top_bits);
        pos += top_bits;
        for (size_t i = top; i-- > 0;) {
            limbs[i] = get_bits(src, pos, 64);
            pos += 64;
        }
    }
    bool neg = false;
    auto top_bits = unsigned(bits - 64 * (nlimbs - 1));
    if (is_signed && (limbs[nlimbs - 1] >> (top_bits - 1)) & 1) {
        neg = true;
        if (top_bits < 64) limbs[nlimbs - 1] |= ~uint64_t(0) << top_bits;
        uint64_t carry = 1;  // magnitude = -value: invert and add one
        for (size_t i = 0; i < nlimbs; ++i) {
            uint64_t w = ~limbs[i] + carry;
            carry = (carry && w == 0) ? 1 : 0;
            limbs[i] = w;
        }
    }
    size_t n = nlimbs;
    while (n > 0 && limbs[n - 1] == 0) --n;
    return big_from_limbs(h, neg, limbs.data(), n);
}

} // namespace

Term get_integer(gc::Heap& h, const uint8_t* src, uint64_t off, uint64_t bits, bool little,
                 bool is_signed) {
    // Whole bytes that make a small integer: unsigned below 8 bytes, or signed ones.
    if (whole_bytes(off, bits) && bits != 0 && (bits < 64 || is_signed)) [[likely]] {
        uint64_t v = load_bytes(src + off / 8, unsigned(bits / 8), little);
        if (!is_signed) return Term::small(int64_t(v));  // below 2^56 <= kMaxSmall
        if (bits < 64 && (v >> (bits - 1)) & 1) v |= ~uint64_t(0) << bits;
        if (Term::fits_small(int64_t(v))) return Term::small(int64_t(v));
    }
    return get_integer_bits(h, src, off, bits, little, is_signed);
}

// ---- floats ----

namespace {

uint16_t double_to_half(double d) {
    float f = float(d);
    uint32_t x;
    std::memcpy(&x, &f, 4);
    uint32_t sign = (x >> 16) & 0x8000;
    int32_t exp = int32_t((x >> 23) & 0xFF) - 127 + 15;
    uint32_t mant = x & 0x7FFFFF;
    if (exp >= 31) return uint16_t(sign | 0x7C00);  // overflow: callers check range first
    if (exp <= 0) {
        if (exp < -10) return uint16_t(sign);
        mant |= 0x800000;
        unsigned shift = unsigned(14 - exp);
        uint32_t half = mant >> shift;
        uint32_t rem = mant & ((1u << shift) - 1), mid = 1u << (shift - 1);
        if (rem > mid || (rem == mid && (half & 1))) ++half;
        return uint16_t(sign | half);
    }
    uint32_t half = sign | (uint32_t(exp) << 10) | (mant >> 13);
    uint32_t rem = mant & 0x1FFF;
    if (rem > 0x1000 || (rem == 0x1000 && (half & 1))) ++half;
    return uint16_t(half);
}

double half_to_double(uint16_t h) {
    int sign = (h >> 15) & 1;
    int exp = (h >> 10) & 0x1F;
    int mant = h & 0x3FF;
    double v;
    if (exp == 0) {
        v = std::ldexp(double(mant), -24);
    } else if (exp == 31) {
        v = mant ? NAN : INFINITY;
    } else {
        v = std::ldexp(double(mant | 0x400), exp - 25);
    }
    return sign ? -v : v;
}

void put_bytes_ordered(uint8_t* dst, uint64_t off, uint64_t v, unsigned bytes, bool little) {
    if (off % 8 == 0) return store_bytes(dst + off / 8, v, bytes, little);
    for (unsigned i = 0; i < bytes; ++i) {
        unsigned shift = little ? 8 * i : 8 * (bytes - 1 - i);
        put_bits(dst, off + 8 * i, (v >> shift) & 0xFF, 8);
    }
}

uint64_t get_bytes_ordered(const uint8_t* src, uint64_t off, unsigned bytes, bool little) {
    if (off % 8 == 0) return load_bytes(src + off / 8, bytes, little);
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; ++i) {
        unsigned shift = little ? 8 * i : 8 * (bytes - 1 - i);
        v |= get_bits(src, off + 8 * i, 8) << shift;
    }
    return v;
}

} // namespace

bool put_float(uint8_t* dst, uint64_t off, double d, unsigned bits, bool little) {
    uint64_t v;
    if (bits == 64) {
        std::memcpy(&v, &d, 8);
    } else if (bits == 32) {
        float f = float(d);
        uint32_t u;
        std::memcpy(&u, &f, 4);
        v = u;
    } else if (bits == 16) {
        v = double_to_half(d);
    } else {
        return false;
    }
    put_bytes_ordered(dst, off, v, bits / 8, little);
    return true;
}

bool get_float(const uint8_t* src, uint64_t off, unsigned bits, bool little, double& out) {
    if (bits != 16 && bits != 32 && bits != 64) return false;
    uint64_t v = get_bytes_ordered(src, off, bits / 8, little);
    if (bits == 64) {
        std::memcpy(&out, &v, 8);
    } else if (bits == 32) {
        auto u = uint32_t(v);
        float f;
        std::memcpy(&f, &u, 4);
        out = f;
    } else {
        out = half_to_double(uint16_t(v));
    }
    return std::isfinite(out);
}

// ---- unicode ----

unsigned utf8_size(int64_t cp) {
    if (!valid_code_point(cp)) return 0;
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

unsigned utf16_size(int64_t cp) {
    if (!valid_code_point(cp)) return 0;
    return cp < 0x10000 ? 2 : 4;
}

void put_utf8(uint8_t* dst, uint64_t off, uint32_t cp) {
    uint8_t b[4];
    unsigned n;
    if (cp < 0x80) {
        b[0] = uint8_t(cp);
        n = 1;
    } else if (cp < 0x800) {
        b[0] = uint8_t(0xC0 | (cp >> 6));
        b[1] = uint8_t(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = uint8_t(0xE0 | (cp >> 12));
        b[1] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
        b[2] = uint8_t(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = uint8_t(0xF0 | (cp >> 18));
        b[1] = uint8_t(0x80 | ((cp >> 12) & 0x3F));
        b[2] = uint8_t(0x80 | ((cp >> 6) & 0x3F));
        b[3] = uint8_t(0x80 | (cp & 0x3F));
        n = 4;
    }
    for (unsigned i = 0; i < n; ++i) put_bits(dst, off + 8 * i, b[i], 8);
}

void put_utf16(uint8_t* dst, uint64_t off, uint32_t cp, bool little) {
    if (cp < 0x10000) {
        put_bytes_ordered(dst, off, cp, 2, little);
        return;
    }
    uint32_t c = cp - 0x10000;
    put_bytes_ordered(dst, off, 0xD800 | (c >> 10), 2, little);
    put_bytes_ordered(dst, off + 16, 0xDC00 | (c & 0x3FF), 2, little);
}

int64_t get_utf8(const uint8_t* src, uint64_t off, uint64_t avail, unsigned& bits) {
    if (avail < 8) return -1;
    auto b0 = uint32_t(get_bits(src, off, 8));
    unsigned n;
    uint32_t cp, min;
    if (b0 < 0x80) {
        bits = 8;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        n = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        n = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        n = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (avail < 8 * uint64_t(n)) return -1;
    for (unsigned i = 1; i < n; ++i) {
        auto b = uint32_t(get_bits(src, off + 8 * i, 8));
        if ((b & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || !valid_code_point(cp)) return -1;
    bits = 8 * n;
    return cp;
}

int64_t get_utf16(const uint8_t* src, uint64_t off, uint64_t avail, bool little, unsigned& bits) {
    if (avail < 16) return -1;
    auto w1 = uint32_t(get_bytes_ordered(src, off, 2, little));
    if (w1 < 0xD800 || w1 > 0xDFFF) {
        bits = 16;
        return w1;
    }
    if (w1 > 0xDBFF || avail < 32) return -1;
    auto w2 = uint32_t(get_bytes_ordered(src, off + 16, 2, little));
    if (w2 < 0xDC00 || w2 > 0xDFFF) return -1;
    bits = 32;
    return 0x10000 + (((w1 & 0x3FF) << 10) | (w2 & 0x3FF));
}

int64_t get_utf32(const uint8_t* src, uint64_t off, uint64_t avail, bool little) {
    if (avail < 32) return -1;
    auto cp = int64_t(get_bytes_ordered(src, off, 4, little));
    return valid_code_point(cp) ? cp : -1;
}

} // namespace joist

namespace joist {

const char* bs_type_name(unsigned type) {
    switch (type) {
    case kSegInteger: return "integer";
    case kSegFloat: return "float";
    case kSegUtf8: return "utf8";
    case kSegUtf16: return "utf16";
    case kSegUtf32: return "utf32";
    default: return "binary";
    }
}

namespace {

constexpr uint64_t kMaxBits = uint64_t(1) << 56;

inline double number_to_double(Term t, bool& ok) {
    ok = true;
    if (t.is_float()) return t.float_value();
    if (t.is_small()) return double(t.small_value());
    double d = integer_to_double(t);
    ok = std::isfinite(d);
    return d;
}

} // namespace

namespace {

/* The usual construction in one pass: small integers, floats and binaries with small sizes
 * (or a binary's own size), strings. It gives up (false) on anything that might fail or that
 * it does not know, leaving that to bs_create_size's two passes, which report the error erl
 * reports: so it only has to be right when it succeeds. */
bool bs_create_size_fast(BsSeg* segs, size_t n, uint64_t& total) {
    constexpr uint64_t kSmallSize = uint64_t(1) << 32;
    uint64_t sum = 0;
    for (size_t i = 0; i < n; ++i) {
        BsSeg& s = segs[i];
        uint64_t bits;
        if (s.size.is_small()) {
            auto sz = uint64_t(s.size.small_value());  // negative: huge, rejected below
            if (sz >= kSmallSize || s.unit > 256) return false;
            bits = sz * (s.type == kSegString ? 8 : s.unit);
        } else if (!s.size.is_none()) {
            return false;
        } else {
            bits = 0;
        }
        switch (s.type) {
        case kSegInteger:
            if (!s.src.is_small() || s.size.is_none()) return false;
            break;
        case kSegFloat:
            if (!(s.src.is_float() || s.src.is_small()) || s.size.is_none()) return false;
            if (bits != 64 && bits != 32 && bits != 16) return false;
            break;
        case kSegString:
            if (s.size.is_none()) return false;
            break;
        case kSegBinary:
        case kSegAppend:
        case kSegPrivateAppend: {
            BitView v;
            if (!bit_view(s.src, v)) return false;
            if (s.size.is_none()) {
                if (s.unit > 1 && v.bit_size % s.unit != 0) return false;
                bits = v.bit_size;
            } else if (v.bit_size < bits) {
                return false;
            }
            break;
        }
        default:
            return false;
        }
        s.bits = bits;
        sum += bits;
        if (sum > kMaxBits) return false;
    }
    total = sum;
    return true;
}

} // namespace

BsError bs_create_size(BsSeg* segs, size_t n, uint64_t& total, size_t& bad, Term& value) {
    if (bs_create_size_fast(segs, n, total)) [[likely]] return BsError::Ok;
    // Explicit sizes first, for all segments (as erl reports them).
    for (size_t i = 0; i < n; ++i) {
        BsSeg& s = segs[i];
        s.bits = 0;
        if (s.type == kSegString) {
            s.bits = uint64_t(s.size.small_value()) * 8;
            continue;
        }
        if (s.size.is_none()) continue;
        if (s.size.is_small() && s.type != kSegFloat) [[likely]] {
            // A size under 2^32 times a unit of at most 256 is below any limit.
            auto sz = uint64_t(s.size.small_value());
            if (sz < (uint64_t(1) << 32) && s.unit <= 256) {
                s.bits = sz * s.unit;
                continue;
            }
        }
        bad = i;
        value = s.size;
        if (s.size.is_bignum() && s.size.box_header().header_subtag() == Subtag::PosBig)
            return BsError::SystemLimit;
        if (!s.size.is_small() || s.size.small_value() < 0) return BsError::Size;
        auto sz = uint64_t(s.size.small_value());
        if (s.unit && sz > kMaxBits / s.unit) return BsError::SystemLimit;
        s.bits = sz * s.unit;
        if (s.type == kSegFloat && s.bits != 16 && s.bits != 32 && s.bits != 64) {
            value = Term::small(int64_t(s.bits));
            return BsError::Invalid;
        }
    }
    total = 0;
    for (size_t i = 0; i < n; ++i) {
        BsSeg& s = segs[i];
        bad = i;
        value = s.src;
        switch (s.type) {
        case kSegInteger:
            if (!s.src.is_integer()) return BsError::Type;
            break;
        case kSegFloat: {
            if (!s.src.is_number()) return BsError::Type;
            bool ok;
            number_to_double(s.src, ok);
            if (!ok) return BsError::NoFloat;
            break;
        }
        case kSegBinary:
        case kSegAppend:
        case kSegPrivateAppend: {
            BitView v;
            if (!bit_view(s.src, v)) return BsError::Type;
            if (s.size.is_none()) {
                if (s.unit > 1 && v.bit_size % s.unit != 0) return BsError::Unit;
                s.bits = v.bit_size;
            } else if (v.bit_size < s.bits) {
                return BsError::Short;
            }
            break;
        }
        case kSegUtf8:
        case kSegUtf16:
        case kSegUtf32: {
            int64_t cp = s.src.is_small() ? s.src.small_value() : -1;
            if (!valid_code_point(cp)) return BsError::Type;
            s.bits = s.type == kSegUtf8    ? 8 * utf8_size(cp)
                     : s.type == kSegUtf16 ? 8 * utf16_size(cp)
                                           : 32;
            break;
        }
        default:
            break;
        }
        if (s.bits > kMaxBits - total) {
            value = s.size.is_none() ? Term::small(int64_t(s.bits)) : s.size;
            return BsError::SystemLimit;
        }
        total += s.bits;
    }
    return BsError::Ok;
}

void bs_create_write(const BsSeg* segs, size_t n, uint8_t* data, uint64_t pos) {
    for (size_t i = 0; i < n; ++i) {
        const BsSeg& s = segs[i];
        bool little = bs_little(s.flags);
        switch (s.type) {
        case kSegInteger:
            put_integer(data, pos, s.src, s.bits, little);
            break;
        case kSegFloat: {
            bool ok;
            put_float(data, pos, number_to_double(s.src, ok), unsigned(s.bits), little);
            break;
        }
        case kSegUtf8:
            put_utf8(data, pos, uint32_t(s.src.small_value()));
            break;
        case kSegUtf16:
            put_utf16(data, pos, uint32_t(s.src.small_value()), little);
            break;
        case kSegUtf32:
            {
                auto cp = uint64_t(s.src.small_value());
                for (unsigned b = 0; b < 4; ++b) {
                    unsigned shift = little ? 8 * b : 8 * (3 - b);
                    put_bits(data, pos + 8 * b, (cp >> shift) & 0xFF, 8);
                }
            }
            break;
        default: {  // binary, string, append
            BitView v;
            bit_view(s.src, v);
            copy_bits(v.bytes, v.bit_offset, data, pos, s.bits);
            break;
        }
        }
        pos += s.bits;
    }
}

} // namespace joist

namespace joist {

BsSeg* bs_seg_buffer(size_t n) {
    thread_local std::vector<BsSeg> buffer;
    if (buffer.size() < n) buffer.resize(n);
    return buffer.data();
}

BsBuilder& bs_builder() {
    thread_local BsBuilder builder;
    return builder;
}

} // namespace joist

namespace joist {

namespace {

// A writable SubBin's buffer capacity in bytes, or 0 if it may not be written in place.
size_t writable_capacity(const Term* orig) {
    if (orig->header_subtag() == Subtag::HeapBin) return (orig->header_arity() - 1) * 8;
    gc::BinBlock* b = gc::refc_bin_block(orig);
    return b->refc.load(std::memory_order_acquire) == 1 ? b->size : 0;
}

// The buffer an append that cannot write in place allocates, as erl sizes it (observable
// through binary:referenced_byte_size/1): twice the bytes used (1.2 times past 16 MiB), at
// least 256, so a loop of appends copies each byte a bounded number of times.
size_t grown_capacity(uint64_t bits) {
    size_t used = size_t((bits + 7) / 8);
    size_t cap = used > (size_t(1) << 24) ? used + used / 5 : 2 * used;
    return std::max<size_t>(cap, 256);
}

// Whether `acc` can grow by `extra_bits` in place (see bs_append_prepare).
bool appendable_in_place(Term acc, uint64_t extra_bits) {
    if (!acc.is_boxed_of(Subtag::SubBin)) return false;
    const Term* s = acc.boxed_ptr();
    if (s[3] != Term::small(kSubBinWritable)) return false;
    uint64_t end = uint64_t(s[2].small_value()) + uint64_t(s[1].small_value());
    const Term* orig = s[4].boxed_ptr();
    if (end % 8 != 0 || end / 8 != orig[1].raw) return false;
    return (end + extra_bits + 7) / 8 <= writable_capacity(orig);
}

} // namespace

size_t bs_append_words(Term acc, uint64_t extra_bits) {
    if (appendable_in_place(acc, extra_bits)) return kSubBinWords;
    BitView v;
    bit_view(acc, v);
    size_t cap = grown_capacity(v.bit_size + extra_bits);
    return binary_words(cap) + kSubBinWords;
}

Term bs_append_prepare(gc::Heap& h, Term acc, uint64_t extra_bits, uint8_t*& data,
                       uint64_t& pos) {
    if (appendable_in_place(acc, extra_bits)) {
        const Term* s = acc.boxed_ptr();
        Term orig = s[4];
        auto off = uint64_t(s[2].small_value());
        auto size = uint64_t(s[1].small_value());
        uint64_t end = off + size;
        orig.boxed_ptr()[1] = Term::from_raw((end + extra_bits + 7) / 8);
        data = const_cast<uint8_t*>(orig_bytes(orig));
        pos = end;
        Term r = make_sub_binary(h, orig, off, size + extra_bits);
        r.boxed_ptr()[3] = Term::small(kSubBinWritable);
        return r;
    }
    BitView v;
    bit_view(acc, v);
    uint64_t bits = v.bit_size + extra_bits;
    size_t cap = grown_capacity(bits);
    uint8_t* buf;
    Term orig = make_binary(h, cap, buf);
    std::memset(buf, 0, cap);
    orig.boxed_ptr()[1] = Term::from_raw((bits + 7) / 8);  // used bytes
    copy_bits(v.bytes, v.bit_offset, buf, 0, v.bit_size);
    data = buf;
    pos = v.bit_size;
    Term r = make_sub_binary(h, orig, 0, bits);
    r.boxed_ptr()[3] = Term::small(kSubBinWritable);
    return r;
}

} // namespace joist
