// Tests for the mailbox in process/process.h: the private queue, and receive markers (the
// queue positions recv_marker_reserve records) staying valid when messages are removed.
#include <gtest/gtest.h>

#include <vector>

#include "process/process.h"

namespace joist {
namespace {

void deliver(Process& p, int64_t v) {
    auto* m = new Message();
    m->term = Term::small(v);
    p.inbox.push(m);
}

// The values of the messages from `at` on.
std::vector<int64_t> from(Message* const* at) {
    std::vector<int64_t> out;
    for (const Message* m = *at; m; m = m->next) out.push_back(m->term.small_value());
    return out;
}

// A marker at the end of the queue, as recv_marker_reserve sets it.
Process::RecvMarker& reserve(Process& p) {
    int64_t u = p.reserve_recv_marker();
    p.bind_recv_marker(u, 7);
    for (Process::RecvMarker& k : p.markers())
        if (k.uniq == u) return k;
    ADD_FAILURE() << "no marker";
    return p.markers()[0];
}

Message** position_of(Process& p, int64_t v) {
    Message** at = &p.mq_first;
    while (*at && (*at)->term.small_value() != v) at = &(*at)->next;
    return at;
}

TEST(Mailbox, TakeInboxKeepsSendOrder) {
    Process p;
    for (int i = 1; i <= 3; ++i) deliver(p, i);
    p.take_inbox();
    EXPECT_EQ(from(&p.mq_first), (std::vector<int64_t>{1, 2, 3}));
    EXPECT_EQ(p.mq_len, 3u);
}

TEST(Mailbox, MarkerSkipsOlderMessages) {
    Process p;
    deliver(p, 1);
    deliver(p, 2);
    Process::RecvMarker& k = reserve(p);
    deliver(p, 3);
    p.take_inbox();
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{3}));
}

TEST(Mailbox, MarkerMovesBackWhenItsMessageIsRemoved) {
    Process p;
    deliver(p, 1);
    deliver(p, 2);
    Process::RecvMarker& k = reserve(p);  // after message 2
    p.remove_message_at(position_of(p, 2));
    deliver(p, 3);
    p.take_inbox();
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{3}));
    EXPECT_EQ(from(&p.mq_first), (std::vector<int64_t>{1, 3}));
}

TEST(Mailbox, MarkerOnEmptyQueueSurvivesRemovals) {
    Process p;
    Process::RecvMarker& k = reserve(p);  // at the queue's head
    deliver(p, 1);
    deliver(p, 2);
    p.take_inbox();
    p.remove_message_at(position_of(p, 1));
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{2}));
    p.remove_message_at(position_of(p, 2));
    deliver(p, 3);
    p.take_inbox();
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{3}));
    EXPECT_EQ(p.mq_len, 1u);
}

TEST(Mailbox, RemovingOtherMessagesLeavesTheMarker) {
    Process p;
    for (int i = 1; i <= 3; ++i) deliver(p, i);
    Process::RecvMarker& k = reserve(p);  // after message 3
    deliver(p, 4);
    p.take_inbox();
    p.remove_message_at(position_of(p, 1));
    p.remove_message_at(position_of(p, 4));
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{}));
    deliver(p, 5);
    p.take_inbox();
    EXPECT_EQ(from(k.pos), (std::vector<int64_t>{5}));
    EXPECT_EQ(from(&p.mq_first), (std::vector<int64_t>{2, 3, 5}));
}

TEST(Mailbox, MarkersFoundByReference) {
    Process p;
    deliver(p, 1);
    int64_t a = p.reserve_recv_marker();
    p.bind_recv_marker(a, 100);
    deliver(p, 2);
    int64_t b = p.reserve_recv_marker();
    p.bind_recv_marker(b, 200);
    deliver(p, 3);
    p.take_inbox();
    EXPECT_EQ(from(p.find_recv_marker(100)), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(from(p.find_recv_marker(200)), (std::vector<int64_t>{3}));
    EXPECT_EQ(p.find_recv_marker(300), nullptr);
    p.clear_recv_marker(100);
    EXPECT_EQ(p.find_recv_marker(100), nullptr);
    EXPECT_EQ(p.recv_markers_active, 1u);
    EXPECT_NE(p.find_recv_marker(200), nullptr);
}

// More markers than a process keeps: the oldest ones go, the newest stay; a freed slot is
// taken before any marker in use is.
TEST(Mailbox, OldestMarkerReusedWhenAllInUse) {
    Process p;
    p.uniq = 5;
    for (uint64_t r = 1; r <= Process::kRecvMarkers + 2; ++r) {
        deliver(p, int64_t(r));
        p.bind_recv_marker(p.reserve_recv_marker(), r);
    }
    EXPECT_EQ(p.recv_markers_active, Process::kRecvMarkers);
    EXPECT_EQ(p.find_recv_marker(1), nullptr);
    EXPECT_EQ(p.find_recv_marker(2), nullptr);
    for (uint64_t r = 3; r <= Process::kRecvMarkers + 2; ++r)
        EXPECT_NE(p.find_recv_marker(r), nullptr) << r;
    p.clear_recv_marker(5);
    p.bind_recv_marker(p.reserve_recv_marker(), 99);
    EXPECT_NE(p.find_recv_marker(3), nullptr);
    EXPECT_NE(p.find_recv_marker(99), nullptr);
    EXPECT_EQ(p.uniq, int64_t(5 + Process::kRecvMarkers + 3));
}

// The counter wraps around (erts_debug can set it anywhere); the oldest is still the one
// reserved first.
TEST(Mailbox, MarkerCounterWraps) {
    Process p;
    p.uniq = INT64_MAX - 3;
    for (uint64_t r = 1; r <= Process::kRecvMarkers + 1; ++r)
        p.bind_recv_marker(p.reserve_recv_marker(), r);
    EXPECT_EQ(p.find_recv_marker(1), nullptr);
    EXPECT_NE(p.find_recv_marker(2), nullptr);
    EXPECT_NE(p.find_recv_marker(Process::kRecvMarkers + 1), nullptr);
}

} // namespace
} // namespace joist
