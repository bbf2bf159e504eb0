// Counters behind erlang:statistics/1, owned by the Vm: the scheduler bumps them as it runs
// processes, statistics/1 reads them. Every counter is a relaxed atomic: each is read or bumped
// on its own, and no other data is published through them.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>

namespace joist {

struct SchedStats {
    // The steady clock (ns) when the VM started: wall_clock and erl's monotonic time count
    // from it.
    const uint64_t start_ns = uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                           std::chrono::steady_clock::now().time_since_epoch())
                                           .count());

    // Per-slice counters, bumped by every scheduler thread on every slice: each thread has a
    // cache line of its own (by scheduler index), so two schedulers running CPU-bound
    // processes never write the same line; a reader sums the slots.
    struct alignas(64) SliceCounters {
        std::atomic<uint64_t> reductions{0};  // of finished slices (not the running ones)
        std::atomic<uint64_t> context_switches{0};  // slices run
        std::atomic<int64_t> running{0};            // slices running right now
    };
    static constexpr unsigned kSliceSlots = 64;  // schedulers beyond share slots (still exact)
    SliceCounters slices[kSliceSlots];
    std::atomic<uint64_t> run_queue{0};  // runnable processes waiting in run queues
    // Garbage collections and the words they reclaimed: the collector bumps them as it
    // collects (gc/process_gc.cpp), so statistics/1 sees a collection made in the same slice.
    std::atomic<uint64_t> gc_count{0};
    std::atomic<uint64_t> gc_words_reclaimed{0};
    // Bytes through ports, for statistics(io): no ports yet, so nothing bumps them.
    std::atomic<uint64_t> io_input{0};
    std::atomic<uint64_t> io_output{0};

    // "Since the last call" marks of statistics(reductions | runtime | wall_clock): VM-wide,
    // as erl's.
    std::atomic<uint64_t> last_reductions{0};
    std::atomic<uint64_t> last_runtime_ms{0};
    std::atomic<uint64_t> last_wall_clock_ms{0};

    // Scheduler `thread` (0-based) brackets each slice with these.
    void slice_started(unsigned thread) {
        slices[thread % kSliceSlots].running.fetch_add(1, std::memory_order_relaxed);
    }
    void slice_ended(unsigned thread, uint64_t slice_reductions) {
        SliceCounters& c = slices[thread % kSliceSlots];
        c.running.fetch_sub(1, std::memory_order_relaxed);
        c.context_switches.fetch_add(1, std::memory_order_relaxed);
        c.reductions.fetch_add(slice_reductions, std::memory_order_relaxed);
    }
    uint64_t reductions() const { return sum(&SliceCounters::reductions); }
    uint64_t context_switches() const { return sum(&SliceCounters::context_switches); }
    uint64_t running() const {
        int64_t n = 0;
        for (const SliceCounters& c : slices) n += c.running.load(std::memory_order_relaxed);
        return n > 0 ? uint64_t(n) : 0;  // a slice may end on a slot read before its start
    }

private:
    uint64_t sum(std::atomic<uint64_t> SliceCounters::*field) const {
        uint64_t n = 0;
        for (const SliceCounters& c : slices) n += (c.*field).load(std::memory_order_relaxed);
        return n;
    }
};

} // namespace joist
