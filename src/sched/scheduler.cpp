// The schedulers (see scheduler.h for the wake-up protocol).
#include "sched/scheduler.h"
#include "process/trace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <utility>

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

thread_local void* t_worker = nullptr;   // the Worker this thread runs, if any
thread_local const void* t_owner = nullptr;  // the Scheduler it belongs to
thread_local unsigned t_id = 0;

constexpr unsigned kLowEvery = 8;  // a low-priority process runs at least every 8th normal pick

} // namespace

unsigned Scheduler::current_id() { return t_id; }

Scheduler::Scheduler(Vm& vm, unsigned threads)
    : m_vm(vm), m_trace(std::getenv("JOIST_DEBUG_SCHED") != nullptr) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i) {
        auto w = std::make_unique<Worker>();
        w->index = i;
        w->ctx = std::make_unique<interp::Context>();
        m_workers.push_back(std::move(w));
        m_receive_timers.push_back(std::make_unique<TimerService>(now_ns()));
    }
    m_vm.processes.set_threads(threads);
    m_online.store(threads);
    // Made once: fire_timers runs every turn of every scheduler, mostly with nothing due.
    m_deliver_timer = [this](const ExpiredTimer& t) {
        if (t.kind == TimerKind::Message) return deliver_timer_message(m_vm.processes, t);
        if (Process* p = m_vm.processes.find(t.pid)) {
            p->timer_fired.store(t.seq, std::memory_order_release);
            wake(*p);
        }
    };
}

void Scheduler::set_online(unsigned n) {
    n = std::max(1u, std::min(n, count()));
    m_online.store(n, std::memory_order_seq_cst);
    { std::lock_guard lock(m_sleep_mutex); }
    m_sleep_cv.notify_all();  // offline ones hand their queues over; online ones wake up
}

std::vector<size_t> Scheduler::run_queue_lengths() const {
    std::vector<size_t> r;
    for (const auto& w : m_workers) r.push_back(w->length.load(std::memory_order_relaxed));
    return r;
}

std::vector<size_t> Scheduler::active_tasks() const {
    std::vector<size_t> r;
    for (const auto& w : m_workers)
        r.push_back(w->length.load(std::memory_order_relaxed) +
                    (w->running.load(std::memory_order_relaxed) ? 1 : 0));
    return r;
}

bool Scheduler::set_wall_time(bool on) {
    if (on && !m_wall_time.load()) {
        for (auto& w : m_workers) w->active_ns.store(0);
        m_wall_start.store(now_ns());
    }
    return m_wall_time.exchange(on);
}

std::vector<std::pair<uint64_t, uint64_t>> Scheduler::wall_time() const {
    std::vector<std::pair<uint64_t, uint64_t>> r;
    if (!m_wall_time.load()) return r;
    uint64_t total = now_ns() - m_wall_start.load();
    for (const auto& w : m_workers)
        r.emplace_back(std::min(w->active_ns.load(std::memory_order_relaxed), total), total);
    return r;
}

Scheduler::~Scheduler() = default;

void Scheduler::notify_one() {
    { std::lock_guard lock(m_sleep_mutex); }
    m_sleep_cv.notify_one();
}

void Scheduler::push(Worker& w, Process& p) {
    size_t len;
    {
        std::lock_guard lock(w.mutex);
        w.queues[p.priority_queue & 3].push_back(&p);
        len = w.length.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    m_queued.fetch_add(1, std::memory_order_seq_cst);
    // Wake a sleeping scheduler when the queue's owner sleeps, or when it already has work
    // waiting (then another scheduler can steal some). A bound process needs its owner: any
    // other one would find nothing to steal, so all are woken.
    if (p.bound.load(std::memory_order_relaxed) && w.sleeping.load(std::memory_order_seq_cst)) {
        { std::lock_guard lock(m_sleep_mutex); }
        m_sleep_cv.notify_all();
        return;
    }
    if (w.sleeping.load(std::memory_order_seq_cst) ||
        (len >= 2 && m_sleepers.load(std::memory_order_seq_cst) > 0))
        notify_one();
}

Process* Scheduler::pop(Worker& w) {
    if (w.length.load(std::memory_order_relaxed) == 0) return nullptr;
    std::lock_guard lock(w.mutex);
    Process* p = nullptr;
    auto take = [&](std::deque<Process*>& q) {
        p = q.front();
        q.pop_front();
    };
    if (!w.queues[0].empty()) take(w.queues[0]);
    else if (!w.queues[1].empty()) take(w.queues[1]);
    else if (!w.queues[2].empty() && (w.queues[3].empty() || w.low_skips < kLowEvery)) {
        take(w.queues[2]);
        ++w.low_skips;
    } else if (!w.queues[3].empty()) {
        take(w.queues[3]);
        w.low_skips = 0;
    }
    if (p) {
        w.length.fetch_sub(1, std::memory_order_relaxed);
        m_queued.fetch_sub(1, std::memory_order_seq_cst);
    }
    return p;
}

// Takes the oldest waiting process of another scheduler (highest priority first).
Process* Scheduler::steal(Worker& w) {
    size_t n = m_workers.size();
    for (size_t k = 1; k < n; ++k) {
        Worker& v = *m_workers[(w.index + k) % n];  // offline ones too: they hand work over
        if (v.length.load(std::memory_order_relaxed) == 0) continue;
        std::lock_guard lock(v.mutex);
        for (auto& q : v.queues) {
            // The newest one not bound to its scheduler.
            for (auto it = q.rbegin(); it != q.rend(); ++it) {
                Process* p = *it;
                if (p->bound.load(std::memory_order_relaxed)) continue;
                q.erase(std::next(it).base());
                v.length.fetch_sub(1, std::memory_order_relaxed);
                m_queued.fetch_sub(1, std::memory_order_seq_cst);
                return p;
            }
        }
    }
    return nullptr;
}

/* Periodic balancing (every 64 turns of each scheduler), as ERTS's in spirit, simpler:
 * stealing only helps a scheduler that runs dry, so three CPU-bound processes on one
 * scheduler and one on another would stay 3:1 for good. A scheduler with at least two more
 * processes than the least loaded online one (waiting, plus the one it runs) hands that one
 * its newest waiting process of the lowest priority it has. */
void Scheduler::balance(Worker& w) {
    unsigned n = online();
    if (n < 2 || w.index >= n) return;
    // Another scheduler's process in hand (Worker::next) is its own business: it is counted
    // as running, or not at all between two of its slices.
    size_t mine = w.length.load(std::memory_order_relaxed) + (w.next ? 1 : 0);
    if (mine < 2) return;
    Worker* target = nullptr;
    size_t least = mine;
    for (unsigned i = 0; i < n; ++i) {
        Worker& v = *m_workers[i];
        if (&v == &w) continue;
        size_t load = v.length.load(std::memory_order_relaxed) +
                      (v.running.load(std::memory_order_relaxed) ? 1 : 0);
        if (load < least) {
            least = load;
            target = &v;
        }
    }
    if (!target || mine < least + 2) return;
    Process* p = nullptr;
    {
        std::lock_guard lock(w.mutex);
        for (size_t q = 4; q-- > 0 && !p;) {
            auto& queue = w.queues[q];
            for (auto it = queue.rbegin(); it != queue.rend(); ++it) {
                if ((*it)->bound.load(std::memory_order_relaxed)) continue;
                p = *it;
                queue.erase(std::next(it).base());
                break;
            }
        }
        if (!p) return;
        w.length.fetch_sub(1, std::memory_order_relaxed);
        m_queued.fetch_sub(1, std::memory_order_seq_cst);
    }
    push(*target, *p);
}

void Scheduler::wake(Process& p) {
    uint32_t f = p.sched_flags.load(std::memory_order_acquire);
    for (;;) {
        if (f & Process::kExited) return;
        bool busy = f & (Process::kRunning | Process::kInRunQ);
        if (busy && (f & Process::kActive)) return;
        uint32_t nf = f | Process::kActive | (busy ? 0 : Process::kInRunQ);
        if (p.sched_flags.compare_exchange_weak(f, nf, std::memory_order_acq_rel,
                                                std::memory_order_acquire)) {
            if (!busy) {
                // Back to the scheduler that ran it last (its data is in that core's cache),
                // unless that one sleeps: then the waker takes it on, sparing a thread wake-up.
                Worker* self = t_owner == this ? static_cast<Worker*>(t_worker) : nullptr;
                if (Worker* b = bound_worker(p)) {
                    push(*b, p);
                    return;
                }
                Worker* home = m_workers[p.home.load(std::memory_order_relaxed)].get();
                Worker* w = home;
                if (home->index >= online() || (self && home->sleeping.load(std::memory_order_relaxed)))
                    w = self ? self : m_workers[0].get();
                if (w->index >= online()) w = m_workers[0].get();
                push(*w, p);
            }
            return;
        }
    }
}

Scheduler::Worker* Scheduler::bound_worker(const Process& p) const {
    unsigned b = p.bound.load(std::memory_order_relaxed);
    if (!b || b > m_workers.size()) return nullptr;
    // An offline scheduler runs nothing: scheduler 1 runs its processes meanwhile.
    return b <= online() ? m_workers[b - 1].get() : m_workers[0].get();
}

void Scheduler::release(Worker& w, Process& p) {
    uint32_t f = p.sched_flags.load(std::memory_order_acquire);
    for (;;) {
        bool again = f & Process::kActive;
        uint32_t nf = again ? (f & ~(Process::kRunning | Process::kActive)) | Process::kInRunQ
                            : f & ~Process::kRunning;
        if (p.sched_flags.compare_exchange_weak(f, nf, std::memory_order_acq_rel,
                                                std::memory_order_acquire)) {
            if (again) {
                Worker* b = bound_worker(p);
                push(b ? *b : w, p);
            }
            return;
        }
    }
}

/* Two CPU-bound processes on two schedulers yield every slice; through the run queue each
 * yield would write the queue's mutex and the shared queued-processes counter, a cache line
 * both threads bounce. With nothing else waiting on this scheduler the process is the next
 * one it would pop anyway, so it stays in hand: queued by its flags, in no queue. */
void Scheduler::requeue_yielded(Worker& w, Process& p) {
    Worker* b = bound_worker(p);
    if (b && b != &w) {  // bound elsewhere (process_flag(scheduler, N)): it moves there
        p.sched_flags.fetch_or(Process::kActive, std::memory_order_acq_rel);
        release(w, p);
        return;
    }
    if (w.length.load(std::memory_order_relaxed) != 0 || w.next || w.index >= online()) {
        p.sched_flags.fetch_or(Process::kActive, std::memory_order_acq_rel);
        release(w, p);
        return;
    }
    uint32_t f = p.sched_flags.load(std::memory_order_acquire);
    while (!p.sched_flags.compare_exchange_weak(
        f, (f & ~Process::kRunning) | Process::kInRunQ | Process::kActive,
        std::memory_order_acq_rel, std::memory_order_acquire)) {
    }
    w.next = &p;
}

void Scheduler::arm_timer(Worker& w, Process& p) {
    p.timer_armed_deadline = p.timer_deadline;
    p.timer_wheel = uint16_t(w.index);
    p.timer_id = m_receive_timers[w.index]->insert_receive(p.timer_deadline, p.number,
                                                           ++p.timer_seq);
}

void Scheduler::cancel_receive_timer(Process& p) {
    m_receive_timers[p.timer_wheel]->cancel(p.timer_id, now_ns());
    p.timer_armed_deadline = 0;
}

// The clock is read only when a timer is pending: in a message-passing load (no timers, a
// short slice per turn) the read every turn was about 5% of callreply's profile.
void Scheduler::fire_timers(Worker& w) {
    uint64_t now = 0;
    auto expire = [&](TimerService& t) {
        if (!t.may_have_pending()) return;
        if (now == 0) now = now_ns();
        t.expire(now, m_deliver_timer);
    };
    expire(m_vm.timers);
    expire(*m_receive_timers[w.index]);
    if (w.index == 0)
        for (unsigned i = online(); i < m_receive_timers.size(); ++i) expire(*m_receive_timers[i]);
}

// When `w` must wake up next for a timer (UINT64_MAX: none).
uint64_t Scheduler::next_deadline(const Worker& w) const {
    uint64_t next = m_vm.timers.next_deadline().value_or(UINT64_MAX);
    auto consider = [&](const TimerService& t) {
        next = std::min(next, t.next_deadline().value_or(UINT64_MAX));
    };
    if (w.index < online()) consider(*m_receive_timers[w.index]);
    if (w.index == 0)
        for (unsigned i = online(); i < m_receive_timers.size(); ++i) consider(*m_receive_timers[i]);
    return next;
}

void Scheduler::exit_process(Process& p, Term reason) {
    if (p.timer_armed_deadline) cancel_receive_timer(p);
    m_vm.timers.cancel_for_process(p.number);  // erl cancels the timers sent to it
    process_exited(m_vm, p, reason);
}

void Scheduler::halt(int status) {
    {
        std::lock_guard lock(m_sleep_mutex);
        if (m_stop.load()) return;
        m_status = status;
        m_stop.store(true);
    }
    m_sleep_cv.notify_all();
}

void Scheduler::sleep(Worker& w) {
    m_vm.processes.idle(w.index);
    std::unique_lock lock(m_sleep_mutex);
    w.sleeping.store(true, std::memory_order_seq_cst);
    m_sleepers.fetch_add(1, std::memory_order_seq_cst);
    while (!m_stop.load() &&
           (w.index >= online() || m_queued.load(std::memory_order_seq_cst) == 0)) {
        uint64_t next = next_deadline(w), now = now_ns();
        if (next <= now) break;
        if (next == UINT64_MAX) {
            // Nothing queued and no timer: erl -noshell idles here until something happens.
            std::fflush(stdout);
            m_sleep_cv.wait(lock);
        } else {
            m_sleep_cv.wait_for(lock, std::chrono::nanoseconds(next - now));
        }
    }
    m_sleepers.fetch_sub(1, std::memory_order_seq_cst);
    w.sleeping.store(false, std::memory_order_seq_cst);
}

void Scheduler::run_process(Worker& w, Process& p) {
    std::lock_guard own(p.run_lock);
    uint32_t f = p.sched_flags.load(std::memory_order_acquire);
    while (!p.sched_flags.compare_exchange_weak(
        f, (f & ~(Process::kInRunQ | Process::kActive)) | Process::kRunning,
        std::memory_order_acq_rel, std::memory_order_acquire)) {
    }
    p.home.store(uint16_t(w.index), std::memory_order_relaxed);
    p.take_inbox();
    if (p.pending_exit.is_value()) {
        Term reason = p.pending_exit;
        if (&p == m_boot) {
            p.raise(am::exit, reason);
            halt(m_hooks->on_error(p));
            return;
        }
        exit_process(p, reason);
        return;
    }
    // A receive timer that fired while the process waited: continue at its `timeout`.
    if (p.status == ProcStatus::Waiting && p.timer_deadline &&
        p.timer_deadline == p.timer_armed_deadline &&
        p.timer_fired.load(std::memory_order_acquire) == p.timer_seq) {
        p.timer_deadline = 0;
        p.pc = p.timeout_pc;
    }
    p.status = ProcStatus::Running;
    uint64_t reductions_before = p.reductions;
    if (p.trace_flags.load(std::memory_order_relaxed) & kTraceRunning) [[unlikely]]
        trace_schedule(m_vm, p, true);
    m_vm.stats.slice_started(w.index);
    interp::RunResult r = interp::run(m_vm, p, *w.ctx, kSlice);
    m_vm.stats.slice_ended(w.index, p.reductions - reductions_before);
    if ((r == interp::RunResult::Yield || r == interp::RunResult::Wait) &&
        (p.trace_flags.load(std::memory_order_relaxed) & kTraceRunning)) [[unlikely]]
        trace_schedule(m_vm, p, false);
    if (m_trace)
        std::fprintf(stderr, "[sched %u] <0.%llu.0> -> %d\n", w.index + 1,
                     static_cast<unsigned long long>(p.number), int(r));
    // The receive whose timer was armed has ended: drop the timer.
    if (p.timer_armed_deadline && p.timer_deadline != p.timer_armed_deadline)
        cancel_receive_timer(p);
    switch (r) {
    case interp::RunResult::Yield:
        p.status = ProcStatus::Runnable;
        requeue_yielded(w, p);
        break;
    case interp::RunResult::Wait:
        p.status = ProcStatus::Waiting;
        if (p.timer_deadline && p.timer_deadline != Process::kNoDeadline) {
            if (p.timer_deadline != p.timer_armed_deadline) {
                arm_timer(w, p);
            } else if (p.timer_fired.load(std::memory_order_acquire) == p.timer_seq) {
                p.sched_flags.fetch_or(Process::kActive, std::memory_order_acq_rel);
            }
        }
        if (p.pending_exit.is_value())
            p.sched_flags.fetch_or(Process::kActive, std::memory_order_acq_rel);
        release(w, p);
        break;
    case interp::RunResult::Done:
        p.status = ProcStatus::Waiting;
        m_hooks->on_done(p);  // enqueue() while running marks it active: release queues it
        release(w, p);
        break;
    case interp::RunResult::Halt:
        std::fflush(stdout);
        halt(int(p.exc_reason.small_value()));
        break;
    case interp::RunResult::Exit:
        if (&p == m_boot) {
            halt(m_hooks->on_error(p));
            break;
        }
        exit_process(p, am::normal);
        break;
    case interp::RunResult::Error: {
        if (&p == m_boot) {
            halt(m_hooks->on_error(p));
            break;
        }
        Term reason = exit_reason(p);
        if (p.exc_class != am::exit) report_uncaught_error(m_vm, p, reason);
        exit_process(p, reason);
        break;
    }
    }
}

void Scheduler::loop(Worker& w) {
    t_worker = &w;
    t_owner = this;
    t_id = w.index + 1;
    ProcessTable& table = m_vm.processes;
    while (!m_stop.load(std::memory_order_acquire)) {
        table.quiescent(w.index);
        if ((++w.iterations & 63) == 0) {
            table.reclaim();
            balance(w);
        }
        fire_timers(w);
        if (w.index >= online()) {  // offline: hand everything over, then sleep
            if (Process* q = std::exchange(w.next, nullptr)) push(*m_workers[0], *q);
            while (Process* q = pop(w)) push(*m_workers[0], *q);
            sleep(w);
            continue;
        }
        Process* p = std::exchange(w.next, nullptr);
        if (!p) p = pop(w);
        if (!p) p = steal(w);
        if (!p) {
            table.reclaim();
            sleep(w);
            continue;
        }
        // More work here than this thread can do now: let a sleeping scheduler take some.
        if (w.length.load(std::memory_order_relaxed) > 0 &&
            m_sleepers.load(std::memory_order_relaxed) > 0)
            notify_one();
        if (m_wall_time.load(std::memory_order_relaxed)) {
            uint64_t t0 = now_ns();
            w.running.store(true, std::memory_order_relaxed);
            run_process(w, *p);
            w.running.store(false, std::memory_order_relaxed);
            w.active_ns.fetch_add(now_ns() - t0, std::memory_order_relaxed);
        } else {
            w.running.store(true, std::memory_order_relaxed);
            run_process(w, *p);
            w.running.store(false, std::memory_order_relaxed);
        }
    }
    table.idle(w.index);
    t_worker = nullptr;
    t_owner = nullptr;
    t_id = 0;
}

int Scheduler::run(Process& boot, const BootHooks& hooks) {
    m_boot = &boot;
    m_hooks = &hooks;
    std::vector<std::thread> threads;
    for (size_t i = 1; i < m_workers.size(); ++i)
        threads.emplace_back([this, i] { loop(*m_workers[i]); });
    loop(*m_workers[0]);
    for (auto& t : threads) t.join();
    std::fflush(stdout);
    return m_status;
}

} // namespace joist
