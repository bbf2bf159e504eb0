// erl's clocks as the time and timer BIFs share them. erl's monotonic time is the steady clock
// shifted so that it reads -576460752 s when the VM starts, as erl's does (its choice: about
// -2^59 ns, so it stays a small integer for centuries); system time is the OS clock. The
// native unit is the nanosecond, as erl's on Linux.
#pragma once
#include <cstdint>

#include "term/term.h"

namespace joist {

class Vm;

constexpr int64_t kNanosPerSecond = 1'000'000'000;
constexpr int64_t kMonotonicStartNs = -576460752'000'000'000;  // system_info(start_time)

// erlang:monotonic_time() in ns.
int64_t erl_monotonic_ns(const Vm& vm);
// The steady-clock ns (the timer service's time base) of an erl monotonic time in ns.
__int128 steady_ns_of_erl_monotonic(const Vm& vm, __int128 erl_ns);
// erlang:system_time() in ns (the OS clock since the epoch).
int64_t erl_system_ns();

// Parts per second of a time unit term (second, millisecond, ..., native, perf_counter, a
// positive integer, or a deprecated plural form), or 0 if it is not one.
int64_t time_unit_parts(Term unit);

} // namespace joist
