// The in-queue (many senders, one reader) and the process table's lock-free lookup with
// epoch-based reclamation. These run in the ThreadSanitizer build too.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "process/process_table.h"
#include "vm/vm.h"

namespace joist {
namespace {

TEST(Inbox, ManySendersKeepEachSendersOrder) {
    Inbox inbox;
    constexpr int kSenders = 4, kEach = 20000;
    std::vector<std::thread> senders;
    for (int s = 0; s < kSenders; ++s)
        senders.emplace_back([&, s] {
            for (int i = 0; i < kEach; ++i) {
                auto* m = new Message();
                m->term = Term::small(int64_t(s) * kEach + i);
                inbox.push(m);
            }
        });
    std::vector<int64_t> last(kSenders, -1);
    int received = 0;
    while (received < kSenders * kEach) {
        for (Message* m = inbox.take_all(); m;) {
            Message* next = m->next;
            int64_t v = m->term.small_value();
            int s = int(v / kEach), i = int(v % kEach);
            EXPECT_EQ(last[s] + 1, i) << "sender " << s;
            last[s] = i;
            ++received;
            delete m;
            m = next;
        }
    }
    for (auto& t : senders) t.join();
    EXPECT_TRUE(inbox.empty());
    EXPECT_EQ(received, kSenders * kEach);
}

TEST(ProcessTable, FindRetireAndReclaim) {
    Vm vm;
    ProcessTable& t = vm.processes;
    t.set_threads(2);
    Process* a = t.create(vm, 233);
    Process* b = t.create(vm, 233);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_NE(a->number, b->number);
    EXPECT_EQ(t.find(a->number), a);
    EXPECT_EQ(t.find(a->pid()), a);
    EXPECT_EQ(t.count(), 2u);
    uint64_t an = a->number;

    t.quiescent(0);
    t.quiescent(1);  // thread 1 is "inside a slice" from here on
    a->sched_flags.fetch_or(Process::kExited);
    t.retire(*a);
    EXPECT_EQ(t.find(an), nullptr);
    EXPECT_EQ(t.count(), 1u);
    t.quiescent(0);
    t.reclaim();  // thread 1 may still hold `a`: it stays allocated (ASan would see a free)
    EXPECT_EQ(a->number, an);
    t.quiescent(1);
    t.reclaim();  // now both threads passed a quiescent point: freed
    EXPECT_EQ(t.find(b->number), b);
    EXPECT_EQ(t.numbers(), std::vector<uint64_t>{b->number});
}

TEST(ProcessTable, ConcurrentLookupsWhileProcessesComeAndGo) {
    Vm vm;
    ProcessTable& t = vm.processes;
    t.set_threads(2);
    std::atomic<bool> stop{false};
    std::atomic<uint64_t> newest{0};
    std::thread reader([&] {
        uint64_t seen = 0;
        while (!stop.load()) {
            t.quiescent(1);
            uint64_t n = newest.load();
            for (uint64_t k = n > 8 ? n - 8 : 1; k <= n; ++k)
                if (Process* p = t.find(k)) seen += p->number == k;
        }
        t.idle(1);
        EXPECT_GT(seen, 0u);
    });
    for (int i = 0; i < 20000; ++i) {
        t.quiescent(0);
        Process* p = t.create(vm, 233);
        ASSERT_NE(p, nullptr);
        newest.store(p->number);
        if (i % 2 == 0) {
            p->sched_flags.fetch_or(Process::kExited);
            t.retire(*p);
        }
        if (i % 64 == 0) t.reclaim();
    }
    stop.store(true);
    reader.join();
    t.idle(0);
    t.reclaim();
    EXPECT_EQ(t.count(), 10000u);
}

TEST(ProcessTable, LimitAndSlotReuse) {
    Vm vm;
    ProcessTable& t = vm.processes;
    EXPECT_FALSE(t.set_limit(1023));        // erl's range is [1024, 134217727]
    EXPECT_FALSE(t.set_limit(134217728));
    ASSERT_TRUE(t.set_limit(1500));
    EXPECT_EQ(t.limit(), 2048u);            // the next power of two, as erl
    std::vector<Process*> ps;
    for (int i = 0; i < 2048; ++i) {
        Process* p = t.create(vm, 12);
        ASSERT_NE(p, nullptr);
        ps.push_back(p);
    }
    EXPECT_EQ(t.create(vm, 12), nullptr);  // at the limit: system_limit for spawn
    EXPECT_FALSE(t.set_limit(4096));        // only before the first process
    Process* a = ps[5];
    uint64_t an = a->number;
    a->sched_flags.fetch_or(Process::kExited);
    t.retire(*a);
    Process* d = t.create(vm, 12);
    ASSERT_NE(d, nullptr);
    EXPECT_GT(d->number, an);               // pid numbers are never reused
    EXPECT_EQ(t.find(d->number), d);
    EXPECT_EQ(t.find(an), nullptr);
}

} // namespace
} // namespace joist
