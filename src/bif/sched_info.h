// What the schedulers tell erlang:system_info/1 and erlang:statistics/1 (bif/erlang_sched.cpp).
#pragma once
#include "process/process.h"

namespace joist {

// The value of system_info(Item) for the scheduler items (schedulers, schedulers_online,
// scheduler_id, logical_processors*, dirty_*_schedulers*...), or none() for any other item.
Term scheduler_system_info(Process& p, Term item);
// The value of statistics(Item) for the scheduler items (scheduler_wall_time(_all),
// run_queue_lengths(_all), total_run_queue_lengths(_all), run_queue, active_tasks(_all),
// total_active_tasks(_all)), or none() for any other item.
Term scheduler_statistics(Process& p, Term item);

} // namespace joist
