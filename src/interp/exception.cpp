// Stack traces in erl's form, built from code addresses on the stack and the Line tables.
#include <algorithm>

#include "gc/build.h"
#include "interp/interp.h"
#include "term/atom_table.h"
#include "vm/vm.h"

namespace joist::interp {

namespace {

// [{file, "x.erl"}, {line, N}] for a code address, or [] without line information.
Term location(Process& p, const Module& m, const Instr* at) {
    const LineInfo* li = m.line_at(at);
    if (!li || li->line == 0) return Term::nil();
    const std::string& file = li->file < m.files.size() ? m.files[li->file] : m.files[0];
    gc::Heap& h = p.heap;
    Term line = gc::make_tuple_of(h, am::line, Term::small(li->line));
    Term fname = gc::make_tuple_of(h, am::file, gc::make_codepoint_list(h, file));
    return gc::make_cons(h, fname, gc::make_cons(h, line, Term::nil()));
}

Term frame_for(Vm& vm, Process& p, const Instr* at, Term args_or_none) {
    const Module* m = vm.module_containing(at);
    if (!m) return Term::none();
    const FunctionInfo* f = m->function_at(at);
    if (!f) return Term::none();
    Term arity = args_or_none.is_value() ? args_or_none : Term::small(f->arity);
    return gc::make_tuple_of(p.heap, m->name, f->name, arity, location(p, *m, at));
}

} // namespace

Term build_trace(Vm& vm, Process& p, const Instr* pc, const Term* E, Term top_frame) {
    Term frames[Vm::kMaxBacktraceDepth];
    const int depth = std::max(1, vm.backtrace_depth.load(std::memory_order_relaxed));
    int n = 0;
    if (top_frame.is_value()) frames[n++] = top_frame;
    Term args = p.exc_args;  // error/2's arguments replace the first function's arity
    if (pc && n < depth) {
        Term f = frame_for(vm, p, pc, args);
        if (f.is_value()) {
            frames[n++] = f;
            args = Term::none();
        }
    }
    const Instr* last_cp = nullptr;
    for (const Term* s = E; s < p.heap.end && n < depth; ++s) {
        if (!s->is_header()) continue;  // only return addresses have tag 00 on the stack
        const Instr* cp = reinterpret_cast<const Instr*>(s->raw);
        if (cp == last_cp) continue;  // as erl: a run of one return address shows once
        if (cp == vm.process_exit_address()) continue;  // a spawned process's bottom frame
        last_cp = cp;
        Term f = frame_for(vm, p, cp - 1, args);
        if (f.is_value()) {
            frames[n++] = f;
            args = Term::none();
        }
    }
    Term list = Term::nil();
    for (int i = n - 1; i >= 0; --i) list = gc::make_cons(p.heap, frames[i], list);
    return list;
}

} // namespace joist::interp
