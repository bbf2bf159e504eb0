// Map tests: flat and hash maps built through term/map_ops.h on a process heap. Expected
// hashes, orders and display text were taken from erl (OTP 25).
#include "term/map_ops.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "term/compare.h"
#include "term/format.h"

namespace joist {
namespace {

class MapTest : public ::testing::Test {
protected:
    void SetUp() override { heap.init(1 << 16); }

    MapAlloc alloc() { return map_heap_alloc(heap); }

    // maps:from_list([{I, I} || I <- lists:seq(From, To)]).
    Term ints(int64_t from, int64_t to) {
        std::vector<Term> ks;
        for (int64_t i = from; i <= to; ++i) ks.push_back(Term::small(i));
        return map_from_pairs(alloc(), ks.data(), ks.data(), ks.size(), false);
    }

    std::vector<int64_t> keys_of(Term map) {
        std::vector<int64_t> out;
        for (Term l = map_keys(alloc(), map); l.is_list(); l = l.tail())
            out.push_back(l.head().small_value());
        return out;
    }

    gc::Heap heap;
};

TEST_F(MapTest, InternalHashOfSmallsMatchesErts) {
    EXPECT_EQ(map_internal_hash(Term::small(1), 0), 0x91859556u);
    EXPECT_EQ(map_internal_hash(Term::small(0), 0), 0xd7d182c8u);
    EXPECT_EQ(map_internal_hash(Term::small(-1), 0), 0x215c6004u);
    EXPECT_EQ(map_internal_hash(Term::small(40660), 0), 0xb7e5083cu);
}

TEST_F(MapTest, SmallMapsAreFlatAndSorted) {
    Term m = ints(1, 32);
    EXPECT_TRUE(m.is_boxed_of(Subtag::FlatMap));
    EXPECT_EQ(map_size(m), 32u);
    std::vector<int64_t> ks = keys_of(m);
    for (size_t i = 0; i < ks.size(); ++i) EXPECT_EQ(ks[i], int64_t(i + 1));
}

TEST_F(MapTest, LargeMapsIterateInErlOrder) {
    Term m = ints(1, 40);
    EXPECT_TRUE(m.is_boxed_of(Subtag::HashMap));
    EXPECT_EQ(map_size(m), 40u);
    std::vector<int64_t> expect = {33, 12, 23, 29, 30, 39, 26, 31, 11, 37, 9,  32, 34, 25,
                                   28, 6,  38, 13, 40, 20, 15, 14, 2,  7,  1,  8,  3,  17,
                                   22, 21, 4,  36, 24, 10, 35, 27, 19, 5,  18, 16};
    EXPECT_EQ(keys_of(m), expect);
    for (int64_t i = 1; i <= 40; ++i) EXPECT_EQ(map_get(m, Term::small(i)), Term::small(i));
    EXPECT_TRUE(map_get(m, Term::small(41)).is_none());
}

// hashmap_leaves in slices (as maps:keys/1 and values/1 take them when they yield): every
// leaf once, and consing them in that order gives maps:keys/1's list.
TEST_F(MapTest, LeavesInSlicesCoverTheMapInKeysOrder) {
    Term m = ints(1, 5000);
    ASSERT_TRUE(m.is_boxed_of(Subtag::HashMap));
    uint64_t path = 0;
    bool more = true;
    std::vector<int64_t> consed;  // the list being built, head last
    size_t slices = 0;
    while (more) {
        std::vector<Term> leaves;
        ASSERT_TRUE(hashmap_leaves(m, path, 7, leaves, more));
        ASSERT_LE(leaves.size(), 7u);
        for (Term leaf : leaves) consed.push_back(leaf.head().small_value());
        ++slices;
    }
    EXPECT_EQ(slices, (5000u + 6) / 7);
    std::vector<int64_t> expected = keys_of(m);
    ASSERT_EQ(consed.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        EXPECT_EQ(consed[consed.size() - 1 - i], expected[i]) << "at " << i;
    // A path naming no leaf is refused.
    std::vector<Term> none;
    uint64_t bad = 0xFFFF;
    EXPECT_FALSE(hashmap_leaves(m, bad, 7, none, more));
}

TEST_F(MapTest, DisplayShowsTheHamt) {
    Term m = map_remove(alloc(), ints(1, 40), Term::small(10));
    EXPECT_EQ(format_display(m),
              "#<fffb>{<1201>{[16|16],[18|18],[5|5]},<4400>{[19|19],[27|27]},"
              "<1084>{[35|35],[24|24],[36|36]},<14>{[4|4],[21|21]},<240>{[22|22],[17|17]},"
              "<2a>{[3|3],[8|8],[1|1]},<8512>{[7|7],[2|2],[14|14],[15|15],[20|20]},"
              "<c0>{[40|40],<1001>{[13|13],[38|38]}},[6|6],<9400>{[28|28],[25|25],[34|34]},"
              "<312>{[32|32],[9|9],[37|37],[11|11]},[31|31],[26|26],"
              "<2060>{[39|39],[30|30],<8020>{[29|29],[23|23]}},<8200>{[12|12],[33|33]}}");
}

TEST_F(MapTest, PutAndRemoveCrossTheFlatLimit) {
    Term m = ints(1, 32);
    Term big = map_put(alloc(), m, Term::small(33), Term::small(33));
    EXPECT_TRUE(big.is_boxed_of(Subtag::HashMap));
    EXPECT_TRUE(terms_exact_eq(big, ints(1, 33)));
    Term back = map_remove(alloc(), big, Term::small(33));
    EXPECT_TRUE(back.is_boxed_of(Subtag::FlatMap));
    EXPECT_TRUE(terms_exact_eq(back, m));
    EXPECT_EQ(map_remove(alloc(), big, Term::small(99)), big);
}

TEST_F(MapTest, ShapeDoesNotDependOnInsertionOrder) {
    Term m = ints(1, 0);
    for (int64_t i = 200; i >= 1; --i) m = map_put(alloc(), m, Term::small(i), Term::small(i));
    Term direct = ints(1, 200);
    EXPECT_EQ(format_display(m), format_display(direct));
    for (int64_t i = 1; i <= 200; i += 2) m = map_remove(alloc(), m, Term::small(i));
    Term evens = map_empty(alloc());
    for (int64_t i = 2; i <= 200; i += 2)
        evens = map_put(alloc(), evens, Term::small(i), Term::small(i));
    EXPECT_EQ(format_display(m), format_display(evens));
    EXPECT_EQ(compare_terms(m, evens), 0);
}

TEST_F(MapTest, FullHashCollisionsRehashBelowEightLevels) {
    // 40660 and 59671 share all 32 hash bits; erl splits them at level 8 with a salted hash.
    Term m = ints(1, 33);
    m = map_put(alloc(), m, Term::small(40660), Term::small(40660));
    m = map_put(alloc(), m, Term::small(59671), Term::small(59671));
    std::string text = format_display(m);
    EXPECT_NE(text.find("<800>{<6>{[59671|59671],[40660|40660]}}"), std::string::npos) << text;
    Term back = map_remove(alloc(), m, Term::small(59671));
    EXPECT_NE(format_display(back).find("<a>{[31|31],[40660|40660]}"), std::string::npos);
}

TEST_F(MapTest, UpdateAndDuplicates) {
    Term m = ints(1, 50);
    EXPECT_TRUE(map_update(alloc(), m, Term::small(51), Term::nil()).is_none());
    Term u = map_update(alloc(), m, Term::small(7), Term::nil());
    EXPECT_EQ(map_get(u, Term::small(7)), Term::nil());
    EXPECT_EQ(map_size(u), 50u);
    Term ks[3] = {Term::small(1), Term::small(2), Term::small(1)};
    Term vs[3] = {Term::small(10), Term::small(20), Term::small(30)};
    EXPECT_TRUE(map_from_pairs(alloc(), ks, vs, 3, true).is_none());
    Term last = map_from_pairs(alloc(), ks, vs, 3, false);
    EXPECT_EQ(map_get(last, Term::small(1)), Term::small(30));
}

TEST_F(MapTest, MapsCompareBySizeThenKeysThenValues) {
    Term a = ints(1, 40);
    Term b = map_update(alloc(), a, Term::small(40), Term::small(41));
    EXPECT_LT(compare_terms(a, b), 0);
    EXPECT_GT(compare_terms(ints(1, 41), a), 0);
    EXPECT_EQ(compare_terms(a, ints(1, 40)), 0);
}

} // namespace
} // namespace joist
