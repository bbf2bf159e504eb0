// A process: its heap and stack, its exception state, its dictionary, its mailbox, links and
// monitors, and where it stopped. Builtins and the interpreter raise Erlang exceptions by
// recording class and reason here and returning Term::none() (THE_NON_VALUE).
#pragma once
#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <memory>
#include <unordered_map>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "gc/heap.h"
#include "process/message.h"
#include "term/atom_table.h"
#include "term/term.h"

namespace joist {

class Vm;
struct Export;
using Instr = uint64_t;

enum class ProcStatus : uint8_t {
    Runnable,  // in a run queue or about to be
    Running,
    Waiting,   // in receive, waiting for a message or a timeout
    Exited,
};

struct Monitor {
    Term ref;            // the monitor reference (a term on the watcher's heap: see links)
    uint64_t ref_id;     // the reference's number (refs are compared by it)
    uint64_t watcher;    // pid number of the process that gets the 'DOWN'
    uint64_t target;     // pid number watched
    Term target_name;    // the registered name monitored, or none()
};

// The monitors on a process, by reference number: a server watched by many clients that
// monitor and demonitor it on every call (gen_server:call) adds and drops in O(1) without
// allocating. An open-addressing table (linear probing; reference numbers are never 0, the
// empty key), made on first use, so a process nobody monitors pays one pointer; erasing
// shifts the following entries back, so no tombstones pile up under add/erase churn.
class MonitorSet {
public:
    void add(const Monitor& m) {
        if (!m_slots || 4 * (m_size + 1) > 3 * m_capacity) grow();
        Entry& e = m_slots[find_slot(m.ref_id)];
        if (e.monitor.ref_id == 0) ++m_size;
        e = Entry{m, m_next++};
    }
    bool erase(uint64_t ref_id) {
        if (!m_slots || ref_id == 0) return false;
        size_t i = find_slot(ref_id);
        if (m_slots[i].monitor.ref_id == 0) return false;
        // Backward shift: move up each later entry of the run whose home slot is not
        // between the hole and it, so every entry stays reachable from its home slot.
        size_t mask = m_capacity - 1;
        for (size_t j = (i + 1) & mask; m_slots[j].monitor.ref_id != 0; j = (j + 1) & mask) {
            size_t home = hash(m_slots[j].monitor.ref_id) & mask;
            if (((j - home) & mask) >= ((j - i) & mask)) {
                m_slots[i] = m_slots[j];
                i = j;
            }
        }
        m_slots[i].monitor.ref_id = 0;
        --m_size;
        return true;
    }
    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // Newest first, as erl lists process_info(P, monitored_by).
    std::vector<Monitor> newest_first() const {
        std::vector<const Entry*> v;
        for (size_t i = 0; i < m_capacity; ++i)
            if (m_slots[i].monitor.ref_id != 0) v.push_back(&m_slots[i]);
        std::sort(v.begin(), v.end(), [](const Entry* a, const Entry* b) { return a->seq > b->seq; });
        std::vector<Monitor> r;
        for (const Entry* e : v) r.push_back(e->monitor);
        return r;
    }
    // Empties the set, returning what it held (oldest first).
    std::vector<Monitor> take_all() {
        std::vector<Monitor> r = newest_first();
        std::reverse(r.begin(), r.end());
        m_slots.reset();
        m_capacity = m_size = 0;
        return r;
    }

private:
    struct Entry {
        Monitor monitor;  // monitor.ref_id == 0: free slot
        uint64_t seq;
    };
    // Reference numbers are sequential: a multiplicative hash spreads them over the table.
    static size_t hash(uint64_t ref_id) { return size_t((ref_id * 0x9E3779B97F4A7C15ull) >> 32); }
    // The slot holding `ref_id`, or the free slot where it would go.
    size_t find_slot(uint64_t ref_id) const {
        size_t mask = m_capacity - 1;
        size_t i = hash(ref_id) & mask;
        while (m_slots[i].monitor.ref_id != 0 && m_slots[i].monitor.ref_id != ref_id)
            i = (i + 1) & mask;
        return i;
    }
    void grow() {
        size_t cap = m_capacity ? 2 * m_capacity : 8;
        std::unique_ptr<Entry[]> old = std::move(m_slots);
        size_t old_cap = m_capacity;
        m_slots = std::make_unique<Entry[]>(cap);
        for (size_t i = 0; i < cap; ++i) m_slots[i].monitor.ref_id = 0;
        m_capacity = cap;
        for (size_t i = 0; i < old_cap; ++i)
            if (old[i].monitor.ref_id != 0) m_slots[find_slot(old[i].monitor.ref_id)] = old[i];
    }

    std::unique_ptr<Entry[]> m_slots;
    size_t m_capacity = 0;  // a power of two
    size_t m_size = 0;
    uint64_t m_next = 0;
};


struct Process {
    gc::Heap heap;
    Vm* vm = nullptr;
    uint64_t number = 0;  // pid number: <0.number.0>

    // Exception state: valid after something returned Term::none().
    Term exc_class = am::error;  // am::error / am::exit / am::throw_
    Term exc_reason = Term::nil();
    Term exc_trace = Term::nil();   // the raw stack trace term, once built
    Term exc_args = Term::none();   // error/2's argument list: replaces the arity in the trace
    bool exc_caller = false;        // raised by erlang:error/exit/throw: no BIF frame in the trace
    bool exc_trace_given = false;   // erlang:raise/3 supplied exc_trace
    Term exc_cause = Term::none();  // a BIF's error_info cause (badopt ...), for its frame
    Term exc_error_info = Term::none();  // error/3's {error_info, Map}: ends the top frame's
                                         // location list

    Term dictionary = Term::nil();  // process dictionary: a list of {Key, Value}
    Term group_leader = Term::nil();
    uint64_t reductions = 0;
    uint64_t reds_at_bif = 0;  // reductions of the running slice not yet in `reductions`,
                               // as at the last BIF call (for process_info of itself)

    // --- scheduling: where the process stopped and what it needs to resume ---
    // Scheduling flags (ERTS's process state word): which of running / queued / has-work holds.
    // Any thread may set kActive and queue the process (Scheduler::wake); only the scheduler
    // running it clears kRunning. See sched/scheduler.cpp for the protocol.
    static constexpr uint32_t kActive = 1;   // something arrived since it last looked
    static constexpr uint32_t kRunning = 2;  // a scheduler is running it
    static constexpr uint32_t kInRunQ = 4;   // in a run queue
    static constexpr uint32_t kExited = 8;   // gone: no more signals are acted on
    std::atomic<uint32_t> sched_flags{0};
    ProcStatus status = ProcStatus::Runnable;  // owner's view (process_info status)
    uint8_t priority_queue = 2;  // run queue by priority: 0 max, 1 high, 2 normal, 3 low
    std::atomic<uint16_t> home{0};             // the scheduler that last ran it
    // The scheduler it is bound to (1-based, spawn_opt's {scheduler, N}, process_flag(scheduler,
    // N)); 0: none. Its run queue is then that scheduler's, and no other one steals it.
    std::atomic<uint16_t> bound{0};
    const Instr* pc = nullptr;        // next instruction to run
    std::vector<Term> saved_x;        // live x registers while not running
    Term initial_call = Term::nil();  // {M, F, A}
    // Whoever holds run_lock acts as the process's owner: its scheduler while running it, or a
    // process inspecting it (process_info of another process).
    std::mutex run_lock;

    // --- mailbox: messages taken from the in-queue, oldest first; `save` is where the
    // current receive continues (loop_rec_end advances it, remove_message resets it) ---
    Inbox inbox;
    Message* mq_first = nullptr;
    Message** mq_last = &mq_first;
    Message** mq_save = &mq_first;
    size_t mq_len = 0;
    // Receive timeout: the deadline (monotonic ns; 0: none) the interpreter sets in wait_timeout;
    // the scheduler arms a timer tagged with timer_seq when the process waits, and the timer
    // records the tag it fired with in timer_fired (any thread).
    uint64_t timer_deadline = 0;
    static constexpr uint64_t kNoDeadline = UINT64_MAX;  // timer_deadline of `after infinity`
    uint64_t timer_seq = 0;            // owner: the current receive timer's tag
    uint64_t timer_armed_deadline = 0; // owner: the deadline a timer is armed for (0: none)
    std::atomic<uint64_t> timer_fired{0};
    uint64_t timer_id = 0;             // owner: the armed timer (TimerService id), to cancel it
    uint16_t timer_wheel = 0;          // owner: the scheduler whose receive timers hold it
    const Instr* timeout_pc = nullptr;  // the receive's `timeout` instruction

    // Receive markers (OTP's recv_marker_* instructions): `Ref = make_ref(), ... receive
    // {Ref, _}` starts its scan where the queue ended when the reference was made, since no
    // older message can hold it. A marker is a queue position like mq_last; removing the
    // message it follows moves it back (remove_message_at). A process has kRecvMarkers of them
    // (as erl): a reserve takes a free one, else the oldest (a marker lost that way only makes
    // its receive scan from the oldest message). Markers are named by `uniq`, the process's
    // own counter (erl's process-unique integers; erts_debug's process_uniq_counter sets it).
    struct RecvMarker {
        Message** pos = nullptr;  // nullptr: free slot
        uint64_t ref_id = 0;      // the bound reference's number; 0: reserved, not bound
        int64_t uniq = 0;         // which reserve made it (the counter's value then)
    };
    static constexpr unsigned kRecvMarkers = 8;
    std::unique_ptr<RecvMarker[]> recv_markers;  // made by the first reserve
    int64_t uniq = 0;  // the next process-unique integer
    unsigned recv_markers_active = 0;

    std::span<RecvMarker> markers() { return {recv_markers.get(), recv_markers ? kRecvMarkers : 0}; }
    // A marker at the queue's end (after taking the in-queue); returns its uniq number.
    int64_t reserve_recv_marker() {
        take_inbox();
        if (!recv_markers) recv_markers = std::make_unique<RecvMarker[]>(kRecvMarkers);
        RecvMarker* k = nullptr;
        if (recv_markers_active == kRecvMarkers) {
            k = &recv_markers[0];
            for (RecvMarker& m : markers())
                if (int64_t(uint64_t(m.uniq) - uint64_t(k->uniq)) < 0) k = &m;  // the oldest
        } else {
            for (RecvMarker& m : markers())
                if (!m.pos) {
                    k = &m;
                    break;
                }
            ++recv_markers_active;
        }
        int64_t u = uniq;
        uniq = int64_t(uint64_t(uniq) + 1);
        *k = RecvMarker{mq_last, 0, u};
        return u;
    }
    void bind_recv_marker(int64_t u, uint64_t ref_id) {
        if (!recv_markers_active) return;
        for (RecvMarker& m : markers())
            if (m.pos && m.uniq == u && !m.ref_id) {
                m.ref_id = ref_id;
                return;
            }
    }
    // Where a receive for reference `ref_id` may start (its marker), or nullptr.
    Message** find_recv_marker(uint64_t ref_id) {
        if (recv_markers_active && ref_id)
            for (RecvMarker& m : markers())
                if (m.pos && m.ref_id == ref_id) return m.pos;
        return nullptr;
    }
    void clear_recv_marker(uint64_t ref_id) {
        if (!recv_markers_active || !ref_id) return;
        for (RecvMarker& m : markers())
            if (m.pos && m.ref_id == ref_id) {
                m = RecvMarker{};
                --recv_markers_active;
            }
    }

    // --- failure: links, monitors, exit ---
    bool trap_exit = false;
    std::vector<uint64_t> links;      // pid numbers
    std::vector<Monitor> monitors;    // monitors this process holds (it gets the 'DOWN')
    MonitorSet monitored_by;          // monitors on this process
    Term pending_exit = Term::none(); // an exit signal to act on when next scheduled
    Term registered_name = Term::none();
    bool has_aliases = false;  // made an alias once (monitor/3, alias/1): demonitor checks
                               // the alias table only then (it takes the table's mutex)
    // monitor/3's {tag, T}: the first element of those monitors' 'DOWN' messages instead of
    // 'DOWN', by reference number, each a copy of T in a message of its own (made on first use).
    std::unique_ptr<std::unordered_map<uint64_t, Message*>> monitor_tags;

    // --- process flags (process_flag/2, spawn_opt/4) and what process_info/2 reports ---
    Term error_handler = am::error_handler;  // the module undefined calls go through
    Term priority = am::normal;              // low | normal | high | max
    void set_priority(Term level) {  // and the run queue the scheduler puts it in
        priority = level;
        std::string_view n = atoms().name(level);
        priority_queue = n == "max" ? 0 : n == "high" ? 1 : n == "low" ? 3 : 2;
    }
    bool off_heap_messages = false;          // message_queue_data: off_heap
    bool sensitive = false;
    // Set once the process has owned an ETS table (ets:new, give_away, heir): only then does
    // its exit look through the table registry (ets/table.h). Any thread sets it.
    std::atomic<bool> may_own_ets{false};
    int64_t save_calls = 0;
    uint64_t parent = 0;  // pid number of the spawner; 0: none

    // A BIF that needs the process stopped once it returns (erlang:yield/0: run others
    // first; erlang:hibernate/3: it reset the stack, pc and saved_x, and waits for a message).
    // Trap: the BIF's call goes on as a call of trap_call().target with its args (erl's BIF_TRAP:
    // the function runs in the BIF's place, returning to the BIF's caller). Only the call_bif
    // trampoline acts on it, so only BIFs never compiled inline (as bif/gc_bif instructions)
    // may trap.
    // TrapYield: as Trap, but the process is scheduled out first and makes the call when it
    // runs again: a long BIF goes on in slices (its continuation is a trap export, vm.h, that
    // carries the BIF's own {M, F, A}, which is the process's current function meanwhile).
    enum class AfterBif : uint8_t { Continue, Yield, Hibernate, Trap, TrapYield };
    AfterBif after_bif = AfterBif::Continue;
    // The call a trapping BIF continues as: taken by the trampoline on the same thread right
    // after the BIF returns, so it is kept per thread rather than in every process.
    struct TrapCall {
        Export* target = nullptr;
        Term args[4];
    };
    static TrapCall& trap_call() {
        static thread_local TrapCall call;
        return call;
    }
    // Returns what the BIF returns to make its call continue as target(args...).
    Term trap(Export* target, std::initializer_list<Term> args) {
        after_bif = AfterBif::Trap;
        TrapCall& t = trap_call();
        t.target = target;
        size_t i = 0;
        for (Term a : args)
            if (i < 4) t.args[i++] = a;
        return t.args[0];
    }
    Term trap_yield(Export* target, std::initializer_list<Term> args) {
        Term r = trap(target, args);
        after_bif = AfterBif::TrapYield;
        return r;
    }
    // The trap export a TrapYield left the process at (its pc is the export's code then).
    const Export* yielded_in = nullptr;
    // The BIF whose trap export's code `at` is, if the process yielded there (its current
    // function for process_info/2 and trace events); else nullptr.
    const Export* yielded_bif_at(const Instr* at) const;

    // erlang:trace/3 flags on this process (process/trace.h) and the tracer's pid number.
    // Set by any process, read by the owner's scheduler.
    std::atomic<uint32_t> trace_flags{0};
    std::atomic<uint64_t> tracer{0};

    // Takes the in-queue into the private queue (message fragments join the heap) and acts on
    // the signals in it, in arrival order (process_table.cpp). Owner only.
    void take_inbox() {
        if (!inbox.empty()) take_inbox_slow();
    }
    void take_inbox_slow();
    // Appends a message (its fragment joins the heap).
    void enqueue_message(Message* m) {
        m->next = nullptr;
        if (m->fragment) {
            if (m->info) heap.off_heap.absorb(m->info->off_heap);  // before attaching: gc_due
                                                                   // sees both
            heap.attach_fragment(m->fragment);
            m->fragment = nullptr;
        }
        *mq_last = m;
        mq_last = &m->next;
        ++mq_len;
    }
    // Unlinks and frees the message `*at`; a receive in progress starts over from the oldest.
    void remove_message_at(Message** at) {
        Message* m = *at;
        *at = m->next;
        if (mq_last == &m->next) mq_last = at;
        if (recv_markers_active)
            for (RecvMarker& k : markers())
                if (k.pos == &m->next) k.pos = at;
        --mq_len;
        delete m;
        mq_save = &mq_first;
    }
    void remove_saved_message() { remove_message_at(mq_save); }
    ~Process() {
        if (monitor_tags)
            for (auto& [id, tag] : *monitor_tags) delete tag;
        for (Message* m = inbox.take_all(); m;) {
            Message* next = m->next;
            delete m;
            m = next;
        }
        for (Message* m = mq_first; m;) {
            Message* next = m->next;
            delete m;
            m = next;
        }
    }

    Term pid() const { return Term::pid(number); }
    // The {tag, T} message of monitor `ref_id`, taken out of monitor_tags (the caller owns
    // it), or nullptr.
    Message* take_monitor_tag(uint64_t ref_id) {
        if (!monitor_tags) return nullptr;
        auto it = monitor_tags->find(ref_id);
        if (it == monitor_tags->end()) return nullptr;
        Message* tag = it->second;
        monitor_tags->erase(it);
        return tag;
    }

    // Raise helpers: record the exception and return none() for the caller to return.
    Term raise(Term cls, Term reason) {
        exc_class = cls;
        exc_reason = reason;
        exc_args = Term::none();
        exc_caller = false;
        exc_trace_given = false;
        return Term::none();
    }
    Term error(Term reason) { return raise(am::error, reason); }
    Term badarg() { return error(am::badarg); }
    Term badarith() { return error(am::badarith); }

    Term* alloc(size_t words) { return heap.alloc(words); }
};

} // namespace joist
