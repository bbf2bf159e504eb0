// erlang BIFs about processes: spawning, links, monitors, exit signals, the registry,
// sending. The services themselves live in process/process_table.
#include <algorithm>
#include <cstdio>
#include <string>

#include "bif/bif.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "gc/process_gc.h"
#include "process/process_table.h"
#include "sched/scheduler.h"
#include "term/compare.h"
#include "term/format.h"
#include "term/map.h"
#include "vm/vm.h"

namespace joist {

namespace {

enum SpawnFlags : unsigned { kLink = 1, kMonitor = 2 };

// How many schedulers the VM has (1 without any, as in unit tests).
unsigned scheduler_count(const Process& p) {
    return p.vm && p.vm->scheduler ? p.vm->scheduler->count() : 1;
}

// Starts a process running `pc` with the terms of `args` (already on the child's heap) as its
// x registers, over a bottom frame that ends it normally when that function returns.
void start_child(Process& parent, Process& child, const Instr* pc, std::vector<Term> args,
                 Term initial_call) {
    Vm& vm = *parent.vm;
    child.group_leader = parent.group_leader;
    child.saved_x = std::move(args);
    Term*& E = child.heap.stop;
    *--E = Term::from_raw(reinterpret_cast<Word>(vm.process_exit_address()));
    child.pc = pc;
    child.initial_call = initial_call;
}

Term copy_into(Process& child, Term t) {
    size_t words = gc::term_size_shared(t);  // big binaries are shared, as in a message
    if (words == 0) return t;
    Term* hp = child.heap.alloc(words);
    return gc::copy_term_shared(t, hp, child.heap.off_heap);
}

void link_pair(Process& a, Process& b) {
    if (std::find(a.links.begin(), a.links.end(), b.number) == a.links.end())
        a.links.push_back(b.number);
    if (std::find(b.links.begin(), b.links.end(), a.number) == b.links.end())
        b.links.push_back(a.number);
}

Term add_monitor(Process& watcher, Process& target, Term name) {
    uint64_t id = new_ref_id();
    Monitor m{Term::nil(), id, watcher.number, target.number, name};
    watcher.monitors.push_back(m);
    target.monitored_by.add(m);
    return make_ref_term(watcher.heap, id);
}

// spawn_opt/4's options, parsed and checked as erl does. The heap options are validated here
// and kept for the collector (min_heap_size, fullsweep_after, max_heap_size ...).
struct SpawnOpts {
    unsigned flags = 0;
    Term priority = am::normal;
    bool off_heap_messages = false;
    int64_t min_heap_size = -1;      // words; -1: the default
    int64_t min_bin_vheap_size = -1;
    int64_t fullsweep_after = -1;
    Term max_heap_size = Term::none();  // a size or a map, as given
    bool monitor_alias = false;         // {monitor, [{alias, Mode}]}
    unsigned scheduler = 0;             // {scheduler, N}: bound to scheduler N; 0: unbound
};

// monitor/3's {alias, explicit_unalias | demonitor | reply_demonitor}.
bool is_alias_option(Term o) {
    if (!o.is_tuple() || o.tuple_arity() != 2 || o.tuple_elem(0) != atoms().intern("alias"))
        return false;
    Term mode = o.tuple_elem(1);
    return mode == atoms().intern("explicit_unalias") || mode == atoms().intern("demonitor") ||
           mode == atoms().intern("reply_demonitor");
}

bool is_nonneg_int(Term t) { return t.is_small() && t.small_value() >= 0; }

bool is_priority(Term t) {
    return t == am::normal || t == atoms().intern("low") || t == atoms().intern("high") ||
           t == atoms().intern("max");
}

// {max_heap_size, Size} or {max_heap_size, #{size => S, kill => B, error_logger => B}}.
bool is_max_heap_size(Term v) {
    if (is_nonneg_int(v)) return true;
    if (!v.is_map()) return false;
    Term size = map_get(v, atoms().intern("size"));
    if (size.is_none() || !is_nonneg_int(size)) return false;
    for (const char* flag : {"kill", "error_logger"}) {
        Term b = map_get(v, atoms().intern(flag));
        if (b.is_value() && b != am::true_ && b != am::false_) return false;
    }
    return true;
}

// `schedulers`: how many there are ({scheduler, N} takes 0..schedulers).
bool parse_spawn_opts(Term list, SpawnOpts& o, unsigned schedulers) {
    Term l = list;
    for (; l.is_list(); l = l.tail()) {
        Term opt = l.head();
        if (opt == atoms().intern("link")) {
            o.flags |= kLink;
            continue;
        }
        if (opt == atoms().intern("monitor")) {
            o.flags |= kMonitor;
            continue;
        }
        if (!opt.is_tuple() || opt.tuple_arity() != 2 || !opt.tuple_elem(0).is_atom()) return false;
        std::string_view key = atoms().name(opt.tuple_elem(0));
        Term v = opt.tuple_elem(1);
        if (key == "monitor") {  // {monitor, MonitorOpts}: monitor/3's options
            Term m = v;
            for (; m.is_list(); m = m.tail()) {
                if (!is_alias_option(m.head())) return false;  // {tag, T}: see monitor/3
                o.monitor_alias = true;
            }
            if (!m.is_nil()) return false;
            o.flags |= kMonitor;
        } else if (key == "priority") {
            if (!is_priority(v)) return false;
            o.priority = v;
        } else if (key == "message_queue_data") {
            if (v != atoms().intern("off_heap") && v != atoms().intern("on_heap")) return false;
            o.off_heap_messages = v == atoms().intern("off_heap");
        } else if (key == "min_heap_size") {
            if (!is_nonneg_int(v)) return false;
            o.min_heap_size = v.small_value();
        } else if (key == "min_bin_vheap_size") {
            if (!is_nonneg_int(v)) return false;
            o.min_bin_vheap_size = v.small_value();
        } else if (key == "fullsweep_after") {
            if (!is_nonneg_int(v)) return false;
            o.fullsweep_after = v.small_value();
        } else if (key == "max_heap_size") {
            if (!is_max_heap_size(v)) return false;
            o.max_heap_size = v;
        } else if (key == "scheduler") {
            if (!v.is_small() || v.small_value() < 0 || v.small_value() > int64_t(schedulers))
                return false;
            o.scheduler = unsigned(v.small_value());
        } else {
            return false;
        }
    }
    return l.is_nil() && gc::heap_options_valid(o.min_heap_size, o.max_heap_size);
}

Term spawn_common(Process& p, Term fun_or_mod, Term fn, Term args, const SpawnOpts& opts) {
    unsigned flags = opts.flags;
    Vm& vm = *p.vm;
    Process* child = nullptr;
    const Instr* pc = nullptr;
    std::vector<Term> xs;
    Term initial_call;
    if (fn.is_none()) {  // spawn(Fun)
        Term f = fun_or_mod;
        if (!f.is_fun()) return p.badarg();
        if (f.is_boxed_of(Subtag::Export)) {
            const Export* ep = reinterpret_cast<const Export*>(f.boxed_ptr()[1].raw);
            if (ep->arity != 0) return p.badarg();
            child = vm.processes.create(vm, gc::spawn_heap_words(opts.min_heap_size));
            if (!child) return p.error(am::system_limit);
            pc = ep->address.load(std::memory_order_acquire);
            initial_call = gc::make_tuple_of(child->heap, ep->module, ep->function,
                                             Term::small(0));
        } else {
            const FunEntry* fe = reinterpret_cast<const FunEntry*>(f.boxed_ptr()[1].raw);
            if (fe->arity != fe->num_free) return p.badarg();
            child = vm.processes.create(vm, gc::spawn_heap_words(opts.min_heap_size));
            if (!child) return p.error(am::system_limit);
            Term copy = copy_into(*child, f);
            for (uint32_t i = 0; i < fe->num_free; ++i) xs.push_back(copy.boxed_ptr()[2 + i]);
            pc = fe->address;
            initial_call = gc::make_tuple_of(child->heap, fe->module->name, fe->function,
                                             Term::small(0));
        }
    } else {  // spawn(M, F, Args)
        if (!fun_or_mod.is_atom() || !fn.is_atom()) return p.badarg();
        size_t n = 0;
        Term l = args;
        for (; l.is_list(); l = l.tail()) ++n;
        if (!l.is_nil() || n > 255) return p.badarg();
        child = vm.processes.create(vm, gc::spawn_heap_words(opts.min_heap_size));
        if (!child) return p.error(am::system_limit);
        Term copy = copy_into(*child, args);
        for (Term c = copy; c.is_list(); c = c.tail()) xs.push_back(c.head());
        pc = vm.export_entry(fun_or_mod, fn, uint32_t(n))->address.load(std::memory_order_acquire);
        initial_call = gc::make_tuple_of(child->heap, fun_or_mod, fn, Term::small(int64_t(n)));
    }
    start_child(p, *child, pc, std::move(xs), initial_call);
    gc::apply_heap_options(child->heap, opts.min_heap_size, opts.fullsweep_after,
                           opts.max_heap_size);
    child->parent = p.number;
    child->set_priority(opts.priority);
    child->off_heap_messages = opts.off_heap_messages;
    if (opts.scheduler) {
        child->bound.store(uint16_t(opts.scheduler), std::memory_order_relaxed);
        child->home.store(uint16_t(opts.scheduler - 1), std::memory_order_relaxed);
    }
    if (flags & kLink) link_pair(p, *child);
    Term result = child->pid();
    if (flags & kMonitor) {
        Term ref = add_monitor(p, *child, Term::none());
        if (opts.monitor_alias) {
            p.has_aliases = true;
            vm.processes.add_alias(ref_id_of(ref), p.number);
        }
        result = gc::make_tuple_of(p.heap, child->pid(), ref);
    }
    child->status = ProcStatus::Waiting;  // waiting to start: the waker queues it
    vm.processes.waker->wake(*child);
    return result;
}

Process* process_of(Process& p, Term pid) { return p.vm->processes.find(pid); }

// Another process (or the caller itself) to look at or change, as its owner: its run_lock
// is held (the caller releases it with done_with) and the signals already sent to it have
// been acted on, so that what the caller did before (an exit signal, a link) shows. nullptr
// if it is dead or on its way out.
Process* inspect(Process& p, Term pid) {
    if (pid == p.pid()) return &p;
    Process* q = process_of(p, pid);
    if (!q) return nullptr;
    lock_other(p, *q);
    q->take_inbox();
    if (q->pending_exit.is_value() ||
        (q->sched_flags.load(std::memory_order_acquire) & Process::kExited)) {
        q->run_lock.unlock();
        return nullptr;
    }
    return q;
}
void done_with(Process& p, Process* q) {
    if (q && q != &p) q->run_lock.unlock();
}
struct Release {  // done_with at the end of a scope
    Process& p;
    Process* q;
    ~Release() { done_with(p, q); }
};

} // namespace

// erlang:spawn/3, spawn_link/3, spawn_opt/4 — erlang.html#spawn-3 (spawn/1, spawn_link/1 and
// spawn_monitor/1,3 are Erlang code in erlang.beam calling these).
Term bif_erlang_spawn_3(Process& p, const Term* a) {
    return spawn_common(p, a[0], a[1], a[2], SpawnOpts{});
}
Term bif_erlang_spawn_link_3(Process& p, const Term* a) {
    SpawnOpts o;
    o.flags = kLink;
    return spawn_common(p, a[0], a[1], a[2], o);
}
// Options: link, monitor, {monitor, Opts}, {priority, P}, {message_queue_data, D},
// {scheduler, N} (bound to scheduler N, 0..schedulers) and the heap options; anything else is
// badarg with cause badopt (erlang:spawn_opt/2,3,5 and spawn_monitor/1,3 are Erlang code
// calling this).
Term bif_erlang_spawn_opt_4(Process& p, const Term* a) {
    SpawnOpts o;
    if (!parse_spawn_opts(a[3], o, scheduler_count(p))) {
        p.badarg();
        p.exc_cause = atoms().intern("badopt");
        return Term::none();
    }
    return spawn_common(p, a[0], a[1], a[2], o);
}

// erlang:yield/0 — erlang.html#yield-0: true, after letting the other runnable processes run.
Term bif_erlang_yield_0(Process& p, const Term*) {
    p.after_bif = Process::AfterBif::Yield;
    return am::true_;
}

// erlang:bump_reductions/1 — charges the caller N more reductions (at most one slice, as erl);
// a slice used up that way ends the turn, as running out of reductions does.
Term bif_erlang_bump_reductions_1(Process& p, const Term* args) {
    if (!args[0].is_small() || args[0].small_value() < 0) return p.badarg();
    int64_t n = std::min<int64_t>(args[0].small_value(), Scheduler::kSlice);
    p.reductions += uint64_t(n);
    if (int64_t(p.reds_at_bif) + n >= Scheduler::kSlice) p.after_bif = Process::AfterBif::Yield;
    return am::true_;
}

// erlang:hibernate/3 — erlang.html#hibernate-3: discards the call stack, shrinks the heap to
// what is live and waits for a message (at once if one is queued), then calls M:F(A...); when
// that returns the process ends, as its first call would.
Term bif_erlang_hibernate_3(Process& p, const Term* a) {
    if (!a[0].is_atom() || !a[1].is_atom()) return p.badarg();
    std::vector<Term> xs;
    Term l = a[2];
    for (; l.is_list(); l = l.tail()) xs.push_back(l.head());
    if (!l.is_nil() || xs.size() > 255) return p.badarg();
    Vm& vm = *p.vm;
    Export* ep = vm.export_entry(a[0], a[1], uint32_t(xs.size()));
    // Keep only the bottom frame: a spawned process's exit address, or the boot frames.
    Term* E = p.heap.end - 1;
    if (E->raw != reinterpret_cast<Word>(vm.process_exit_address())) E = p.heap.end - 2;
    p.heap.stop = E;
    p.saved_x = std::move(xs);
    p.pc = ep->address.load(std::memory_order_acquire);
    p.timer_deadline = 0;
    p.mq_save = &p.mq_first;
    p.after_bif = Process::AfterBif::Hibernate;
    // As erl: what is left live is compacted into a heap of just its size (the next
    // collection after waking sizes it by the usual rules again).
    gc::collect_idle_process(p, gc::GcType::Hibernate);
    return am::true_;
}

// erlang:link/1 — a dead or unknown pid: noproc (an exit signal, or an error without
// trap_exit... as erl 25: the caller gets an exit signal noproc when trapping, else badarg
// is not raised: it exits with noproc).
Term bif_erlang_link_1(Process& p, const Term* a) {
    if (!a[0].is_pid()) return p.badarg();
    if (a[0] == p.pid()) return am::true_;
    if (!a[0].is_local_pid()) {
        // Another node's pid, and no distribution: as erl when not alive, no link is made and
        // the caller is sent {'EXIT', Pid, noconnection} as a message (trapping exits or not).
        send_message(p, gc::make_tuple_of(p.heap, am::EXIT, a[0], atoms().intern("noconnection")));
        return am::true_;
    }
    Process* other = process_of(p, a[0]);
    if (!other) {
        if (p.trap_exit) {
            if (std::find(p.links.begin(), p.links.end(), a[0].pid_number()) == p.links.end())
                p.links.push_back(a[0].pid_number());
            send_exit_signal(p, a[0], atoms().intern("noproc"), true);
            return am::true_;
        }
        return p.error(atoms().intern("noproc"));
    }
    if (std::find(p.links.begin(), p.links.end(), other->number) == p.links.end()) {
        p.links.push_back(other->number);
        send_link_signal(*other, p.number);
    }
    return am::true_;
}

// erlang:unlink/1
Term bif_erlang_unlink_1(Process& p, const Term* a) {
    if (!a[0].is_pid()) return p.badarg();
    auto drop = [](std::vector<uint64_t>& v, uint64_t n) {
        v.erase(std::remove(v.begin(), v.end(), n), v.end());
    };
    if (!a[0].is_local_pid() || a[0] == p.pid()) return am::true_;
    drop(p.links, a[0].pid_number());
    if (Process* other = process_of(p, a[0])) send_unlink_signal(*other, p.number);
    return am::true_;
}

// erlang:exit/2 — an exit signal to a process (the caller itself included).
Term bif_erlang_exit_2(Process& p, const Term* a) {
    if (!a[0].is_pid()) return p.badarg();
    if (a[0] == p.pid()) {  // acted on at once: the caller does not run on past it
        send_exit_signal(p, p.pid(), a[1], false);
        p.take_inbox();
    } else if (Process* to = process_of(p, a[0])) {
        send_exit_signal(*to, p.pid(), a[1], false);
    }
    return am::true_;
}

// erlang:process_flag/2 — erlang.html#process_flag-2: sets a flag and returns its old value:
// trap_exit, priority, scheduler (binding), message_queue_data, save_calls (only 0: recording
// calls for last_calls is not implemented), sensitive, error_handler. An unknown flag is badarg
// with cause badopt, a bad value plain badarg (save_calls out of range: cause none), as erl.
Term bif_erlang_process_flag_2(Process& p, const Term* a) {
    Term flag = a[0], v = a[1];
    auto boolean = [](bool b) { return b ? am::true_ : am::false_; };
    std::string_view name = flag.is_atom() ? atoms().name(flag) : std::string_view();
    if (name == "trap_exit" || name == "sensitive") {
        if (v != am::true_ && v != am::false_) return p.badarg();
        bool& field = name == "trap_exit" ? p.trap_exit : p.sensitive;
        Term old = boolean(field);
        field = v == am::true_;
        return old;
    }
    if (name == "priority") {
        if (!is_priority(v)) return p.badarg();
        Term old = p.priority;
        p.set_priority(v);
        return old;
    }
    if (name == "message_queue_data") {
        if (v != atoms().intern("off_heap") && v != atoms().intern("on_heap")) return p.badarg();
        Term old = atoms().intern(p.off_heap_messages ? "off_heap" : "on_heap");
        p.off_heap_messages = v == atoms().intern("off_heap");
        return old;
    }
    if (name == "error_handler") {
        if (!v.is_atom()) return p.badarg();
        Term old = p.error_handler;
        p.error_handler = v;
        return old;
    }
    if (name == "save_calls") {
        if (!v.is_small() || v.small_value() < 0 || v.small_value() > 10000) {
            p.badarg();
            p.exc_cause = atoms().intern("none");
            return Term::none();
        }
        if (v.small_value() != 0) {
            Term mfa = gc::make_tuple_of(p.heap, am::erlang, atoms().intern("process_flag"),
                                         Term::small(2));
            return p.error(gc::make_tuple_of(p.heap, am::unsupported, mfa));
        }
        Term old = Term::small(p.save_calls);
        p.save_calls = v.small_value();
        return old;
    }
    if (name == "scheduler") {  // bound to scheduler N (0: unbound); the old binding
        if (!v.is_small() || v.small_value() < 0 || v.small_value() > int64_t(scheduler_count(p)))
            return p.badarg();
        auto n = uint16_t(v.small_value());
        Term old = Term::small(p.bound.exchange(n, std::memory_order_relaxed));
        // Bound to another scheduler than the one running it: it moves there now.
        if (n && n != Scheduler::current_id()) p.after_bif = Process::AfterBif::Yield;
        return old;
    }
    if (Term r; gc::process_flag(p, flag, v, r)) return r;  // the heap flags
    p.badarg();
    p.exc_cause = atoms().intern("badopt");
    return Term::none();
}

// erlang:is_process_alive/1
Term bif_erlang_is_process_alive_1(Process& p, const Term* a) {
    if (!a[0].is_local_pid()) return p.badarg();
    Process* q = inspect(p, a[0]);
    done_with(p, q);
    return q ? am::true_ : am::false_;
}

// erlang:register/2, unregister/1, whereis/1, registered/0
Term bif_erlang_register_2(Process& p, const Term* a) {
    if (!a[0].is_atom() || a[0] == am::undefined) return p.badarg();
    Process* who = process_of(p, a[1]);
    if (!who || !p.vm->processes.register_name(a[0], *who)) return p.badarg();
    return am::true_;
}
Term bif_erlang_unregister_1(Process& p, const Term* a) {
    if (!a[0].is_atom() || !p.vm->processes.unregister_name(a[0])) return p.badarg();
    return am::true_;
}
Term bif_erlang_whereis_1(Process& p, const Term* a) {
    if (!a[0].is_atom()) return p.badarg();
    auto n = p.vm->processes.whereis(a[0]);
    return n ? Term::pid(*n) : am::undefined;
}
Term bif_erlang_registered_0(Process& p, const Term*) {
    Term l = Term::nil();
    for (Term name : p.vm->processes.registered()) l = gc::make_cons(p.heap, name, l);
    return l;
}

// erlang:processes/0 — pids in creation order.
Term bif_erlang_processes_0(Process& p, const Term*) {
    auto numbers = p.vm->processes.numbers();
    Term l = Term::nil();
    for (size_t i = numbers.size(); i > 0; --i)
        l = gc::make_cons(p.heap, Term::pid(numbers[i - 1]), l);
    return l;
}

// erlang:monitor/2 — process monitors (by pid or registered name); with a `tag` (monitor/3's
// {tag, T}), the 'DOWN' message's first element is the tag.
static Term monitor_process(Process& p, const Term* a, Term tag) {
    if (a[0] != am::process) return p.badarg();
    Term target = a[1];
    Term name = Term::none();
    Process* t = nullptr;
    if (target.is_pid() && !target.is_local_pid()) {
        // Another node's pid, and no distribution: the 'DOWN' (noconnection) comes at once.
        Term ref = make_ref_term(p.heap, new_ref_id());
        send_message(p, gc::make_tuple_of(p.heap, tag.is_value() ? tag : atoms().intern("DOWN"),
                                          ref, am::process, target,
                                          atoms().intern("noconnection")));
        return ref;
    }
    if (target.is_local_pid()) {
        t = process_of(p, target);
    } else if (target.is_atom()) {
        name = target;
        if (auto n = p.vm->processes.whereis(target)) t = p.vm->processes.find(*n);
    } else if (target.is_tuple() && target.tuple_arity() == 2 && target.tuple_elem(0).is_atom() &&
               target.tuple_elem(1) == am::nonode_nohost) {  // another node's name: badarg
        name = target.tuple_elem(0);
        if (auto n = p.vm->processes.whereis(name)) t = p.vm->processes.find(*n);
    } else {
        return p.badarg();
    }
    if (t) {
        uint64_t id = new_ref_id();
        p.monitors.push_back(Monitor{Term::nil(), id, p.number, t->number, name});
        if (tag.is_value()) {
            if (!p.monitor_tags)
                p.monitor_tags = std::make_unique<std::unordered_map<uint64_t, Message*>>();
            (*p.monitor_tags)[id] = copy_to_message(tag);
        }
        send_monitor_signal(*t, p.number, id, name);
        return make_ref_term(p.heap, id);
    }
    // No such process: the monitor is made, and its 'DOWN' (noproc) signal sent at once, as
    // erl: a demonitor before the caller takes its in-queue still finds the monitor (true)
    // and the 'DOWN' never shows.
    uint64_t id = new_ref_id();
    uint64_t dead = target.is_local_pid() ? target.pid_number() : 0;
    p.monitors.push_back(Monitor{Term::nil(), id, p.number, dead, name});
    if (tag.is_value()) {
        if (!p.monitor_tags)
            p.monitor_tags = std::make_unique<std::unordered_map<uint64_t, Message*>>();
        (*p.monitor_tags)[id] = copy_to_message(tag);
    }
    Term who = name.is_value() ? gc::make_tuple_of(p.heap, name, am::nonode_nohost) : target;
    send_down_signal(p, id, who, atoms().intern("noproc"));
    return make_ref_term(p.heap, id);
}
Term bif_erlang_monitor_2(Process& p, const Term* a) { return monitor_process(p, a, Term::none()); }

// erlang:monitor/3 — monitor/2 with options: {alias, Mode} also makes the reference an
// alias of the caller (Mode explicit_unalias, demonitor or reply_demonitor: all three are
// removed by unalias/1 or demonitor; FIXME(issue 4): reply_demonitor's removal on the first
// reply); {tag, T} makes T the first element of the 'DOWN' message.
Term bif_erlang_monitor_3(Process& p, const Term* a) {
    bool alias = false;
    Term tag = Term::none();
    Term l = a[2];
    for (; l.is_list(); l = l.tail()) {
        Term o = l.head();
        if (o.is_tuple() && o.tuple_arity() == 2 && o.tuple_elem(0) == atoms().intern("tag")) {
            tag = o.tuple_elem(1);  // the last one counts, as erl
            continue;
        }
        if (!is_alias_option(o)) {
            p.badarg();
            p.exc_cause = atoms().intern("badopt");
            return Term::none();
        }
        alias = true;
    }
    if (!l.is_nil()) {
        p.badarg();
        p.exc_cause = atoms().intern("badopt");
        return Term::none();
    }
    Term ref = monitor_process(p, a, tag);
    if (ref.is_value() && alias) {
        p.has_aliases = true;
        p.vm->processes.add_alias(ref_id_of(ref), p.number);
    }
    return ref;
}

// erlang:alias/1 — a new reference that is an alias of the caller (alias/0 is Erlang code).
Term bif_erlang_alias_1(Process& p, const Term* a) {
    Term l = a[0];
    while (l.is_list()) l = l.tail();
    if (!l.is_nil()) return p.badarg();
    uint64_t id = new_ref_id();
    p.has_aliases = true;
    p.vm->processes.add_alias(id, p.number);
    return make_ref_term(p.heap, id);
}

// erlang:unalias/1 — true if the reference was an active alias of the caller.
Term bif_erlang_unalias_1(Process& p, const Term* a) {
    if (!a[0].is_ref()) return p.badarg();
    uint64_t id = ref_id_of(a[0]);
    auto owner = p.vm->processes.alias_owner(id);
    if (!owner || *owner != p.number) return am::false_;
    p.vm->processes.remove_alias(id);
    return am::true_;
}

// erlang:demonitor/1,2 — options flush (drop a delivered 'DOWN') and info.
static Term do_demonitor(Process& p, Term ref, bool flush, bool info) {
    uint64_t id = ref_id_of(ref);
    if (!ref.is_ref()) return p.badarg();
    if (p.has_aliases)
        if (auto owner = p.vm->processes.alias_owner(id); owner && *owner == p.number)
            p.vm->processes.remove_alias(id);
    bool found = false;
    for (auto it = p.monitors.begin(); it != p.monitors.end(); ++it) {
        if (it->ref_id != id) continue;
        if (Process* t = p.vm->processes.find(it->target)) send_demonitor_signal(*t, id);
        p.monitors.erase(it);
        found = true;
        break;
    }
    delete p.take_monitor_tag(id);
    // As erl, flush removes one {_, Ref, _, _, _} (the 'DOWN', or its tagged form), and only
    // when the monitor was gone: a 'DOWN' becomes a message only while its monitor is held
    // (handle_signal), so an active one has none queued, and the 'DOWN' signals still in the
    // in-queue are void now. The scan starts at the reference's receive marker, if it has one.
    if (flush && !found) {
        p.take_inbox();
        Message** start = p.find_recv_marker(id);
        for (Message** m = start ? start : &p.mq_first; *m; m = &(*m)->next) {
            Term t = (*m)->term;
            if (t.is_tuple() && t.tuple_arity() == 5 && terms_exact_eq(t.tuple_elem(1), ref)) {
                p.remove_message_at(m);
                break;
            }
        }
    }
    return info ? (found ? am::true_ : am::false_) : am::true_;
}
Term bif_erlang_demonitor_1(Process& p, const Term* a) {
    return do_demonitor(p, a[0], false, false);
}
Term bif_erlang_demonitor_2(Process& p, const Term* a) {
    bool flush = false, info = false;
    Term l = a[1];
    for (; l.is_list(); l = l.tail()) {
        if (l.head() == atoms().intern("flush")) flush = true;
        else if (l.head() == atoms().intern("info")) info = true;
        else return p.badarg();
    }
    if (!l.is_nil()) return p.badarg();
    return do_demonitor(p, a[0], flush, info);
}

// erlang:send/2,3 and erlang:'!'/2 — as the send instruction (send/3's options, noconnect
// and nosuspend, change nothing on one node: it returns ok).
Term bif_erlang_send_2(Process& p, const Term* a) {
    bool bad = false;
    Process* to = resolve_destination(*p.vm, a[0], bad);
    if (bad) return p.badarg();
    if (to) send_message(*to, a[1]);
    return a[1];
}
Term bif_erlang_send_3(Process& p, const Term* a) {
    Term l = a[2];
    bool noconnect = false;
    for (; l.is_list(); l = l.tail()) noconnect |= l.head() == atoms().intern("noconnect");
    if (!l.is_nil()) return p.badarg();
    Term r = bif_erlang_send_2(p, a);
    // To another node's pid or name with noconnect: erl, not alive, cannot connect and says so.
    Term d = a[0];
    bool remote = (d.is_pid() && !d.is_local_pid()) ||
                  (d.is_tuple() && d.tuple_arity() == 2 && d.tuple_elem(0).is_atom() &&
                   d.tuple_elem(1).is_atom() && d.tuple_elem(1) != am::nonode_nohost);
    if (r.is_value() && noconnect && remote) return atoms().intern("noconnect");
    return r.is_none() ? r : am::ok;
}
Term bif_erlang_bang_2(Process& p, const Term* a) { return bif_erlang_send_2(p, a); }

// erlang:group_leader/0, and erts_internal:group_leader/2 which erlang:group_leader/2 (Erlang
// code) calls to set one: true, or badarg for a dead or non-pid argument.
Term bif_erlang_group_leader_0(Process& p, const Term*) {
    return p.group_leader.is_local_pid() ? p.group_leader : p.pid();
}
Term bif_erts_internal_group_leader_2(Process& p, const Term* a) {
    if (!a[0].is_pid() || !a[1].is_pid()) return p.badarg();
    Process* who = inspect(p, a[1]);
    if (!who) return p.badarg();
    who->group_leader = a[0];
    done_with(p, who);
    return am::true_;
}

} // namespace joist

namespace joist {

namespace {

constexpr int kBacktraceDepth = 8;  // erl's default backtrace_depth

// Where `q` is: the code address of each frame, innermost first. Another process's current
// instruction is its pc; the caller's own is the return address into the function that
// called process_info (a BIF pushes no frame). Then one per distinct return address, as in
// exception stack traces.
std::vector<const Instr*> frames_of(Process& p, Process& q) {
    std::vector<const Instr*> at;
    if (&p != &q && q.pc) at.push_back(q.pc);
    const Instr* exit_cp = p.vm->process_exit_address();
    const Instr* last = nullptr;
    for (const Term* s = q.heap.stop; s < q.heap.end; ++s) {
        if (!s->is_header()) continue;  // only return addresses have tag 00 on the stack
        const Instr* cp = reinterpret_cast<const Instr*>(s->raw);
        if (cp == last || cp == exit_cp) continue;
        last = cp;
        at.push_back(cp - 1);
    }
    return at;
}

// {M, F, A} of the function holding `at`, and its [{file, F}, {line, L}] (or []), built on
// `h`; false for an address in no module.
bool describe(Vm& vm, gc::Heap& h, const Instr* at, Term& mfa, Term& loc) {
    const Module* m = vm.module_containing(at);
    const FunctionInfo* f = m ? m->function_at(at) : nullptr;
    if (!f) return false;
    mfa = gc::make_tuple_of(h, m->name, f->name, Term::small(f->arity));
    loc = Term::nil();
    const LineInfo* li = m->line_at(at);
    if (li && li->line != 0 && !m->files.empty()) {
        const std::string& file = li->file < m->files.size() ? m->files[li->file] : m->files[0];
        Term line = gc::make_tuple_of(h, am::line, Term::small(li->line));
        Term fname = gc::make_tuple_of(h, am::file, gc::make_codepoint_list(h, file));
        loc = gc::make_cons(h, fname, gc::make_cons(h, line, Term::nil()));
    }
    return true;
}

Term stack_item(Process& p, Process& q, bool trace, bool location) {
    gc::Heap& h = p.heap;
    std::vector<Term> frames;
    for (const Instr* at : frames_of(p, q)) {
        Term mfa, loc;
        if (const Export* ep = q.yielded_bif_at(at)) {  // in a BIF that yielded
            mfa = gc::make_tuple_of(h, ep->module, ep->function, Term::small(ep->arity));
            loc = Term::nil();
        } else if (!describe(*p.vm, h, at, mfa, loc)) {
            continue;
        }
        if (!trace) {  // current_function / current_location: the innermost frame
            if (!location) return mfa;
            return gc::make_tuple_of(h, mfa.tuple_elem(0), mfa.tuple_elem(1), mfa.tuple_elem(2),
                                     loc);
        }
        frames.push_back(gc::make_tuple_of(h, mfa.tuple_elem(0), mfa.tuple_elem(1),
                                           mfa.tuple_elem(2), loc));
        if (frames.size() == kBacktraceDepth) break;
    }
    if (!trace) return am::undefined;
    Term l = Term::nil();
    for (size_t i = frames.size(); i > 0; --i) l = gc::make_cons(h, frames[i - 1], l);
    return l;
}

// Active catches and trys on the process's stack.
int64_t catch_level(const Process& q) {
    int64_t n = 0;
    for (const Term* s = q.heap.stop; s < q.heap.end; ++s)
        if (s->is_catch()) ++n;
    return n;
}

// One process_info item's value for a live process `q`, or none() for an unknown item.
Term info_item(Process& p, Process& q, Term item) {
    gc::Heap& h = p.heap;
    std::string_view n = item.is_atom() ? atoms().name(item) : std::string_view();
    auto pids = [&](const std::vector<uint64_t>& v) {
        Term l = Term::nil();
        for (size_t i = v.size(); i > 0; --i) l = gc::make_cons(h, Term::pid(v[i - 1]), l);
        return l;
    };
    auto copy = [&](Term t) {
        if (&p == &q) return t;
        size_t words = gc::term_size(t);
        if (words == 0) return t;
        Term* hp = h.alloc(words);
        return gc::copy_term(t, hp);
    };
    if (n == "registered_name") {
        Term name = p.vm->processes.name_of(q);
        return name.is_value() ? name : Term::nil();
    }
    if (n == "dictionary") return copy(q.dictionary);
    if (n == "trap_exit") return q.trap_exit ? am::true_ : am::false_;
    if (n == "group_leader") return q.group_leader.is_local_pid() ? q.group_leader : q.pid();
    if (n == "links") return pids(q.links);
    if (n == "initial_call") return copy(q.initial_call);
    if (n == "priority") return q.priority;
    if (n == "error_handler") return q.error_handler;
    if (n == "message_queue_data")
        return atoms().intern(q.off_heap_messages ? "off_heap" : "on_heap");
    if (n == "parent") return q.parent ? Term::pid(q.parent) : am::undefined;
    if (n == "reductions")
        return gc::make_integer(h, int64_t(q.reductions + (&p == &q ? q.reds_at_bif : 0)));
    if (n == "catchlevel") return Term::small(catch_level(q));
    if (n == "suspending" || n == "sequential_trace_token") return Term::nil();
    if (n == "trace") return Term::small(0);
    if (n == "last_calls") return am::false_;  // save_calls is always 0 (process_flag/2)
    if (n == "current_function") return stack_item(p, q, false, false);
    if (n == "current_location") return stack_item(p, q, false, true);
    if (n == "current_stacktrace") return stack_item(p, q, true, true);
    if (n == "status") {
        if (&p == &q) return atoms().intern("running");
        if (q.pending_exit.is_value()) return atoms().intern("exiting");
        return atoms().intern(q.status == ProcStatus::Waiting ? "waiting" : "runnable");
    }
    if (n == "message_queue_len" || n == "messages") {
        q.take_inbox();
        if (n == "message_queue_len") return Term::small(int64_t(q.mq_len));
        std::vector<Term> ms;
        for (Message* m = q.mq_first; m; m = m->next) ms.push_back(m->term);
        Term l = Term::nil();
        for (size_t i = ms.size(); i > 0; --i) l = gc::make_cons(h, copy(ms[i - 1]), l);
        return l;
    }
    // heap_size, total_heap_size, stack_size, memory, garbage_collection(_info): the collector's.
    if (Term v = gc::process_info_item(p, q, item); v.is_value()) return v;
    if (n == "monitors") {  // {process, Pid}, or {process, {Name, Node}} for a name
        Term l = Term::nil();
        for (size_t i = q.monitors.size(); i > 0; --i) {
            const Monitor& m = q.monitors[i - 1];
            Term who = m.target_name.is_value()
                           ? gc::make_tuple_of(h, m.target_name, am::nonode_nohost)
                           : Term::pid(m.target);
            l = gc::make_cons(h, gc::make_tuple_of(h, am::process, who), l);
        }
        return l;
    }
    if (n == "binary") return gc::binary_info(h, q.heap.off_heap);  // off-heap binaries
    if (n == "monitored_by") {
        Term l = Term::nil();
        std::vector<Monitor> ms = q.monitored_by.newest_first();
        for (size_t i = ms.size(); i > 0; --i) l = gc::make_cons(h, Term::pid(ms[i - 1].watcher), l);
        return l;
    }
    return Term::none();
}

} // namespace

// erlang:process_info/2 — erlang.html#process_info-2: {Item, Value}, or a list of them for a list
// of items (every item checked first: an unknown one is badarg even for a dead process); undefined
// for a dead process; registered_name of an unregistered process: [] for the atom form,
// {registered_name, []} in a list.
Term bif_erlang_process_info_2(Process& p, const Term* a) {
    if (!a[0].is_local_pid()) return p.badarg();
    std::vector<Term> items;
    bool single = a[1].is_atom();
    if (single) {
        items.push_back(a[1]);
    } else {
        Term l = a[1];
        for (; l.is_list(); l = l.tail()) items.push_back(l.head());
        if (!l.is_nil()) return p.badarg();
    }
    Process* q = inspect(p, a[0]);
    if (!q) {  // the items are checked all the same (on the caller)
        for (Term item : items)
            if (info_item(p, p, item).is_none()) return p.badarg();
        return am::undefined;
    }
    Release release{p, q};
    std::vector<Term> rs;
    for (Term item : items) {
        Term v = info_item(p, *q, item);
        if (v.is_none()) return p.badarg();
        rs.push_back(gc::make_tuple_of(p.heap, item, v));
    }
    if (single) {
        if (a[1] == atoms().intern("registered_name") && rs[0].tuple_elem(1).is_nil())
            return Term::nil();
        return rs[0];
    }
    Term out = Term::nil();
    for (size_t i = rs.size(); i > 0; --i) out = gc::make_cons(p.heap, rs[i - 1], out);
    return out;
}

// erlang:process_info/1 — erlang.html#process_info-1: erl's default items (registered_name first
// when there is one), undefined for a dead process. Items the VM cannot give yet are left out.
Term bif_erlang_process_info_1(Process& p, const Term* a) {
    if (!a[0].is_local_pid()) return p.badarg();
    Process* q = inspect(p, a[0]);
    if (!q) return am::undefined;
    Release release{p, q};
    static const char* const kItems[] = {
        "registered_name", "current_function", "initial_call", "status",
        "message_queue_len", "links", "dictionary", "trap_exit", "error_handler",
        "priority", "group_leader", "total_heap_size", "heap_size", "stack_size",
        "reductions", "garbage_collection", "suspending"};
    std::vector<Term> rs;
    for (const char* name : kItems) {
        Term item = atoms().intern(name);
        Term v = info_item(p, *q, item);
        if (v.is_none() || (item == atoms().intern("registered_name") && v.is_nil())) continue;
        rs.push_back(gc::make_tuple_of(p.heap, item, v));
    }
    Term out = Term::nil();
    for (size_t i = rs.size(); i > 0; --i) out = gc::make_cons(p.heap, rs[i - 1], out);
    return out;
}

} // namespace joist

namespace joist {

// The report of a process that ended with an uncaught error: erl's logger prints
// "=ERROR REPORT==== <time> ===\nError in process <Pid> with exit value:\n<~p of Reason>" on
// standard output. joist's `user` (lib/joist_init.erl) formats it the same way, in order with
// the other output; without it the report goes to stderr in erlang:display's form.
void report_uncaught_error(Vm& vm, Process& p, Term reason) {
    if (auto user = vm.processes.whereis(atoms().intern("user"))) {
        if (Process* u = vm.processes.find(*user)) {
            gc::Heap tmp;
            tmp.init(8);
            send_message(*u, gc::make_tuple_of(tmp, atoms().intern("joist_error_report"),
                                               p.pid(), reason));
            return;
        }
    }
    std::fflush(stdout);
    std::fprintf(stderr, "=ERROR REPORT====\nError in process <0.%llu.0> with exit value:\n%s\n\n",
                 static_cast<unsigned long long>(p.number), format_display(reason).c_str());
}

} // namespace joist

namespace joist {

// erlang:pid_to_list/1 — erlang.html#pid_to_list-1: "<0.N.0>" (the form erl prints a local pid in).
Term bif_erlang_pid_to_list_1(Process& p, const Term* a) {
    if (!a[0].is_pid()) return p.badarg();
    return gc::make_byte_list(p.heap, format_display(a[0]));
}

// erlang:list_to_pid/1 — erlang.html#list_to_pid-1: "<0.N.0>" back to the pid (alive or not);
// anything else, and other nodes' pids (joist is not distributed), is badarg.
Term bif_erlang_list_to_pid_1(Process& p, const Term* a) {
    std::string s;
    Term l = a[0];
    for (; l.is_list() && s.size() < 64; l = l.tail()) {
        Term c = l.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 127) return p.badarg();
        s += char(c.small_value());
    }
    if (!l.is_nil() || s.size() < 7 || s.compare(0, 3, "<0.") != 0 ||
        s.compare(s.size() - 3, 3, ".0>") != 0)
        return p.badarg();
    std::string digits = s.substr(3, s.size() - 6);
    if (digits.empty() || digits.size() > 9) return p.badarg();
    uint64_t n = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return p.badarg();
        n = n * 10 + uint64_t(c - '0');
    }
    if (n >= (uint64_t(1) << 28)) return p.badarg();  // erl's pid number range
    return Term::pid(n);
}

} // namespace joist
