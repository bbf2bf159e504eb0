// The process table, the registry, and messages/exit signals between processes.
#include "process/process_table.h"
#include "process/resource.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include "gc/build.h"
#include "ets/table.h"
#include "gc/copy_term.h"
#include "vm/vm.h"

namespace joist {

ProcessTable::ProcessTable()
    : m_slots(static_cast<std::atomic<Process*>*>(
          std::calloc(kDefaultLimit, sizeof(std::atomic<Process*>)))) {
    if (!m_slots) std::abort();
    set_threads(1);
}

bool ProcessTable::set_limit(uint64_t n) {
    if (n < 1024 || n > 134217727) return false;
    size_t limit = 1024;
    while (limit < n) limit *= 2;
    std::lock_guard lock(m_mutex);
    if (!m_procs.empty()) return false;
    auto* slots = static_cast<std::atomic<Process*>*>(
        std::calloc(limit, sizeof(std::atomic<Process*>)));
    if (!slots) return false;
    std::free(m_slots);
    m_slots = slots;
    m_limit = limit;
    m_slot_mask = limit - 1;
    return true;
}

ProcessTable::~ProcessTable() {
    free_all();
    std::free(m_slots);
}

Process* ProcessTable::create(Vm& vm, size_t min_heap_words) {
    auto p = std::make_unique<Process>();
    p->vm = &vm;
    p->heap.min_heap_size = min_heap_words;
    p->heap.init(min_heap_words);
    std::lock_guard lock(m_mutex);
    if (m_procs.size() >= m_limit) return nullptr;
    uint64_t n = m_next;
    while (m_slots[n & m_slot_mask].load(std::memory_order_relaxed)) ++n;
    m_next = n + 1;
    p->number = n;
    Process* raw = p.get();
    m_slots[n & m_slot_mask].store(raw, std::memory_order_release);
    m_procs.emplace(n, std::move(p));
    return raw;
}

Process* ProcessTable::find(uint64_t number) const {
    Process* p = m_slots[number & m_slot_mask].load(std::memory_order_acquire);
    if (!p || p->number != number || (p->sched_flags.load(std::memory_order_acquire) & Process::kExited))
        return nullptr;
    return p;
}

void ProcessTable::retire(Process& p) {
    std::unique_ptr<Process> owned;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_procs.find(p.number);
        if (it == m_procs.end()) return;
        owned = std::move(it->second);
        m_procs.erase(it);
        m_slots[p.number & m_slot_mask].store(nullptr, std::memory_order_release);
    }
    std::lock_guard lock(m_retired_mutex);
    m_retired.emplace_back(m_epoch.fetch_add(1, std::memory_order_seq_cst), std::move(owned));
}

void ProcessTable::set_threads(unsigned n) {
    m_epochs = std::make_unique<Epoch[]>(n);
    m_threads = n;
}

namespace {
// Answers the link and monitor requests still in a dead process's in-queue: the requester
// gets noproc, as if it had asked after the exit.
void answer_late_signals(Process& dead) {
    ProcessTable& table = dead.vm->processes;
    for (Message* m = dead.inbox.take_all(); m;) {
        Message* next = m->next;
        if (m->kind() == SignalKind::Link) {
            if (Process* from = table.find(m->info->from))
                send_exit_signal(*from, dead.pid(), atoms().intern("noproc"), true);
        } else if (m->kind() == SignalKind::Monitor) {
            if (Process* w = table.find(m->info->from)) {
                gc::Heap tmp;
                tmp.init(8);
                Term who = m->info->name.is_atom() ? gc::make_tuple_of(tmp, m->info->name, am::nonode_nohost)
                                             : dead.pid();
                send_down_signal(*w, m->info->ref_id, who, atoms().intern("noproc"));
            }
        }
        delete m;
        m = next;
    }
}
} // namespace

void ProcessTable::reclaim() {
    std::vector<std::unique_ptr<Process>> ready;
    {
        std::lock_guard lock(m_retired_mutex);
        if (m_retired.empty()) return;
        uint64_t oldest = UINT64_MAX;  // the oldest epoch a running thread may still be in
        for (unsigned i = 0; i < m_threads; ++i) {
            uint64_t e = m_epochs[i].value.load(std::memory_order_seq_cst);
            if (e) oldest = std::min(oldest, e);
        }
        auto keep = m_retired.begin();
        for (auto it = m_retired.begin(); it != m_retired.end(); ++it) {
            if (it->first < oldest) ready.push_back(std::move(it->second));
            else *keep++ = std::move(*it);
        }
        m_retired.erase(keep, m_retired.end());
    }
    for (auto& p : ready) answer_late_signals(*p);
}

void ProcessTable::free_all() {
    std::lock_guard lock(m_retired_mutex);
    m_retired.clear();
    std::lock_guard lock2(m_mutex);
    for (auto& [n, p] : m_procs) m_slots[n & m_slot_mask].store(nullptr);
    m_procs.clear();
}

size_t ProcessTable::count() const {
    std::lock_guard lock(m_mutex);
    return m_procs.size();
}

std::vector<uint64_t> ProcessTable::numbers() const {
    std::lock_guard lock(m_mutex);
    std::vector<uint64_t> r;
    for (const auto& [n, p] : m_procs)
        if (!(p->sched_flags.load(std::memory_order_acquire) & Process::kExited)) r.push_back(n);
    std::sort(r.begin(), r.end());
    return r;
}

Term ProcessTable::name_of(const Process& p) const {
    std::lock_guard lock(m_mutex);
    return p.registered_name;
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
    AliasShard& s = alias_shard(ref_id);
    std::lock_guard lock(s.mutex);
    s.owners[ref_id] = pid;
}

void ProcessTable::remove_alias(uint64_t ref_id) {
    AliasShard& s = alias_shard(ref_id);
    std::lock_guard lock(s.mutex);
    s.owners.erase(ref_id);
}

std::optional<uint64_t> ProcessTable::alias_owner(uint64_t ref_id) const {
    const AliasShard& s = alias_shard(ref_id);
    std::lock_guard lock(s.mutex);
    auto it = s.owners.find(ref_id);
    if (it == s.owners.end()) return std::nullopt;
    return it->second;
}

Process* resolve_destination(Vm& vm, Term dest, bool& bad) {
    bad = false;
    if (dest.is_local_pid()) return vm.processes.find(dest);
    if (dest.is_pid()) return nullptr;  // another node's: dropped (no distribution)
    if (dest.is_ref()) {
        auto owner = vm.processes.alias_owner(ref_id_of(dest));
        return owner ? vm.processes.find(*owner) : nullptr;
    }
    Term name = dest;
    if (dest.is_tuple() && dest.tuple_arity() == 2 && dest.tuple_elem(0).is_atom() &&
        dest.tuple_elem(1).is_atom() && dest.tuple_elem(1) != am::nonode_nohost)
        return nullptr;  // {Name, OtherNode}: dropped, as erl does when not alive
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

namespace {

void wake(Process& to) {
    if (!to.vm) return;  // a process outside any VM (unit tests)
    if (Waker* w = to.vm->processes.waker) w->wake(to);
}

// A signal whose term is a copy of `t` in a fragment of its own.
Message* new_signal(SignalKind kind, Term t) {
    auto* m = new Message();
    if (kind != SignalKind::Message) m->signal().kind = kind;
    size_t words = gc::term_size_shared(t);
    if (words == 0) {
        m->term = t;
    } else {
        m->fragment = gc::Heap::new_fragment(words);
        Term* hp = m->fragment->data;
        gc::OffHeap bins;
        m->term = gc::copy_term_shared(t, hp, bins);  // big binaries are shared
        if (!bins.refc_bins.empty()) m->signal().off_heap.absorb(bins);
    }
    return m;
}

void push_signal(Process& to, Message* m) {
    to.inbox.push(m);
    wake(to);
}

void remove_link(std::vector<uint64_t>& links, uint64_t n, bool* found = nullptr) {
    auto it = std::find(links.begin(), links.end(), n);
    if (found) *found = it != links.end();
    if (it != links.end()) links.erase(it);
}

} // namespace

void send_message(Process& to, Term msg) {
    if (to.sched_flags.load(std::memory_order_acquire) & Process::kExited) return;
    push_signal(to, new_signal(SignalKind::Message, msg));
}

void send_exit_signal(Process& to, Term from, Term reason, bool from_link) {
    if (to.sched_flags.load(std::memory_order_acquire) & Process::kExited) return;
    gc::Heap tmp;
    tmp.init(8);
    Message* m = new_signal(SignalKind::Exit, gc::make_tuple_of(tmp, am::EXIT, from, reason));
    m->info->from_link = from_link;
    m->info->from = from.is_local_pid() ? from.pid_number() : 0;
    push_signal(to, m);
}

namespace {
/* A signal without a term: link, unlink, monitor, demonitor. These only change the
 * receiver's records (links, monitored_by), which nothing reads before the receiver next
 * takes its in-queue: when it runs (a message or an exit signal wakes it), when it exits
 * (process_exited), or when another process inspects it (lock_other's callers act on pending
 * signals first). So they do not wake it: a server that clients monitor and demonitor around
 * every call is not scheduled once more per call just to file the record. */
void push_bare_signal(Process& to, SignalKind kind, uint64_t from, uint64_t ref_id, Term name) {
    auto* m = new Message();
    SignalInfo& s = m->signal();
    s.kind = kind;
    s.from = from;
    s.ref_id = ref_id;
    s.name = name.is_atom() ? name : Term::nil();
    to.inbox.push(m);
}
} // namespace

Message* copy_to_message(Term t) { return new_signal(SignalKind::Message, t); }

void send_link_signal(Process& to, uint64_t from) {
    push_bare_signal(to, SignalKind::Link, from, 0, Term::nil());
}

void send_unlink_signal(Process& to, uint64_t from) {
    push_bare_signal(to, SignalKind::Unlink, from, 0, Term::nil());
}

void send_monitor_signal(Process& to, uint64_t watcher, uint64_t ref_id, Term name) {
    push_bare_signal(to, SignalKind::Monitor, watcher, ref_id, name);
}

void send_demonitor_signal(Process& to, uint64_t ref_id) {
    push_bare_signal(to, SignalKind::Demonitor, 0, ref_id, Term::nil());
}

void send_down_signal(Process& watcher, uint64_t ref_id, Term who, Term reason) {
    gc::Heap tmp;
    tmp.init(16);
    Term down = gc::make_tuple_of(tmp, atoms().intern("DOWN"), make_ref_term(tmp, ref_id),
                                  am::process, who, reason);
    Message* m = new_signal(SignalKind::Down, down);
    m->info->ref_id = ref_id;
    push_signal(watcher, m);
}

void handle_signal(Process& p, Message* m) {
    switch (m->kind()) {
    case SignalKind::Message:
        p.enqueue_message(m);
        return;
    case SignalKind::Link:
        if (std::find(p.links.begin(), p.links.end(), m->info->from) == p.links.end())
            p.links.push_back(m->info->from);
        break;
    case SignalKind::Unlink:
        remove_link(p.links, m->info->from);
        break;
    case SignalKind::Exit: {
        Term reason = m->term.tuple_elem(2);
        if (m->info->from_link) {
            bool linked = false;
            remove_link(p.links, m->info->from, &linked);
            if (!linked) break;  // unlinked meanwhile: the signal is void
        }
        if (p.pending_exit.is_value()) break;  // already on its way out
        if (reason == am::kill && !m->info->from_link) {
            p.pending_exit = am::killed;
        } else if (p.trap_exit) {
            p.enqueue_message(m);
            return;
        } else if (reason != am::normal) {
            if (m->fragment) {  // the reason must live on the process's heap
                if (m->info) p.heap.off_heap.absorb(m->info->off_heap);  // before attaching
                p.heap.attach_fragment(m->fragment);
                m->fragment = nullptr;
            }
            p.pending_exit = reason;
        }
        break;
    }
    case SignalKind::Monitor:
        p.monitored_by.add(Monitor{Term::nil(), m->info->ref_id, m->info->from, p.number,
                                   m->info->name.is_atom() ? m->info->name : Term::none()});
        break;
    case SignalKind::Demonitor:
        p.monitored_by.erase(m->info->ref_id);
        break;
    case SignalKind::Down: {
        auto& v = p.monitors;
        auto it = std::find_if(v.begin(), v.end(),
                               [&](const Monitor& x) { return x.ref_id == m->info->ref_id; });
        if (it == v.end()) break;  // demonitored meanwhile
        v.erase(it);
        if (Message* tag = p.take_monitor_tag(m->info->ref_id)) {
            // {Tag, Ref, process, Who, Reason}: built anew, then both old pieces go.
            gc::Heap tmp;
            tmp.init(8);
            Term d = m->term;
            Term t = gc::make_tuple_of(tmp, tag->term, d.tuple_elem(1), d.tuple_elem(2),
                                       d.tuple_elem(3), d.tuple_elem(4));
            Message* tagged = new_signal(SignalKind::Down, t);
            tagged->info->ref_id = m->info->ref_id;
            delete tag;
            delete m;
            m = tagged;
        }
        p.enqueue_message(m);
        return;
    }
    }
    delete m;
}

void Process::take_inbox_slow() {
    for (Message* m = inbox.take_all(); m;) {
        Message* next = m->next;
        handle_signal(*this, m);
        m = next;
    }
}

void process_exited(Vm& vm, Process& p, Term reason) {
    p.take_inbox();  // links and monitors that arrived before the end count
    // Its ETS tables go first (to their heirs, or away), as in erl.
    if (p.may_own_ets.load(std::memory_order_acquire)) ets::process_exiting(vm, p);
    p.sched_flags.fetch_or(Process::kExited, std::memory_order_seq_cst);
    p.status = ProcStatus::Exited;
    ProcessTable& table = vm.processes;
    // 'DOWN' to every watcher: {'DOWN', Ref, process, Pid or {Name, Node}, Reason}.
    std::vector<Monitor> watchers = p.monitored_by.take_all();
    for (const Monitor& m : watchers) {
        Process* w = table.find(m.watcher);
        if (!w) continue;
        gc::Heap tmp;
        tmp.init(8);
        Term who = m.target_name.is_atom()
                       ? gc::make_tuple_of(tmp, m.target_name, am::nonode_nohost)
                       : p.pid();
        send_down_signal(*w, m.ref_id, who, reason);
    }
    // Monitors this process held: the targets forget them.
    for (const Monitor& m : p.monitors)
        if (Process* t = table.find(m.target)) send_demonitor_signal(*t, m.ref_id);
    p.monitors.clear();
    Term name = table.name_of(p);
    if (name.is_value()) table.unregister_name(name);
    std::vector<uint64_t> links;
    links.swap(p.links);
    for (uint64_t n : links)
        if (Process* other = table.find(n)) send_exit_signal(*other, p.pid(), reason, true);
    release_resources_of(p.number);  // its open files, buffers and zlib streams
    table.retire(p);
}

void lock_other(Process& p, Process& q) {
    while (!q.run_lock.try_lock()) {
        p.run_lock.unlock();
        std::this_thread::yield();
        p.run_lock.lock();
    }
}

} // namespace joist
