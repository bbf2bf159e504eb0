// The interpreter: runs one process's code (direct-threaded, computed goto) until it returns
// to the boot code, raises an uncaught exception, or halts the VM.
#pragma once
#include <memory>

#include "code/module.h"
#include "process/process.h"

namespace joist {
class Vm;
}

namespace joist::interp {

constexpr unsigned kMaxXRegs = 1024;
constexpr unsigned kMaxFRegs = 1024;

// Registers shared by the processes a scheduler runs (a process saves its live x registers
// when it stops).
struct Context {
    Term x[kMaxXRegs + 4];
    double fr[kMaxFRegs];
};

enum class RunResult {
    Done,   // the -s function returned to the boot code; its value is in x[0]
    Error,  // an uncaught exception: class/reason/trace in the process
    Halt,   // erlang:halt/0,1: the status is in the process's exc_reason
    Yield,  // out of reductions: resume at p.pc with p.saved_x
    Wait,   // in a receive with nothing to take: resume at p.pc when a message (or timeout) comes
    Exit,   // the process's first function returned, or it exits: reason in exc_reason
};

// Runs `p` from p.pc (with p.saved_x as its x registers) until it stops; `budget` is its
// reduction slice.
RunResult run(Vm& vm, Process& p, Context& ctx, int64_t budget);

// The label table: handler address of each Op (see code/instr.def).
const void* const* handler_table();

// Sets `p` up to call ep with `args` (a proper list of at most 1022 terms on p's heap) on
// the boot frames; run() then goes until it returns (Done) or fails.
bool prepare_boot_call(Vm& vm, Process& p, Export* ep, Term args);

// Stack trace of an exception raised at `pc` (the current instruction, or nullptr when raised
// from a trampoline) with the stack at `E`, topped by `top_frame` if it is a value.
// Builds erl's form: [{M, F, ArityOrArgs, Location}, ...], at most 8 frames.
Term build_trace(Vm& vm, Process& p, const Instr* pc, const Term* E, Term top_frame);

} // namespace joist::interp
