// The timer wheel (see timers.h).
#include "sched/timers.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdlib>
#include <iterator>

#include "gc/copy_term.h"
#include "process/process_table.h"

namespace joist {

uint64_t steady_now_ns() {
    using namespace std::chrono;
    return uint64_t(duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}

namespace {

// The tick at which a deadline is due: rounded up, so a timer never fires early.
uint64_t tick_of(uint64_t deadline_ns) {
    return deadline_ns / TimerService::kTickNs + (deadline_ns % TimerService::kTickNs != 0);
}

// Whole ms left (rounded down, as erl reports them).
uint64_t remaining_ms(uint64_t deadline_ns, uint64_t now_ns) {
    return deadline_ns <= now_ns ? 0 : (deadline_ns - now_ns) / TimerService::kTickNs;
}

constexpr uint32_t kGenerationMask = 0x7FFFFFFF;  // 31 bits: below kReceiveIdBit

} // namespace

TimerService::TimerService(uint64_t now_ns)
    : m_cursor(now_ns / kTickNs), m_cursor_hint(m_cursor), m_slots(kWheelSlots) {}

TimerService::~TimerService() {
    for (Node& n : m_nodes) gc::Heap::free_fragment(n.fragment);
}

uint32_t TimerService::alloc_node() {
    if (!m_free.empty()) {
        uint32_t i = m_free.back();
        m_free.pop_back();
        return i;
    }
    m_nodes.emplace_back();
    return uint32_t(m_nodes.size() - 1);
}

void TimerService::free_node(uint32_t i) {
    Node& n = m_nodes[i];
    if (n.kind == TimerKind::Message) {
        m_by_ref.erase(n.id);
        if (n.dest.is_local_pid()) forget_dest_pid(n.dest.pid_number(), n.id);
    }
    gc::Heap::free_fragment(n.fragment);
    n.fragment = nullptr;
    n.msg = n.dest = Term::nil();
    n.where = Where::Free;
    n.generation = (n.generation + 1) & kGenerationMask;
    m_free.push_back(i);
    --m_count;
}

void TimerService::place(uint32_t i) {
    Node& n = m_nodes[i];
    if (n.tick >= m_cursor + kWheelSlots) {
        n.where = Where::Overflow;
        m_overflow.emplace(n.tick, i);
        return;
    }
    size_t s = n.tick & kSlotMask;
    Slot& slot = m_slots[s];
    n.where = Where::Wheel;
    n.prev = slot.tail;
    n.next = kNil;
    if (slot.tail == kNil) slot.head = i;
    else m_nodes[slot.tail].next = i;
    slot.tail = i;
    m_busy[s >> 6] |= uint64_t(1) << (s & 63);
}

void TimerService::unlink(uint32_t i) {
    Node& n = m_nodes[i];
    if (n.where == Where::Overflow) {
        m_overflow.erase({n.tick, i});
    } else if (n.where == Where::Wheel) {
        size_t s = n.tick & kSlotMask;
        Slot& slot = m_slots[s];
        if (n.prev == kNil) slot.head = n.next;
        else m_nodes[n.prev].next = n.next;
        if (n.next == kNil) slot.tail = n.prev;
        else m_nodes[n.next].prev = n.prev;
        if (slot.head == kNil) m_busy[s >> 6] &= ~(uint64_t(1) << (s & 63));
    }
    n.prev = n.next = kNil;
}

uint32_t TimerService::find(TimerId id) const {
    if (id & kReceiveIdBit) {
        uint32_t i = uint32_t(id);
        uint32_t generation = uint32_t(id >> 32) & kGenerationMask;
        if (i >= m_nodes.size()) return kNil;
        const Node& n = m_nodes[i];
        bool live = n.where != Where::Free && n.kind == TimerKind::Receive &&
                    n.generation == generation;
        return live ? i : kNil;
    }
    auto it = m_by_ref.find(id);
    return it == m_by_ref.end() ? kNil : it->second;
}

TimerService::TimerId TimerService::insert_receive(uint64_t deadline_ns, uint64_t pid,
                                                   uint64_t seq) {
    std::lock_guard lock(m_mutex);
    uint32_t i = alloc_node();
    Node& n = m_nodes[i];
    n.kind = TimerKind::Receive;
    n.deadline = deadline_ns;
    n.tick = std::max(tick_of(deadline_ns), m_cursor);
    n.pid = pid;
    n.seq = seq;
    n.id = kReceiveIdBit | (uint64_t(n.generation) << 32) | i;
    place(i);
    ++m_count;
    return n.id;
}

void TimerService::insert_message(uint64_t deadline_ns, TimerId ref_id, Term dest, Term msg) {
    // Copy outside the lock: the message may be large.
    gc::Fragment* fragment = nullptr;
    if (size_t words = gc::term_size(msg)) {
        fragment = gc::Heap::new_fragment(words);
        Term* hp = fragment->data;
        msg = gc::copy_term(msg, hp);
    }
    std::lock_guard lock(m_mutex);
    uint32_t i = alloc_node();
    Node& n = m_nodes[i];
    n.kind = TimerKind::Message;
    n.deadline = deadline_ns;
    n.tick = std::max(tick_of(deadline_ns), m_cursor);
    n.id = ref_id;
    n.dest = dest;
    n.msg = msg;
    n.fragment = fragment;
    m_by_ref[ref_id] = i;
    if (dest.is_local_pid()) m_by_dest_pid[dest.pid_number()].insert(ref_id);
    place(i);
    ++m_count;
}

void TimerService::forget_dest_pid(uint64_t pid, TimerId id) {
    auto it = m_by_dest_pid.find(pid);
    if (it == m_by_dest_pid.end()) return;
    it->second.erase(id);
    if (it->second.empty()) m_by_dest_pid.erase(it);
}

size_t TimerService::cancel_for_process(uint64_t pid) {
    std::lock_guard lock(m_mutex);
    auto it = m_by_dest_pid.find(pid);
    if (it == m_by_dest_pid.end()) return 0;
    std::unordered_set<TimerId> ids = std::move(it->second);
    m_by_dest_pid.erase(it);
    for (TimerId id : ids) {
        uint32_t i = find(id);
        unlink(i);
        free_node(i);  // finds no entry left in m_by_dest_pid
    }
    return ids.size();
}

std::optional<uint64_t> TimerService::cancel(TimerId id, uint64_t now_ns) {
    std::lock_guard lock(m_mutex);
    uint32_t i = find(id);
    if (i == kNil) return std::nullopt;
    uint64_t left = remaining_ms(m_nodes[i].deadline, now_ns);
    unlink(i);
    free_node(i);
    return left;
}

std::optional<uint64_t> TimerService::read(TimerId id, uint64_t now_ns) const {
    std::lock_guard lock(m_mutex);
    uint32_t i = find(id);
    if (i == kNil) return std::nullopt;
    return remaining_ms(m_nodes[i].deadline, now_ns);
}

std::optional<uint64_t> TimerService::next_busy_tick(uint64_t from, uint64_t to) const {
    // Slots of one m_busy word are consecutive ticks (kWheelSlots is a multiple of 64).
    for (uint64_t t = from; t <= to;) {
        size_t s = t & kSlotMask;
        uint64_t bits = m_busy[s >> 6] >> (s & 63);
        if (bits) {
            t += uint64_t(std::countr_zero(bits));
            return t <= to ? std::optional(t) : std::nullopt;
        }
        t += 64 - (s & 63);
    }
    return std::nullopt;
}

std::optional<uint64_t> TimerService::next_deadline() const {
    std::lock_guard lock(m_mutex);
    std::optional<uint64_t> tick = next_busy_tick(m_cursor, m_cursor + kWheelSlots - 1);
    if (!tick && !m_overflow.empty()) tick = m_overflow.begin()->first;
    if (!tick) return std::nullopt;
    return *tick * kTickNs;
}

void TimerService::take_slot(uint64_t tick, std::vector<uint32_t>& due) {
    size_t s = tick & kSlotMask;
    Slot& slot = m_slots[s];
    for (uint32_t i = slot.head; i != kNil; i = m_nodes[i].next) due.push_back(i);
    slot.head = slot.tail = kNil;
    m_busy[s >> 6] &= ~(uint64_t(1) << (s & 63));
}

size_t TimerService::expire(uint64_t now_ns,
                            const std::function<void(const ExpiredTimer&)>& deliver) {
    uint64_t target = now_ns / kTickNs;  // every tick <= target is due
    // Relaxed: a stale hint only sends us to the lock, which orders everything.
    if (target < m_cursor_hint.load(std::memory_order_relaxed)) return 0;
    std::vector<ExpiredTimer> fired;
    std::vector<gc::Fragment*> fragments;
    {
        std::lock_guard lock(m_mutex);
        if (target < m_cursor) return 0;
        // Both lists come out in tick order, each tick in insertion order; one tick is never
        // in both (the wheel spans a far timer's tick only after the timer has moved in).
        std::vector<uint32_t> due, far_due;
        while (!m_overflow.empty() && m_overflow.begin()->first <= target) {
            far_due.push_back(m_overflow.begin()->second);
            m_overflow.erase(m_overflow.begin());
        }
        uint64_t last = std::min(target, m_cursor + kWheelSlots - 1);
        for (auto t = next_busy_tick(m_cursor, last); t; t = next_busy_tick(*t + 1, last)) {
            take_slot(*t, due);
            if (*t == last) break;
        }
        if (!far_due.empty()) {
            std::vector<uint32_t> wheel_due;
            wheel_due.swap(due);
            std::merge(far_due.begin(), far_due.end(), wheel_due.begin(), wheel_due.end(),
                       std::back_inserter(due), [&](uint32_t a, uint32_t b) {
                           return m_nodes[a].tick < m_nodes[b].tick;
                       });
        }
        m_cursor = target + 1;
        m_cursor_hint.store(m_cursor, std::memory_order_relaxed);
        // Far timers that the advanced wheel now spans move into it.
        while (!m_overflow.empty() && m_overflow.begin()->first < m_cursor + kWheelSlots) {
            uint32_t i = m_overflow.begin()->second;
            m_overflow.erase(m_overflow.begin());
            place(i);
        }
        fired.reserve(due.size());
        for (uint32_t i : due) {
            Node& n = m_nodes[i];
            fired.push_back(ExpiredTimer{n.kind, n.id, n.deadline, n.pid, n.seq, n.dest, n.msg});
            fragments.push_back(n.fragment);
            n.fragment = nullptr;  // freed below, after delivery
            n.prev = n.next = kNil;
            free_node(i);
        }
    }
    for (const ExpiredTimer& t : fired) deliver(t);
    for (gc::Fragment* f : fragments) gc::Heap::free_fragment(f);
    return fired.size();
}

size_t TimerService::size() const {
    std::lock_guard lock(m_mutex);
    return m_count;
}

void deliver_timer_message(ProcessTable& processes, const ExpiredTimer& t) {
    Process* to = nullptr;
    if (t.dest.is_atom()) {
        if (auto n = processes.whereis(t.dest)) to = processes.find(*n);
    } else {
        to = processes.find(t.dest);
    }
    if (to) send_message(*to, t.msg);
}

} // namespace joist
