// A process: its heap and stack, its exception state, its dictionary. Builtins and the
// interpreter raise Erlang exceptions by recording class and reason here and returning
// Term::none() (THE_NON_VALUE).
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "term/atom_table.h"
#include "term/term.h"

namespace joist {

class Vm;

struct Process {
    gc::Heap heap;
    Vm* vm = nullptr;
    uint64_t number = 0;  // pid number: <0.number.0>

    // Exception state: valid after something returned Term::none().
    Term exc_class = am::error;  // am::error / am::exit / am::throw_
    Term exc_reason = Term::nil();
    Term exc_trace = Term::nil();   // the raw stack trace term, once built
    Term exc_args = Term::none();   // error/2's argument list: replaces the arity in the trace
    bool exc_caller = false;        // raised by erlang:error/exit/throw: no BIF frame in the trace
    bool exc_trace_given = false;   // erlang:raise/3 supplied exc_trace

    Term dictionary = Term::nil();  // process dictionary: a list of {Key, Value}
    Term group_leader = Term::nil();
    uint64_t reductions = 0;

    Term pid() const { return Term::pid(number); }

    // Raise helpers: record the exception and return none() for the caller to return.
    Term raise(Term cls, Term reason) {
        exc_class = cls;
        exc_reason = reason;
        exc_args = Term::none();
        exc_caller = false;
        exc_trace_given = false;
        return Term::none();
    }
    Term error(Term reason) { return raise(am::error, reason); }
    Term badarg() { return error(am::badarg); }
    Term badarith() { return error(am::badarith); }

    Term* alloc(size_t words) { return heap.alloc(words); }
};

} // namespace joist
