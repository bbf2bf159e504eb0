// erlang:statistics/1 — erlang.html#statistics-1: the Vm's counters (sched/stats.h), the
// run queue and the clocks, in erl's shapes. One scheduler for now: per-scheduler lists have
// one normal run queue, then the dirty CPU queue (and, for the *_all items, the dirty IO
// queue), both empty since joist runs nothing dirty yet.
#include <ctime>

#include "bif/bif.h"
#include "bif/sched_info.h"
#include "gc/build.h"
#include "vm/vm.h"

namespace joist {

namespace {

// CPU time of the whole OS process in ms (erl's runtime: the time its threads ran).
uint64_t cpu_time_ms() {
    std::timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return uint64_t(ts.tv_sec) * 1000 + uint64_t(ts.tv_nsec) / 1000000;
}

// {Total, SinceLastCall}, moving the VM-wide "last" mark to `total`.
Term total_and_since(Process& p, uint64_t total, std::atomic<uint64_t>& last) {
    uint64_t before = last.exchange(total, std::memory_order_relaxed);
    return gc::make_tuple_of(p.heap, gc::make_integer_u64(p.heap, total),
                             gc::make_integer_u64(p.heap, total - before));
}

// [Normal, DirtyCpu] or, with `all`, [Normal, DirtyCpu, DirtyIo].
Term per_queue(Process& p, uint64_t normal, bool all) {
    Term l = all ? gc::make_cons(p.heap, Term::small(0), Term::nil()) : Term::nil();
    l = gc::make_cons(p.heap, Term::small(0), l);
    return gc::make_cons(p.heap, gc::make_integer_u64(p.heap, normal), l);
}

} // namespace

Term bif_erlang_statistics_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    // Run queues, active tasks and scheduler wall time come from the schedulers themselves.
    if (Term v = scheduler_statistics(p, args[0]); v.is_value()) return v;
    SchedStats& s = p.vm->stats;
    std::string_view item = atoms().name(args[0]);
    uint64_t run_queue = s.run_queue.load(std::memory_order_relaxed);
    uint64_t active = run_queue + s.running();

    if (item == "reductions" || item == "exact_reductions")
        return total_and_since(p, s.reductions(), s.last_reductions);
    if (item == "runtime") return total_and_since(p, cpu_time_ms(), s.last_runtime_ms);
    if (item == "wall_clock")
        return total_and_since(p, (steady_now_ns() - s.start_ns) / 1000000, s.last_wall_clock_ms);
    if (item == "run_queue" || item == "total_run_queue_lengths" ||
        item == "total_run_queue_lengths_all")
        return gc::make_integer_u64(p.heap, run_queue);
    if (item == "run_queue_lengths") return per_queue(p, run_queue, false);
    if (item == "run_queue_lengths_all") return per_queue(p, run_queue, true);
    if (item == "total_active_tasks" || item == "total_active_tasks_all")
        return gc::make_integer_u64(p.heap, active);
    if (item == "active_tasks") return per_queue(p, active, false);
    if (item == "active_tasks_all") return per_queue(p, active, true);
    if (item == "context_switches")
        return gc::make_tuple_of(
            p.heap, gc::make_integer_u64(p.heap, s.context_switches()),
            Term::small(0));
    if (item == "io") {
        Term in = gc::make_tuple_of(p.heap, atoms().intern("input"),
                                    gc::make_integer_u64(p.heap, s.io_input.load()));
        Term out = gc::make_tuple_of(p.heap, atoms().intern("output"),
                                     gc::make_integer_u64(p.heap, s.io_output.load()));
        return gc::make_tuple_of(p.heap, in, out);
    }
    if (item == "garbage_collection")
        return gc::make_tuple_of(p.heap, gc::make_integer_u64(p.heap, s.gc_count.load()),
                                 gc::make_integer_u64(p.heap, s.gc_words_reclaimed.load()),
                                 Term::small(0));
    // Off until erlang:system_flag(scheduler_wall_time, true), which joist does not have.
    if (item == "scheduler_wall_time" || item == "scheduler_wall_time_all") return am::undefined;
    if (item == "microstate_accounting") {
        // erl answers this one from msacc counters joist does not keep.
        Term mfa = gc::make_tuple_of(p.heap, am::erlang, atoms().intern("statistics"),
                                     Term::small(1));
        return p.error(gc::make_tuple_of(p.heap, am::unsupported, mfa));
    }
    return p.badarg();
}

} // namespace joist
