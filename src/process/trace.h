// Process tracing (erlang:trace/3): which events a traced process reports, and the messages
// it sends its tracer. So far the `running` events only: {trace, Pid, in | out, MFA} when
// the process is scheduled in and out, MFA its current function ({M, F, A}, or 0 if it is
// in no module's code).
#pragma once
#include <cstdint>

namespace joist {

class Vm;
struct Process;

enum TraceFlag : uint32_t {
    kTraceRunning = 1u << 0,
};

// The scheduler calls this before it runs a process (in = true) and after the process stopped
// to wait or yield (in = false), if the process has kTraceRunning. A tracer that has exited
// ends the tracing, as in erl.
void trace_schedule(Vm& vm, Process& p, bool in);

} // namespace joist
