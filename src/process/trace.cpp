#include "process/trace.h"

#include "code/module.h"
#include "process/process.h"
#include "process/process_table.h"
#include "term/atom_table.h"
#include "vm/vm.h"

namespace joist {

const Export* Process::yielded_bif_at(const Instr* at) const {
    return yielded_in && at == yielded_in->trampoline ? yielded_in : nullptr;
}

void trace_schedule(Vm& vm, Process& p, bool in) {
    uint64_t tracer_number = p.tracer.load(std::memory_order_acquire);
    Process* tracer = tracer_number ? vm.processes.find(tracer_number) : nullptr;
    if (!tracer) {
        p.trace_flags.store(0, std::memory_order_release);
        p.tracer.store(0, std::memory_order_release);
        return;
    }
    // The message is built here and copied into the tracer's queue by send_message.
    Term words[9];
    Term mfa = Term::small(0);
    Term module = Term::none(), function = Term::none();
    uint32_t arity = 0;
    if (const Export* bif = p.yielded_bif_at(p.pc)) {
        module = bif->module;
        function = bif->function;
        arity = bif->arity;
    } else if (const Module* m = vm.module_containing(p.pc)) {
        if (const FunctionInfo* f = m->function_at(p.pc)) {
            module = m->name;
            function = f->name;
            arity = f->arity;
        }
    }
    if (module.is_value()) {
        words[0] = Term::header(Subtag::Tuple, 3);
        words[1] = module;
        words[2] = function;
        words[3] = Term::small(arity);
        mfa = Term::boxed(words);
    }
    static const Term in_atom = atoms().intern("in"), out_atom = atoms().intern("out");
    words[4] = Term::header(Subtag::Tuple, 4);
    static const Term trace_atom = atoms().intern("trace");
    words[5] = trace_atom;
    words[6] = p.pid();
    words[7] = in ? in_atom : out_atom;
    words[8] = mfa;
    send_message(*tracer, Term::boxed(words + 4));
}

} // namespace joist
