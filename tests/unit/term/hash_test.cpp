// Tests for erlang:phash2 / erlang:phash hashes: values erl 25 printed for the same terms.
#include "term/hash.h"

#include <gtest/gtest.h>

#include "gc/build.h"
#include "gc/heap.h"
#include "term/atom_table.h"
#include "term/bignum.h"

namespace joist {
namespace {

constexpr uint32_t kPhash2Mask = (uint32_t(1) << 27) - 1;

class HashTest : public ::testing::Test {
protected:
    void SetUp() override { heap.init(4096); }
    gc::Heap heap;
};

TEST_F(HashTest, Phash2MatchesErl) {
    Term nil = Term::nil();
    EXPECT_EQ(term_hash2(nil) & kPhash2Mask, 113427502u);
    EXPECT_EQ(term_hash2(gc::make_cons(heap, nil, nil)) & kPhash2Mask, 96416884u);
    EXPECT_EQ(term_hash2(Term::small(0)) & kPhash2Mask, 88723725u);
    EXPECT_EQ(term_hash2(Term::small(1 << 27)) & kPhash2Mask, 12354923u);
    EXPECT_EQ(term_hash2(Term::small(-1)) & kPhash2Mask, 44071773u);
    EXPECT_EQ(term_hash2(atoms().intern("a")) & kPhash2Mask, 97u);
    EXPECT_EQ(term_hash2(gc::make_tuple(heap, 0)) & kPhash2Mask, 87486268u);
    EXPECT_EQ(term_hash2(gc::make_float(heap, 1.0)) & kPhash2Mask, 77147068u);
    EXPECT_EQ(term_hash2(gc::make_float(heap, 0.0)) & kPhash2Mask, 20875736u);
    EXPECT_EQ(term_hash2(gc::make_float(heap, -0.0)) & kPhash2Mask, 20875736u);
    EXPECT_EQ(term_hash2(gc::make_byte_list(heap, "abc")) & kPhash2Mask, 117343302u);
    EXPECT_EQ(term_hash2(gc::make_byte_list(heap, "abcde")) & kPhash2Mask, 71169904u);
    Term a = atoms().intern("a"), b = atoms().intern("b");
    EXPECT_EQ(term_hash2(gc::make_cons(heap, a, b)) & kPhash2Mask, 74710280u);
    EXPECT_EQ(term_hash2(gc::make_tuple_of(heap, a, b)) & kPhash2Mask, 101277806u);
    uint64_t limbs[2] = {0, 64};  // 2^70
    EXPECT_EQ(term_hash2(big_from_limbs(heap, false, limbs, 2)) & kPhash2Mask, 131422029u);
    EXPECT_EQ(term_hash2(big_from_limbs(heap, true, limbs, 2)) & kPhash2Mask, 20532417u);
    EXPECT_EQ(term_hash2(atoms().intern("\xC3\xA4")) & kPhash2Mask, 228u);  // 'ä'
}

TEST_F(HashTest, PhashMatchesErl) {
    // erl: phash(T, 1 bsl 32) - 1
    EXPECT_EQ(term_hash1(Term::nil()), 1u);
    EXPECT_EQ(term_hash1(Term::small(0)), 0u);
    EXPECT_EQ(term_hash1(Term::small(1 << 27)), 2147483672u);
    EXPECT_EQ(term_hash1(Term::small(-1)), 1680185269u);
    EXPECT_EQ(term_hash1(atoms().intern("a")), 97u);
    EXPECT_EQ(term_hash1(gc::make_float(heap, 1.0)), 1072693248u);
    EXPECT_EQ(term_hash1(gc::make_byte_list(heap, "abc")), 3654580165u);
    Term a = atoms().intern("a"), b = atoms().intern("b");
    EXPECT_EQ(term_hash1(gc::make_tuple_of(heap, a, b)), 1904799769u);
}

TEST_F(HashTest, DeepListIsIterative) {
    Term l = Term::nil();
    for (int i = 0; i < 1000000; ++i) l = gc::make_cons(heap, l, Term::nil());
    term_hash2(l);
    term_hash1(l);
}

} // namespace
} // namespace joist
