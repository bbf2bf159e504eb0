// The timer service: every pending timer of the VM — receive timeouts and the message timers of
// erlang:send_after/start_timer — kept in a timer wheel as ERTS keeps them. Insert and cancel
// are O(1); timers further than the wheel's span wait, sorted, in an overflow set and move into
// the wheel as time advances. The service never touches processes: the scheduler asks for the
// next deadline (to sleep until it) and calls expire(), which hands each due timer to a callback
// that wakes the process or delivers the message (deliver_timer_message below does the latter).
//
// Thread safety: every member function may be called from any thread (one mutex; timers are
// rare next to sends and receives, which never take it).
#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

class ProcessTable;

// The steady (monotonic) clock in nanoseconds: the time base of every deadline below.
uint64_t steady_now_ns();

enum class TimerKind : uint8_t {
    Receive,  // a `receive ... after` timeout of process `pid`
    Message,  // send_after/start_timer: send `msg` to `dest`
};

// A timer handed to expire()'s callback. The message (and its fragment) stays owned by the
// service and is freed when the callback returns: the callback copies what it keeps.
struct ExpiredTimer {
    TimerKind kind;
    uint64_t id;        // the timer's id (the reference number for a message timer)
    uint64_t deadline;  // monotonic ns, as inserted
    // Receive: the waiting process and the sequence number its receive was given.
    uint64_t pid = 0;
    uint64_t seq = 0;
    // Message: a local pid or a registered name (both immediates) and the message to send.
    Term dest = Term::nil();
    Term msg = Term::nil();
};

class TimerService {
public:
    using TimerId = uint64_t;

    static constexpr uint64_t kTickNs = 1'000'000;  // 1 ms: erl's timer resolution
    static constexpr size_t kWheelSlots = 1 << 14;  // ticks the wheel spans (~16 s)
    // Ids made by insert_receive have this bit set; reference numbers (new_ref_id) never do.
    static constexpr TimerId kReceiveIdBit = TimerId(1) << 63;

    // `now_ns`: where the wheel starts; nothing expires before it.
    explicit TimerService(uint64_t now_ns);
    TimerService() : TimerService(steady_now_ns()) {}
    ~TimerService();
    TimerService(const TimerService&) = delete;
    TimerService& operator=(const TimerService&) = delete;

    // A receive timeout for process `pid` at `deadline_ns`. `seq` tells the callback whether
    // the timer is stale (the process has since left that receive). Returns an id for cancel().
    TimerId insert_receive(uint64_t deadline_ns, uint64_t pid, uint64_t seq);
    // A message timer identified by `ref_id` (a reference number, unique): at `deadline_ns`
    // `msg` goes to `dest`. The message is copied into a heap fragment the service owns.
    void insert_message(uint64_t deadline_ns, TimerId ref_id, Term dest, Term msg);

    // Removes the message timers addressed to process `pid` (by pid, not by name): erl
    // cancels them when the process exits. Returns how many.
    size_t cancel_for_process(uint64_t pid);

    // Removes a pending timer; its remaining time in whole ms (0 if due), or nullopt if
    // no such timer is pending (never was, cancelled, or already expired).
    std::optional<uint64_t> cancel(TimerId id, uint64_t now_ns);
    // The remaining time in ms of a pending timer, as cancel() but leaving it.
    std::optional<uint64_t> read(TimerId id, uint64_t now_ns) const;

    // When the earliest pending timer becomes due (monotonic ns, never before its deadline),
    // or nullopt when none is pending.
    std::optional<uint64_t> next_deadline() const;
    // Removes every timer due at `now_ns` and calls `deliver` on each, outside the lock
    // (`deliver` may insert or cancel): by deadline to the ms, timers due in the same ms in
    // the order they were inserted.
    // Returns how many were delivered.
    size_t expire(uint64_t now_ns, const std::function<void(const ExpiredTimer&)>& deliver);

    size_t size() const;
    // Whether any timer may be pending, without the lock: false can be stale by a timer
    // inserted on another thread just now, which a later call sees.
    bool may_have_pending() const { return m_count.load(std::memory_order_relaxed) != 0; }

private:
    static constexpr uint32_t kNil = UINT32_MAX;
    static constexpr uint64_t kSlotMask = kWheelSlots - 1;
    enum class Where : uint8_t { Free, Wheel, Overflow };

    // One timer. Nodes live in m_nodes and are reused through m_free; a wheel slot is a
    // doubly linked FIFO of node indices.
    struct Node {
        uint32_t prev = kNil, next = kNil;
        Where where = Where::Free;
        TimerKind kind = TimerKind::Receive;
        uint32_t generation = 0;  // bumped on reuse: a stale receive id no longer matches
        uint64_t tick = 0;        // the slot's tick (>= the cursor when inserted)
        uint64_t deadline = 0;
        uint64_t id = 0;
        uint64_t pid = 0, seq = 0;
        Term dest = Term::nil(), msg = Term::nil();
        gc::Fragment* fragment = nullptr;  // owns msg's words
    };
    struct Slot {
        uint32_t head = kNil, tail = kNil;
    };

    uint32_t alloc_node();
    void free_node(uint32_t i);  // the node must be unlinked; frees its fragment
    void place(uint32_t i);      // into the wheel or the overflow set, by its tick
    void unlink(uint32_t i);
    uint32_t find(TimerId id) const;  // kNil if not pending
    // The first tick in [from, to] whose slot holds timers (to - from < kWheelSlots).
    std::optional<uint64_t> next_busy_tick(uint64_t from, uint64_t to) const;
    void take_slot(uint64_t tick, std::vector<uint32_t>& due);
    void forget_dest_pid(uint64_t pid, TimerId id);

    mutable std::mutex m_mutex;
    // Invariants (under m_mutex): every tick before m_cursor has been expired; a timer with
    // tick < m_cursor + kWheelSlots is in slot (tick & kSlotMask), any later one in
    // m_overflow; bit s of m_busy is set iff slot s is not empty. A slot is in insertion
    // order: far timers move into it (expire) before any timer can be inserted there directly.
    uint64_t m_cursor;
    // m_cursor, readable without the lock: expire() returns at once when nothing can be due.
    std::atomic<uint64_t> m_cursor_hint;
    std::vector<Node> m_nodes;
    std::vector<uint32_t> m_free;
    std::vector<Slot> m_slots;
    std::array<uint64_t, kWheelSlots / 64> m_busy{};
    std::set<std::pair<uint64_t, uint32_t>> m_overflow;  // (tick, node)
    std::unordered_map<TimerId, uint32_t> m_by_ref;      // message timers: ref id -> node
    // Message timers addressed to a pid: pid number -> their ref ids.
    std::unordered_map<uint64_t, std::unordered_set<TimerId>> m_by_dest_pid;
    // Pending timers. Changed under m_mutex; read without it by may_have_pending().
    std::atomic<size_t> m_count{0};
};

// Delivers an expired message timer as erl does: to the pid if it is alive, to the process
// registered under the name at expiry if there is one; otherwise the message is dropped.
void deliver_timer_message(ProcessTable& processes, const ExpiredTimer& t);

} // namespace joist
