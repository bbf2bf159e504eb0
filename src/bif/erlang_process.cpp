// erlang BIFs about processes: spawning, links, monitors, exit signals, the registry,
// sending. The services themselves live in process/process_table.
#include <algorithm>

#include "bif/bif.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "process/process_table.h"
#include "term/compare.h"
#include "vm/vm.h"

namespace joist {

namespace {

enum SpawnFlags : unsigned { kLink = 1, kMonitor = 2 };

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
    size_t words = gc::term_size(t);
    if (words == 0) return t;
    Term* hp = child.heap.alloc(words);
    return gc::copy_term(t, hp);
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

Term spawn_common(Process& p, Term fun_or_mod, Term fn, Term args, unsigned flags) {
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
            child = vm.processes.create(vm, 233);
            if (!child) return p.error(am::system_limit);
            pc = ep->address.load(std::memory_order_acquire);
            initial_call = gc::make_tuple_of(child->heap, ep->module, ep->function,
                                             Term::small(0));
        } else {
            const FunEntry* fe = reinterpret_cast<const FunEntry*>(f.boxed_ptr()[1].raw);
            if (fe->arity != fe->num_free) return p.badarg();
            child = vm.processes.create(vm, 233);
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
        child = vm.processes.create(vm, 233);
        if (!child) return p.error(am::system_limit);
        Term copy = copy_into(*child, args);
        for (Term c = copy; c.is_list(); c = c.tail()) xs.push_back(c.head());
        pc = vm.export_entry(fun_or_mod, fn, uint32_t(n))->address.load(std::memory_order_acquire);
        initial_call = gc::make_tuple_of(child->heap, fun_or_mod, fn, Term::small(int64_t(n)));
    }
    start_child(p, *child, pc, std::move(xs), initial_call);
    if (flags & kLink) link_pair(p, *child);
    Term result = child->pid();
    if (flags & kMonitor) {
        Term ref = add_monitor(p, *child, Term::none());
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

} // namespace

// erlang:spawn/3, spawn_link/3, spawn_opt/4 — erlang.html#spawn-3 (spawn/1, spawn_link/1 and
// spawn_monitor/1,3 are Erlang code in erlang.beam calling these).
Term bif_erlang_spawn_3(Process& p, const Term* a) { return spawn_common(p, a[0], a[1], a[2], 0); }
Term bif_erlang_spawn_link_3(Process& p, const Term* a) {
    return spawn_common(p, a[0], a[1], a[2], kLink);
}
// Options link and monitor; priority, min_heap_size and the rest are accepted and ignored
// until the processes issue lands them.
Term bif_erlang_spawn_opt_4(Process& p, const Term* a) {
    unsigned flags = 0;
    Term l = a[3];
    for (; l.is_list(); l = l.tail()) {
        Term o = l.head();
        if (o == atoms().intern("link")) flags |= kLink;
        else if (o == atoms().intern("monitor")) flags |= kMonitor;
        else if (!o.is_tuple() && !o.is_atom()) return p.badarg();
    }
    if (!l.is_nil()) return p.badarg();
    return spawn_common(p, a[0], a[1], a[2], flags);
}

// erlang:link/1 — a dead or unknown pid: noproc (an exit signal, or an error without
// trap_exit... as erl 25: the caller gets an exit signal noproc when trapping, else badarg
// is not raised: it exits with noproc).
Term bif_erlang_link_1(Process& p, const Term* a) {
    if (!a[0].is_pid()) return p.badarg();
    if (a[0] == p.pid()) return am::true_;
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

// erlang:process_flag/2 — trap_exit for now; other flags come with the processes issue.
Term bif_erlang_process_flag_2(Process& p, const Term* a) {
    if (a[0] == atoms().intern("trap_exit")) {
        if (a[1] != am::true_ && a[1] != am::false_) return p.badarg();
        Term old = p.trap_exit ? am::true_ : am::false_;
        p.trap_exit = a[1] == am::true_;
        return old;
    }
    return p.badarg();
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

// erlang:monitor/2 — process monitors (by pid or registered name).
Term bif_erlang_monitor_2(Process& p, const Term* a) {
    if (a[0] != am::process) return p.badarg();
    Term target = a[1];
    Term name = Term::none();
    Process* t = nullptr;
    if (target.is_local_pid()) {
        t = process_of(p, target);
    } else if (target.is_atom()) {
        name = target;
        if (auto n = p.vm->processes.whereis(target)) t = p.vm->processes.find(*n);
    } else if (target.is_tuple() && target.tuple_arity() == 2 && target.tuple_elem(0).is_atom()) {
        name = target.tuple_elem(0);
        if (auto n = p.vm->processes.whereis(name)) t = p.vm->processes.find(*n);
    } else {
        return p.badarg();
    }
    if (t) {
        uint64_t id = new_ref_id();
        p.monitors.push_back(Monitor{Term::nil(), id, p.number, t->number, name});
        send_monitor_signal(*t, p.number, id, name);
        return make_ref_term(p.heap, id);
    }
    // No such process: the 'DOWN' (noproc) comes at once.
    uint64_t id = new_ref_id();
    Term ref = make_ref_term(p.heap, id);
    Term who = name.is_value() ? gc::make_tuple_of(p.heap, name, am::nonode_nohost) : target;
    send_message(p, gc::make_tuple_of(p.heap, atoms().intern("DOWN"), ref, am::process, who,
                                      atoms().intern("noproc")));
    return ref;
}

// erlang:monitor/3 — monitor/2 with options: {alias, Mode} also makes the reference an
// alias of the caller (Mode explicit_unalias, demonitor or reply_demonitor: all three are
// removed by unalias/1 or demonitor; FIXME(issue 4): reply_demonitor's removal on the first
// reply), {tag, T} is not supported yet (badarg).
Term bif_erlang_monitor_3(Process& p, const Term* a) {
    bool alias = false;
    Term l = a[2];
    for (; l.is_list(); l = l.tail()) {
        Term o = l.head();
        if (o.is_tuple() && o.tuple_arity() == 2 && o.tuple_elem(0) == atoms().intern("alias"))
            alias = true;
        else
            return p.badarg();
    }
    if (!l.is_nil()) return p.badarg();
    Term ref = bif_erlang_monitor_2(p, a);
    if (ref.is_value() && alias) p.vm->processes.add_alias(ref_id_of(ref), p.number);
    return ref;
}

// erlang:alias/1 — a new reference that is an alias of the caller (alias/0 is Erlang code).
Term bif_erlang_alias_1(Process& p, const Term* a) {
    Term l = a[0];
    while (l.is_list()) l = l.tail();
    if (!l.is_nil()) return p.badarg();
    uint64_t id = new_ref_id();
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
    if (flush) {
        p.take_inbox();
        Term down = atoms().intern("DOWN");
        for (Message** m = &p.mq_first; *m; m = &(*m)->next) {
            Term t = (*m)->term;
            if (t.is_tuple() && t.tuple_arity() == 5 && t.tuple_elem(0) == down &&
                terms_exact_eq(t.tuple_elem(1), ref)) {
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
    while (l.is_list()) l = l.tail();
    if (!l.is_nil()) return p.badarg();
    Term r = bif_erlang_send_2(p, a);
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
    if (n == "priority") return atoms().intern("normal");
    if (n == "reductions") return gc::make_integer(h, int64_t(q.reductions));
    if (n == "status") {
        if (&p == &q) return atoms().intern("running");
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
    if (n == "heap_size") return Term::small(int64_t(q.heap.heap_used() + q.heap.free_words()));
    if (n == "total_heap_size")
        return Term::small(int64_t(q.heap.size() + q.heap.fragment_words));
    if (n == "stack_size") return Term::small(int64_t(q.heap.stack_used()));
    if (n == "memory")
        return Term::small(int64_t(sizeof(Process) + (q.heap.size() + q.heap.fragment_words) * 8));
    if (n == "monitors") {
        Term l = Term::nil();
        for (size_t i = q.monitors.size(); i > 0; --i)
            l = gc::make_cons(h, gc::make_tuple_of(h, am::process, Term::pid(q.monitors[i - 1].target)), l);
        return l;
    }
    if (n == "monitored_by") {
        Term l = Term::nil();
        std::vector<Monitor> ms = q.monitored_by.newest_first();
        for (size_t i = ms.size(); i > 0; --i) l = gc::make_cons(h, Term::pid(ms[i - 1].watcher), l);
        return l;
    }
    return Term::none();
}

} // namespace

// erlang:process_info/2 — {Item, Value} (a list of them for a list of items); undefined for
// a dead process; [] for registered_name of an unregistered one. FIXME(issue 4): the items
// current_function, current_stacktrace, garbage_collection and the exact memory figure.
Term bif_erlang_process_info_2(Process& p, const Term* a) {
    if (!a[0].is_local_pid()) return p.badarg();
    Process* q = inspect(p, a[0]);
    if (!q) return am::undefined;
    struct Release {
        Process& p;
        Process* q;
        ~Release() { done_with(p, q); }
    } release{p, q};
    auto one = [&](Term item) -> Term {
        Term v = info_item(p, *q, item);
        if (v.is_none()) return v;
        if (item == atoms().intern("registered_name") && v.is_nil()) return Term::nil();
        return gc::make_tuple_of(p.heap, item, v);
    };
    if (a[1].is_atom()) {
        Term r = one(a[1]);
        return r.is_none() ? p.badarg() : r;
    }
    std::vector<Term> rs;
    Term l = a[1];
    for (; l.is_list(); l = l.tail()) {
        Term r = one(l.head());
        if (r.is_none()) return p.badarg();
        if (!r.is_nil()) rs.push_back(r);
    }
    if (!l.is_nil()) return p.badarg();
    Term out = Term::nil();
    for (size_t i = rs.size(); i > 0; --i) out = gc::make_cons(p.heap, rs[i - 1], out);
    return out;
}

} // namespace joist
