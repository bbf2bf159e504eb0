// Tests for term/binary.cpp: representations (heap, off-heap, sub-binaries, match contexts),
// bit-level access, integer/float/unicode segments, bs_create_bin's checks, and the collector's
// handling of off-heap binaries (gc/off_heap.h).
#include "term/binary.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gc/build.h"
#include "gc/copy_gc.h"
#include "gc/off_heap.h"

namespace joist {
namespace {

std::vector<uint8_t> bytes_of(Term t) {
    BitView v;
    EXPECT_TRUE(bit_view(t, v));
    std::vector<uint8_t> out(size_t((v.bit_size + 7) / 8), 0);
    copy_bits(v.bytes, v.bit_offset, out.data(), 0, v.bit_size);
    return out;
}

uint64_t bit_size(Term t) {
    BitView v;
    EXPECT_TRUE(bit_view(t, v));
    return v.bit_size;
}

TEST(Binary, HeapBinaryLayout) {
    gc::Heap h;
    h.init(100);
    Term t = make_binary_from(h, "hello");
    ASSERT_TRUE(t.is_boxed_of(Subtag::HeapBin));
    EXPECT_TRUE(t.is_binary());
    EXPECT_EQ(t.boxed_ptr()[1].raw, 5u);
    EXPECT_EQ(bytes_of(t), (std::vector<uint8_t>{'h', 'e', 'l', 'l', 'o'}));
    EXPECT_EQ(binary_words(5), 3u);
}

TEST(Binary, LargeBinaryGoesOffHeap) {
    gc::Heap h;
    h.init(100);
    std::string s(200, 'x');
    Term t = make_binary_from(h, s);
    ASSERT_TRUE(t.is_boxed_of(Subtag::RefcBin));
    EXPECT_TRUE(t.is_binary());
    EXPECT_EQ(h.off_heap.refc_bins.size(), 1u);
    EXPECT_EQ(bit_size(t), 1600u);
    EXPECT_EQ(binary_words(200), gc::kRefcBinWords);
    Term small = make_binary_from(h, std::string(kHeapBinLimit, 'y'));
    EXPECT_TRUE(small.is_boxed_of(Subtag::HeapBin));
}

TEST(Binary, SubBinaryAndBitstring) {
    gc::Heap h;
    h.init(100);
    Term orig = make_binary_from(h, "\xAB\xCD\xEF");
    Term sub = make_sub_binary(h, orig, 4, 12);  // bits 4..15: 0xBCD
    EXPECT_FALSE(sub.is_binary());
    EXPECT_TRUE(sub.is_binary_any());
    EXPECT_EQ(bit_size(sub), 12u);
    EXPECT_EQ(bytes_of(sub), (std::vector<uint8_t>{0xBC, 0xD0}));
    BitView v;
    ASSERT_TRUE(bit_view(sub, v));
    Term copy = make_bitstring(h, v);
    EXPECT_EQ(bytes_of(copy), (std::vector<uint8_t>{0xBC, 0xD0}));
    EXPECT_EQ(bit_size(copy), 12u);
}

TEST(Binary, PutAndGetBits) {
    uint8_t buf[16] = {};
    put_bits(buf, 3, 0x5, 3);
    put_bits(buf, 6, 0x3FF, 10);
    EXPECT_EQ(get_bits(buf, 3, 3), 0x5u);
    EXPECT_EQ(get_bits(buf, 6, 10), 0x3FFu);
    uint8_t big[16] = {};
    put_bits(big, 5, 0xFEDCBA9876543210ull, 64);
    EXPECT_EQ(get_bits(big, 5, 64), 0xFEDCBA9876543210ull);
    uint8_t dst[16] = {};
    copy_bits(big, 5, dst, 1, 64);
    EXPECT_EQ(get_bits(dst, 1, 64), 0xFEDCBA9876543210ull);
}

TEST(Binary, IntegersBothEndiannesses) {
    gc::Heap h;
    h.init(200);
    uint8_t buf[32] = {};
    put_integer(buf, 0, Term::small(1), 12, true);  // <<1:12/little>> = <<1, 0:4>>
    EXPECT_EQ(buf[0], 1);
    EXPECT_EQ(buf[1], 0);
    EXPECT_EQ(get_integer(h, buf, 0, 12, true, false), Term::small(1));
    uint8_t b2[32] = {};
    put_integer(b2, 3, Term::small(-2), 13, false);
    EXPECT_EQ(get_integer(h, b2, 3, 13, false, true), Term::small(-2));
    EXPECT_EQ(get_integer(h, b2, 3, 13, false, false), Term::small(8190));
    // A bignum through 100 bits, signed.
    Term big = gc::make_integer(h, INT64_MIN);
    uint8_t b3[32] = {};
    put_integer(b3, 0, big, 100, false);
    Term back = get_integer(h, b3, 0, 100, false, true);
    EXPECT_TRUE(back.is_bignum());
    uint8_t b4[32] = {};
    put_integer(b4, 0, back, 100, false);
    EXPECT_EQ(std::memcmp(b3, b4, 13), 0);
    uint8_t b5[32] = {};
    put_integer(b5, 0, back, 100, true);
    Term back_l = get_integer(h, b5, 0, 100, true, true);
    uint8_t b6[32] = {};
    put_integer(b6, 0, back_l, 100, false);
    EXPECT_EQ(std::memcmp(b3, b6, 13), 0);
}

TEST(Binary, Floats) {
    uint8_t buf[8] = {};
    ASSERT_TRUE(put_float(buf, 0, 1.5, 32, false));
    EXPECT_EQ(buf[0], 0x3F);
    EXPECT_EQ(buf[1], 0xC0);
    double d;
    ASSERT_TRUE(get_float(buf, 0, 32, false, d));
    EXPECT_EQ(d, 1.5);
    uint8_t h16[2] = {};
    ASSERT_TRUE(put_float(h16, 0, -2.0, 16, false));
    EXPECT_EQ(h16[0], 0xC0);
    EXPECT_EQ(h16[1], 0x00);
    ASSERT_TRUE(get_float(h16, 0, 16, false, d));
    EXPECT_EQ(d, -2.0);
    EXPECT_FALSE(put_float(buf, 0, 1.0, 24, false));
    uint8_t inf[8] = {0x7F, 0xF0, 0, 0, 0, 0, 0, 0};
    EXPECT_FALSE(get_float(inf, 0, 64, false, d));
}

TEST(Binary, Unicode) {
    uint8_t buf[8] = {};
    put_utf8(buf, 0, 0x20AC);
    EXPECT_EQ(buf[0], 0xE2);
    EXPECT_EQ(buf[1], 0x82);
    EXPECT_EQ(buf[2], 0xAC);
    unsigned bits = 0;
    EXPECT_EQ(get_utf8(buf, 0, 24, bits), 0x20AC);
    EXPECT_EQ(bits, 24u);
    EXPECT_EQ(get_utf8(buf, 0, 16, bits), -1);  // truncated
    uint8_t overlong[2] = {0xC0, 0x80};
    EXPECT_EQ(get_utf8(overlong, 0, 16, bits), -1);
    uint8_t u16[4] = {};
    put_utf16(u16, 0, 0x1F600, false);
    EXPECT_EQ(get_utf16(u16, 0, 32, false, bits), 0x1F600);
    EXPECT_EQ(bits, 32u);
    EXPECT_EQ(utf8_size(0xD800), 0u);
    EXPECT_EQ(utf16_size(0x10000), 4u);
    EXPECT_FALSE(valid_code_point(0x110000));
}

TEST(Binary, MatchContext) {
    gc::Heap h;
    h.init(100);
    Term orig = make_binary_from(h, "abcdef");
    Term sub = make_sub_binary(h, orig, 8, 32);  // "bcde"
    Term ctx = make_match_ctx(h, sub);
    ASSERT_TRUE(ctx.is_boxed_of(Subtag::MatchCtx));
    EXPECT_EQ(mc_pos(ctx), 8u);
    EXPECT_EQ(mc_end(ctx), 40u);
    EXPECT_EQ(mc_orig(ctx), orig);
    EXPECT_EQ(get_bits(orig_bytes(mc_orig(ctx)), mc_pos(ctx), 8), uint64_t('b'));
    mc_set_pos(ctx, 16);
    EXPECT_EQ(mc_pos(ctx), 16u);
}

TEST(Binary, CreateChecksAndWrites) {
    gc::Heap h;
    h.init(100);
    Term bin = make_binary_from(h, "xy");
    BsSeg segs[3] = {
        {kSegInteger, 1, 1, 0, Term::small(5), Term::small(3), 0},
        {kSegBinary, 2, 8, 0, bin, Term::none(), 0},
        {kSegUtf8, 3, 0, 0, Term::small(0xE9), Term::none(), 0},
    };
    uint64_t total = 0;
    size_t bad = 99;
    Term value = Term::nil();
    ASSERT_EQ(bs_create_size(segs, 3, total, bad, value), BsError::Ok);
    EXPECT_EQ(total, 3u + 16 + 16);
    uint8_t* data;
    Term r = make_bits(h, total, data);
    bs_create_write(segs, 3, data);
    EXPECT_EQ(bit_size(r), 35u);
    EXPECT_EQ(get_bits(data, 0, 3), 5u);
    EXPECT_EQ(get_bits(data, 3, 16), uint64_t('x') << 8 | 'y');
    EXPECT_EQ(get_bits(data, 19, 16), 0xC3A9u);

    BsSeg bad_type[1] = {{kSegInteger, 1, 1, 0, bin, Term::small(8), 0}};
    EXPECT_EQ(bs_create_size(bad_type, 1, total, bad, value), BsError::Type);
    EXPECT_EQ(value, bin);
    BsSeg bad_size[2] = {{kSegInteger, 1, 1, 0, bin, Term::small(8), 0},
                         {kSegInteger, 2, 1, 0, Term::small(1), Term::small(-1), 0}};
    EXPECT_EQ(bs_create_size(bad_size, 2, total, bad, value), BsError::Size);
    EXPECT_EQ(bad, 1u);
    BsSeg short_bin[1] = {{kSegBinary, 1, 8, 0, bin, Term::small(3), 0}};
    EXPECT_EQ(bs_create_size(short_bin, 1, total, bad, value), BsError::Short);
    BsSeg bad_float[1] = {{kSegFloat, 1, 1, 0, Term::small(1), Term::small(8), 0}};
    EXPECT_EQ(bs_create_size(bad_float, 1, total, bad, value), BsError::Invalid);
}

// Appending writes in place only at the end of a writable buffer; older values stay intact.
TEST(Binary, AppendInPlaceOrCopy) {
    gc::Heap h;
    h.init(1000);
    Term a = make_binary_from(h, "ab");
    uint8_t* data;
    uint64_t pos;
    Term b = bs_append_prepare(h, a, 8, data, pos);  // copy into a writable buffer
    put_bits(data, pos, 'c', 8);
    EXPECT_EQ(pos, 16u);
    EXPECT_EQ(b.boxed_ptr()[3], Term::small(kSubBinWritable));
    EXPECT_EQ(bs_append_words(b, 8), kSubBinWords);
    Term c = bs_append_prepare(h, b, 8, data, pos);  // in place
    put_bits(data, pos, 'd', 8);
    EXPECT_EQ(c.boxed_ptr()[4], b.boxed_ptr()[4]);
    Term d = bs_append_prepare(h, b, 8, data, pos);  // b no longer ends at the used end: copy
    put_bits(data, pos, 'x', 8);
    EXPECT_NE(d.boxed_ptr()[4], b.boxed_ptr()[4]);
    EXPECT_EQ(bytes_of(a), (std::vector<uint8_t>{'a', 'b'}));
    EXPECT_EQ(bytes_of(b), (std::vector<uint8_t>{'a', 'b', 'c'}));
    EXPECT_EQ(bytes_of(c), (std::vector<uint8_t>{'a', 'b', 'c', 'd'}));
    EXPECT_EQ(bytes_of(d), (std::vector<uint8_t>{'a', 'b', 'c', 'x'}));
    Term e = bs_append_prepare(h, c, 3, data, pos);  // ends mid-byte: the next one copies
    put_bits(data, pos, 5, 3);
    Term f = bs_append_prepare(h, e, 5, data, pos);
    EXPECT_NE(f.boxed_ptr()[4], e.boxed_ptr()[4]);
    EXPECT_EQ(bit_size(f), 40u);
}

// Collections keep reachable off-heap binaries (and their blocks) and release the others.
TEST(OffHeap, CollectorReleasesDeadRefcBins) {
    gc::Heap h;
    h.init(233);
    Term keep = make_binary_from(h, std::string(100, 'k'));
    for (int i = 0; i < 10; ++i) make_binary_from(h, std::string(100 + i, 'd'));
    // One in a fragment.
    Term* filler = h.alloc(h.free_words());
    (void)filler;
    Term frag = make_binary_from(h, std::string(300, 'f'));
    EXPECT_EQ(h.off_heap.refc_bins.size(), 12u);
    gc::BinBlock* kb = gc::refc_bin_block(keep.boxed_ptr());
    gc::bin_block_retain(kb);  // observe it past the collection
    Term roots_arr[2] = {keep, frag};
    gc::RootSpan roots[] = {{roots_arr, 2}};
    gc::collect(h, roots, 0);
    EXPECT_EQ(h.off_heap.refc_bins.size(), 2u);
    EXPECT_EQ(kb->refc.load(), 2u);
    ASSERT_TRUE(roots_arr[0].is_boxed_of(Subtag::RefcBin));
    EXPECT_EQ(gc::refc_bin_block(roots_arr[0].boxed_ptr()), kb);
    EXPECT_EQ(bytes_of(roots_arr[1]), std::vector<uint8_t>(300, 'f'));
    // A sub-binary keeps its off-heap orig alive.
    Term sub = make_sub_binary(h, roots_arr[0], 8, 16);
    Term roots2[1] = {sub};
    gc::RootSpan r2[] = {{roots2, 1}};
    gc::collect(h, r2, 0, gc::GcType::Major);
    EXPECT_EQ(h.off_heap.refc_bins.size(), 1u);
    EXPECT_EQ(bytes_of(roots2[0]), (std::vector<uint8_t>{'k', 'k'}));
    gc::collect(h, {}, 0, gc::GcType::Major);
    EXPECT_EQ(h.off_heap.refc_bins.size(), 0u);
    EXPECT_EQ(kb->refc.load(), 1u);
    gc::bin_block_release(kb);
}

} // namespace
} // namespace joist
