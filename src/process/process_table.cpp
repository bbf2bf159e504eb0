// The process table, the registry, and messages/exit signals between processes.
#include "process/process_table.h"

#include <algorithm>
#include <atomic>

#include "gc/build.h"
#include "gc/copy_term.h"
#include "vm/vm.h"

namespace joist {

Process* ProcessTable::create(Vm& vm, size_t min_heap_words) {
    std::lock_guard lock(m_mutex);
    if (m_procs.size() >= limit) return nullptr;
    auto p = std::make_unique<Process>();
    p->vm = &vm;
    p->number = m_next++;
    p->heap.min_heap_size = min_heap_words;
    p->heap.init(min_heap_words);
    Process* raw = p.get();
    m_procs.emplace(raw->number, std::move(p));
    return raw;
}

Process* ProcessTable::find(uint64_t number) const {
    std::lock_guard lock(m_mutex);
    auto it = m_procs.find(number);
    if (it == m_procs.end() || it->second->status == ProcStatus::Exited) return nullptr;
    return it->second.get();
}

void ProcessTable::destroy(uint64_t number) {
    std::unique_ptr<Process> dead;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_procs.find(number);
        if (it == m_procs.end()) return;
        dead = std::move(it->second);
        m_procs.erase(it);
    }
}

size_t ProcessTable::count() const {
    std::lock_guard lock(m_mutex);
    return m_procs.size();
}

std::vector<uint64_t> ProcessTable::numbers() const {
    std::lock_guard lock(m_mutex);
    std::vector<uint64_t> r;
    for (const auto& [n, p] : m_procs)
        if (p->status != ProcStatus::Exited) r.push_back(n);
    std::sort(r.begin(), r.end());
    return r;
}

bool ProcessTable::register_name(Term name, Process& p) {
    std::lock_guard lock(m_mutex);
    if (m_names.count(name.atom_index()) || p.registered_name.is_value()) return false;
    m_names.emplace(name.atom_index(), p.number);
    p.registered_name = name;
    return true;
}

bool ProcessTable::unregister_name(Term name) {
    std::lock_guard lock(m_mutex);
    auto it = m_names.find(name.atom_index());
    if (it == m_names.end()) return false;
    if (auto pit = m_procs.find(it->second); pit != m_procs.end())
        pit->second->registered_name = Term::none();
    m_names.erase(it);
    return true;
}

std::optional<uint64_t> ProcessTable::whereis(Term name) const {
    std::lock_guard lock(m_mutex);
    auto it = m_names.find(name.atom_index());
    if (it == m_names.end()) return std::nullopt;
    return it->second;
}

void ProcessTable::add_alias(uint64_t ref_id, uint64_t pid) {
    std::lock_guard lock(m_mutex);
    m_aliases[ref_id] = pid;
}

void ProcessTable::remove_alias(uint64_t ref_id) {
    std::lock_guard lock(m_mutex);
    m_aliases.erase(ref_id);
}

std::optional<uint64_t> ProcessTable::alias_owner(uint64_t ref_id) const {
    std::lock_guard lock(m_mutex);
    auto it = m_aliases.find(ref_id);
    if (it == m_aliases.end()) return std::nullopt;
    return it->second;
}

Process* resolve_destination(Vm& vm, Term dest, bool& bad) {
    bad = false;
    if (dest.is_local_pid()) return vm.processes.find(dest);
    if (dest.is_ref()) {
        auto owner = vm.processes.alias_owner(ref_id_of(dest));
        return owner ? vm.processes.find(*owner) : nullptr;
    }
    Term name = dest;
    if (dest.is_tuple() && dest.tuple_arity() == 2 && dest.tuple_elem(1) == am::nonode_nohost)
        name = dest.tuple_elem(0);
    auto n = name.is_atom() ? vm.processes.whereis(name) : std::nullopt;
    if (!n) {
        bad = true;
        return nullptr;
    }
    return vm.processes.find(*n);
}

std::vector<Term> ProcessTable::registered() const {
    std::lock_guard lock(m_mutex);
    std::vector<Term> r;
    for (const auto& [a, n] : m_names) r.push_back(Term::atom(a));
    return r;
}

namespace {
std::atomic<uint64_t> g_next_ref{1};
}

uint64_t new_ref_id() { return g_next_ref.fetch_add(1, std::memory_order_relaxed); }

// Ref layout [hdr(Ref, 3), w0, w1, w2], printed #Ref<0.w0.w1.w2>, most significant first.
Term make_ref_term(gc::Heap& h, uint64_t id) {
    Term* r = h.alloc(4);
    r[0] = Term::header(Subtag::Ref, 3);
    r[1] = Term::from_raw(0);
    r[2] = Term::from_raw(id >> 32);
    r[3] = Term::from_raw(id & 0xFFFFFFFF);
    return Term::boxed(r);
}

uint64_t ref_id_of(Term ref) {
    if (!ref.is_boxed_of(Subtag::Ref) || ref.box_header().header_arity() != 3) return 0;
    const Term* r = ref.boxed_ptr();
    if (r[1].raw != 0) return 0;
    return (r[2].raw << 32) | (r[3].raw & 0xFFFFFFFF);
}

void send_message(Process& to, Term msg) {
    if (to.status == ProcStatus::Exited) return;
    auto* m = new Message();
    size_t words = gc::term_size_shared(msg);
    if (words == 0) {
        m->term = msg;
    } else {
        m->fragment = gc::Heap::new_fragment(words);
        Term* hp = m->fragment->data;
        m->term = gc::copy_term_shared(msg, hp, m->off_heap);  // big binaries are shared
    }
    to.inbox.push(m);
    if (to.status == ProcStatus::Waiting && to.vm->processes.waker)
        to.vm->processes.waker->wake(to);
}

void send_exit_signal(Process& to, Term from, Term reason, bool from_link) {
    if (to.status == ProcStatus::Exited) return;
    if (reason == am::kill && !from_link) {
        to.pending_exit = am::killed;
    } else if (to.trap_exit) {
        gc::Heap tmp;
        tmp.init(8);
        send_message(to, gc::make_tuple_of(tmp, am::EXIT, from, reason));
        return;
    } else if (reason == am::normal) {
        return;
    } else {
        to.pending_exit = reason;
    }
    if (to.status == ProcStatus::Waiting && to.vm->processes.waker)
        to.vm->processes.waker->wake(to);
}

void process_exited(Vm& vm, Process& p, Term reason) {
    p.status = ProcStatus::Exited;
    // 'DOWN' to every watcher: {'DOWN', Ref, process, Pid or {Name, Node}, Reason}.
    std::vector<Monitor> watchers;
    watchers.swap(p.monitored_by);
    for (const Monitor& m : watchers) {
        Process* w = vm.processes.find(m.watcher);
        if (!w) continue;
        auto& wm = w->monitors;
        wm.erase(std::remove_if(wm.begin(), wm.end(),
                                [&](const Monitor& x) { return x.ref_id == m.ref_id; }),
                 wm.end());
        gc::Heap tmp;
        tmp.init(32);
        Term who = m.target_name.is_value()
                       ? gc::make_tuple_of(tmp, m.target_name, am::nonode_nohost)
                       : p.pid();
        send_message(*w, gc::make_tuple_of(tmp, atoms().intern("DOWN"),
                                           make_ref_term(tmp, m.ref_id), am::process, who,
                                           reason));
    }
    // Monitors this process held: the targets forget them.
    for (const Monitor& m : p.monitors) {
        if (Process* t = vm.processes.find(m.target)) {
            auto& tm = t->monitored_by;
            tm.erase(std::remove_if(tm.begin(), tm.end(),
                                    [&](const Monitor& x) { return x.ref_id == m.ref_id; }),
                     tm.end());
        }
    }
    p.monitors.clear();
    if (p.registered_name.is_value()) vm.processes.unregister_name(p.registered_name);
    std::vector<uint64_t> links;
    links.swap(p.links);
    for (uint64_t n : links) {
        Process* other = vm.processes.find(n);
        if (!other) continue;
        auto& ol = other->links;
        ol.erase(std::remove(ol.begin(), ol.end(), p.number), ol.end());
        send_exit_signal(*other, p.pid(), reason, true);
    }
}

} // namespace joist
