// The monitors on a process (MonitorSet): lookups stay right under the add/erase churn of a
// server that clients monitor and demonitor on every call, including runs of colliding slots.
#include <gtest/gtest.h>

#include <random>

#include "process/process.h"

namespace joist {
namespace {

Monitor monitor_with(uint64_t ref_id) { return Monitor{Term::nil(), ref_id, 7, 9, Term::none()}; }

TEST(MonitorSet, AddEraseAndOrder) {
    MonitorSet s;
    EXPECT_TRUE(s.empty());
    EXPECT_FALSE(s.erase(1));
    for (uint64_t id = 1; id <= 5; ++id) s.add(monitor_with(id));
    EXPECT_EQ(s.size(), 5u);
    EXPECT_TRUE(s.erase(3));
    EXPECT_FALSE(s.erase(3));
    std::vector<Monitor> v = s.newest_first();
    ASSERT_EQ(v.size(), 4u);
    EXPECT_EQ(v[0].ref_id, 5u);
    EXPECT_EQ(v[3].ref_id, 1u);
    std::vector<Monitor> all = s.take_all();
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].ref_id, 1u);
    EXPECT_TRUE(s.empty());
    s.add(monitor_with(42));  // usable again after take_all
    EXPECT_TRUE(s.erase(42));
}

// Random adds and erases checked against a plain list of what is in: erasing from the
// middle of a probe run must leave every other entry findable.
TEST(MonitorSet, ChurnMatchesAReferenceList) {
    MonitorSet s;
    std::vector<uint64_t> in;
    std::mt19937_64 rng(12345);
    uint64_t next = 1;
    for (int step = 0; step < 200000; ++step) {
        // Grow to a few hundred entries, then churn around that size.
        if (in.size() < 300 ? rng() % 4 != 0 : rng() % 2 == 0) {
            uint64_t id = next++;
            s.add(monitor_with(id));
            in.push_back(id);
        } else if (!in.empty()) {
            size_t k = rng() % in.size();
            EXPECT_TRUE(s.erase(in[k]));
            in[k] = in.back();
            in.pop_back();
        }
        if (step % 997 == 0) {
            EXPECT_FALSE(s.erase(next * 1000 + 1));  // never added
            ASSERT_EQ(s.size(), in.size());
        }
    }
    for (uint64_t id : in) EXPECT_TRUE(s.erase(id)) << id;
    EXPECT_TRUE(s.empty());
}

} // namespace
} // namespace joist
