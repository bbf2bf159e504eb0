// Tests for off-heap (reference-counted) binaries across heaps: sharing by copy_term_shared
// and send_message, flat copies, the count going down when a collection or an exiting process
// drops a reference, the virtual binary heap limit, and sweeping after a partial collection.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "gc/build.h"
#include "gc/copy_gc.h"
#include "gc/copy_term.h"
#include "gc/off_heap.h"
#include "etf/decode.h"
#include "process/process.h"
#include "process/process_table.h"
#include "term/binary.h"
#include "term/compare.h"

namespace joist {
namespace {

uint64_t refc_of(Term refc_bin) {
    return gc::refc_bin_block(refc_bin.boxed_ptr())->refc.load();
}

// Keeps a block alive after its last RefcBin died, so its count can be read; undone at scope end.
struct Observe {
    gc::BinBlock* b;
    explicit Observe(Term refc_bin) : b(gc::refc_bin_block(refc_bin.boxed_ptr())) {
        gc::bin_block_retain(b);
    }
    ~Observe() { gc::bin_block_release(b); }
    uint64_t others() const { return b->refc.load() - 1; }
};

TEST(OffHeapShare, SharedCopyCountsAndRegisters) {
    gc::Heap a, b;
    a.init(233);
    b.init(233);
    Term big = make_binary_from(a, std::string(1000, 'q'));
    ASSERT_TRUE(big.is_boxed_of(Subtag::RefcBin));
    Term t = gc::make_tuple_of(a, big, make_sub_binary(a, big, 8, 80));
    EXPECT_EQ(gc::term_size_shared(t), 3u + gc::kRefcBinWords + kSubBinWords + gc::kRefcBinWords);
    Term* hp = b.alloc(gc::term_size_shared(t));
    Term c = gc::copy_term_shared(t, hp, b.off_heap);
    EXPECT_TRUE(terms_exact_eq(c, t));
    // The tuple's binary and the sub-binary's orig are two RefcBins over the one block.
    EXPECT_EQ(b.off_heap.refc_bins.size(), 2u);
    EXPECT_EQ(refc_of(big), 3u);
    EXPECT_EQ(gc::refc_bin_block(c.tuple_elem(0).boxed_ptr()), gc::refc_bin_block(big.boxed_ptr()));
    Observe o(big);
    gc::collect(b, {}, 0, gc::GcType::Major);  // the copy died: its two references go
    EXPECT_EQ(o.others(), 1u);
    EXPECT_EQ(b.off_heap.refc_bins.size(), 0u);
    a.init(233);  // the original heap is dropped: its reference goes too
    EXPECT_EQ(o.others(), 0u);
}

TEST(OffHeapShare, FlatCopyHoldsTheBytes) {
    gc::Heap a;
    a.init(233);
    Term big = make_binary_from(a, std::string(300, 'z'));
    size_t n = gc::term_size(big);
    EXPECT_EQ(n, 2u + 300 / 8 + 1);
    std::vector<Term> buf(n);
    Term* hp = buf.data();
    Term c = gc::copy_term(big, hp);
    EXPECT_EQ(hp, buf.data() + n);
    EXPECT_TRUE(c.is_boxed_of(Subtag::HeapBin));
    EXPECT_TRUE(terms_exact_eq(c, big));
    EXPECT_EQ(refc_of(big), 1u);
}

TEST(OffHeapShare, BigHeapBinGoesOffHeapWhenShared) {
    std::string text(200, 'h');
    size_t words = 2 + text.size() / 8;
    std::vector<Term> lit(words);  // as a literal: outside any heap
    lit[0] = Term::header(Subtag::HeapBin, words - 1);
    lit[1] = Term::from_raw(text.size());
    std::memcpy(&lit[2], text.data(), text.size());
    Term t = Term::boxed(lit.data());
    gc::Heap h;
    h.init(233);
    EXPECT_EQ(gc::term_size_shared(t), gc::kRefcBinWords);
    Term* hp = h.alloc(gc::kRefcBinWords);
    Term c = gc::copy_term_shared(t, hp, h.off_heap);
    ASSERT_TRUE(c.is_boxed_of(Subtag::RefcBin));
    EXPECT_EQ(refc_of(c), 1u);
    EXPECT_TRUE(terms_exact_eq(c, t));
    EXPECT_EQ(h.off_heap.bytes, 200u);
}

TEST(OffHeapShare, CopiedSubBinaryIsNotWritable) {
    gc::Heap h, d;
    h.init(233);
    d.init(233);
    uint8_t* data;
    uint64_t pos;
    Term acc = bs_append_prepare(h, make_binary_from(h, std::string(100, 'a')), 8, data, pos);
    ASSERT_EQ(acc.boxed_ptr()[3], Term::small(kSubBinWritable));
    Term* hp = d.alloc(gc::term_size_shared(acc));
    Term c = gc::copy_term_shared(acc, hp, d.off_heap);
    EXPECT_EQ(c.boxed_ptr()[3], Term::small(0));
    // Shared, the buffer may no longer grow in place for either holder.
    Term grown = bs_append_prepare(h, acc, 8, data, pos);
    EXPECT_NE(grown.boxed_ptr()[4], acc.boxed_ptr()[4]);
}

TEST(OffHeapShare, SendCountsUpAndExitCountsDown) {
    Term big;
    gc::Heap sender;
    sender.init(233);
    big = make_binary_from(sender, std::string(5000, 's'));
    Observe o(big);
    {
        Process receiver;
        receiver.heap.init(233);
        send_message(receiver, gc::make_tuple_of(sender, big, big));
        EXPECT_EQ(o.others(), 3u);  // the sender's and the message's two
        receiver.take_inbox();      // the message's RefcBins join the receiver's heap list
        EXPECT_EQ(receiver.heap.off_heap.refc_bins.size(), 2u);
        ASSERT_NE(receiver.mq_first, nullptr);
        EXPECT_TRUE(terms_exact_eq(receiver.mq_first->term.tuple_elem(0), big));
        send_message(receiver, big);  // left in the in-queue: dropped with the process
        EXPECT_EQ(o.others(), 4u);
    }
    EXPECT_EQ(o.others(), 1u);
    sender.init(233);
    EXPECT_EQ(o.others(), 0u);
}

TEST(OffHeapShare, VirtualBinaryHeapLimit) {
    gc::Heap h;
    h.init(233);
    Term keep = Term::nil();
    for (int i = 0; i < 10; ++i) {
        Term b = make_binary_from(h, std::string(100000, char('0' + i)));
        if (i < 3) keep = gc::make_cons(h, b, keep);
    }
    EXPECT_EQ(h.off_heap.bytes, 1000000u);
    EXPECT_TRUE(h.off_heap.over_limit());
    Term roots[1] = {keep};
    gc::RootSpan r[] = {{roots, 1}};
    gc::collect(h, r, 0, gc::GcType::Major);
    EXPECT_EQ(h.off_heap.bytes, 300000u);
    EXPECT_FALSE(h.off_heap.over_limit());
    EXPECT_EQ(h.off_heap.vheap_limit, 600000u);
}

TEST(OffHeapShare, PartialSweepKeepsWhatWasNotCollected) {
    gc::Heap h;
    h.init(233);
    Term a = make_binary_from(h, std::string(100, 'a'));
    Term b = make_binary_from(h, std::string(100, 'b'));
    Observe oa(a), ob(b);
    const Term* spared = a.boxed_ptr();
    // Nothing was forwarded: `a` lies outside the collected area, `b` inside (and dead).
    h.off_heap.sweep_after_copy([&](const Term* hdr) { return hdr != spared; });
    ASSERT_EQ(h.off_heap.refc_bins.size(), 1u);
    EXPECT_EQ(h.off_heap.refc_bins[0], spared);
    EXPECT_EQ(oa.others(), 1u);
    EXPECT_EQ(ob.others(), 0u);
}

// binary_to_term's decoding: a big binary goes off-heap when the context names a list (a
// process heap's), a filler object covering the words it reserved but did not need.
TEST(OffHeapShare, DecodeMakesBigBinariesOffHeap) {
    std::vector<uint8_t> ext = {104, 2, 109, 0, 0, 0, 200};  // {<<200 bytes>>, <<"ab">>}
    for (int i = 0; i < 200; ++i) ext.push_back(uint8_t(i));
    ext.insert(ext.end(), {109, 0, 0, 0, 2, 'a', 'b'});
    for (bool off : {false, true}) {
        gc::Heap h;
        h.init(233);
        etf::DecodeContext ctx;
        if (off) ctx.off_heap = &h.off_heap;
        auto words = etf::decoded_size(ext, ctx);
        ASSERT_TRUE(words.ok());
        EXPECT_EQ(words.value(), 3u + (2 + 25) + 3);
        Term* hp = h.alloc(words.value());
        Term t = etf::decode(ext, hp, ctx);
        ASSERT_TRUE(t.is_tuple());
        Term big = t.tuple_elem(0);
        EXPECT_EQ(big.is_boxed_of(Subtag::RefcBin), off);
        EXPECT_EQ(h.off_heap.refc_bins.size(), off ? 1u : 0u);
        BitView v;
        ASSERT_TRUE(bit_view(big, v));
        ASSERT_EQ(v.bit_size, 1600u);
        EXPECT_EQ(v.bytes[199], 199);
        if (off) {  // the filler: an empty HeapBin over the 24 words left
            const Term* filler = big.boxed_ptr() + gc::kRefcBinWords;
            EXPECT_EQ(filler[0], Term::header(Subtag::HeapBin, 23));
            EXPECT_EQ(t.tuple_elem(1).boxed_ptr(), filler + 24);
        }
        Term roots[1] = {t};
        gc::RootSpan r[] = {{roots, 1}};
        gc::collect(h, r, 0, gc::GcType::Major);
        ASSERT_TRUE(bit_view(roots[0].tuple_elem(1), v));
        EXPECT_EQ(v.bit_size, 16u);
        ASSERT_TRUE(bit_view(roots[0].tuple_elem(0), v));
        EXPECT_EQ(v.bytes[150], 150);
        EXPECT_EQ(h.off_heap.refc_bins.size(), off ? 1u : 0u);
    }
}

} // namespace
} // namespace joist
