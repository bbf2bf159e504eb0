// Binaries and bitstrings: how to make them and how to read them, whatever their layout.
//   HeapBin  [hdr(HeapBin, 1 + ceil(n/8)), n (raw byte count), bytes...]   n <= 64 in a process
//            heap; larger ones are module literals and flat copies (gc/copy_term.h)
//   RefcBin  [hdr(RefcBin, 2), n (raw byte count), raw gc::BinBlock*]: off-heap bytes shared
//            by reference count; each heap lists its RefcBins (gc/off_heap.h)
//   SubBin   a bit range of a HeapBin or RefcBin (layout in term.h)
//   MatchCtx a match context over a binary (bit syntax matching; layout in term.h)
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
    // The 8 bits starting at bit 8 * k (k < ceil(bit_size / 8)), from the most significant;
    // of a last partial byte only the high bit_size % 8 bits are meaningful.
    unsigned byte_at(uint64_t k) const {
        unsigned b = unsigned(bytes[k] << bit_offset) & 0xFF;
        if (bit_offset != 0 && 8 * k + 8 - bit_offset < bit_size)
            b |= unsigned(bytes[k + 1]) >> (8 - bit_offset);
        return b;
    }
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

// `bit_size` bits of the bitstring `src` from its bit `bit_offset` on, sharing src's bytes (a
// sub-binary over its orig); with `copy_small`, a part of at most kHeapBinLimit bytes is
// copied instead (as erl's binary_part/3 does), so it does not keep a big binary alive.
Term make_part(gc::Heap& h, Term src, uint64_t bit_offset, uint64_t bit_size, bool copy_small);

// ---- Beyond the basic API: what the bit-syntax instructions build on. ----

constexpr size_t kSubBinWords = 5;    // [hdr, bit size, bit offset, flags, orig]
constexpr size_t kMatchCtxWords = 5;  // [hdr, end, position, orig, 0] (term.h)

// Heap words make_binary needs for `bytes` bytes (whichever representation it picks).
size_t binary_words(size_t bytes);
// Heap words for a bitstring of `bits` bits built by make_bits.
inline size_t bits_words(uint64_t bits) {
    return binary_words(size_t((bits + 7) / 8)) + (bits % 8 ? kSubBinWords : 0);
}
// A zeroed bitstring of `bits` bits (a binary, plus a SubBin over it if bits % 8 != 0).
Term make_bits(gc::Heap& h, uint64_t bits, uint8_t*& data);
// The bytes of a HeapBin or RefcBin (the `orig` of a SubBin or match context).
const uint8_t* orig_bytes(Term orig);
// A SubBin of `bit_size` bits at `bit_offset` of `orig` (a HeapBin or RefcBin).
Term make_sub_binary(gc::Heap& h, Term orig, uint64_t bit_offset, uint64_t bit_size);

// Bit-level copy and access (bits numbered from each byte's most significant bit). Writes OR
// into the destination, which must be zero where written.
void copy_bits(const uint8_t* src, uint64_t src_off, uint8_t* dst, uint64_t dst_off,
               uint64_t bits);
void put_bits(uint8_t* dst, uint64_t off, uint64_t value, unsigned bits);  // bits <= 64
uint64_t get_bits(const uint8_t* src, uint64_t off, unsigned bits);       // bits <= 64

// Match contexts (term.h layout). `bin` must be a bitstring.
Term make_match_ctx(gc::Heap& h, Term bin);
inline uint64_t mc_end(Term ctx) { return uint64_t(ctx.boxed_ptr()[1].small_value()); }
inline uint64_t mc_pos(Term ctx) { return uint64_t(ctx.boxed_ptr()[2].small_value()); }
inline Term mc_orig(Term ctx) { return ctx.boxed_ptr()[3]; }
inline void mc_set_pos(Term ctx, uint64_t pos) { ctx.boxed_ptr()[2] = Term::small(int64_t(pos)); }

// Integer segments. Flags as in the beam file: kBsLittle, kBsSigned, kBsNative.
constexpr unsigned kBsAligned = 1, kBsLittle = 2, kBsSigned = 4, kBsExact = 8, kBsNative = 16;
inline bool bs_little(unsigned flags) {
    if (flags & kBsNative) return std::endian::native == std::endian::little;
    return flags & kBsLittle;
}
// Writes the low `bits` bits of integer `v` (two's complement) at bit `off` of `dst`.
void put_integer(uint8_t* dst, uint64_t off, Term v, uint64_t bits, bool little);
// Heap words get_integer may need for a `bits`-bit integer.
inline size_t integer_words(uint64_t bits) { return bits < 60 ? 0 : 2 + (bits + 63) / 64; }
Term get_integer(gc::Heap& h, const uint8_t* src, uint64_t off, uint64_t bits, bool little,
                 bool is_signed);
// Floats of 16, 32 or 64 bits. put: false if `bits` is not one of those.
bool put_float(uint8_t* dst, uint64_t off, double d, unsigned bits, bool little);
// false if `bits` is wrong or the bits are not a finite float.
bool get_float(const uint8_t* src, uint64_t off, unsigned bits, bool little, double& out);

// Unicode: encoded size in bytes (0 if `cp` is not a valid code point).
unsigned utf8_size(int64_t cp);
unsigned utf16_size(int64_t cp);
inline bool valid_code_point(int64_t cp) {
    return cp >= 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}
void put_utf8(uint8_t* dst, uint64_t off, uint32_t cp);
void put_utf16(uint8_t* dst, uint64_t off, uint32_t cp, bool little);
// Decode at bit `off` with `avail` bits left: the code point and its size in bits, or -1.
int64_t get_utf8(const uint8_t* src, uint64_t off, uint64_t avail, unsigned& bits);
int64_t get_utf16(const uint8_t* src, uint64_t off, uint64_t avail, bool little, unsigned& bits);
int64_t get_utf32(const uint8_t* src, uint64_t off, uint64_t avail, bool little);

} // namespace joist

namespace joist {

// ---- bs_create_bin: one construction, in three steps (sizes, checks, writing). ----
enum BsSegType : unsigned {
    kSegInteger,
    kSegFloat,
    kSegBinary,
    kSegUtf8,
    kSegUtf16,
    kSegUtf32,
    kSegString,
    kSegAppend,
    kSegPrivateAppend,
};
enum class BsError { Ok, Type, Size, Short, Unit, Invalid, NoFloat, SystemLimit };
struct BsSeg {
    unsigned type, seg, unit, flags;
    Term src, size;  // size none(): `all` (binaries) or implied (utf)
    uint64_t bits;   // computed by bs_create_size
};
// Checks every segment and computes its size; on failure returns the error and sets
// `bad` to the failing segment's index and `value` to the offending term.
BsError bs_create_size(BsSeg* segs, size_t n, uint64_t& total, size_t& bad, Term& value);
// Writes checked segments (sources re-read after any collection) into zeroed `data`, from bit
// `pos` on.
void bs_create_write(const BsSeg* segs, size_t n, uint8_t* data, uint64_t pos = 0);
// The name of a segment type as erl's error cause shows it (integer, float, binary, utf8 ...).
const char* bs_type_name(unsigned type);

} // namespace joist

namespace joist {

// Scratch space for `n` segments of one bs_create_bin (per thread, reused).
BsSeg* bs_seg_buffer(size_t n);

// The binary the OTP 24 construction instructions (bs_init2 ... bs_put_*) are writing: set by
// bs_init2/bs_init_bits/bs_append/bs_private_append, advanced by each bs_put_*. Nothing can
// collect between them, so the raw pointer stays valid.
struct BsBuilder {
    uint8_t* data = nullptr;
    uint64_t pos = 0;  // bits written
};
BsBuilder& bs_builder();

} // namespace joist

namespace joist {

// ---- Appending (bs_append, bs_private_append, bs_create_bin's append segments) ----
// A bitstring built by appending is a writable SubBin (flags 1) over a buffer with spare
// capacity: the orig's byte count is the used part, its allocation larger. Appending to a
// writable SubBin that ends byte-aligned exactly at the used end (and whose buffer is not
// shared) writes in place; anything else copies into a fresh buffer with room to grow.
constexpr int64_t kSubBinWritable = 1;
// Heap words bs_append_prepare may take.
size_t bs_append_words(Term acc, uint64_t extra_bits);
// `acc` (a bitstring) followed by `extra_bits` zero bits, to be written at bit `pos` of `data`.
Term bs_append_prepare(gc::Heap& h, Term acc, uint64_t extra_bits, uint8_t*& data,
                       uint64_t& pos);

} // namespace joist
