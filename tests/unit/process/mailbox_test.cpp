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
    p.take_inbox();
    Process::RecvMarker& k = p.recv_markers[0];
    k = Process::RecvMarker{p.mq_last, 7, 1};
    p.recv_markers_active = 1;
    return k;
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

} // namespace
} // namespace joist
