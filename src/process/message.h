// Messages and the in-queue senders push them into.
//
// A message is built by its sender in a heap fragment of its own (a deep copy of the term);
// the receiver attaches the fragment to its heap when it takes the message into its private
// queue, so its next collection absorbs it. The in-queue is many-writers/one-reader: senders
// push onto an intrusive stack with one atomic exchange; the owner takes the whole stack and
// reverses it, which restores each sender's order.
#pragma once
#include <atomic>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

struct Message {
    Message* next = nullptr;
    Term term;
    gc::Fragment* fragment = nullptr;  // owns the term's words until attached to a heap
    gc::OffHeap off_heap;  // the RefcBins in the fragment (they join the heap's list with it)
};

class Inbox {
public:
    Inbox() = default;
    Inbox(const Inbox&) = delete;
    Inbox& operator=(const Inbox&) = delete;

    // Any thread. Release: the message's words are visible to the reader that takes it.
    void push(Message* m) {
        Message* head = m_head.load(std::memory_order_relaxed);
        do {
            m->next = head;
        } while (!m_head.compare_exchange_weak(head, m, std::memory_order_release,
                                               std::memory_order_relaxed));
    }
    // Owner only. Acquire pairs with push's release. Returns the messages oldest first.
    Message* take_all() {
        Message* m = m_head.exchange(nullptr, std::memory_order_acquire);
        Message* fifo = nullptr;
        while (m) {
            Message* next = m->next;
            m->next = fifo;
            fifo = m;
            m = next;
        }
        return fifo;
    }
    bool empty() const { return m_head.load(std::memory_order_acquire) == nullptr; }

private:
    std::atomic<Message*> m_head{nullptr};
};

} // namespace joist
