// erlang BIFs and items about the schedulers: system_flag/2 (schedulers_online,
// scheduler_wall_time), and the scheduler items of system_info/1 and statistics/1.
#include <thread>

#include "bif/bif.h"
#include "bif/sched_info.h"
#include "gc/build.h"
#include "sched/scheduler.h"
#include "vm/vm.h"

namespace joist {

namespace {

// erl 25 has dirty CPU schedulers (one per scheduler) and 10 dirty I/O schedulers; joist runs
// dirty work on the normal schedulers, so it reports none of either.
Term list_of(Process& p, const std::vector<Term>& items) {
    Term l = Term::nil();
    for (size_t i = items.size(); i > 0; --i) l = gc::make_cons(p.heap, items[i - 1], l);
    return l;
}

Term small_count(size_t n) { return Term::small(int64_t(n)); }

} // namespace

Term scheduler_system_info(Process& p, Term item) {
    if (!item.is_atom()) return Term::none();
    Scheduler* s = p.vm->scheduler;
    unsigned count = s ? s->count() : 1, online = s ? s->online() : 1;
    std::string_view n = atoms().name(item);
    if (n == "schedulers") return small_count(count);
    if (n == "schedulers_online") return small_count(online);
    if (n == "scheduler_id") return small_count(Scheduler::current_id() ? Scheduler::current_id() : 1);
    if (n == "logical_processors" || n == "logical_processors_online" ||
        n == "logical_processors_available") {
        unsigned c = std::thread::hardware_concurrency();
        return c ? small_count(c) : atoms().intern("unknown");
    }
    if (n == "dirty_cpu_schedulers" || n == "dirty_cpu_schedulers_online" ||
        n == "dirty_io_schedulers")
        return small_count(0);
    if (n == "multi_scheduling") return atoms().intern(count > 1 ? "enabled" : "disabled");
    if (n == "scheduler_bind_type") return atoms().intern("unbound");
    if (n == "smp_support" || n == "threads") return am::true_;
    return Term::none();
}

Term scheduler_statistics(Process& p, Term item) {
    if (!item.is_atom()) return Term::none();
    Scheduler* s = p.vm->scheduler;
    std::string_view n = atoms().name(item);
    std::vector<size_t> lengths = s ? s->run_queue_lengths() : std::vector<size_t>{0};
    std::vector<size_t> active = s ? s->active_tasks() : std::vector<size_t>{1};
    auto sum = [](const std::vector<size_t>& v) {
        size_t t = 0;
        for (size_t x : v) t += x;
        return t;
    };
    // One count per scheduler, then erl's dirty CPU queue (and, for _all, the dirty I/O one):
    // always 0 here, joist runs dirty work on the normal schedulers.
    bool all = n.size() > 4 && n.substr(n.size() - 4) == "_all";
    auto counts = [&](const std::vector<size_t>& v) {
        std::vector<Term> items;
        for (size_t x : v) items.push_back(small_count(x));
        items.push_back(small_count(0));
        if (all) items.push_back(small_count(0));
        return list_of(p, items);
    };
    if (n == "run_queue" || n == "total_run_queue_lengths" || n == "total_run_queue_lengths_all")
        return small_count(sum(lengths));
    if (n == "run_queue_lengths" || n == "run_queue_lengths_all") return counts(lengths);
    if (n == "total_active_tasks" || n == "total_active_tasks_all") return small_count(sum(active));
    if (n == "active_tasks" || n == "active_tasks_all") return counts(active);
    if (n == "scheduler_wall_time" || n == "scheduler_wall_time_all") {
        auto wt = s ? s->wall_time() : std::vector<std::pair<uint64_t, uint64_t>>{};
        if (wt.empty()) return am::undefined;
        std::vector<Term> items;
        for (size_t i = 0; i < wt.size(); ++i)
            items.push_back(gc::make_tuple_of(p.heap, small_count(i + 1),
                                              gc::make_integer(p.heap, int64_t(wt[i].first)),
                                              gc::make_integer(p.heap, int64_t(wt[i].second))));
        return list_of(p, items);
    }
    return Term::none();
}

// erlang:system_flag/2 — schedulers_online (1..schedulers, returns the old count),
// scheduler_wall_time (true/false, returns the old state) and backtrace_depth (0..64, larger
// values are cut to 64; returns the old depth); other flags are not supported yet.
Term bif_erlang_system_flag_2(Process& p, const Term* a) {
    Scheduler* s = p.vm->scheduler;
    if (a[0] == atoms().intern("schedulers_online")) {
        unsigned count = s ? s->count() : 1;
        if (!a[1].is_small() || a[1].small_value() < 1 || a[1].small_value() > int64_t(count))
            return p.badarg();
        unsigned old = s ? s->online() : 1;
        if (s) s->set_online(unsigned(a[1].small_value()));
        return small_count(old);
    }
    if (a[0] == atoms().intern("scheduler_wall_time")) {
        if (a[1] != am::true_ && a[1] != am::false_) return p.badarg();
        bool old = s && s->set_wall_time(a[1] == am::true_);
        return old ? am::true_ : am::false_;
    }
    if (a[0] == atoms().intern("backtrace_depth")) {
        if (!a[1].is_small() || a[1].small_value() < 0) return p.badarg();
        int depth = int(std::min<int64_t>(a[1].small_value(), Vm::kMaxBacktraceDepth));
        return small_count(size_t(p.vm->backtrace_depth.exchange(depth)));
    }
    if (!a[0].is_atom()) return p.badarg();
    return p.error(gc::make_tuple_of(p.heap, atoms().intern("unsupported"),
                                     gc::make_tuple_of(p.heap, am::erlang,
                                                       atoms().intern("system_flag"),
                                                       Term::small(2))));
}

} // namespace joist
