// The scheduler loop (see scheduler.h).
#include "sched/scheduler.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
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
    m_vm.stats.run_queue.store(m_run_queue.size(), std::memory_order_relaxed);
}

void Scheduler::wake(Process& p) {
    if (p.status == ProcStatus::Waiting) enqueue(p);
}

void Scheduler::fire_timers(uint64_t now) {
    m_vm.timers.expire(now, [this](const ExpiredTimer& t) {
        if (t.kind == TimerKind::Message) return deliver_timer_message(m_vm.processes, t);
        Process* p = m_vm.processes.find(t.pid);
        // Stale entries: the receive ended (deadline reset) or started another timer (the
        // deadline is the receive's sequence number).
        if (!p || p->timer_deadline != t.seq) return;
        if (p->status != ProcStatus::Waiting) {
            // Queued by a message its receive may not take: time out when it waits again.
            p->timer_deadline = kTimerDue;
            return;
        }
        p->timer_deadline = 0;
        p->pc = p->timeout_pc;
        enqueue(*p);
    });
}

void Scheduler::exit_process(Process& p, Term reason) {
    m_vm.timers.cancel_for_process(p.number);  // erl cancels the timers sent to it
    process_exited(m_vm, p, reason);
    m_vm.processes.destroy(p.number);
}

int Scheduler::run(Process& boot, const BootHooks& hooks) {
    for (;;) {
        fire_timers(now_ns());
        if (m_run_queue.empty()) {
            std::optional<uint64_t> next = m_vm.timers.next_deadline();
            if (!next) {
                // Nothing can ever run again: erl -noshell idles forever here.
                std::fflush(stdout);
                for (;;) std::this_thread::sleep_for(std::chrono::hours(24));
            }
            uint64_t now = now_ns();
            if (*next > now) std::this_thread::sleep_for(std::chrono::nanoseconds(*next - now));
            continue;
        }
        Process& p = *m_run_queue.front();
        m_run_queue.pop_front();
        m_vm.stats.run_queue.store(m_run_queue.size(), std::memory_order_relaxed);
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
        uint64_t reductions_before = p.reductions;
        m_vm.stats.slice_started();
        interp::RunResult r = interp::run(m_vm, p, *m_ctx, kSlice);
        // Collections are counted as they happen (gc/process_gc.cpp), not per slice.
        m_vm.stats.slice_ended(p.reductions - reductions_before);
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
                m_vm.timers.insert_receive(p.timer_deadline, p.number, p.timer_deadline);
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
