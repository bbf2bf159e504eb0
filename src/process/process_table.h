// All live processes by pid number, the name registry, and the services that act between
// processes: spawning, sending, exit signals, links and monitors. Scheduling is not here:
// a process that must run again is handed to the Waker (the scheduler implements it).
#pragma once
#include <cstdint>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "process/process.h"

namespace joist {

class Waker {
public:
    virtual ~Waker() = default;
    // `p` has something to do (a message, a signal, a timeout): make it runnable. Any thread.
    virtual void wake(Process& p) = 0;
};

/* The process table. Lookups by pid take no lock: a fixed array of slots indexed by the low
 * bits of the pid number (a pid number is placed in a free slot; the slot's process is checked
 * against the full number). A process that exits is unlinked from its slot and "retired": its
 * memory is freed only once every scheduler thread has passed a quiescent point (between two
 * slices) since, so a Process* found by another thread stays valid for the rest of that
 * thread's slice (epoch-based reclamation; ERTS uses "thread progress" for the same end).
 * Spawning, exit and names take the table's mutex; aliases, the lock of their shard. */
class ProcessTable {
public:
    static constexpr size_t kDefaultLimit = 262144;  // erl 25's default process limit

    ProcessTable();
    ~ProcessTable();

    // A new process with a fresh heap, registered under the next pid number; nullptr at the
    // process limit.
    Process* create(Vm& vm, size_t min_heap_words);
    // A live process (not exited) by pid number; valid until the caller's next quiescent point.
    Process* find(uint64_t number) const;
    Process* find(Term pid) const {
        return pid.is_local_pid() ? find(pid.pid_number()) : nullptr;
    }
    // Takes an exited process out of the table (after its signals went out); freed later.
    void retire(Process& p);
    size_t count() const;
    std::vector<uint64_t> numbers() const;

    // Registry: false if the name or the process is already registered.
    bool register_name(Term name, Process& p);
    bool unregister_name(Term name);
    std::optional<uint64_t> whereis(Term name) const;
    std::vector<Term> registered() const;
    // The name `p` is registered under, or none() (registered_name is guarded by the table).
    Term name_of(const Process& p) const;

    // Aliases (erlang:alias/1, monitor/3's alias option): reference number -> owner pid.
    void add_alias(uint64_t ref_id, uint64_t pid);
    void remove_alias(uint64_t ref_id);
    std::optional<uint64_t> alias_owner(uint64_t ref_id) const;

    // --- reclamation: scheduler threads 0..n-1 report quiescent points ---
    void set_threads(unsigned n);
    // Thread `i` holds no Process* from before this call (it is between two slices).
    void quiescent(unsigned i) {
        m_epochs[i].value.store(m_epoch.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
    }
    // Thread `i` holds no Process* until its next quiescent() (it is going to sleep).
    void idle(unsigned i) { m_epochs[i].value.store(0, std::memory_order_seq_cst); }
    // Frees the retired processes no thread can still see (answering late link and monitor
    // requests with noproc first). Called by scheduler threads now and then.
    void reclaim();
    // At shutdown, when no scheduler runs: frees every process.
    void free_all();

    // +P N: erl's rule, the next power of two (1024 at least). Before any process exists.
    // False for a number outside erl's range [1024, 134217727].
    bool set_limit(uint64_t n);
    size_t limit() const { return m_limit; }

    Waker* waker = nullptr;

private:
    struct alignas(64) Epoch {
        std::atomic<uint64_t> value{0};
    };
    size_t m_limit = kDefaultLimit;
    size_t m_slot_mask = kDefaultLimit - 1;  // slots: the limit (a free one always exists)
    std::atomic<Process*>* m_slots;          // calloc'd: untouched pages stay virtual

    mutable std::mutex m_mutex;
    std::unordered_map<uint64_t, std::unique_ptr<Process>> m_procs;  // owner of live ones
    std::unordered_map<uint32_t, uint64_t> m_names;  // atom index -> pid number
    // Aliases: reference number -> pid number, in shards with a lock each. Every
    // gen_server:call adds, looks up and removes one, from whichever schedulers its client
    // and server run on: under the table's one mutex they queued behind each other.
    struct alignas(64) AliasShard {
        mutable std::mutex mutex;
        std::unordered_map<uint64_t, uint64_t> owners;
    };
    static constexpr unsigned kAliasShardBits = 6;
    std::unique_ptr<AliasShard[]> m_alias_shards{new AliasShard[size_t(1) << kAliasShardBits]};
    AliasShard& alias_shard(uint64_t ref_id) const {  // a multiplicative hash's top bits
        return m_alias_shards[(ref_id * 0x9E3779B97F4A7C15ull) >> (64 - kAliasShardBits)];
    }
    uint64_t m_next = 1;

    std::atomic<uint64_t> m_epoch{1};
    std::unique_ptr<Epoch[]> m_epochs;
    unsigned m_threads = 0;
    std::mutex m_retired_mutex;
    std::vector<std::pair<uint64_t, std::unique_ptr<Process>>> m_retired;  // (epoch, process)
};

// A reference number unique in this VM, and the reference term for it.
uint64_t new_ref_id();
Term make_ref_term(gc::Heap& h, uint64_t id);
// The number of a reference made by make_ref_term (0 for any other term).
uint64_t ref_id_of(Term ref);

// The process a send to `dest` reaches: a pid, a registered name, {Name, Node} on this node,
// or an alias reference. nullptr with `bad` false: a dead or inactive destination (the message
// is dropped); `bad` true: not a destination at all (badarg).
Process* resolve_destination(Vm& vm, Term dest, bool& bad);

// Sends a copy of `msg` to `to` (in-queue push; wakes it). An exited `to` drops it.
void send_message(Process& to, Term msg);
// Signals (see process/message.h). The receiver acts on them when it next takes its in-queue.
// An exit signal from `from` (pid term) with `reason`: as erl, the receiver turns it into an
// {'EXIT', From, R} message when trapping exits, ignores normal, exits with killed for an
// exit/2 kill, and otherwise exits with R. One from a link is dropped if the link is gone.
void send_exit_signal(Process& to, Term from, Term reason, bool from_link);
void send_link_signal(Process& to, uint64_t from);
void send_unlink_signal(Process& to, uint64_t from);
void send_monitor_signal(Process& to, uint64_t watcher, uint64_t ref_id, Term name);
// A message holding a copy of `t` in a fragment of its own (not sent: the caller owns it).
Message* copy_to_message(Term t);
void send_demonitor_signal(Process& to, uint64_t ref_id);
// {'DOWN', Ref, process, Who, Reason} for monitor `ref_id`, if the watcher still holds it.
void send_down_signal(Process& watcher, uint64_t ref_id, Term who, Term reason);
// Acts on one signal as its receiver `p` (the owner). Process::take_inbox calls it.
void handle_signal(Process& p, Message* m);
// The process ends with `reason`: links get exit signals, monitors 'DOWN' messages, its name
// is released, it is retired. Called by its owner.
void process_exited(Vm& vm, Process& p, Term reason);
// erl's report of a process that ended with an uncaught error (bif/erlang_process.cpp): through
// joist's `user` process, in order with the other output.
void report_uncaught_error(Vm& vm, Process& p, Term reason);
// Takes `q`'s run_lock while `p` (the caller, whose own run_lock its scheduler holds) runs,
// without deadlocking against a process inspecting `p` at the same time. Unlock q.run_lock.
void lock_other(Process& p, Process& q);

} // namespace joist
