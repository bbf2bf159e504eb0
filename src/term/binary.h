// Binaries and bitstrings: how to make them and how to read them, whatever their layout.
//   HeapBin  [hdr(HeapBin, 1 + ceil(n/8)), n (raw byte count), bytes...]   n <= 64
//   RefcBin  off-heap bytes shared by reference count (layout: term/binary.cpp owns it)
//   SubBin   a bit range of a HeapBin or RefcBin (layout in term.h)
//   MatchCtx a match context over a binary (bit syntax matching; layout in binary.cpp)
// Builtins and instructions use only this API, so the layouts can change in one place.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

constexpr size_t kHeapBinLimit = 64;  // bytes; larger binaries are reference-counted off-heap

// A read-only view of any bitstring term's bits.
struct BitView {
    const uint8_t* bytes = nullptr;  // first byte holding bit `bit_offset`
    uint64_t bit_offset = 0;         // 0..7 within bytes[0]
    uint64_t bit_size = 0;
    bool byte_aligned() const { return bit_offset == 0 && bit_size % 8 == 0; }
    size_t byte_size() const { return size_t(bit_size / 8); }
};

// False if `t` is not a bitstring.
bool bit_view(Term t, BitView& out);

// A new binary of `bytes` bytes (heap or off-heap by size) whose contents the caller fills
// through `data`. Never collects.
Term make_binary(gc::Heap& h, size_t bytes, uint8_t*& data);
Term make_binary_from(gc::Heap& h, std::string_view bytes);
// A bitstring of `bits` bits copied from `view` (sub-binary or fresh copy, the
// implementation's choice).
Term make_bitstring(gc::Heap& h, const BitView& view);

} // namespace joist
