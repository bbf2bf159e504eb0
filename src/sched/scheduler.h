// The schedulers: one OS thread each (+S N, default one per online core). Each has run queues
// for the four priorities; a scheduler that runs dry steals from the others, and sleeps (no
// spinning) until there is work or a timer is due. A process runs a slice of reductions at a
// time. The Scheduler is the ProcessTable's Waker.
//
// A process's sched_flags (process.h) say whether it is running, queued, or has new work.
// Waking (any thread) sets kActive and, when the process is neither running nor queued, also
// kInRunQ and pushes it onto the waker's own run queue. The scheduler that takes a process off
// a queue swaps kInRunQ|kActive for kRunning; when the process stops it drops kRunning, unless
// kActive came in meanwhile (a message raced its receive), in which case it queues it again.
// So a wake-up is never lost and a process is never in two places.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "interp/interp.h"
#include "process/process_table.h"

namespace joist {

struct ExpiredTimer;
class TimerService;
class Vm;

class Scheduler final : public Waker {
public:
    static constexpr int64_t kSlice = 4000;  // reductions per turn, as ERTS

    // `threads`: how many schedulers (at least 1).
    Scheduler(Vm& vm, unsigned threads);
    ~Scheduler() override;
    void wake(Process& p) override;
    void enqueue(Process& p) { wake(p); }

    // What the boot process (running the -s calls) does when a call returns or fails.
    struct BootHooks {
        std::function<void(Process&)> on_done;   // start the next call (enqueue), or leave it
        std::function<int(Process&)> on_error;   // print erl's report; returns exit status
    };
    // Runs the schedulers (this thread is the first) until erlang:halt or a failed boot call;
    // returns the exit status.
    int run(Process& boot, const BootHooks& hooks);

    unsigned count() const { return unsigned(m_workers.size()); }
    unsigned online() const { return m_online.load(std::memory_order_relaxed); }
    // erlang:system_flag(schedulers_online, N): schedulers N+1.. hand their processes over and
    // sleep until brought back online.
    void set_online(unsigned n);
    // Processes waiting in each scheduler's run queues; and queued plus running, per scheduler.
    std::vector<size_t> run_queue_lengths() const;
    std::vector<size_t> active_tasks() const;
    // statistics(scheduler_wall_time): on/off (returns the old state), and per scheduler
    // {active ns, total ns} since it was turned on (empty when off).
    bool set_wall_time(bool on);
    std::vector<std::pair<uint64_t, uint64_t>> wall_time() const;
    // The scheduler running the calling thread (1-based, as erlang:system_info(scheduler_id)),
    // 0 on any other thread.
    static unsigned current_id();

private:
    struct alignas(64) Worker {
        unsigned index = 0;
        std::mutex mutex;                 // guards queues and low_skips
        std::deque<Process*> queues[4];   // by priority: max, high, normal, low
        unsigned low_skips = 0;           // normal picks since the last low one
        std::atomic<size_t> length{0};    // processes in queues
        std::unique_ptr<interp::Context> ctx;
        uint64_t iterations = 0;
        std::atomic<bool> running{false};     // running a process now
        std::atomic<bool> sleeping{false};    // waiting on the condition variable
        std::atomic<uint64_t> active_ns{0};   // time spent running processes (wall-time stats)
        // This thread only: a process that used up its slice with nothing queued behind it,
        // to run again at once (flagged kInRunQ, but in no queue: nobody else can take it).
        Process* next = nullptr;
    };

    void loop(Worker& w);
    void push(Worker& w, Process& p);
    Process* pop(Worker& w);
    Process* steal(Worker& w);
    void run_process(Worker& w, Process& p);
    // Drops kRunning; queues the process again if it got work meanwhile.
    void release(Worker& w, Process& p);
    // The run queue's owner for a process bound to a scheduler (nullptr: not bound).
    Worker* bound_worker(const Process& p) const;
    void balance(Worker& w);
    // After a slice used up: the process runs again, next on this thread if nothing waits here.
    void requeue_yielded(Worker& w, Process& p);
    void exit_process(Process& p, Term reason);
    void arm_timer(Worker& w, Process& p);
    void cancel_receive_timer(Process& p);
    void fire_timers(Worker& w);
    uint64_t next_deadline(const Worker& w) const;
    void sleep(Worker& w);
    void halt(int status);
    void notify_one();

    Vm& m_vm;
    std::vector<std::unique_ptr<Worker>> m_workers;
    // Receive timeouts, one timer wheel per scheduler: a process's timer goes into the wheel of
    // the scheduler it waits on, which expires it (scheduler 1 also expires the wheels of
    // offline schedulers), so busy schedulers do not contend on one wheel's lock. The VM's
    // own service (Vm::timers) keeps the message timers of send_after/start_timer.
    std::vector<std::unique_ptr<TimerService>> m_receive_timers;
    std::function<void(const ExpiredTimer&)> m_deliver_timer;  // wakes or delivers
    std::atomic<size_t> m_queued{0};  // processes in all run queues
    std::atomic<int> m_sleepers{0};
    std::mutex m_sleep_mutex;
    std::condition_variable m_sleep_cv;
    std::atomic<bool> m_stop{false};
    std::atomic<unsigned> m_online{1};
    std::atomic<bool> m_wall_time{false};
    std::atomic<uint64_t> m_wall_start{0};
    int m_status = 0;


    Process* m_boot = nullptr;
    const BootHooks* m_hooks = nullptr;
    bool m_trace = false;  // JOIST_DEBUG_SCHED: one line per turn on stderr
};

} // namespace joist
