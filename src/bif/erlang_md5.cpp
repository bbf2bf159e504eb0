// erlang:md5/1 and the incremental md5_init/0, md5_update/2, md5_final/1 (RFC 1321).
// The incremental context is an 88-byte binary, laid out as erl's: the four state words, the
// message length in bits (64 bits), then the partial block (all little-endian).
#include <cmath>
#include <cstring>
#include <vector>

#include "bif/bif.h"
#include "term/binary.h"

namespace joist {

namespace {

constexpr size_t kBlock = 64;
constexpr size_t kContextSize = 16 + 8 + kBlock;

uint32_t load_le32(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

void store_le32(uint8_t* p, uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i));
}

struct Md5 {
    uint32_t state[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    uint64_t bits = 0;       // message length so far
    uint8_t block[kBlock] = {};  // the partial block: (bits / 8) % 64 bytes of it

    // The per-step constants: the integer part of |sin(i + 1)| * 2^32 (RFC 1321, 3.4).
    static const uint32_t* constants() {
        static const std::vector<uint32_t> k = [] {
            std::vector<uint32_t> v(64);
            for (int i = 0; i < 64; ++i)
                v[size_t(i)] = uint32_t(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
            return v;
        }();
        return k.data();
    }

    void transform(const uint8_t* data) {
        static const int shifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23},
                                         {6, 10, 15, 21}};
        const uint32_t* k = constants();
        uint32_t m[16];
        for (int i = 0; i < 16; ++i) m[i] = load_le32(data + 4 * i);
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        for (int i = 0; i < 64; ++i) {
            uint32_t f;
            int g;
            switch (i / 16) {
            case 0: f = (b & c) | (~b & d); g = i; break;
            case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
            case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
            default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
            }
            uint32_t sum = a + f + k[i] + m[g];
            int s = shifts[i / 16][i % 4];
            a = d;
            d = c;
            c = b;
            b = b + ((sum << s) | (sum >> (32 - s)));
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }

    void update(const uint8_t* data, size_t n) {
        size_t used = size_t(bits / 8 % kBlock);
        bits += uint64_t(n) * 8;
        while (n > 0) {
            size_t take = std::min(n, kBlock - used);
            std::memcpy(block + used, data, take);
            used += take;
            data += take;
            n -= take;
            if (used == kBlock) {
                transform(block);
                used = 0;
            }
        }
    }

    void digest(uint8_t out[16]) {
        uint64_t length = bits;
        static const uint8_t pad[kBlock] = {0x80};
        size_t used = size_t(bits / 8 % kBlock);
        update(pad, used < 56 ? 56 - used : 120 - used);
        uint8_t len[8];
        for (int i = 0; i < 8; ++i) len[i] = uint8_t(length >> (8 * i));
        update(len, 8);
        for (int i = 0; i < 4; ++i) store_le32(out + 4 * i, state[i]);
    }

    void save(uint8_t* out) const {
        for (int i = 0; i < 4; ++i) store_le32(out + 4 * i, state[i]);
        for (int i = 0; i < 8; ++i) out[16 + i] = uint8_t(bits >> (8 * i));
        std::memcpy(out + 24, block, kBlock);
    }

    // From a context binary; false when `t` is not one.
    bool restore(Term t) {
        BitView v;
        if (!bit_view(t, v) || v.bit_offset != 0 || v.bit_size != kContextSize * 8) return false;
        for (int i = 0; i < 4; ++i) state[i] = load_le32(v.bytes + 4 * i);
        bits = 0;
        for (int i = 0; i < 8; ++i) bits |= uint64_t(v.bytes[16 + i]) << (8 * i);
        std::memcpy(block, v.bytes + 24, kBlock);
        return true;
    }
};

// Feeds the bytes of iodata `t` (bytes, binaries, nested lists) to `md5`; false when `t` is
// not iodata (the context may then have taken part of it).
bool feed_iodata(Md5& md5, Term t) {
    BitView v;
    auto add_binary = [&](Term b) {
        if (!bit_view(b, v) || v.bit_size % 8 != 0) return false;
        if (v.bit_offset == 0) {
            md5.update(v.bytes, v.byte_size());
            return true;
        }
        for (uint64_t i = 0; i < v.byte_size(); ++i) {  // an unaligned sub-binary
            uint8_t byte = uint8_t(v.bytes[i] << v.bit_offset | v.bytes[i + 1] >> (8 - v.bit_offset));
            md5.update(&byte, 1);
        }
        return true;
    };
    if (!t.is_list() && !t.is_nil()) return add_binary(t);
    std::vector<Term> stack{t};
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        for (; x.is_list(); x = x.tail()) {
            Term h = x.head();
            if (h.is_small()) {
                if (h.small_value() < 0 || h.small_value() > 255) return false;
                uint8_t byte = uint8_t(h.small_value());
                md5.update(&byte, 1);
            } else if (h.is_list()) {
                stack.push_back(x.tail());
                stack.push_back(h);
                break;
            } else if (!h.is_nil() && !add_binary(h)) {
                return false;
            }
        }
        if (!x.is_list() && !x.is_nil() && !add_binary(x)) return false;
    }
    return true;
}

Term context_binary(Process& p, const Md5& md5) {
    uint8_t* data;
    Term bin = make_binary(p.heap, kContextSize, data);
    md5.save(data);
    return bin;
}

} // namespace

// erlang:md5/1
Term bif_erlang_md5_1(Process& p, const Term* args) {
    Md5 md5;
    if (!feed_iodata(md5, args[0])) return p.badarg();
    uint8_t* out;
    Term bin = make_binary(p.heap, 16, out);
    md5.digest(out);
    return bin;
}

// erlang:md5_init/0
Term bif_erlang_md5_init_0(Process& p, const Term*) { return context_binary(p, Md5{}); }

// erlang:md5_update/2
Term bif_erlang_md5_update_2(Process& p, const Term* args) {
    Md5 md5;
    if (!md5.restore(args[0]) || !feed_iodata(md5, args[1])) return p.badarg();
    return context_binary(p, md5);
}

// erlang:md5_final/1
Term bif_erlang_md5_final_1(Process& p, const Term* args) {
    Md5 md5;
    if (!md5.restore(args[0])) return p.badarg();
    uint8_t* out;
    Term bin = make_binary(p.heap, 16, out);
    md5.digest(out);
    return bin;
}

} // namespace joist
