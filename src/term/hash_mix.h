// Bob Jenkins' 96-bit mix, the step both of erl's term hashes (phash2 in term/hash.cpp, the
// internal map hash in term/map.cpp) are built on.
#pragma once
#include <cstdint>

namespace joist {

// clang-format off
inline void hash_mix(uint32_t& a, uint32_t& b, uint32_t& c) {
    a -= b; a -= c; a ^= (c >> 13);
    b -= c; b -= a; b ^= (a << 8);
    c -= a; c -= b; c ^= (b >> 13);
    a -= b; a -= c; a ^= (c >> 12);
    b -= c; b -= a; b ^= (a << 16);
    c -= a; c -= b; c ^= (b >> 5);
    a -= b; a -= c; a ^= (c >> 3);
    b -= c; b -= a; b ^= (a << 10);
    c -= a; c -= b; c ^= (b >> 15);
}
// clang-format on

} // namespace joist
