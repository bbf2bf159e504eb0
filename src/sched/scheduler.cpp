// The scheduler loop (see scheduler.h).
#include "sched/scheduler.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "gc/build.h"
#include "term/format.h"
#include "vm/vm.h"

namespace joist {

namespace {

uint64_t now_ns() {
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count());
}

// The exit reason of an uncaught exception, as erl forms it.
Term exit_reason(Process& p) {
    if (p.exc_class == am::error) return gc::make_tuple_of(p.heap, p.exc_reason, p.exc_trace);
    if (p.exc_class == am::throw_)
        return gc::make_tuple_of(p.heap, gc::make_tuple_of(p.heap, am::nocatch, p.exc_reason),
                                 p.exc_trace);
    return p.exc_reason;
}

} // namespace

Scheduler::Scheduler(Vm& vm)
    : m_vm(vm), m_ctx(std::make_unique<interp::Context>()),
      m_trace(std::getenv("JOIST_DEBUG_SCHED") != nullptr) {}

void Scheduler::enqueue(Process& p) {
    if (p.in_run_queue || p.status == ProcStatus::Exited) return;
    p.in_run_queue = true;
    p.status = ProcStatus::Runnable;
    m_run_queue.push_back(&p);
}

void Scheduler::wake(Process& p) {
    if (p.status == ProcStatus::Waiting) enqueue(p);
}

void Scheduler::fire_timers(uint64_t now) {
    while (!m_timers.empty() && m_timers.begin()->first <= now) {
        auto [deadline, pid] = *m_timers.begin();
        m_timers.erase(m_timers.begin());
        Process* p = m_vm.processes.find(pid);
        // Stale entries: the receive ended (deadline reset) or started another timer.
        if (!p || p->timer_deadline != deadline) continue;
        if (p->status != ProcStatus::Waiting) {
            // Queued by a message its receive may not take: time out when it waits again.
            p->timer_deadline = kTimerDue;
            continue;
        }
        p->timer_deadline = 0;
        p->pc = p->timeout_pc;
        enqueue(*p);
    }
}

void Scheduler::exit_process(Process& p, Term reason) {
    process_exited(m_vm, p, reason);
    m_vm.processes.destroy(p.number);
}

int Scheduler::run(Process& boot, const BootHooks& hooks) {
    for (;;) {
        fire_timers(now_ns());
        if (m_run_queue.empty()) {
            if (m_timers.empty()) {
                // Nothing can ever run again: erl -noshell idles forever here.
                std::fflush(stdout);
                for (;;) std::this_thread::sleep_for(std::chrono::hours(24));
            }
            uint64_t next = m_timers.begin()->first, now = now_ns();
            if (next > now) std::this_thread::sleep_for(std::chrono::nanoseconds(next - now));
            continue;
        }
        Process& p = *m_run_queue.front();
        m_run_queue.pop_front();
        p.in_run_queue = false;
        if (p.pending_exit.is_value()) {
            Term reason = p.pending_exit;
            if (&p == &boot) {
                p.raise(am::exit, reason);
                return hooks.on_error(p);
            }
            exit_process(p, reason);
            continue;
        }
        p.status = ProcStatus::Running;
        interp::RunResult r = interp::run(m_vm, p, *m_ctx, kSlice);
        if (m_trace)
            std::fprintf(stderr, "[sched] <0.%llu.0> -> %d\n",
                         static_cast<unsigned long long>(p.number), int(r));
        switch (r) {
        case interp::RunResult::Yield:
            enqueue(p);
            break;
        case interp::RunResult::Wait:
            // One scheduler thread: a message sent while this process ran is already in its
            // queue and its receive saw it; later ones wake it (send_message).
            p.status = ProcStatus::Waiting;
            if (p.timer_deadline == kTimerDue) {
                p.timer_deadline = 0;
                p.pc = p.timeout_pc;
                enqueue(p);
            } else if (p.timer_deadline) {
                m_timers.emplace(p.timer_deadline, p.number);
            }
            if (p.pending_exit.is_value()) enqueue(p);
            break;
        case interp::RunResult::Done:
            p.status = ProcStatus::Waiting;
            hooks.on_done(p);
            break;
        case interp::RunResult::Halt:
            std::fflush(stdout);
            return int(p.exc_reason.small_value());
        case interp::RunResult::Exit:
            if (&p == &boot) return hooks.on_error(p);
            exit_process(p, am::normal);
            break;
        case interp::RunResult::Error: {
            if (&p == &boot) return hooks.on_error(p);
            Term reason = exit_reason(p);
            if (p.exc_class != am::exit) {
                std::fflush(stdout);
                std::fprintf(stderr, "=ERROR REPORT====\nError in process <0.%llu.0> with exit "
                                     "value:\n%s\n\n",
                             static_cast<unsigned long long>(p.number),
                             format_display(reason).c_str());
            }
            exit_process(p, reason);
            break;
        }
        }
    }
}

} // namespace joist
