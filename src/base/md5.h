// MD5 (RFC 1321), incremental: erlang:md5/1 and its context binaries, and the loader's module
// checksum (module_info(md5), the new_uniq of funs).
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace joist {

namespace md5_detail {
constexpr size_t kBlock = 64;

inline uint32_t load_le32(const uint8_t* p) {
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

inline void store_le32(uint8_t* p, uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i));
}

} // namespace md5_detail

struct Md5 {
    static constexpr size_t kBlock = md5_detail::kBlock;

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
        for (int i = 0; i < 16; ++i) m[i] = md5_detail::load_le32(data + 4 * i);
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
        for (int i = 0; i < 4; ++i) md5_detail::store_le32(out + 4 * i, state[i]);
    }

    void save(uint8_t* out) const {
        for (int i = 0; i < 4; ++i) md5_detail::store_le32(out + 4 * i, state[i]);
        for (int i = 0; i < 8; ++i) out[16 + i] = uint8_t(bits >> (8 * i));
        std::memcpy(out + 24, block, kBlock);
    }

};

} // namespace joist
