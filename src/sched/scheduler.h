// The scheduler: runs processes from a run queue, a slice of reductions each, fires the Vm's
// timers, and sleeps when nothing is runnable. One thread for now (issue 5 adds one per core,
// with stealing); it is the ProcessTable's Waker.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>

#include "interp/interp.h"
#include "process/process_table.h"

namespace joist {

class Vm;

class Scheduler final : public Waker {
public:
    static constexpr int64_t kSlice = 4000;  // reductions per turn, as ERTS

    explicit Scheduler(Vm& vm);
    void wake(Process& p) override;
    void enqueue(Process& p);

    // What the boot process (running the -s calls) does when a call returns or fails.
    struct BootHooks {
        std::function<void(Process&)> on_done;   // start the next call, or leave it waiting
        std::function<int(Process&)> on_error;   // print erl's report; returns exit status
    };
    // Runs until erlang:halt or a failed boot call; returns the exit status.
    int run(Process& boot, const BootHooks& hooks);

private:
    void fire_timers(uint64_t now);
    void exit_process(Process& p, Term reason);

    Vm& m_vm;
    std::deque<Process*> m_run_queue;
    std::unique_ptr<interp::Context> m_ctx;
    bool m_trace = false;  // JOIST_DEBUG_SCHED: one line per turn on stderr
};

} // namespace joist
