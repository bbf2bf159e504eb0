// Tests for the external term format encoder: bytes erl 25's term_to_binary produced for the
// same terms (decoded with the decoder, encoded again: byte-identical), terms built directly,
// options (minor versions, compression), and very deep terms (the encoder is iterative).
#include "etf/encode.h"

#include <gtest/gtest.h>

#include <vector>

#include "etf/decode.h"
#include "gc/build.h"
#include "gc/heap.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/compare.h"
#include "term/hash.h"
#include "term/map_ops.h"

namespace joist::etf {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes encode_bytes(Term t, const EncodeOptions& opts = {}) {
    EncodeResult res;
    EXPECT_TRUE(encode(t, opts, res));
    EXPECT_EQ(res.total, res.bytes.size());
    return res.bytes;
}

// Decodes erl's bytes (version byte included) onto `h`.
Term decode_bytes(gc::Heap& h, const Bytes& with_version) {
    std::span<const uint8_t> body(with_version.data() + 1, with_version.size() - 1);
    DecodeContext ctx;
    Result<size_t> words = decoded_size(body, ctx);
    EXPECT_TRUE(words.ok());
    if (!words.ok()) return Term::nil();
    return decode(body, h.alloc(words.value()), ctx);
}

class EncodeTest : public ::testing::Test {
protected:
    void SetUp() override { heap.init(1 << 16); }
    gc::Heap heap;
};

// Samples printed by erl 25 (term_to_binary/1).
const std::vector<Bytes> kErlSamples = {
    {131, 97, 0},
    {131, 97, 255},
    {131, 98, 0, 0, 1, 0},
    {131, 98, 255, 255, 255, 255},
    {131, 98, 127, 255, 255, 255},
    {131, 110, 4, 0, 0, 0, 0, 128},
    {131, 98, 128, 0, 0, 0},
    {131, 110, 4, 1, 1, 0, 0, 128},
    {131, 110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 8},
    {131, 110, 8, 0, 255, 255, 255, 255, 255, 255, 255, 15},
    {131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
    {131, 110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1},
    {131, 70, 0, 0, 0, 0, 0, 0, 0, 0},
    {131, 70, 128, 0, 0, 0, 0, 0, 0, 0},
    {131, 70, 126, 55, 228, 60, 136, 0, 117, 156},
    {131, 70, 0, 0, 0, 0, 0, 0, 0, 1},
    {131, 106},
    {131, 107, 0, 1, 97},
    {131, 108, 0, 0, 0, 1, 98, 0, 0, 1, 0, 106},
    {131, 108, 0, 0, 0, 1, 97, 1, 97, 2},
    {131, 108, 0, 0, 0, 2, 100, 0, 1, 97, 100, 0, 1, 98, 100, 0, 1, 99},
    {131, 104, 0},
    {131, 109, 0, 0, 0, 0},
    {131, 77, 0, 0, 0, 1, 1, 128},
    {131, 77, 0, 0, 0, 3, 5, 1, 2, 24},
    {131, 116, 0, 0, 0, 0},
    {131, 116, 0, 0, 0, 2, 100, 0, 1, 97, 97, 1, 100, 0, 1, 98, 107, 0, 1, 2},
    {131, 100, 0, 0},
    {131, 100, 0, 1, 97},
    {131, 100, 0, 1, 228},
    {131, 119, 2, 206, 169},
    {131, 119, 4, 240, 159, 152, 128},
    {131, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116},
    {131, 104, 5, 70, 63, 248, 0, 0, 0, 0, 0, 0, 119, 2, 206, 169, 100, 0, 2, 111, 107, 107, 0,
     4, 116, 101, 120, 116, 109, 0, 0, 0, 3, 98, 105, 110},
    // Other nodes' pids, ports (32- and 64-bit ids) and references (1, 3 and 5 words); the
    // local node's name with another creation; a local port.
    {131, 88, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 17},
    {131, 88, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
     0, 1, 0, 0, 0, 0, 0, 0, 0, 5},
    {131, 89, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 3},
    {131, 120, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 3},
    {131, 90, 0, 1, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 1},
    {131, 90, 0, 3, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3},
    {131, 90, 0, 5, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0,
     0, 4, 0, 0, 0, 5},
    {131, 89, 100, 0, 13, 110, 111, 110, 111, 100, 101, 64, 110, 111, 104, 111, 115, 116, 0, 0,
     0, 5, 0, 0, 0, 0},
};

TEST_F(EncodeTest, ErlSamplesRoundTripByteForByte) {
    for (const Bytes& sample : kErlSamples) {
        Term t = decode_bytes(heap, sample);
        Bytes again = encode_bytes(t);
        again.insert(again.begin(), 131);
        EXPECT_EQ(again, sample) << "sample of " << sample.size() << " bytes";
    }
}

// Older forms (PID_EXT, PORT_EXT, REFERENCE_EXT, NEW_REFERENCE_EXT) come back in the forms
// erl 25 writes, as erl's term_to_binary(binary_to_term(B)) does.
TEST_F(EncodeTest, OlderIdentifierFormsAreRewritten) {
    Term pid = decode_bytes(heap, {131, 103, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 1, 3});
    EXPECT_EQ(encode_bytes(pid), (Bytes{88, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0,
                                        0, 3}));
    Term port = decode_bytes(heap, {131, 102, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 3});
    EXPECT_EQ(encode_bytes(port), (Bytes{89, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 0, 0, 0, 3}));
    Term ref = decode_bytes(heap, {131, 101, 100, 0, 3, 97, 64, 97, 0, 0, 0, 1, 3});
    EXPECT_EQ(encode_bytes(ref), (Bytes{90, 0, 1, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 1}));
    Term nref = decode_bytes(heap, {131, 114, 0, 2, 100, 0, 3, 97, 64, 97, 2, 0, 0, 0, 1, 0, 0,
                                    0, 2});
    EXPECT_EQ(encode_bytes(nref), (Bytes{90, 0, 2, 100, 0, 3, 97, 64, 97, 0, 0, 0, 2, 0, 0, 0,
                                         1, 0, 0, 0, 2}));
}

// Another node's references equal but for zero high words are equal (as erl's), and hash
// alike in every hash (erl's phash/phash2 take word 0 only; the map hash is joist's own).
TEST_F(EncodeTest, ReferencesWithZeroHighWordsAreEqual) {
    Term r1 = decode_bytes(heap, {131, 90, 0, 1, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 7});
    Term r3 = decode_bytes(heap, {131, 90, 0, 3, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 7,
                                  0, 0, 0, 0, 0, 0, 0, 0});
    Term r3b = decode_bytes(heap, {131, 90, 0, 3, 100, 0, 3, 97, 64, 97, 0, 0, 0, 3, 0, 0, 0, 7,
                                   0, 0, 0, 0, 0, 0, 0, 1});
    EXPECT_EQ(compare_terms_exact(r1, r3), 0);
    EXPECT_LT(compare_terms_exact(r1, r3b), 0);
    EXPECT_EQ(term_hash2(r1), term_hash2(r3));
    EXPECT_EQ(term_hash1(r1), term_hash1(r3));
    for (uint32_t salt : {0u, 1u, 77u}) {
        EXPECT_EQ(map_internal_hash(r1, salt), map_internal_hash(r3, salt));
    }
    EXPECT_NE(map_internal_hash(r1, 0), map_internal_hash(r3b, 0));
}

TEST_F(EncodeTest, Integers) {
    EXPECT_EQ(encode_bytes(Term::small(7)), (Bytes{97, 7}));
    EXPECT_EQ(encode_bytes(Term::small(-1)), (Bytes{98, 255, 255, 255, 255}));
    EXPECT_EQ(encode_bytes(Term::small(int64_t(1) << 40)), (Bytes{110, 6, 0, 0, 0, 0, 0, 0, 1}));
    uint64_t limbs[2] = {0, 1};  // 2^64
    Term big = big_from_limbs(heap, true, limbs, 2);
    EXPECT_EQ(encode_bytes(big), (Bytes{110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
}

TEST_F(EncodeTest, AtomsByMinorVersion) {
    Term a = atoms().intern("a");
    EXPECT_EQ(encode_bytes(a), (Bytes{100, 0, 1, 97}));
    EncodeOptions v2;
    v2.minor_version = 2;
    EXPECT_EQ(encode_bytes(a), (Bytes{100, 0, 1, 97}));
    EXPECT_EQ(encode_bytes(a, v2), (Bytes{119, 1, 97}));
    Term latin = atoms().intern("\xC3\xA4");  // 'ä'
    EXPECT_EQ(encode_bytes(latin), (Bytes{100, 0, 1, 228}));
    EXPECT_EQ(encode_bytes(latin, v2), (Bytes{119, 2, 0xC3, 0xA4}));
}

TEST_F(EncodeTest, FloatsByMinorVersion) {
    Term f = gc::make_float(heap, 1.5);
    EXPECT_EQ(encode_bytes(f), (Bytes{70, 63, 248, 0, 0, 0, 0, 0, 0}));
    EncodeOptions v0;
    v0.minor_version = 0;
    Bytes text = encode_bytes(f, v0);
    ASSERT_EQ(text.size(), 32u);
    EXPECT_EQ(text[0], 99);
    EXPECT_EQ(std::string(text.begin() + 1, text.begin() + 27), "1.50000000000000000000e+00");
    EXPECT_EQ(text[31], 0);
}

TEST_F(EncodeTest, StringsAndLists) {
    Term s = gc::make_byte_list(heap, "abc");
    EXPECT_EQ(encode_bytes(s), (Bytes{107, 0, 3, 97, 98, 99}));
    Term improper = gc::make_cons(heap, Term::small(1), Term::small(2));
    EXPECT_EQ(encode_bytes(improper), (Bytes{108, 0, 0, 0, 1, 97, 1, 97, 2}));
    Term l = Term::nil();
    for (int i = 0; i < 65536; ++i) l = gc::make_cons(heap, Term::small(1), l);
    EXPECT_EQ(encode_bytes(l).size(), 1 + 4 + 2 * 65536 + 1u);  // LIST_EXT past 65535
    EXPECT_EQ(encode_bytes(l.tail()).size(), 1 + 2 + 65535u);   // STRING_EXT up to it
}

TEST_F(EncodeTest, CompressionAsErl) {
    Term l = Term::nil();
    for (int i = 0; i < 100; ++i) l = gc::make_cons(heap, Term::small(0), l);
    std::vector<uint8_t> packed;
    ASSERT_TRUE(compress(encode_bytes(l), 6, packed));
    // erl: term_to_binary(lists:duplicate(100, 0), [compressed])
    EXPECT_EQ(packed, (Bytes{80, 0, 0, 0, 103, 120, 156, 203, 102, 72, 97, 160, 3, 0, 0, 82, 232,
                             0, 208}));
    EXPECT_FALSE(compress(encode_bytes(Term::nil()), 6, packed));  // too small to gain
}

TEST_F(EncodeTest, DeepTermsAreIterative) {
    Term t = atoms().intern("x");
    for (int i = 0; i < 1000000; ++i) t = gc::make_tuple_of(heap, t);
    EncodeResult res;
    ASSERT_TRUE(encode(t, {}, res));
    EXPECT_EQ(res.bytes.size(), 2 * 1000000 + 4u);
    Term l = Term::nil();
    for (int i = 0; i < 1000000; ++i) l = gc::make_cons(heap, l, Term::nil());
    ASSERT_TRUE(encode(l, {}, res));
    EXPECT_EQ(res.bytes.size(), 6 * 1000000 + 1u);  // [[...[]]]: LIST_EXT, 1, ..., NIL_EXT
}

TEST_F(EncodeTest, SplitBinariesForIovec) {
    std::vector<uint8_t> data(100, 7);
    Term big = make_binary_from(heap, std::string_view(reinterpret_cast<char*>(data.data()), 100));
    Term small = make_binary_from(heap, "ab");
    Term t = gc::make_tuple_of(heap, small, big);
    EncodeOptions opts;
    opts.split_binaries = true;
    EncodeResult res;
    ASSERT_TRUE(encode(t, opts, res));
    ASSERT_EQ(res.binaries.size(), 1u);
    EXPECT_EQ(res.binaries[0].offset, res.bytes.size());
    EXPECT_EQ(res.total, res.bytes.size() + 100);
}

} // namespace
} // namespace joist::etf
