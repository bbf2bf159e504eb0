// Tests for sched/timers.h: the timer wheel on a virtual clock (ordering, cancel, read,
// timers beyond the wheel's span, many timers, past deadlines, stale receive ids) and
// inserts/cancels from several threads at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

#include "gc/build.h"
#include "gc/heap.h"
#include "sched/timers.h"
#include "term/compare.h"

namespace joist {
namespace {

constexpr uint64_t kMs = TimerService::kTickNs;
constexpr uint64_t kStart = 1'000'000 * kMs;  // an arbitrary virtual "now" (1000 s)

// Collects what expire() hands out.
struct Fired {
    std::vector<ExpiredTimer> timers;
    std::function<void(const ExpiredTimer&)> sink() {
        return [this](const ExpiredTimer& t) { timers.push_back(t); };
    }
    std::vector<uint64_t> ids() const {
        std::vector<uint64_t> r;
        for (const auto& t : timers) r.push_back(t.id);
        return r;
    }
};

TEST(TimerService, EmptyHasNoDeadline) {
    TimerService ts(kStart);
    EXPECT_FALSE(ts.next_deadline());
    Fired f;
    EXPECT_EQ(ts.expire(kStart + 100 * kMs, f.sink()), 0u);
    EXPECT_EQ(ts.size(), 0u);
}

TEST(TimerService, FiresInDeadlineOrderNeverEarly) {
    TimerService ts(kStart);
    Term none = Term::nil();
    ts.insert_message(kStart + 30 * kMs, 3, Term::atom(0), none);
    ts.insert_message(kStart + 10 * kMs, 1, Term::atom(0), none);
    ts.insert_message(kStart + 20 * kMs + 1, 2, Term::atom(0), none);  // rounds up to 21 ms
    EXPECT_EQ(ts.next_deadline(), kStart + 10 * kMs);
    Fired f;
    EXPECT_EQ(ts.expire(kStart + 10 * kMs - 1, f.sink()), 0u);  // not yet
    EXPECT_EQ(ts.expire(kStart + 10 * kMs, f.sink()), 1u);
    EXPECT_EQ(ts.next_deadline(), kStart + 21 * kMs);
    EXPECT_EQ(ts.expire(kStart + 20 * kMs + 5, f.sink()), 0u);  // deadline not reached
    // One late expire delivers both remaining timers, earliest first.
    EXPECT_EQ(ts.expire(kStart + 100 * kMs, f.sink()), 2u);
    EXPECT_EQ(f.ids(), (std::vector<uint64_t>{1, 2, 3}));
    EXPECT_FALSE(ts.next_deadline());
}

TEST(TimerService, EqualDeadlinesKeepInsertionOrder) {
    TimerService ts(kStart);
    for (uint64_t id = 1; id <= 50; ++id)
        ts.insert_message(kStart + 5 * kMs, id, Term::atom(0), Term::nil());
    Fired f;
    ts.expire(kStart + 5 * kMs, f.sink());
    std::vector<uint64_t> want(50);
    for (uint64_t i = 0; i < 50; ++i) want[i] = i + 1;
    EXPECT_EQ(f.ids(), want);
}

TEST(TimerService, CancelAndReadRemaining) {
    TimerService ts(kStart);
    ts.insert_message(kStart + 100 * kMs, 7, Term::atom(0), Term::nil());
    EXPECT_EQ(ts.read(7, kStart), 100u);
    EXPECT_EQ(ts.read(7, kStart + 40 * kMs + 1), 59u);  // whole ms
    EXPECT_EQ(ts.read(7, kStart + 200 * kMs), 0u);      // due but not expired yet
    EXPECT_FALSE(ts.read(8, kStart));
    EXPECT_EQ(ts.cancel(7, kStart + 30 * kMs), 70u);
    EXPECT_FALSE(ts.cancel(7, kStart + 30 * kMs));  // only once
    EXPECT_FALSE(ts.read(7, kStart));
    Fired f;
    EXPECT_EQ(ts.expire(kStart + 1000 * kMs, f.sink()), 0u);
    EXPECT_EQ(ts.size(), 0u);
}

TEST(TimerService, CancelInTheMiddleOfASlot) {
    TimerService ts(kStart);
    for (uint64_t id = 1; id <= 5; ++id)
        ts.insert_message(kStart + 3 * kMs, id, Term::atom(0), Term::nil());
    EXPECT_TRUE(ts.cancel(3, kStart));
    EXPECT_TRUE(ts.cancel(1, kStart));
    EXPECT_TRUE(ts.cancel(5, kStart));
    Fired f;
    ts.expire(kStart + 3 * kMs, f.sink());
    EXPECT_EQ(f.ids(), (std::vector<uint64_t>{2, 4}));
}

TEST(TimerService, FarTimersWaitInOverflowThenFire) {
    TimerService ts(kStart);
    uint64_t span = TimerService::kWheelSlots * kMs;
    ts.insert_message(kStart + 3 * span + 5 * kMs, 3, Term::atom(0), Term::nil());
    ts.insert_message(kStart + span + 7 * kMs, 2, Term::atom(0), Term::nil());
    ts.insert_message(kStart + 9 * kMs, 1, Term::atom(0), Term::nil());
    EXPECT_EQ(ts.read(3, kStart), 3 * TimerService::kWheelSlots + 5);
    Fired f;
    // Walk the clock forward in uneven steps; nothing may fire early or be lost.
    uint64_t now = kStart;
    std::vector<std::pair<uint64_t, uint64_t>> fired_at;  // (id, now)
    while (now < kStart + 4 * span) {
        now += 997 * kMs;
        size_t before = f.timers.size();
        ts.expire(now, f.sink());
        for (size_t i = before; i < f.timers.size(); ++i) {
            EXPECT_GE(now, f.timers[i].deadline);
            EXPECT_LT(now - f.timers[i].deadline, 998 * kMs);
        }
    }
    EXPECT_EQ(f.ids(), (std::vector<uint64_t>{1, 2, 3}));
}

TEST(TimerService, FarTimerCancelledFromOverflow) {
    TimerService ts(kStart);
    uint64_t far = kStart + 10 * TimerService::kWheelSlots * kMs;
    ts.insert_message(far, 1, Term::atom(0), Term::nil());
    EXPECT_EQ(ts.next_deadline(), far);
    EXPECT_TRUE(ts.cancel(1, kStart));
    EXPECT_FALSE(ts.next_deadline());
}

TEST(TimerService, OneHugeJumpExpiresWheelAndOverflow) {
    TimerService ts(kStart);
    uint64_t span = TimerService::kWheelSlots * kMs;
    ts.insert_message(kStart + 2 * span, 2, Term::atom(0), Term::nil());
    ts.insert_message(kStart + span / 2, 1, Term::atom(0), Term::nil());
    Fired f;
    EXPECT_EQ(ts.expire(kStart + 5 * span, f.sink()), 2u);
    EXPECT_EQ(f.ids(), (std::vector<uint64_t>{1, 2}));
}

TEST(TimerService, PastDeadlineFiresAtNextExpire) {
    TimerService ts(kStart);
    Fired f;
    ts.expire(kStart + 50 * kMs, f.sink());  // the wheel has moved on
    ts.insert_message(kStart, 1, Term::atom(0), Term::nil());
    ASSERT_TRUE(ts.next_deadline());
    EXPECT_LE(*ts.next_deadline(), kStart + 51 * kMs);
    EXPECT_EQ(ts.read(1, kStart + 50 * kMs), 0u);
    EXPECT_EQ(ts.expire(kStart + 51 * kMs, f.sink()), 1u);
}

TEST(TimerService, ReceiveTimersCarryPidAndSequence) {
    TimerService ts(kStart);
    auto id = ts.insert_receive(kStart + 2 * kMs, 42, 99);
    EXPECT_TRUE(id & TimerService::kReceiveIdBit);
    EXPECT_EQ(ts.read(id, kStart), 2u);
    Fired f;
    ts.expire(kStart + 2 * kMs, f.sink());
    ASSERT_EQ(f.timers.size(), 1u);
    EXPECT_EQ(f.timers[0].kind, TimerKind::Receive);
    EXPECT_EQ(f.timers[0].pid, 42u);
    EXPECT_EQ(f.timers[0].seq, 99u);
    // Its node is reused by the next timer: the old id must not reach the new timer.
    auto id2 = ts.insert_receive(kStart + 10 * kMs, 43, 1);
    EXPECT_NE(id, id2);
    EXPECT_FALSE(ts.cancel(id, kStart));
    EXPECT_TRUE(ts.cancel(id2, kStart));
}

TEST(TimerService, MessageIsCopiedIntoTheService) {
    TimerService ts(kStart);
    {
        gc::Heap h;
        h.init(64);
        Term msg = gc::make_tuple_of(h, Term::small(1), gc::make_cons(h, Term::small(2),
                                                                        Term::nil()));
        ts.insert_message(kStart + kMs, 1, Term::pid(5), msg);
    }  // the sender's heap is gone
    gc::Heap h;
    h.init(64);
    Term want = gc::make_tuple_of(h, Term::small(1), gc::make_cons(h, Term::small(2), Term::nil()));
    Fired f;
    bool seen = false;
    ts.expire(kStart + kMs, [&](const ExpiredTimer& t) {
        seen = true;
        EXPECT_EQ(t.kind, TimerKind::Message);
        EXPECT_EQ(t.dest, Term::pid(5));
        EXPECT_EQ(compare_terms(t.msg, want), 0);
    });
    EXPECT_TRUE(seen);
}

TEST(TimerService, CancelForProcessDropsOnlyItsPidTimers) {
    TimerService ts(kStart);
    ts.insert_message(kStart + kMs, 1, Term::pid(5), Term::nil());
    ts.insert_message(kStart + kMs, 2, Term::pid(6), Term::nil());
    ts.insert_message(kStart + kMs, 3, Term::pid(5), Term::nil());
    ts.insert_message(kStart + kMs, 4, Term::atom(0), Term::nil());
    EXPECT_EQ(ts.cancel_for_process(5), 2u);
    EXPECT_EQ(ts.cancel_for_process(5), 0u);
    EXPECT_TRUE(ts.cancel(2, kStart));  // pid 6's timer is still there
    Fired f;
    ts.expire(kStart + kMs, f.sink());
    EXPECT_EQ(f.ids(), (std::vector<uint64_t>{4}));
}

TEST(TimerService, ManyRandomTimersAllFireInOrder) {
    TimerService ts(kStart);
    std::mt19937_64 rng(12345);
    constexpr uint64_t kCount = 100000;
    std::vector<uint64_t> cancelled;
    for (uint64_t id = 1; id <= kCount; ++id) {
        uint64_t delay = rng() % (3 * TimerService::kWheelSlots * kMs);
        ts.insert_message(kStart + delay, id, Term::atom(0), Term::nil());
        if (id % 7 == 0) cancelled.push_back(id);
    }
    for (uint64_t id : cancelled) EXPECT_TRUE(ts.cancel(id, kStart));
    EXPECT_EQ(ts.size(), kCount - cancelled.size());
    Fired f;
    uint64_t now = kStart;
    while (ts.size() > 0) {
        auto next = ts.next_deadline();
        ASSERT_TRUE(next);
        ASSERT_GE(*next, now);
        now = *next + (rng() % 3) * kMs;
        ts.expire(now, f.sink());
    }
    ASSERT_EQ(f.timers.size(), kCount - cancelled.size());
    for (size_t i = 1; i < f.timers.size(); ++i)
        ASSERT_LE((f.timers[i - 1].deadline - 1) / kMs, (f.timers[i].deadline - 1) / kMs);
    std::vector<uint64_t> ids = f.ids();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
    for (uint64_t id : ids) EXPECT_NE(id % 7, 0u);
}

TEST(TimerService, ConcurrentInsertsCancelsAndExpires) {
    uint64_t start = steady_now_ns();
    TimerService ts(start);
    constexpr int kThreads = 4;
    constexpr uint64_t kPerThread = 20000;
    std::atomic<uint64_t> fired{0};
    std::atomic<bool> done{false};
    std::thread expirer([&] {
        while (!done.load()) ts.expire(steady_now_ns(), [&](const ExpiredTimer&) { ++fired; });
    });
    std::vector<std::thread> threads;
    std::atomic<uint64_t> cancelled{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (uint64_t i = 0; i < kPerThread; ++i) {
                uint64_t id = uint64_t(t) * kPerThread + i + 1;
                ts.insert_message(steady_now_ns() + (i % 20) * kMs, id, Term::atom(0),
                                  Term::nil());
                if (i % 5 == 0 && ts.cancel(id, steady_now_ns())) ++cancelled;
            }
        });
    }
    for (auto& th : threads) th.join();
    // Everything left fires within the longest delay.
    while (ts.size() > 0) std::this_thread::yield();
    done = true;
    expirer.join();
    EXPECT_EQ(fired.load() + cancelled.load(), kThreads * kPerThread);
    EXPECT_FALSE(ts.next_deadline());
}

} // namespace
} // namespace joist
