// Tests for the generational side of the collector: minor collections promote what survived
// the previous one, major ones (asked for, every fullsweep_after, or when the old generation
// is full) bring everything back into one young block; fragments, RefcBins in either
// generation, sizing, max_heap_size and the counters.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "gc/build.h"
#include "gc/copy_gc.h"
#include "gc/heap.h"

namespace joist::gc {
namespace {

void gc(Heap& h, std::vector<Term*> roots, GcType type = GcType::Auto, size_t need = 0) {
    std::vector<RootSpan> spans;
    for (Term* r : roots) spans.push_back({r, 1});
    collect(h, spans, need, type);
}

Term int_list(Heap& h, int64_t n) {
    Term l = Term::nil();
    for (int64_t i = n; i-- > 0;) l = make_cons(h, Term::small(i), l);
    return l;
}

// Sum of a list of small integers, checking every cell on the way.
int64_t sum(Term l) {
    int64_t s = 0;
    for (; l.is_list(); l = l.tail()) s += l.head().small_value();
    EXPECT_TRUE(l.is_nil());
    return s;
}

void garbage(Heap& h, size_t words) {
    for (size_t i = 0; i < words / 3; i++) make_tuple_of(h, Term::small(int64_t(i)), Term::nil());
}

bool in(const Term* p, const Term* lo, const Term* hi) { return p >= lo && p < hi; }

// Every pointer word of the old generation points into the old generation or outside the
// heap: never into the young block (the invariant minor collections rely on).
bool old_points_only_to_old(const Heap& h) {
    for (Term* p = h.old_start; p && p < h.old_top;) {
        Term w = *p;
        if (w.is_header()) {
            Subtag st = w.header_subtag();
            Term* end = p + 1 + w.header_arity();
            if (subtag_is_raw(st)) {
                p = end;
                continue;
            }
            p += st == Subtag::Fun ? 2 : 1;
            continue;
        }
        if (w.is_list() || w.is_boxed()) {
            const Term* q = w.is_list() ? w.list_ptr() : w.boxed_ptr();
            if (in(q, h.start, h.end)) return false;
        }
        p++;
    }
    return true;
}

// A RefcBin of `bytes` bytes on the heap, listed in its OffHeap, over a fresh block.
Term refc_bin(Heap& h, size_t bytes, BinBlock*& block) {
    block = bin_block_new(bytes);
    std::memset(block->data, 0xAB, bytes);
    Term* p = h.alloc(kRefcBinWords);
    p[0] = Term::header(Subtag::RefcBin, kRefcBinWords - 1);
    p[1] = Term::from_raw(bytes);
    p[2] = Term::from_raw(reinterpret_cast<Word>(block));
    h.off_heap.add(p);
    return Term::boxed(p);
}

TEST(Generational, FirstCollectionIsMajor) {
    // As in erl: with no old generation and nothing that survived a collection, there is
    // nothing a minor collection could promote, and even a minor request collects fully.
    Heap h;
    h.init(233);
    Term l = int_list(h, 50);
    garbage(h, 100);
    gc(h, {&l}, GcType::Minor);
    EXPECT_EQ(h.old_start, nullptr);
    EXPECT_EQ(h.heap_used(), 100u);
    EXPECT_EQ(h.hwm, h.top);  // all of it survived once
    EXPECT_EQ(h.minor_gcs, 0u);
    EXPECT_EQ(h.gc_count, 1u);
    EXPECT_EQ(sum(l), 49 * 50 / 2);
    gc(h, {&l}, GcType::Minor);  // now there is something to promote
    EXPECT_EQ(h.minor_gcs, 1u);
    EXPECT_EQ(h.old_used(), 100u);
}

TEST(Generational, SecondMinorPromotes) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 50);
    gc(h, {&l});
    Term young = int_list(h, 10);  // made after the first collection
    Term both = make_cons(h, young, l);
    gc(h, {&both});
    ASSERT_NE(h.old_start, nullptr);
    EXPECT_EQ(h.old_used(), 100u);  // the old list, promoted
    EXPECT_EQ(h.heap_used(), 22u);  // the new list and the cons, still young
    EXPECT_TRUE(in(both.tail().list_ptr(), h.old_start, h.old_top));
    EXPECT_TRUE(in(both.list_ptr(), h.start, h.top));
    EXPECT_EQ(sum(both.tail()), 49 * 50 / 2);
    EXPECT_EQ(sum(both.head()), 45);
    EXPECT_TRUE(old_points_only_to_old(h));
    // A third collection promotes the rest, and copies nothing already old.
    gc(h, {&both});
    EXPECT_EQ(h.heap_used(), 0u);
    EXPECT_EQ(h.old_used(), 122u);
    EXPECT_EQ(sum(both.head()), 45);
    EXPECT_TRUE(old_points_only_to_old(h));
}

TEST(Generational, MajorBringsEverythingBack) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 100);
    gc(h, {&l});
    gc(h, {&l});
    ASSERT_EQ(h.old_used(), 200u);
    garbage(h, 150);
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.old_start, nullptr);
    EXPECT_EQ(h.heap_used(), 200u);
    EXPECT_EQ(h.minor_gcs, 0u);
    EXPECT_EQ(sum(l), 99 * 100 / 2);
    // Dead old data is only reclaimed by a major collection.
    gc(h, {&l});
    gc(h, {&l});
    ASSERT_EQ(h.old_used(), 200u);
    l = Term::nil();
    gc(h, {&l}, GcType::Minor);
    EXPECT_EQ(h.old_used(), 200u);
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.old_start, nullptr);
    EXPECT_EQ(h.heap_used(), 0u);
}

TEST(Generational, FullsweepAfter) {
    Heap h;
    h.init(233);
    h.fullsweep_after = 3;
    Term l = int_list(h, 20);
    std::vector<uint64_t> minors;
    for (int i = 0; i < 8; i++) {
        garbage(h, 60);
        gc(h, {&l});
        minors.push_back(h.minor_gcs);
    }
    // The first is major (nothing to promote yet), then three minor collections, then a
    // major one (the counter goes back to 0), and so on.
    EXPECT_EQ(minors, (std::vector<uint64_t>{0, 1, 2, 3, 0, 1, 2, 3}));
    EXPECT_EQ(h.gc_count, 8u);
    EXPECT_NE(h.old_start, nullptr);  // the last one was minor
    EXPECT_EQ(sum(l), 190);
}

TEST(Generational, FullsweepAfterZeroIsNeverGenerational) {
    Heap h;
    h.init(233);
    h.fullsweep_after = 0;
    Term l = int_list(h, 20);
    for (int i = 0; i < 5; i++) {
        garbage(h, 100);
        gc(h, {&l});
        EXPECT_EQ(h.old_start, nullptr);
        EXPECT_EQ(h.heap_used(), 40u);
    }
}

TEST(Generational, FullOldGenerationForcesMajor) {
    Heap h;
    h.init(233);
    Term live = Term::nil();
    bool saw_major = false;
    // Live data grows steadily: promotion fills the old generation until a major collection
    // has to make room.
    for (int round = 0; round < 200; round++) {
        for (int i = 0; i < 20; i++) {
            if (h.free_words() < 2) {
                uint64_t minors = h.minor_gcs;
                gc(h, {&live}, GcType::Auto, 2);
                if (h.minor_gcs == 0 && minors > 0) saw_major = true;
                ASSERT_TRUE(old_points_only_to_old(h));
            }
            live = make_cons(h, Term::small(1), live);
        }
    }
    EXPECT_TRUE(saw_major);
    EXPECT_EQ(sum(live), 4000);
}

TEST(Generational, FragmentsStayYoungThenPromote) {
    Heap h;
    h.init(233);
    gc(h, {});  // an old generation's worth of history: the mark is at the bottom
    Term l = int_list(h, 1000);  // mostly in fragments
    ASSERT_NE(h.fragments, nullptr);
    gc(h, {&l});
    EXPECT_EQ(h.fragments, nullptr);
    EXPECT_EQ(h.fragment_words, 0u);
    EXPECT_EQ(h.heap_used(), 2000u);
    EXPECT_EQ(h.old_used(), 0u);
    gc(h, {&l});
    EXPECT_EQ(h.old_used(), 2000u);
    EXPECT_EQ(sum(l), 999 * 1000 / 2);
}

TEST(Generational, RefcBinsReleasedWhenDeadInEitherGeneration) {
    Heap h;
    h.init(233);
    BinBlock* old_block;
    BinBlock* young_block;
    Term old_bin = refc_bin(h, 100, old_block);
    bin_block_retain(old_block);  // the test's own reference, to watch the count
    gc(h, {&old_bin});
    gc(h, {&old_bin});  // promoted
    ASSERT_TRUE(in(old_bin.boxed_ptr(), h.old_start, h.old_top));
    EXPECT_EQ(old_block->refc.load(), 2u);

    Term young_bin = refc_bin(h, 200, young_block);
    bin_block_retain(young_block);
    gc(h, {&old_bin, &young_bin});
    EXPECT_TRUE(in(young_bin.boxed_ptr(), h.start, h.top));
    EXPECT_EQ(young_block->refc.load(), 2u);
    EXPECT_EQ(h.off_heap.refc_bins.size(), 2u);

    // The young one dies: a minor collection releases it, and keeps the old one listed.
    young_bin = Term::nil();
    gc(h, {&old_bin}, GcType::Minor);
    EXPECT_EQ(young_block->refc.load(), 1u);
    EXPECT_EQ(h.off_heap.refc_bins.size(), 1u);
    EXPECT_EQ(old_block->refc.load(), 2u);
    EXPECT_EQ(old_bin.boxed_ptr()[1].raw, 100u);

    // The old one dies: minor collections do not see it, a major one releases it.
    old_bin = Term::nil();
    gc(h, {}, GcType::Minor);
    EXPECT_EQ(old_block->refc.load(), 2u);
    gc(h, {}, GcType::Major);
    EXPECT_EQ(old_block->refc.load(), 1u);
    EXPECT_TRUE(h.off_heap.refc_bins.empty());
    bin_block_release(old_block);
    bin_block_release(young_block);
}

TEST(Generational, StackRootsAcrossGenerations) {
    Heap h;
    h.init(610);
    Term l = int_list(h, 30);
    h.stop -= 2;
    h.stop[0] = l;
    h.stop[1] = Term::small(7);
    gc(h, {});
    gc(h, {});
    ASSERT_EQ(h.stack_used(), 2u);
    EXPECT_TRUE(in(h.stop[0].list_ptr(), h.old_start, h.old_top));
    EXPECT_EQ(sum(h.stop[0]), 29 * 30 / 2);
    h.stop[0] = make_cons(h, Term::small(100), h.stop[0]);
    gc(h, {});
    EXPECT_EQ(sum(h.stop[0]), 29 * 30 / 2 + 100);
    EXPECT_EQ(h.stop[1], Term::small(7));
}

TEST(Generational, YoungSizeFollowsErlsRules) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 5000);
    gc(h, {&l});
    // The to-space holds everything in use before (10000 words, mostly fragments).
    EXPECT_EQ(h.size(), 10958u);
    l = Term::nil();
    gc(h, {&l}, GcType::Minor);
    // A big heap its survivors use under a quarter of shrinks after a minor collection, but
    // not far below an eighth of the old generation (made one size above 10000: 17731).
    EXPECT_EQ(h.old_size(), 17731u);
    EXPECT_EQ(h.size(), 2586u);
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.size(), 233u);  // almost empty after a major one: back to the minimum
    h.min_heap_size = 1598;
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.size(), 1598u);
}

TEST(Generational, SmallHeapIsNotShrunkByMinor) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 1000);
    gc(h, {&l});
    ASSERT_EQ(h.size(), 2586u);
    l = Term::nil();
    gc(h, {&l}, GcType::Minor);
    EXPECT_EQ(h.size(), 2586u);  // under 3000 words: a minor collection never shrinks it
}

TEST(Generational, FullAfterMajorGrowsAtTheNextMajor) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 90);  // 180 words: over 75% of 233 with the reserved word
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.size(), 233u);  // it fits: no growth yet
    gc(h, {&l}, GcType::Major);
    EXPECT_EQ(h.size(), 376u);  // erl's postponed growth (F_HEAP_GROW)
    EXPECT_EQ(sum(l), 89 * 90 / 2);
}

TEST(Generational, CountersAndMaxHeapSize) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 50);
    garbage(h, 99);
    gc(h, {&l});
    EXPECT_EQ(h.words_reclaimed, 99u);
    EXPECT_FALSE(h.max_heap_exceeded);
    h.max_heap.size = 300;
    l = int_list(h, 500);
    gc(h, {&l});
    EXPECT_TRUE(h.max_heap_exceeded);
    EXPECT_GT(h.total_size(), 300u);
    h.max_heap.size = 0;  // no limit
    gc(h, {&l});
    EXPECT_FALSE(h.max_heap_exceeded);
}

TEST(Generational, ContainsBothGenerations) {
    Heap h;
    h.init(233);
    Term l = int_list(h, 10);
    gc(h, {&l});
    gc(h, {&l});
    Term y = make_cons(h, Term::nil(), l);
    EXPECT_TRUE(h.contains(l.list_ptr()));
    EXPECT_TRUE(h.contains(y.list_ptr()));
    Term local[2];
    EXPECT_FALSE(h.contains(local));
}

} // namespace
} // namespace joist::gc
