// All live processes by pid number, the name registry, and the services that act between
// processes: spawning, sending, exit signals, links and monitors. Scheduling is not here:
// a process that must run again is handed to the Waker (the scheduler implements it).
#pragma once
#include <cstdint>
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
    // `p` has something to do (a message, a signal, a timeout): make it runnable.
    virtual void wake(Process& p) = 0;
};

class ProcessTable {
public:
    static constexpr size_t kDefaultLimit = 1048576;  // erl's default process limit (+P)

    // A new process with a fresh heap, registered under the next pid number; nullptr at the
    // process limit.
    Process* create(Vm& vm, size_t min_heap_words);
    Process* find(uint64_t number) const;
    Process* find(Term pid) const {
        return pid.is_local_pid() ? find(pid.pid_number()) : nullptr;
    }
    // Frees a process that has exited (after its signals went out).
    void destroy(uint64_t number);
    size_t count() const;
    std::vector<uint64_t> numbers() const;

    // Registry: false if the name or the process is already registered.
    bool register_name(Term name, Process& p);
    bool unregister_name(Term name);
    std::optional<uint64_t> whereis(Term name) const;
    std::vector<Term> registered() const;

    // Aliases (erlang:alias/1, monitor/3's alias option): reference number -> owner pid.
    void add_alias(uint64_t ref_id, uint64_t pid);
    void remove_alias(uint64_t ref_id);
    std::optional<uint64_t> alias_owner(uint64_t ref_id) const;

    Waker* waker = nullptr;
    size_t limit = kDefaultLimit;

private:
    mutable std::mutex m_mutex;  // one scheduler for now; kept for the multi-core issue
    std::unordered_map<uint64_t, std::unique_ptr<Process>> m_procs;
    std::unordered_map<uint32_t, uint64_t> m_names;  // atom index -> pid number
    std::unordered_map<uint64_t, uint64_t> m_aliases;  // reference number -> pid number
    uint64_t m_next = 1;
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

// Sends a copy of `msg` to `to` (in-queue push; wakes it if it waits). A dead `to` drops it.
void send_message(Process& to, Term msg);
// An exit signal from `from` (pid term) with `reason`, as erl: trapped -> {'EXIT', From, R}
// message; normal -> ignored; kill (from exit/2) -> killed; else the process exits.
void send_exit_signal(Process& to, Term from, Term reason, bool from_link);
// The process ends with `reason`: links get exit signals, monitors 'DOWN' messages, its name
// is released. The caller destroys it afterwards.
void process_exited(Vm& vm, Process& p, Term reason);

} // namespace joist
