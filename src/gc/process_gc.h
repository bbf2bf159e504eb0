// The collector's process side: a process's root set, what a collection does to the process
// (max_heap_size), and the process-facing settings and figures of its heap: spawn_opt and
// process_flag options, the heap items of process_info, erlang:garbage_collect. copy_gc.h
// knows heaps only; this file knows processes.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/copy_gc.h"
#include "process/process.h"

namespace joist::gc {

// Collects `p`'s heap. Roots: the x registers [x, x + live), the stack, the process's own term
// fields and the messages of its private queue. If the heap comes out above max_heap_size,
// reports it (error_logger) and, with kill, sets the process to exit with reason `killed`
// (p.pending_exit): the caller stops running it.
void collect_process(Process& p, Term* x, unsigned live, size_t need, GcType type = GcType::Auto);

// Collects a process that is not running: its x registers are its saved_x.
void collect_idle_process(Process& q, GcType type);

// A process_info/2 heap item of `q` (heap_size, total_heap_size, stack_size, memory,
// garbage_collection, garbage_collection_info) built on p's heap, or none() for any other item.
Term process_info_item(Process& p, const Process& q, Term item);

// process_flag/2 for the heap flags (min_heap_size, min_bin_vheap_size, max_heap_size,
// fullsweep_after): false if `flag` is not one of them; else `result` is the old value, or
// none() after p.badarg() for a bad value.
bool process_flag(Process& p, Term flag, Term value, Term& result);

// spawn_opt/4's heap options as given (-1 / none() when absent; each already checked on its
// own): whether they agree with each other (max_heap_size is 0 or at least min_heap_size).
bool heap_options_valid(int64_t min_heap_size, Term max_heap_size);
// The first heap size of a process spawned with min_heap_size `requested` (-1: default).
size_t spawn_heap_words(int64_t requested);
// Sets a new process's heap options (after heap_options_valid).
void apply_heap_options(Heap& h, int64_t min_heap_size, int64_t fullsweep_after,
                        Term max_heap_size);

} // namespace joist::gc
