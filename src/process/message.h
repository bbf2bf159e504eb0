// Messages and the in-queue senders push them into.
//
// A message is built by its sender in a heap fragment of its own (a deep copy of the term);
// the receiver attaches the fragment to its heap when it takes the message into its private
// queue, so its next collection absorbs it. The in-queue is many-writers/one-reader: senders
// push onto an intrusive stack with one atomic exchange; the owner takes the whole stack and
// reverses it, which restores each sender's order.
#pragma once
#include <atomic>
#include <cstdlib>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

// What travels through a process's in-queue: ordinary messages and, in the same queue so that
// their order between one sender and one receiver holds, the signals that processes send each
// other (ERTS's signal queue). The receiver acts on a signal itself, on its own thread, when it
// takes its in-queue (process_table.cpp: handle_signal); no other thread ever touches its
// links or monitors.
enum class SignalKind : uint8_t {
    Message,    // term: the message
    Exit,       // term: {'EXIT', From, Reason}; from_link says whether a link sent it
    Link,       // from: the linker
    Unlink,     // from: the unlinker
    Monitor,    // from: the watcher; ref_id; name: the registered name monitored, or none()
    Demonitor,  // ref_id
    Down,       // term: {'DOWN', Ref, process, Who, Reason}; ref_id
};

// What a signal carries besides its term, and a message's off-heap binaries. A plain message
// without refcounted binaries (the common case) has none, so its node is four words: a
// receive that scans a long queue reads half a cache line per message.
struct SignalInfo {
    gc::OffHeap off_heap;  // the RefcBins in the fragment (they join the heap's list with it)
    SignalKind kind = SignalKind::Message;
    bool from_link = false;
    uint64_t from = 0;    // pid number of the sender (signals)
    uint64_t ref_id = 0;  // monitor reference number (Monitor, Demonitor, Down)
    Term name = Term::nil();

    static void* operator new(size_t size);  // a per-thread cache, as Message's
    static void operator delete(void* p) noexcept;
};

struct Message {
    Message* next = nullptr;
    Term term;
    gc::Fragment* fragment = nullptr;  // owns the term's words until attached to a heap
    SignalInfo* info = nullptr;        // see SignalInfo; none for a plain message

    SignalKind kind() const { return info ? info->kind : SignalKind::Message; }
    // The signal fields, made on first use.
    SignalInfo& signal() {
        if (!info) info = new SignalInfo();
        return *info;
    }
    // A fragment still here was never attached: drop its binaries' references, then free it
    // (the off-heap list points into the fragment, so the order matters).
    ~Message() {
        delete info;
        gc::Heap::free_fragment(fragment);
    }

    // Messages come and go at the rate processes talk: each thread keeps a cache of freed
    // nodes (a node freed on another thread than the one that made it just moves over).
    static void* operator new(size_t size);
    static void operator delete(void* p) noexcept;
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
