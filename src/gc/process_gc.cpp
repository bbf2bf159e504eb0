// The collector's process side (see process_gc.h).
#include "gc/process_gc.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "gc/build.h"
#include "process/process_table.h"
#include "term/map.h"
#include "vm/vm.h"

namespace joist::gc {

namespace {

constexpr size_t kDefaultMinHeap = 233;         // erl's H_MIN_SIZE: no heap starts smaller
constexpr uint64_t kMinBinVheapWords = 46422;   // erl's default min_bin_vheap_size

Term atom(const char* name) { return atoms().intern(name); }

// The lines erl's GC Info (and garbage_collection_info) lists, in erl's order.
struct HeapFigures {
    const char* name;
    uint64_t words;
};

std::vector<HeapFigures> heap_figures(const Heap& h) {
    // RefcBins of each generation: their bytes, in words, as erl's virtual binary heaps.
    size_t young_bytes = 0, old_bytes = 0;
    for (const Term* hdr : h.off_heap.refc_bins) {
        size_t bytes = refc_bin_block(hdr)->size;
        if (hdr >= h.old_start && hdr < h.old_top) {
            old_bytes += bytes;
        } else {
            young_bytes += bytes;
        }
    }
    const uint64_t vheap_block = std::max<uint64_t>(kMinBinVheapWords,
                                                    h.off_heap.vheap_limit / sizeof(Term));
    return {
        {"old_heap_block_size", h.old_size()},
        {"heap_block_size", h.size()},
        {"mbuf_size", h.fragment_words},
        {"recent_size", uint64_t(h.hwm - h.start)},
        {"stack_size", h.stack_used()},
        {"old_heap_size", h.old_used()},
        {"heap_size", h.heap_used()},
        {"bin_vheap_size", young_bytes / sizeof(Term)},
        {"bin_vheap_block_size", vheap_block},
        {"bin_old_vheap_size", old_bytes / sizeof(Term)},
        {"bin_old_vheap_block_size", kMinBinVheapWords},
    };
}

// erl's error report for a process whose heap went over max_heap_size (erl logs it through
// logger; joist prints it on stderr, where its other reports go).
void report_max_heap(const Process& p, size_t total) {
    const Heap& h = p.heap;
    std::string info;
    for (const HeapFigures& f : heap_figures(h)) {
        if (!info.empty()) info += ",\n                          ";
        info += "{" + std::string(f.name) + "," + std::to_string(f.words) + "}";
    }
    std::fflush(stdout);
    std::fprintf(stderr,
                 "=ERROR REPORT====\n"
                 "     Process:            <0.%llu.0> \n"
                 "     Context:            maximum heap size reached\n"
                 "     Max Heap Size:      %zu\n"
                 "     Total Heap Size:    %zu\n"
                 "     Kill:               %s\n"
                 "     Error Logger:       true\n"
                 "     Message Queue Len:  %zu\n"
                 "     GC Info:            [%s]\n\n",
                 static_cast<unsigned long long>(p.number), h.max_heap.size, total,
                 h.max_heap.kill ? "true" : "false", p.mq_len, info.c_str());
}

// What a collection's outcome means for the process: statistics, and max_heap_size.
void after_collection(Process& p, uint64_t reclaimed_before) {
    Heap& h = p.heap;
    if (p.vm) {
        p.vm->stats.gc_count.fetch_add(1, std::memory_order_relaxed);
        p.vm->stats.gc_words_reclaimed.fetch_add(h.words_reclaimed - reclaimed_before,
                                                 std::memory_order_relaxed);
    }
    if (!h.max_heap_exceeded) return;
    h.max_heap_exceeded = false;
    size_t total = h.total_size();
    if (h.max_heap.include_shared_binaries) total += h.off_heap.bytes / sizeof(Term);
    if (h.max_heap.error_logger) report_max_heap(p, total);
    if (h.max_heap.kill && p.pending_exit.is_none()) {
        p.pending_exit = am::killed;
        if (p.status == ProcStatus::Waiting && p.vm && p.vm->processes.waker)
            p.vm->processes.waker->wake(p);
    }
}

bool is_nonneg_small(Term t) { return t.is_small() && t.small_value() >= 0; }

// erl rounds a min_heap_size up along the heap size sequence, and never below 233 words.
size_t rounded_min_heap(int64_t words) {
    size_t w = next_heap_size(size_t(words));
    return w < kDefaultMinHeap ? kDefaultMinHeap : w;
}

// {max_heap_size, _}: a size in words, or a map with size (required) and optional boolean
// kill, error_logger and include_shared_binaries (other keys are ignored, as erl 25 does).
bool parse_max_heap(Term v, MaxHeapSize& out) {
    MaxHeapSize m;
    if (is_nonneg_small(v)) {
        m.size = size_t(v.small_value());
    } else if (v.is_map()) {
        Term size = map_get(v, atom("size"));
        if (size.is_none() || !is_nonneg_small(size)) return false;
        m.size = size_t(size.small_value());
        struct {
            const char* key;
            bool* field;
        } flags[] = {{"kill", &m.kill},
                     {"error_logger", &m.error_logger},
                     {"include_shared_binaries", &m.include_shared_binaries}};
        for (auto& f : flags) {
            Term b = map_get(v, atom(f.key));
            if (b.is_none()) continue;
            if (b != am::true_ && b != am::false_) return false;
            *f.field = b == am::true_;
        }
    } else {
        return false;
    }
    out = m;
    return true;
}

// #{error_logger => B, kill => B, size => N}: keys in term order, as a flat map.
Term max_heap_term(Heap& h, const MaxHeapSize& m) {
    auto boolean = [](bool b) { return b ? am::true_ : am::false_; };
    Term keys = make_tuple_of(h, atom("error_logger"), atom("kill"), atom("size"));
    Term size = make_integer_u64(h, m.size);
    Term* p = h.alloc(5);
    p[0] = Term::header(Subtag::FlatMap, 4);
    p[1] = keys;
    p[2] = boolean(m.error_logger);
    p[3] = boolean(m.kill);
    p[4] = size;
    return Term::boxed(p);
}

Term make_list(Heap& h, const std::vector<Term>& items) {
    Term l = Term::nil();
    for (size_t i = items.size(); i > 0; --i) l = make_cons(h, items[i - 1], l);
    return l;
}

Term pair(Heap& h, const char* key, uint64_t v) {
    return make_tuple_of(h, atom(key), make_integer_u64(h, v));
}

// What process_info's memory counts: the process structure, both generations and the
// fragments, and the messages' own records.
uint64_t process_memory(const Process& q) {
    return sizeof(Process) + q.heap.total_size() * sizeof(Term) + q.mq_len * sizeof(Message);
}

GcType gc_type(Term t) {
    if (t == atom("major")) return GcType::Major;
    if (t == atom("minor")) return GcType::Minor;
    return GcType::Auto;  // not a type
}

} // namespace

namespace {
// Messages whose terms collect_process passes as roots from the stack, without malloc.
constexpr size_t kInlineMessageRoots = 32;

bool short_queue(const Message* m) {
    for (size_t n = 0; m; m = m->next)
        if (++n > kInlineMessageRoots) return false;
    return true;
}
} // namespace

void collect_process(Process& p, Term* x, unsigned live, size_t need, GcType type) {
    const uint64_t reclaimed_before = p.heap.words_reclaimed;
    if (type == GcType::Auto) type = p.heap.requested;  // garbage_collect/0,1,2 asked for it
    p.heap.requested = GcType::Auto;
    // The process's own term fields hold everything it keeps on its heap outside the stack,
    // the x registers and its messages.
    RootSpan fixed[] = {
        {x, live},
        {&p.dictionary, 1},
        {&p.exc_reason, 1},
        {&p.exc_trace, 1},
        {&p.exc_args, 1},
        {&p.group_leader, 1},
        {&p.initial_call, 1},
        {&p.pending_exit, 1},
    };
    if (!p.mq_first) {
        collect(p.heap, fixed, need, type);
    } else if (short_queue(p.mq_first)) {
        // A short queue (a server's usual state) needs no allocation either.
        RootSpan roots[std::size(fixed) + kInlineMessageRoots];
        size_t n = 0;
        for (const RootSpan& r : fixed) roots[n++] = r;
        for (Message* m = p.mq_first; m; m = m->next) roots[n++] = {&m->term, 1};
        collect(p.heap, std::span<const RootSpan>(roots, n), need, type);
    } else {
        std::vector<RootSpan> roots(std::begin(fixed), std::end(fixed));
        for (Message* m = p.mq_first; m; m = m->next) roots.push_back({&m->term, 1});
        collect(p.heap, roots, need, type);
    }
    after_collection(p, reclaimed_before);
}

void collect_idle_process(Process& q, GcType type) {
    collect_process(q, q.saved_x.data(), unsigned(q.saved_x.size()), 0, type);
}

Term process_info_item(Process& p, const Process& q, Term item) {
    if (!item.is_atom()) return Term::none();
    Heap& h = p.heap;
    const Heap& qh = q.heap;
    std::string_view n = atoms().name(item);
    if (n == "heap_size") return make_integer_u64(h, qh.size());
    if (n == "total_heap_size") return make_integer_u64(h, qh.total_size());
    if (n == "stack_size") return make_integer_u64(h, qh.stack_used());
    if (n == "memory") return make_integer_u64(h, process_memory(q));
    if (n == "garbage_collection") {
        std::vector<Term> items = {
            make_tuple_of(h, atom("max_heap_size"), max_heap_term(h, qh.max_heap)),
            pair(h, "min_bin_vheap_size", kMinBinVheapWords),
            pair(h, "min_heap_size", qh.min_heap_size),
            pair(h, "fullsweep_after", qh.fullsweep_after),
            pair(h, "minor_gcs", qh.minor_gcs),
        };
        return make_list(h, items);
    }
    if (n == "garbage_collection_info") {
        std::vector<Term> items;
        for (const HeapFigures& f : heap_figures(qh)) items.push_back(pair(h, f.name, f.words));
        return make_list(h, items);
    }
    return Term::none();
}

bool process_flag(Process& p, Term flag, Term value, Term& result) {
    if (!flag.is_atom()) return false;
    Heap& h = p.heap;
    std::string_view n = atoms().name(flag);
    if (n == "min_heap_size") {
        // Takes effect at the next collection, as in erl; max_heap_size must stay above it.
        if (!is_nonneg_small(value)) return (result = p.badarg()), true;
        size_t words = rounded_min_heap(value.small_value());
        if (h.max_heap.size != 0 && words > h.max_heap.size) return (result = p.badarg()), true;
        result = make_integer_u64(h, h.min_heap_size);
        h.min_heap_size = words;
        return true;
    }
    if (n == "min_bin_vheap_size") {
        // Binaries live in the heap's own vheap accounting (gc/off_heap.h), which has no
        // per-process minimum: the value is checked and erl's default reported.
        if (!is_nonneg_small(value)) return (result = p.badarg()), true;
        result = make_integer_u64(h, kMinBinVheapWords);
        return true;
    }
    if (n == "fullsweep_after") {
        if (!is_nonneg_small(value)) return (result = p.badarg()), true;
        result = make_integer_u64(h, h.fullsweep_after);
        h.fullsweep_after = uint64_t(value.small_value());
        return true;
    }
    if (n == "max_heap_size") {
        MaxHeapSize m;
        if (!parse_max_heap(value, m) || (m.size != 0 && m.size < h.min_heap_size))
            return (result = p.badarg()), true;
        result = max_heap_term(h, h.max_heap);
        h.max_heap = m;
        return true;
    }
    return false;
}

bool heap_options_valid(int64_t min_heap_size, Term max_heap_size) {
    if (max_heap_size.is_none()) return true;
    MaxHeapSize m;
    if (!parse_max_heap(max_heap_size, m)) return false;
    size_t min = min_heap_size < 0 ? kDefaultMinHeap : rounded_min_heap(min_heap_size);
    return m.size == 0 || m.size >= min;
}

size_t spawn_heap_words(int64_t requested) {
    return requested < 0 ? kDefaultMinHeap : rounded_min_heap(requested);
}

void apply_heap_options(Heap& h, int64_t min_heap_size, int64_t fullsweep_after,
                        Term max_heap_size) {
    if (min_heap_size >= 0) h.min_heap_size = rounded_min_heap(min_heap_size);
    if (fullsweep_after >= 0) h.fullsweep_after = uint64_t(fullsweep_after);
    if (max_heap_size.is_value()) parse_max_heap(max_heap_size, h.max_heap);
}

} // namespace joist::gc

namespace joist {

// erts_internal:garbage_collect/1 — the caller's own collection, major or minor
// (erlang:garbage_collect/0,1,2 call it for self()). The interpreter collects when the BIF
// returns, where it knows the live registers (heap.requested).
Term bif_erts_internal_garbage_collect_1(Process& p, const Term* a) {
    gc::GcType type = gc::gc_type(a[0]);
    if (type == gc::GcType::Auto) return p.badarg();
    p.heap.requested = type;
    return am::true_;
}

// erts_internal:request_system_task/3 — erlang:garbage_collect/1,2 on another process sends
// {garbage_collect, ReqId, Type}; the answer {garbage_collect, ReqId, true | false (no such
// process)} goes to the caller. The target is collected right here, with its saved registers,
// once its run lock is held (it runs on no scheduler meanwhile). Other system tasks
// (check_process_code, copy_literals ...) are not supported.
Term bif_erts_internal_request_system_task_3(Process& p, const Term* a) {
    Term pid = a[0], req = a[2];
    if (!pid.is_pid()) return p.badarg();
    if (a[1] != gc::atom("inherit") && a[1] != gc::atom("normal") && a[1] != gc::atom("high") &&
        a[1] != gc::atom("max") && a[1] != gc::atom("low"))
        return p.badarg();
    if (!req.is_tuple() || req.tuple_arity() < 2 || !req.tuple_elem(0).is_atom()) return p.badarg();
    if (req.tuple_elem(0) != gc::atom("garbage_collect") || req.tuple_arity() != 3) {
        Term mfa = gc::make_tuple_of(p.heap, gc::atom("erts_internal"),
                                     gc::atom("request_system_task"), Term::small(3));
        return p.error(gc::make_tuple_of(p.heap, am::unsupported, mfa));
    }
    gc::GcType type = gc::gc_type(req.tuple_elem(2));
    if (type == gc::GcType::Auto) return p.badarg();
    Term done = am::false_;
    if (pid == p.pid()) {
        p.heap.requested = type;
        done = am::true_;
    } else if (Process* q = pid.is_local_pid() ? p.vm->processes.find(pid.pid_number()) : nullptr) {
        lock_other(p, *q);
        if (!(q->sched_flags.load(std::memory_order_acquire) & Process::kExited)) {
            gc::collect_idle_process(*q, type);
            done = am::true_;
        }
        q->run_lock.unlock();
    }
    Term answer = gc::make_tuple_of(p.heap, gc::atom("garbage_collect"), req.tuple_elem(1), done);
    send_message(p, answer);
    return am::ok;
}

} // namespace joist
