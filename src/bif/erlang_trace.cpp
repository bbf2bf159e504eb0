// Process tracing: erlang:trace/3 (OTP's erlang.erl calls erts_internal:trace/3) and
// erlang:trace_delivered/1. The events themselves are sent by process/trace.cpp.
#include "bif/bif.h"
#include "gc/build.h"
#include "process/process_table.h"
#include "process/trace.h"
#include "term/atom_table.h"
#include "vm/vm.h"

namespace joist {

/* erts_internal:trace(PidSpec, How, FlagList) — erlang.html#trace-3. PidSpec: a local pid
 * (self() included). Flags: `running`, and {tracer, Pid} (default: the caller). Returns the
 * number of processes matched (1). A dead pid, a bad flag or a non-boolean How is badarg, as
 * in erl; the PidSpec forms all/existing/new/processes/ports and the other flags (call, send,
 * 'receive', procs, ...) raise {unsupported, ...} naming them. */
Term bif_erts_internal_trace_3(Process& p, const Term* args) {
    Term spec = args[0], how = args[1], flags = args[2];
    if (how != am::true_ && how != am::false_) return p.badarg();
    static const Term running = atoms().intern("running"), tracer = atoms().intern("tracer");
    static const Term trace = atoms().intern("trace");
    uint32_t set = 0;
    uint64_t tracer_number = p.number;
    auto badopt = [&p] {
        Term r = p.badarg();
        p.exc_cause = atoms().intern("badopt");
        return r;
    };
    Term l = flags;
    for (; l.is_list(); l = l.tail()) {
        Term f = l.head();
        if (f == running) {
            set |= kTraceRunning;
        } else if (f.is_tuple() && f.tuple_arity() == 2 && f.tuple_elem(0) == tracer) {
            Term t = f.tuple_elem(1);
            if (!t.is_local_pid() || !p.vm->processes.find(t)) return badopt();
            tracer_number = t.pid_number();
        } else if (f.is_atom() || f.is_tuple()) {
            return p.error(gc::make_tuple_of(p.heap, am::unsupported,
                                             gc::make_tuple_of(p.heap, trace, f)));
        } else {
            return badopt();
        }
    }
    if (!l.is_nil()) return badopt();
    if (!spec.is_local_pid()) {
        if (spec.is_atom())
            return p.error(gc::make_tuple_of(p.heap, am::unsupported,
                                             gc::make_tuple_of(p.heap, trace, spec)));
        return p.badarg();
    }
    Process* target = p.vm->processes.find(spec);
    if (!target) return p.badarg();
    if (how == am::true_) {
        target->tracer.store(tracer_number, std::memory_order_release);
        target->trace_flags.fetch_or(set, std::memory_order_acq_rel);
    } else {
        uint32_t left = target->trace_flags.fetch_and(~set, std::memory_order_acq_rel) & ~set;
        if (left == 0) target->tracer.store(0, std::memory_order_release);
    }
    return Term::small(1);
}

/* erlang:trace_delivered(Tracee) — erlang.html#trace_delivered-1: a reference, and the message
 * {trace_delivered, Tracee, Ref} once every trace message Tracee has generated so far is
 * delivered. Trace messages go straight into the tracer's queue when they are generated, so
 * the message is sent at once. Tracee: a local pid or `all`. */
Term bif_erlang_trace_delivered_1(Process& p, const Term* args) {
    Term tracee = args[0];
    static const Term all = atoms().intern("all");
    if (!tracee.is_local_pid() && tracee != all) return p.badarg();
    Term ref = make_ref_term(p.heap, new_ref_id());
    static const Term delivered = atoms().intern("trace_delivered");
    send_message(p, gc::make_tuple_of(p.heap, delivered, tracee, ref));
    return ref;
}

} // namespace joist
