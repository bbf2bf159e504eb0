// Tests for ETS (ets/table.h, bif/ets.cpp) from several threads at once: each thread plays a
// process of its own calling the BIFs, as schedulers do. Run under ThreadSanitizer by
// scripts/test.sh (the Ets* tests).
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "bif/bif.h"
#include "gc/build.h"
#include "gc/off_heap.h"
#include "term/atom_table.h"
#include "term/compare.h"

namespace joist {
namespace {

Term atom(std::string_view text) { return atoms().intern(text); }

std::unique_ptr<Process> make_process(uint64_t number) {
    auto p = std::make_unique<Process>();
    p->number = number;
    p->heap.init(4096);
    return p;
}

Term list(Process& p, std::initializer_list<Term> elems) {
    std::vector<Term> v(elems);
    Term l = Term::nil();
    for (size_t i = v.size(); i-- > 0;) l = gc::make_cons(p.heap, v[i], l);
    return l;
}

Term call(Process& p, BifFn fn, std::initializer_list<Term> args) {
    std::vector<Term> a(args);
    return fn(p, a.data());
}

// A public table owned by `owner`, with the given type atom.
Term new_table(Process& owner, const char* type) {
    Term opts = list(owner, {atom(type), atom("public"),
                             gc::make_tuple_of(owner.heap, atom("write_concurrency"), am::true_)});
    Term t = call(owner, bif_ets_new_2, {atom("ets_unit"), opts});
    EXPECT_TRUE(t.is_ref());
    return t;
}

// A copy of the table id on another process's heap (a reference is boxed).
Term id_on(Process& p, Term tab) {
    Term* r = p.alloc(4);
    for (int i = 0; i < 4; ++i) r[i] = tab.boxed_ptr()[i];
    return Term::boxed(r);
}

constexpr int kThreads = 4;
constexpr int kRounds = 3000;

TEST(EtsConcurrent, CountersAndInsertsAddUp) {
    for (const char* type : {"set", "ordered_set"}) {
        auto owner = make_process(1);
        Term tab = new_table(*owner, type);
        Term key = atom("counter");
        call(*owner, bif_ets_insert_2, {tab, gc::make_tuple_of(owner->heap, key, Term::small(0))});
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                auto p = make_process(uint64_t(10 + i));
                Term t = id_on(*p, tab);
                Term ms = list(*p, {gc::make_tuple_of(p->heap, atom("_"), Term::nil(), list(*p, {atom("$_")}))});
                for (int r = 0; r < kRounds; ++r) {
                    EXPECT_TRUE(call(*p, bif_ets_update_counter_3, {t, key, Term::small(1)}).is_small());
                    Term obj = gc::make_tuple_of(p->heap, gc::make_tuple_of(p->heap, Term::small(i), Term::small(r)),
                                                 Term::small(r));
                    EXPECT_EQ(call(*p, bif_ets_insert_2, {t, obj}), am::true_);
                    if (r % 100 == 0) {
                        EXPECT_TRUE(call(*p, bif_ets_select_2, {t, ms}).is_list());
                    }
                    if (r % 500 == 0) p->heap.free_fragments();  // nothing on it is needed any more
                }
            });
        }
        for (auto& th : threads) th.join();
        Term counter = call(*owner, bif_ets_lookup_element_3, {tab, key, Term::small(2)});
        EXPECT_EQ(counter, Term::small(kThreads * kRounds)) << type;
        Term size = call(*owner, bif_ets_info_2, {tab, atom("size")});
        EXPECT_EQ(size, Term::small(kThreads * kRounds + 1)) << type;
        EXPECT_EQ(call(*owner, bif_ets_delete_1, {tab}), am::true_);
    }
}

TEST(EtsConcurrent, DeletingWhileOthersUseItIsBadarg) {
    auto owner = make_process(1);
    Term tab = new_table(*owner, "set");
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    std::atomic<int> badargs{0};
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            auto p = make_process(uint64_t(20 + i));
            Term t = id_on(*p, tab);
            while (!go.load()) std::this_thread::yield();
            for (int r = 0;; ++r) {
                Term obj = gc::make_tuple_of(p->heap, Term::small(r % 50), Term::small(i));
                Term res = call(*p, bif_ets_insert_2, {t, obj});
                if (res.is_none()) {
                    EXPECT_EQ(p->exc_reason, am::badarg);
                    badargs.fetch_add(1);
                    return;
                }
                call(*p, bif_ets_lookup_2, {t, Term::small((r * 7) % 50)});
                if (r % 500 == 0) p->heap.free_fragments();
            }
        });
    }
    go.store(true);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(call(*owner, bif_ets_delete_1, {tab}), am::true_);
    for (auto& th : threads) th.join();
    EXPECT_EQ(badargs.load(), kThreads);
}

TEST(EtsStorage, BigBinariesAreSharedAndOutliveTheInserter) {
    auto owner = make_process(1);
    Term tab = new_table(*owner, "set");
    gc::BinBlock* block = nullptr;
    {
        auto writer = make_process(2);
        gc::BinBlock* b = gc::bin_block_new(200);
        for (size_t i = 0; i < 200; ++i) b->data[i] = uint8_t(i);
        Term* rb = writer->alloc(gc::kRefcBinWords);
        rb[0] = Term::header(Subtag::RefcBin, 2);
        rb[1] = Term::from_raw(200);
        rb[2] = Term::from_raw(reinterpret_cast<Word>(b));
        writer->heap.off_heap.add(rb);
        block = b;
        Term obj = gc::make_tuple_of(writer->heap, atom("bin"), Term::boxed(rb));
        call(*writer, bif_ets_insert_2, {id_on(*writer, tab), obj});
        EXPECT_EQ(block->refc.load(), 2u);  // the writer's and the table's
    }
    EXPECT_EQ(block->refc.load(), 1u);  // the writer's heap is gone
    Term found = call(*owner, bif_ets_lookup_element_3, {tab, atom("bin"), Term::small(2)});
    ASSERT_TRUE(found.is_boxed_of(Subtag::RefcBin));
    EXPECT_EQ(gc::refc_bin_block(found.boxed_ptr()), block);
    EXPECT_EQ(block->refc.load(), 2u);
    EXPECT_EQ(call(*owner, bif_ets_delete_1, {tab}), am::true_);
    EXPECT_EQ(block->refc.load(), 1u);  // the owner's copy keeps it
}

} // namespace
} // namespace joist
