// The dispatch loop: direct-threaded (each instruction word holds its handler's address),
// hot state in locals: I (instruction pointer), E (stack top), x (registers).
// Control flow is inline here; term work goes to term/, bif/ and gc/.
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "bif/arith.h"
#include "code/instr.h"
#include "gc/build.h"
#include "gc/copy_gc.h"
#include "gc/process_gc.h"
#include "process/process_table.h"
#include "interp/interp.h"
#include "loader/beam_file.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/compare.h"
#include "vm/vm.h"

namespace joist::interp {

namespace {

uint64_t monotonic_now_ns() {
    return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                        std::chrono::steady_clock::now().time_since_epoch())
                        .count());
}

const void* const* g_handlers = nullptr;

// Heap fragments beyond this many words (relative to the heap), or off-heap binaries past the
// virtual binary heap's limit (gc/off_heap.h), trigger a collection at the next point where
// the live registers are known.
inline bool fragments_need_gc(const gc::Heap& h) { return h.gc_due; }

Term list_to_args(Term list, Term* x, unsigned& n) {
    n = 0;
    while (list.is_list()) {
        if (n >= kMaxXRegs - 2) return Term::none();
        x[n++] = list.head();
        list = list.tail();
    }
    return list.is_nil() ? am::ok : Term::none();
}

Term args_to_list(Process& p, const Term* x, unsigned n) {
    Term l = Term::nil();
    for (unsigned i = n; i > 0; --i) l = gc::make_cons(p.heap, x[i - 1], l);
    return l;
}

// erl raises these without a BIF frame: erlang:'/'/2 and '+'/1.
bool raises_without_frame(const Export* ep) {
    Term f = ep->function;
    return ep->module == am::erlang &&
           ((ep->arity == 2 && f == am::div_slash) || (ep->arity == 1 && f == am::plus));
}

// #{cause => Cause, module => M} from a BIF module's #{module => M} (flat maps: keys in term
// order, [hdr(n + 1), keys tuple, values...]).
Term error_info_with_cause(Process& p, Term info, Term cause) {
    Term* w = p.heap.alloc(3 + 4);
    w[0] = Term::header(Subtag::Tuple, 2);
    w[1] = atoms().intern("cause");
    w[2] = am::module;
    w[3] = Term::header(Subtag::FlatMap, 3);
    w[4] = Term::boxed(w);
    w[5] = cause;
    w[6] = info.boxed_ptr()[2];
    return Term::boxed(w + 3);
}

// The trace with {error_info, Info} appended to its first frame's location (erlang:error/3).
Term with_error_info(Process& p, Term trace, Term info) {
    if (!trace.is_list() || !trace.head().is_tuple() || trace.head().tuple_arity() != 4)
        return trace;
    Term f = trace.head();
    Term item = gc::make_tuple_of(p.heap, am::error_info, info);
    Term loc = gc::make_cons(p.heap, item, Term::nil());
    std::vector<Term> old;
    for (Term l = f.tuple_elem(3); l.is_list(); l = l.tail()) old.push_back(l.head());
    for (size_t i = old.size(); i > 0; --i) loc = gc::make_cons(p.heap, old[i - 1], loc);
    Term frame = gc::make_tuple_of(p.heap, f.tuple_elem(0), f.tuple_elem(1), f.tuple_elem(2), loc);
    return gc::make_cons(p.heap, frame, trace.tail());
}

// The process's error handler's undefined_function/3 for a call to the undefined `ep`, or
// nullptr: raise undef at once. As ERTS, a handler module that is not loaded is not loaded
// for this (only OTP's own error_handler, which erl preloads); the default handler needs a
// process to ask for loading (init or code_server): without one, undef at once too.
Export* undefined_function_handler(Vm& vm, Process& p, const Export* undef) {
    Term handler = p.error_handler;
    if (undef->module == handler) return nullptr;  // the handler itself is incomplete
    if (handler == am::error_handler) {
        if (!vm.processes.whereis(am::init) &&
            !vm.processes.whereis(atoms().intern("code_server")))
            return nullptr;
        if (!vm.find_module(handler) && !vm.ensure_loaded(handler).ok()) return nullptr;
    } else if (!vm.find_module(handler)) {
        return nullptr;
    }
    Export* h = vm.find_export(handler, am::undefined_function, 3);
    if (!h || h->address.load(std::memory_order_acquire) == h->trampoline) return nullptr;
    return h;
}

#ifdef JOIST_DEBUG_TRACE_INSTRUCTIONS
void trace_instruction(Vm& vm, const Instr* I, const Term* E) {
    const void* h = reinterpret_cast<const void*>(*I);
    for (unsigned op = 0; op < unsigned(Op::kCount); ++op) {
        if (g_handlers[op] == h) {
            const Module* m = vm.module_containing(I);
            std::fprintf(stderr, "[%s+%ld] %s E=%p\n",
                         m ? std::string(atoms().name(m->name)).c_str() : "?",
                         m ? long(I - m->code.get()) : 0L, op_info(Op(op)).name,
                         static_cast<const void*>(E));
            return;
        }
    }
    std::fprintf(stderr, "[%p] ???\n", static_cast<const void*>(I));
}
#endif

} // namespace

RunResult run_impl(Vm* vmp, Process* pp, Context* ctxp, int64_t budget);

const void* const* handler_table() {
    if (!g_handlers) {
        Context* none = nullptr;
        Vm* vm = nullptr;
        Process* p = nullptr;
        run_impl(vm, p, none, 0);
    }
    return g_handlers;
}

// With a null vm: only publish the label table (handler_table()).
RunResult run_impl(Vm* vmp, Process* pp, Context* ctxp, int64_t budget) {
    static const void* const labels[] = {
#define INSTR(name, kinds) &&L_##name,
#include "code/instr.def"
#undef INSTR
    };
    if (!vmp) {
        g_handlers = labels;
        return RunResult::Done;
    }
    Vm& vm = *vmp;
    Process& p = *pp;
    // Hoist these into local variables: they are the interpreter's registers.
    Term* x = ctxp->x;
    double* fr = ctxp->fr;
    const Instr* I = p.pc;
    Term* E = p.heap.stop;
    for (size_t i = 0; i < p.saved_x.size(); ++i) x[i] = p.saved_x[i];
    p.saved_x.clear();
    // Reductions of this run, counted from -budget up: the slice is over at 0 (a compare with
    // zero on every call). reds + budget is added to the process's count on leaving.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
    // GCC otherwise keeps the count in a stack slot, each call a read-modify-write of memory
    // (a store-to-load chain from one call to the next). r13 is callee-saved: the functions
    // the handlers call preserve it. Clang ignores the binding outside asm operands.
    register int64_t reds asm("r13") = -budget;
#else
    int64_t reds = -budget;
#endif
    Term top_frame = Term::none();  // the BIF/undef frame topping the next stack trace
    Term ar_a, ar_b;                // the arithmetic rows' slow path: operands, and whether
    bool ar_blit = false;           // the second one is a literal
    // The call_ext* instruction that reached a BIF trampoline: erl's traces show the calling
    // function at that call, whether or not it was a tail call.
    const Instr* call_pc = nullptr;
    unsigned fun_arity = 0;  // call_fun's arity, for its shared body
    const Instr* fun_call_at = nullptr;  // a tail call_fun: where its error is raised
    const Instr* error_pc = nullptr;

#ifdef JOIST_DEBUG_TRACE_INSTRUCTIONS
#    define DISPATCH()                                                                             \
        do {                                                                                       \
            trace_instruction(vm, I, E);                                                           \
            goto* reinterpret_cast<const void*>(*I);                                               \
        } while (0)
#else
#    define DISPATCH() goto* reinterpret_cast<const void*>(*I)
#endif
#define NEXT(n)                                                                                    \
    do {                                                                                           \
        I += (n) + 1;                                                                              \
        DISPATCH();                                                                                \
    } while (0)
    // Continuations for handler bodies written once as macros: K(n, L) ends an n-operand
    // instruction. DISPATCH_NEXT dispatches to the next instruction; GO_NEXT jumps straight to
    // L, the next instruction's handler, in the "A_then_B" rows the loader picks when it knows
    // that B follows A (instr.def): one indirect jump less.
#define DISPATCH_NEXT(n, L) NEXT(n)
#define GO_NEXT(n, L)                                                                              \
    do {                                                                                           \
        I += (n) + 1;                                                                              \
        goto L;                                                                                    \
    } while (0)
#define SRC(w) ((((w)&3) != 0) ? Term::from_raw(w) : (((w)&4) ? E[(w) >> 3] : x[(w) >> 3]))
#define OPS(n) SRC(I[n])
#define DST(n) (*((I[n] & 4) ? &E[I[n] >> 3] : &x[I[n] >> 3]))
#define LABEL(n) reinterpret_cast<const Instr*>(I[n])
    // Out of reductions at a call: stop before it, keeping its `arity` argument registers.
#define YIELD_IF_DONE(arity)                                                                       \
    do {                                                                                           \
        if (reds >= 0) [[unlikely]] {                                                         \
            p.pc = I;                                                                              \
            p.saved_x.assign(x, x + (arity));                                                      \
            SYNC_E();                                                                              \
            p.reductions += reds + budget;                                                                  \
            return RunResult::Yield;                                                               \
        }                                                                                          \
    } while (0)
    // The heap's view of the stack top: set before anything that allocates or collects.
#define SYNC_E() (p.heap.stop = E)
    // Words the last test_heap/allocate_heap reserved: a plain bump.
#define HBUMP(n) (p.heap.top += (n), p.heap.top - (n))
#define PUSH_CP(next) (*--E = Term::from_raw(reinterpret_cast<Word>(next)))
    // Operands on the interpreter's critical path. Loads chain through I and E: the next
    // handler reads its operands from I, a return reads its address from E. A frame size or
    // jump target taken from an operand would put that operand's load on the chain too, so
    // where the value is nearly always one of a few constants, the handlers branch on it
    // (predicted) and use a constant that its own instruction makes instead: the CPU goes on
    // without waiting for the load. On x86-64 the constant comes from an asm `mov` (volatile:
    // never hoisted out of its branch into a conditional move), as GCC otherwise sees that it
    // equals the loaded value and uses that after all.
    //   PREDICTED(v, n, A, B): v = n, with A and B the likely values of n.
#if defined(__GNUC__) && defined(__x86_64__)
#    define PREDICTED(v, n, A, B)                                                                  \
        do {                                                                                       \
            Word n_ = (n);                                                                         \
            if (n_ == (A))                                                                         \
                asm volatile("mov %1, %0" : "=r"(v) : "i"(A));                                     \
            else if (n_ == (B))                                                                    \
                asm volatile("mov %1, %0" : "=r"(v) : "i"(B));                                     \
            else                                                                                   \
                v = n_;                                                                            \
        } while (0)
#else
#    define PREDICTED(v, n, A, B) ((v) = (n))
#endif
    // E += n for a frame size n (nearly always 1 or 2).
#define E_ADD_PREDICTED(n)                                                                         \
    do {                                                                                           \
        Word k_;                                                                                   \
        PREDICTED(k_, n, 1, 2);                                                                    \
        E += k_;                                                                                   \
    } while (0)
    // I = LABEL(n), where the label is usually the instruction `span` words on: the fail label
    // of a test fused with the return that follows it.
#define JUMP_PREDICTED(n, span)                                                                    \
    do {                                                                                           \
        Word off_;                                                                                 \
        PREDICTED(off_, Word(reinterpret_cast<const char*>(LABEL(n)) -                            \
                             reinterpret_cast<const char*>(I)),                                    \
                  (span) * sizeof(Instr), (span) * sizeof(Instr));                                 \
        I = reinterpret_cast<const Instr*>(reinterpret_cast<const char*>(I) + off_);               \
        DISPATCH();                                                                                \
    } while (0)
    // An exception raised by the instruction at I (its function tops the trace).
#define RAISE_HERE(cls, reason)                                                                    \
    do {                                                                                           \
        SYNC_E();                                                                                  \
        Term reason_ = (reason);                                                                   \
        p.raise(cls, reason_);                                                                     \
        error_pc = I;                                                                              \
        goto handle_error;                                                                         \
    } while (0)
#define ERROR_HERE(reason) RAISE_HERE(am::error, reason)
    // A collection that finds the heap above max_heap_size may kill the process (pending_exit):
    // it stops here and the scheduler ends it.
#define GC(live, need)                                                                             \
    do {                                                                                           \
        p.heap.stop = E;                                                                           \
        gc::collect_process(p, x, (live), (need));                                                 \
        E = p.heap.stop;                                                                           \
        if (p.pending_exit.is_value()) [[unlikely]] {                                              \
            p.reductions += reds + budget;                                                                  \
            p.pc = I;                                                                              \
            p.saved_x.clear();                                                                     \
            return RunResult::Yield;                                                               \
        }                                                                                          \
    } while (0)

    DISPATCH();

    // ---- calls and returns ----
L_func_info: {
    SYNC_E();
    Term mod = OPS(1), fun = OPS(2);
    (void)mod;
    (void)fun;
    unsigned arity = unsigned(OPS(3).small_value());
    p.raise(am::error, am::function_clause);
    p.exc_args = args_to_list(p, x, arity);
    error_pc = I;
    goto handle_error;
}
L_call:
    YIELD_IF_DONE(I[2]);
    ++reds;
    PUSH_CP(I + 3);
    I = LABEL(1);
    DISPATCH();
L_call_last:
    YIELD_IF_DONE(I[3]);
    ++reds;
    E_ADD_PREDICTED(I[2]);
    I = LABEL(1);
    DISPATCH();
L_call_only:
    YIELD_IF_DONE(I[2]);
    ++reds;
    I = LABEL(1);
    DISPATCH();
    // A remote call: to the export's current code. Calls to BIFs (most of erlang's, and
    // natively implemented functions of lists, maps, ...) go straight on to call_bif.
#define CALL_EXT_TARGET()                                                                          \
    do {                                                                                           \
        I = reinterpret_cast<Export*>(I[1])->address.load(std::memory_order_acquire);              \
        if (reinterpret_cast<const void*>(*I) == &&L_call_bif) goto L_call_bif;                    \
        DISPATCH();                                                                                \
    } while (0)
L_call_ext:
    YIELD_IF_DONE(I[2]);
    ++reds;
    call_pc = I;
    PUSH_CP(I + 3);
    CALL_EXT_TARGET();
L_call_ext_last:
    YIELD_IF_DONE(I[3]);
    ++reds;
    call_pc = I;
    E_ADD_PREDICTED(I[2]);
    CALL_EXT_TARGET();
L_call_ext_only:
    YIELD_IF_DONE(I[2]);
    ++reds;
    call_pc = I;
    CALL_EXT_TARGET();
L_return_:
    I = reinterpret_cast<const Instr*>(E->raw);
    ++E;
    DISPATCH();

    // ---- trampolines ----
    // A built-in NIF (bif/nif.def) in place of its module's stub: reached by local calls too,
    // so call_pc may be stale; the trace's caller frame then comes from the stack alone.
L_call_nif:
    call_pc = nullptr;
    goto L_call_bif;
L_call_bif: {
    SYNC_E();
    Export* ep = reinterpret_cast<Export*>(I[1]);
    p.reds_at_bif = uint64_t(reds + budget);
    Term r = ep->bif(p, x);
    if (r.is_none()) [[unlikely]] {
        if (p.exc_class == am::halt) {
            p.heap.stop = E;
            { p.reductions += reds + budget; return RunResult::Halt; }
        }
        if (!p.exc_caller) {
            Term args = args_to_list(p, x, ep->arity);
            Term info = vm.error_info_for(ep->module);
            if (info.is_value() && p.exc_cause.is_value())
                info = error_info_with_cause(p, info, p.exc_cause);
            // As erl, a NIF's frame and those of a few erts BIFs carry no error_info.
            Term loc = Term::nil();
            if (info.is_value() && reinterpret_cast<const void*>(*I) != &&L_call_nif)
                loc = gc::make_cons(p.heap, gc::make_tuple_of(p.heap, am::error_info, info),
                                    Term::nil());
            top_frame = gc::make_tuple_of(p.heap, ep->module, ep->function, args, loc);
        }
        error_pc = call_pc;
        // A non-tail call pushed a return address into the same caller: show it once.
        if (call_pc && E->raw == reinterpret_cast<Word>(call_pc + 3)) {
            p.heap.stop = ++E;
        }
        goto handle_error;
    }
    x[0] = r;
    if (p.after_bif != Process::AfterBif::Continue) [[unlikely]] {
        Process::AfterBif what = p.after_bif;
        p.after_bif = Process::AfterBif::Continue;
        if (what == Process::AfterBif::Trap || what == Process::AfterBif::TrapYield) {
            // The call goes on as a call of the target, from the BIF's return address.
            const Process::TrapCall& trap = Process::trap_call();
            Export* target = trap.target;
            const uint32_t nargs = std::min<uint32_t>(std::max(target->arity, target->trap_args), 4);
            for (uint32_t i = 0; i < nargs; ++i) x[i] = trap.args[i];
            I = target->address.load(std::memory_order_acquire);
            if (what == Process::AfterBif::Trap) DISPATCH();
            // A slice's garbage goes before the next slice, not at the end of them all.
            if (fragments_need_gc(p.heap)) GC(nargs, 0);
            p.reductions += reds + budget;
            p.yielded_in = target;
            p.pc = I;
            p.heap.stop = E;
            p.saved_x.assign(x, x + nargs);
            return RunResult::Yield;
        }
        p.reductions += reds + budget;
        if (what == Process::AfterBif::Hibernate)  // pc, saved_x and the stack are set
            return (p.mq_first || !p.inbox.empty()) ? RunResult::Yield : RunResult::Wait;
        p.pc = reinterpret_cast<const Instr*>(E->raw);  // yield: resume at the return
        p.heap.stop = E + 1;
        p.saved_x.assign(x, x + 1);
        return RunResult::Yield;
    }
    if (p.pending_exit.is_value()) [[unlikely]] {  // the BIF signalled this very process
        SYNC_E();
        p.reductions += reds + budget;
        p.pc = I;
        p.saved_x.clear();
        return RunResult::Yield;  // the scheduler acts on the exit before running it again
    }
    // erlang:garbage_collect/0,1,2 on this process asked for a collection (heap.requested).
    if (fragments_need_gc(p.heap) || p.heap.requested != gc::GcType::Auto) GC(1, 0);
    I = reinterpret_cast<const Instr*>(E->raw);
    ++E;
    DISPATCH();
}
L_call_undefined: {
    SYNC_E();
    Export* ep = reinterpret_cast<Export*>(I[1]);
    if (!vm.find_module(ep->module)) {
        auto loaded = vm.ensure_loaded(ep->module);
        (void)loaded;  // a module that fails to load leaves the function undefined
    }
    const Instr* addr = ep->address.load(std::memory_order_acquire);
    if (addr != ep->trampoline) {
        I = addr;
        DISPATCH();
    }
    // As erl: Handler:undefined_function(M, F, Args) runs in the function's place (OTP's
    // error_handler asks init to load M, then raises undef with M:F(Args) on top of the
    // caller's trace, as below).
    if (Export* h = undefined_function_handler(vm, p, ep)) {
        Term args = args_to_list(p, x, ep->arity);
        x[0] = ep->module;
        x[1] = ep->function;
        x[2] = args;
        I = h->address.load(std::memory_order_acquire);
        DISPATCH();
    }
    p.raise(am::error, am::undef);
    top_frame = gc::make_tuple_of(p.heap, ep->module, ep->function,
                                  args_to_list(p, x, ep->arity), Term::nil());
    error_pc = nullptr;
    goto handle_error;
}
L_call_unsupported_bif: {
    SYNC_E();
    Export* ep = reinterpret_cast<Export*>(I[1]);
    Term mfa = gc::make_tuple_of(p.heap, ep->module, ep->function, Term::small(ep->arity));
    p.raise(am::error, gc::make_tuple_of(p.heap, am::unsupported, mfa));
    // Inline in a function (a bif instruction), or a trampoline reached by a call.
    error_pc = (I == ep->trampoline) ? nullptr : I;
    goto handle_error;
}
L_apply_bif: {
    SYNC_E();
    Export* ep = reinterpret_cast<Export*>(I[1]);
    unsigned n = 0;
    if (ep->arity == 3) {  // apply(M, F, Args)
        Term m = x[0], f = x[1], args = x[2];
        if (!m.is_atom() || !f.is_atom() || list_to_args(args, x, n).is_none()) {
            p.raise(am::error, am::badarg);
            x[0] = m;
            x[1] = f;
            x[2] = args;
            Term al = args_to_list(p, x, 3);
            top_frame = gc::make_tuple_of(
                p.heap, am::erlang, am::apply, al,
                gc::make_cons(p.heap, gc::make_tuple_of(p.heap, am::error_info, vm.erts_error_info),
                              Term::nil()));
            error_pc = nullptr;
            goto handle_error;
        }
        Export* target = vm.export_entry(m, f, n);
        I = target->address.load(std::memory_order_acquire);
        DISPATCH();
    }
    // apply(Fun, Args)
    {
        Term fun = x[0], args = x[1];
        if (list_to_args(args, x, n).is_none()) {
            p.raise(am::error, am::badarg);
            error_pc = nullptr;
            goto handle_error;
        }
        x[n] = fun;
        goto do_call_fun_n;
    do_call_fun_n:
        Term f = x[n];
        if (f.is_boxed_of(Subtag::Fun)) {
            FunEntry* fe = reinterpret_cast<FunEntry*>(f.boxed_ptr()[1].raw);
            if (fe->arity - fe->num_free != n) goto badarity_n;
            for (unsigned i = 0; i < fe->num_free; ++i) x[n + i] = f.boxed_ptr()[2 + i];
            I = fe->address;
            DISPATCH();
        }
        if (f.is_boxed_of(Subtag::Export)) {
            Export* xp = reinterpret_cast<Export*>(f.boxed_ptr()[1].raw);
            if (xp->arity != n) goto badarity_n;
            I = xp->address.load(std::memory_order_acquire);
            DISPATCH();
        }
        p.raise(am::error, gc::make_tuple_of(p.heap, am::badfun, f));
        error_pc = nullptr;
        goto handle_error;
    badarity_n:
        Term al = args_to_list(p, x, n);
        p.raise(am::error, gc::make_tuple_of(p.heap, am::badarity,
                                             gc::make_tuple_of(p.heap, f, al)));
        error_pc = nullptr;
        goto handle_error;
    }
}
L_boot_return:
    p.heap.stop = E;
    p.reductions += reds + budget;
    return RunResult::Done;

    // ---- BIF instructions ----
L_bif0: {
    SYNC_E();
    Export* ep = reinterpret_cast<Export*>(I[1]);
    Term r = ep->bif(p, x);
    if (r.is_none()) [[unlikely]] {
        top_frame = Term::from_raw(reinterpret_cast<Word>(ep));
        error_pc = I;
        goto bif_error;
    }
    DST(2) = r;
    NEXT(2);
}
L_bif1: {
    SYNC_E();
    Term args[1] = {OPS(3)};
    Export* ep = reinterpret_cast<Export*>(I[2]);
    Term r = ep->bif(p, args);
    if (r.is_none()) [[unlikely]] {
        if (I[1]) {
            I = LABEL(1);
            DISPATCH();
        }
        top_frame = Term::from_raw(reinterpret_cast<Word>(ep));  // resolved in bif_error
        x[kMaxXRegs] = args[0];
        error_pc = I;
        goto bif_error;
    }
    DST(4) = r;
    NEXT(4);
}
L_bif2: {
    SYNC_E();
    Term args[2] = {OPS(3), OPS(4)};
    Export* ep = reinterpret_cast<Export*>(I[2]);
    Term r = ep->bif(p, args);
    if (r.is_none()) [[unlikely]] {
        if (I[1]) {
            I = LABEL(1);
            DISPATCH();
        }
        top_frame = Term::from_raw(reinterpret_cast<Word>(ep));
        x[kMaxXRegs] = args[0];
        x[kMaxXRegs + 1] = args[1];
        error_pc = I;
        goto bif_error;
    }
    DST(5) = r;
    NEXT(5);
}
L_bif3: {
    SYNC_E();
    Term args[3] = {OPS(3), OPS(4), OPS(5)};
    Export* ep = reinterpret_cast<Export*>(I[2]);
    Term r = ep->bif(p, args);
    if (r.is_none()) [[unlikely]] {
        if (I[1]) {
            I = LABEL(1);
            DISPATCH();
        }
        top_frame = Term::from_raw(reinterpret_cast<Word>(ep));
        for (int i = 0; i < 3; ++i) x[kMaxXRegs + i] = args[i];
        error_pc = I;
        goto bif_error;
    }
    DST(6) = r;
    NEXT(6);
}
#define GC_BIF_BODY(N, DSTPOS)                                                                     \
    {                                                                                              \
        Term args[3];                                                                              \
        SYNC_E();                                                                                  \
        for (int i = 0; i < N; ++i) args[i] = OPS(4 + i);                                          \
        Export* ep = reinterpret_cast<Export*>(I[3]);                                              \
        Term r = ep->bif(p, args);                                                                 \
        if (r.is_none()) [[unlikely]] {                                                            \
            if (I[1]) {                                                                            \
                I = LABEL(1);                                                                      \
                DISPATCH();                                                                        \
            }                                                                                      \
            top_frame = Term::from_raw(reinterpret_cast<Word>(ep));                                \
            for (int i = 0; i < N; ++i) x[kMaxXRegs + i] = args[i];                                \
            error_pc = I;                                                                          \
            goto bif_error;                                                                        \
        }                                                                                          \
        if (fragments_need_gc(p.heap)) {                                                           \
            unsigned live = unsigned(I[2]);                                                        \
            x[live] = r;                                                                           \
            GC(live + 1, 0);                                                                       \
            r = x[live];                                                                           \
        }                                                                                          \
        DST(DSTPOS) = r;                                                                           \
        NEXT(DSTPOS);                                                                              \
    }
L_gc_bif1:
    GC_BIF_BODY(1, 5)
L_gc_bif2:
    GC_BIF_BODY(2, 6)
    // gc_bif2 rows of erlang's integer operators, same operands: both small integers and a
    // small result inline, anything else (bignums, floats, errors) is gc_bif2 itself.
#define INT_OP_BODY(EXPR)                                                                          \
    {                                                                                              \
        Term a = OPS(4), b = OPS(5);                                                               \
        if ((a.raw & b.raw & 0xF) == 0xF) {                                                        \
            int64_t va = a.small_value(), vb = b.small_value(), r;                                 \
            if (EXPR) {                                                                            \
                DST(6) = Term::small(r);                                                           \
                NEXT(6);                                                                           \
            }                                                                                      \
        }                                                                                          \
        goto L_gc_bif2;                                                                            \
    }
L_int_rem:
    INT_OP_BODY(vb != 0 && ((r = va % vb), true))
L_int_div:
    INT_OP_BODY(vb != 0 && ((r = va / vb), Term::fits_small(r)))
L_int_band:
    INT_OP_BODY(((r = va & vb), true))
L_int_bor:
    INT_OP_BODY(((r = va | vb), true))
L_int_bxor:
    INT_OP_BODY(((r = va ^ vb), true))
L_int_bsl:
    INT_OP_BODY(vb >= 0 && vb < 60 && ((r = int64_t(uint64_t(va) << vb)), (r >> vb) == va) &&
                Term::fits_small(r))
L_int_bsr:
    INT_OP_BODY(vb >= 0 && ((r = va >> (vb < 63 ? vb : 63)), true))
L_gc_bif3:
    GC_BIF_BODY(3, 7)

    // Small-integer fast paths on tagged words (value << 4 | 0xF): a 64-bit overflow is
    // exactly a result outside the 60-bit small range. Each yields true on overflow.
#define FAST_add(a, b, v) __builtin_add_overflow(int64_t(a.raw), int64_t(b.raw & ~Word(0xF)), &v)
#define FAST_sub(a, b, v) __builtin_sub_overflow(int64_t(a.raw), int64_t(b.raw & ~Word(0xF)), &v)
#define FAST_mul(a, b, v)                                                                          \
    (__builtin_mul_overflow(int64_t(a.raw & ~Word(0xF)), b.small_value(), &v) || ((v |= 0xF), false))
    // Operand fetches for the kind-specialised arith_* rows (see instr.def).
    // A register reference is the register's byte offset (x N: N << 3; y N: N << 3 | 4).
#define XREG(w) (*reinterpret_cast<Term*>(reinterpret_cast<char*>(x) + (w)))
#define YREG(w) (*reinterpret_cast<Term*>(reinterpret_cast<char*>(E) + ((w)-4)))
#define ARG_X(n) XREG(I[n])
#define ARG_Y(n) YREG(I[n])
#define ARG_I(n) Term::from_raw(I[n])
    // A row's fast path handles two small integers; everything else (bignums, floats, overflow,
    // errors) goes to one shared slow path per operator with the operands in ar_a/ar_b, so
    // the rows stay short. ar_blit: the second operand is a literal (erl then leaves the
    // BIF's frame out of the stack trace for '+'/'-').
#define ARITH_TO_SLOW(A, B, BLIT, SLOWL)                                                           \
    ar_a = (A);                                                                                    \
    ar_b = (B);                                                                                    \
    ar_blit = (BLIT);                                                                              \
    goto SLOWL
#define ARITH_BODY_ABK(BUILTIN, A_, B_, BLIT, D_, K, L)                                            \
    {                                                                                              \
        Term a = A_, b = B_;                                                                       \
        if ((a.raw & b.raw & 0xF) == 0xF) { /* both small: work on the tagged words */             \
            int64_t v;                                                                             \
            if (!FAST_##BUILTIN(a, b, v)) {                                                        \
                D_ = Term::from_raw(Word(v));                                                      \
                K(5, L);                                                                           \
            }                                                                                      \
        }                                                                                          \
        ARITH_TO_SLOW(a, b, BLIT, L_arith_slow_##BUILTIN);                                         \
    }
#define ARITH_BODY_AB(BUILTIN, A_, B_, BLIT, D_)                                                   \
    ARITH_BODY_ABK(BUILTIN, A_, B_, BLIT, D_, DISPATCH_NEXT, _)
    // The *I rows: the loader stores the small literal with its tag bits cleared (I[4]), so
    // only the register operand's tag is tested.
#define ARITH_BODY_IK(BUILTIN, A_, D_, K, L)                                                       \
    {                                                                                              \
        Term a = A_;                                                                               \
        int64_t v;                                                                                 \
        if ((a.raw & 0xF) == 0xF &&                                                                \
            !__builtin_##BUILTIN##_overflow(int64_t(a.raw), int64_t(I[4]), &v)) {                  \
            D_ = Term::from_raw(Word(v));                                                          \
            K(5, L);                                                                               \
        }                                                                                          \
        ARITH_TO_SLOW(a, Term::from_raw(I[4] | 0xF), true, L_arith_slow_##BUILTIN);                \
    }
#define ARITH_BODY_I(BUILTIN, A_, D_) ARITH_BODY_IK(BUILTIN, A_, D_, DISPATCH_NEXT, _)
#define ARITH_SLOW(OP, SLOW)                                                                       \
    {                                                                                              \
        SYNC_E();                                                                                  \
        Term r = SLOW(p, ar_a, ar_b);                                                              \
        if (r.is_none()) [[unlikely]] {                                                            \
            if (I[1]) {                                                                            \
                I = LABEL(1);                                                                      \
                DISPATCH();                                                                        \
            }                                                                                      \
            top_frame = Term::from_raw(                                                            \
                (am::OP != am::times && ar_blit)                                                   \
                    ? 0                                                                            \
                    : reinterpret_cast<Word>(vm.export_entry(am::erlang, am::OP, 2)));             \
            x[kMaxXRegs] = ar_a;                                                                   \
            x[kMaxXRegs + 1] = ar_b;                                                               \
            error_pc = I;                                                                          \
            goto bif_error;                                                                        \
        }                                                                                          \
        if (fragments_need_gc(p.heap)) {                                                           \
            unsigned live = unsigned(I[2]);                                                        \
            x[live] = r;                                                                           \
            GC(live + 1, 0);                                                                       \
            r = x[live];                                                                           \
        }                                                                                          \
        DST(5) = r; /* x N / y N: the same register reference in every arith row */                \
        NEXT(5);                                                                                   \
    }
L_arith_slow_add:
    ARITH_SLOW(plus, arith_add)
L_arith_slow_sub:
    ARITH_SLOW(minus, arith_sub)
L_arith_slow_mul:
    ARITH_SLOW(times, arith_mul)
#define ARITH_BODY(BUILTIN) ARITH_BODY_AB(BUILTIN, OPS(3), OPS(4), (I[4] & 3) != 0, DST(5))
L_arith_plus:
    ARITH_BODY(add)
L_arith_minus:
    ARITH_BODY(sub)
L_arith_times:
    ARITH_BODY(mul)
L_arith_plus_XI:
    ARITH_BODY_I(add, ARG_X(3), ARG_X(5))
L_arith_plus_YI:
    ARITH_BODY_I(add, ARG_Y(3), ARG_X(5))
L_arith_plus_XX:
    ARITH_BODY_AB(add, ARG_X(3), ARG_X(4), false, ARG_X(5))
L_arith_plus_XY:
    ARITH_BODY_AB(add, ARG_X(3), ARG_Y(4), false, ARG_X(5))
L_arith_plus_YX:
    ARITH_BODY_AB(add, ARG_Y(3), ARG_X(4), false, ARG_X(5))
L_arith_plus_YY:
    ARITH_BODY_AB(add, ARG_Y(3), ARG_Y(4), false, ARG_X(5))
L_arith_minus_XI:
    ARITH_BODY_I(sub, ARG_X(3), ARG_X(5))
L_arith_minus_YI:
    ARITH_BODY_I(sub, ARG_Y(3), ARG_X(5))
L_arith_minus_XX:
    ARITH_BODY_AB(sub, ARG_X(3), ARG_X(4), false, ARG_X(5))
L_arith_minus_XY:
    ARITH_BODY_AB(sub, ARG_X(3), ARG_Y(4), false, ARG_X(5))
L_arith_minus_YX:
    ARITH_BODY_AB(sub, ARG_Y(3), ARG_X(4), false, ARG_X(5))
L_arith_minus_YY:
    ARITH_BODY_AB(sub, ARG_Y(3), ARG_Y(4), false, ARG_X(5))
L_arith_plus_XI_y:
    ARITH_BODY_I(add, ARG_X(3), ARG_Y(5))
L_arith_minus_XI_then_allocate_1:
    ARITH_BODY_IK(sub, ARG_X(3), ARG_X(5), GO_NEXT, L_allocate_1)
L_arith_minus_XI_then_allocate_1_then_move_xy_xx_call:
    ARITH_BODY_IK(sub, ARG_X(3), ARG_X(5), GO_NEXT, L_allocate_1_then_move_xy_xx_call)
L_arith_minus_YI_then_move_xy_xx_call:
    ARITH_BODY_IK(sub, ARG_Y(3), ARG_X(5), GO_NEXT, L_move_xy_xx_call)
L_arith_plus_YX_then_deallocate_return:
    ARITH_BODY_ABK(add, ARG_Y(3), ARG_X(4), false, ARG_X(5), GO_NEXT, L_deallocate_return)

    // ---- stack and heap ----
L_allocate: {
    // One word more than the frame: the return address the next call pushes.
    size_t need;
    PREDICTED(need, I[1], 3, 4);  // allocate_1 and allocate_2 take the smaller frames
    if (size_t(E - p.heap.top) < need + 1) GC(unsigned(I[2]), need + 1);
    E -= need;
    for (size_t i = 0; i < need; ++i) E[i] = Term::nil();
    NEXT(2);
}
#define ALLOCATE_1(K, L)                                                                           \
    if (size_t(E - p.heap.top) < 2) GC(unsigned(I[2]), 2);                                         \
    *--E = Term::nil();                                                                            \
    K(2, L);
L_allocate_1:
    ALLOCATE_1(DISPATCH_NEXT, _)
L_allocate_1_then_move_xy_xx_call:
    ALLOCATE_1(GO_NEXT, L_move_xy_xx_call)
L_allocate_1_then_get_list_X_YX:
    ALLOCATE_1(GO_NEXT, L_get_list_X_YX)
L_allocate_1_then_get_list_X_YX_then_call:
    ALLOCATE_1(GO_NEXT, L_get_list_X_YX_then_call)
L_allocate_2:
    if (size_t(E - p.heap.top) < 3) GC(unsigned(I[2]), 3);
    E -= 2;
    E[0] = Term::nil();
    E[1] = Term::nil();
    NEXT(2);
L_allocate_heap: {
    size_t stack, heap = I[2];
    PREDICTED(stack, I[1], 1, 2);
    if (size_t(E - p.heap.top) < stack + heap + 1 || fragments_need_gc(p.heap))
        GC(unsigned(I[3]), stack + heap + 1);
    E -= stack;
    for (size_t i = 0; i < stack; ++i) E[i] = Term::nil();
    NEXT(3);
}
    // One word more than asked: the return address the next call pushes.
    // The test_heap rows: I[1] is the need in bytes, the red-zone word included (the loader's
    // heap_need_in_bytes), so the test is a subtraction and a compare.
#define HEAP_SHORT()                                                                               \
    (size_t(reinterpret_cast<char*>(E) - reinterpret_cast<char*>(p.heap.top)) < I[1] ||            \
     fragments_need_gc(p.heap))
#define HEAP_GC() GC(unsigned(I[2]), I[1] / sizeof(Term))
#define TEST_HEAP(K, L)                                                                            \
    {                                                                                              \
        if (HEAP_SHORT()) HEAP_GC();                                                               \
        K(2, L);                                                                                   \
    }
L_test_heap:
    TEST_HEAP(DISPATCH_NEXT, _)
L_test_heap_then_put_tuple2:
    TEST_HEAP(GO_NEXT, L_put_tuple2)
L_deallocate:
    E_ADD_PREDICTED(I[1]);
    NEXT(1);
L_deallocate_return:
    E_ADD_PREDICTED(I[1]);
    I = reinterpret_cast<const Instr*>(E->raw);
    ++E;
    DISPATCH();
L_trim:
    E_ADD_PREDICTED(I[1]);
    NEXT(2);
L_trim_then_call:
    E_ADD_PREDICTED(I[1]);
    GO_NEXT(2, L_call);
L_init_yregs: {
    size_t n = I[1];
    for (size_t i = 0; i < n; ++i) E[I[2 + i] >> 3] = Term::nil();
    NEXT(1 + n);
}

    // ---- moves and data ----
L_move:
    DST(2) = OPS(1);
    NEXT(2);
L_move_cx:
    XREG(I[2]) = Term::from_raw(I[1]);
    NEXT(2);
L_move_cy:
    YREG(I[2]) = Term::from_raw(I[1]);
    NEXT(2);
L_move_xx:
    XREG(I[2]) = XREG(I[1]);
    NEXT(2);
L_move_xy:
    YREG(I[2]) = XREG(I[1]);
    NEXT(2);
L_move_yy:
    YREG(I[2]) = YREG(I[1]);
    NEXT(2);
L_move_yx:
    XREG(I[2]) = YREG(I[1]);
    NEXT(2);
L_move_xy_xx:
    YREG(I[2]) = XREG(I[1]);
    XREG(I[4]) = XREG(I[3]);
    NEXT(4);
L_move_xy_xx_call:
    YREG(I[2]) = XREG(I[1]);
    XREG(I[4]) = XREG(I[3]);
    I += 5;
    goto L_call;  // the call instruction that follows (the loader emits it): no dispatch
L_move_yx_yx:
    XREG(I[2]) = YREG(I[1]);
    XREG(I[4]) = YREG(I[3]);
    NEXT(4);
L_move_xy_xy:
    YREG(I[2]) = XREG(I[1]);
    YREG(I[4]) = XREG(I[3]);
    NEXT(4);
L_move_return_c:
    x[0] = Term::from_raw(I[1]);
    I = reinterpret_cast<const Instr*>(E->raw);
    ++E;
    DISPATCH();
L_move_return_x:
    x[0] = XREG(I[1]);
    I = reinterpret_cast<const Instr*>(E->raw);
    ++E;
    DISPATCH();
L_move_xx_xx:
    XREG(I[2]) = XREG(I[1]);
    XREG(I[4]) = XREG(I[3]);
    NEXT(4);
L_swap: {
    Term t = DST(1);
    DST(1) = DST(2);
    DST(2) = t;
    NEXT(2);
}
#define GET_LIST_K(SRC_, D1_, D2_, K, L)                                                           \
    {                                                                                              \
        Term l = SRC_;                                                                             \
        Term h = l.head(), t = l.tail();                                                           \
        D1_ = h;                                                                                   \
        D2_ = t;                                                                                   \
        K(3, L);                                                                                   \
    }
#define GET_LIST(SRC_) GET_LIST_K(SRC_, DST(2), DST(3), DISPATCH_NEXT, _)
L_get_list:
    GET_LIST(OPS(1))
L_get_list_X:
    GET_LIST(ARG_X(1))
L_get_list_Y:
    GET_LIST(ARG_Y(1))
L_get_list_X_YX:
    GET_LIST_K(ARG_X(1), ARG_Y(2), ARG_X(3), DISPATCH_NEXT, _)
L_get_list_X_XX:
    GET_LIST_K(ARG_X(1), ARG_X(2), ARG_X(3), DISPATCH_NEXT, _)
L_get_list_X_YX_then_call:
    GET_LIST_K(ARG_X(1), ARG_Y(2), ARG_X(3), GO_NEXT, L_call)
L_get_hd:
    DST(2) = OPS(1).head();
    NEXT(2);
L_get_tl:
    DST(2) = OPS(1).tail();
    NEXT(2);
L_get_tuple_element:
    DST(3) = OPS(1).tuple_elem(I[2]);
    NEXT(3);
L_get_tuple_element_X:
    DST(3) = ARG_X(1).tuple_elem(I[2]);
    NEXT(3);
#define GET_TUPLE_ELEMENT2_X(K, L)                                                                 \
    {                                                                                              \
        const Term* t = ARG_X(1).tuple_elems();                                                    \
        Term a = t[I[2]], b = t[I[4]];                                                             \
        ARG_X(3) = a;                                                                              \
        ARG_X(5) = b;                                                                              \
        K(5, L);                                                                                   \
    }
L_get_tuple_element2_X:
    GET_TUPLE_ELEMENT2_X(DISPATCH_NEXT, _)
L_get_tuple_element2_X_then_is_eq_exact_XI:
    GET_TUPLE_ELEMENT2_X(GO_NEXT, L_is_eq_exact_XI)
L_get_tuple_element_Y:
    DST(3) = ARG_Y(1).tuple_elem(I[2]);
    NEXT(3);
L_set_tuple_element:
    OPS(2).tuple_elems()[I[3]] = OPS(1);
    NEXT(3);
L_put_list: {
    Term* c = HBUMP(2);
    c[0] = OPS(1);
    c[1] = OPS(2);
    DST(3) = Term::list(c);
    NEXT(3);
}
#define PUT_LIST_AB(A_, B_)                                                                        \
    {                                                                                              \
        Term* c = HBUMP(2);                                                                        \
        c[0] = A_;                                                                                 \
        c[1] = B_;                                                                                 \
        DST(3) = Term::list(c);                                                                    \
        NEXT(3);                                                                                   \
    }
L_put_list_XX:
    PUT_LIST_AB(ARG_X(1), ARG_X(2))
L_put_list_XY:
    PUT_LIST_AB(ARG_X(1), ARG_Y(2))
L_put_list_YX:
    PUT_LIST_AB(ARG_Y(1), ARG_X(2))
L_put_list_YY:
    PUT_LIST_AB(ARG_Y(1), ARG_Y(2))
L_put_list_XI:
    PUT_LIST_AB(ARG_X(1), ARG_I(2))
L_put_list_YI:
    PUT_LIST_AB(ARG_Y(1), ARG_I(2))
L_put_list_IX:
    PUT_LIST_AB(ARG_I(1), ARG_X(2))
L_put_list_IY:
    PUT_LIST_AB(ARG_I(1), ARG_Y(2))
    // test_heap + put_list (the loader fuses them): the heap check, then the cons.
#define TEST_HEAP_PUT_LIST_K(A_, B_, K, L)                                                           \
    {                                                                                              \
        if (HEAP_SHORT()) HEAP_GC();                                                               \
        Term* c = HBUMP(2);                                                                        \
        c[0] = A_;                                                                                 \
        c[1] = B_;                                                                                 \
        ARG_X(5) = Term::list(c);                                                                  \
        K(5, L);                                                                                  \
    }
#define TEST_HEAP_PUT_LIST(A_, B_) TEST_HEAP_PUT_LIST_K(A_, B_, DISPATCH_NEXT, _)
L_test_heap_put_list_YX:
    TEST_HEAP_PUT_LIST(ARG_Y(3), ARG_X(4))
L_test_heap_put_list_XX:
    TEST_HEAP_PUT_LIST(ARG_X(3), ARG_X(4))
L_test_heap_put_list_YI:
    TEST_HEAP_PUT_LIST(ARG_Y(3), ARG_I(4))
L_test_heap_put_list_XI:
    TEST_HEAP_PUT_LIST(ARG_X(3), ARG_I(4))
L_test_heap_put_list_YX_then_deallocate_return:
    TEST_HEAP_PUT_LIST_K(ARG_Y(3), ARG_X(4), GO_NEXT, L_deallocate_return)
#define PUT_TUPLE2(K, L)                                                                           \
    {                                                                                              \
        size_t n = I[2];                                                                           \
        Term* t = HBUMP(1 + n);                                                                    \
        t[0] = Term::header(Subtag::Tuple, n);                                                     \
        for (size_t i = 0; i < n; ++i) t[1 + i] = OPS(3 + i);                                      \
        DST(1) = Term::boxed(t);                                                                   \
        K(2 + n, L);                                                                               \
    }
L_put_tuple2:
    PUT_TUPLE2(DISPATCH_NEXT, _)
L_put_tuple2_then_deallocate_return:
    PUT_TUPLE2(GO_NEXT, L_deallocate_return)
    // A 2-tuple (same operands as put_tuple2), after test_heap when fused with it.
#define PUT_TUPLE2_2_AB(at, A_, B_, D_, K, L)                                                      \
    {                                                                                              \
        Term* t = HBUMP(3);                                                                        \
        t[0] = Term::header(Subtag::Tuple, 2);                                                     \
        t[1] = A_;                                                                                 \
        t[2] = B_;                                                                                 \
        D_ = Term::boxed(t);                                                                       \
        K(at + 3, L);                                                                              \
    }
#define PUT_TUPLE2_2(at, K, L) PUT_TUPLE2_2_AB(at, OPS(at + 2), OPS(at + 3), DST(at), K, L)
L_put_tuple2_2:
    PUT_TUPLE2_2(1, DISPATCH_NEXT, _)
L_put_tuple2_2_then_deallocate_return:
    PUT_TUPLE2_2(1, GO_NEXT, L_deallocate_return)
#define TEST_HEAP_PUT_TUPLE2_2_AB(A_, B_, D_, K, L)                                                \
    {                                                                                              \
        if (HEAP_SHORT()) HEAP_GC();                                                               \
        PUT_TUPLE2_2_AB(3, A_, B_, D_, K, L)                                                       \
    }
#define TEST_HEAP_PUT_TUPLE2_2(K, L) TEST_HEAP_PUT_TUPLE2_2_AB(OPS(5), OPS(6), DST(3), K, L)
L_test_heap_put_tuple2_2:
    TEST_HEAP_PUT_TUPLE2_2(DISPATCH_NEXT, _)
L_test_heap_put_tuple2_2_then_deallocate_return:
    TEST_HEAP_PUT_TUPLE2_2(GO_NEXT, L_deallocate_return)
    // By the elements' register kinds (the operands after the list's count word, I[4]).
L_test_heap_put_tuple2_2_XX:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_X(5), ARG_X(6), ARG_X(3), DISPATCH_NEXT, _)
L_test_heap_put_tuple2_2_XY:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_X(5), ARG_Y(6), ARG_X(3), DISPATCH_NEXT, _)
L_test_heap_put_tuple2_2_YX:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_Y(5), ARG_X(6), ARG_X(3), DISPATCH_NEXT, _)
L_test_heap_put_tuple2_2_YY:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_Y(5), ARG_Y(6), ARG_X(3), DISPATCH_NEXT, _)
L_test_heap_put_tuple2_2_YX_then_deallocate_return:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_Y(5), ARG_X(6), ARG_X(3), GO_NEXT, L_deallocate_return)
L_test_heap_put_tuple2_2_XX_then_deallocate_return:
    TEST_HEAP_PUT_TUPLE2_2_AB(ARG_X(5), ARG_X(6), ARG_X(3), GO_NEXT, L_deallocate_return)

    // ---- tests ----
#define TEST_K(cond, n, K, L)                                                                      \
    do {                                                                                           \
        if (cond) K(n, L);                                                                         \
        I = LABEL(1);                                                                              \
        DISPATCH();                                                                                \
    } while (0)
#define TEST(cond, n) TEST_K(cond, n, DISPATCH_NEXT, _)
L_is_lt: {
    Term a = OPS(2), b = OPS(3);
    if (a.is_small() && b.is_small()) TEST(a.small_value() < b.small_value(), 3);
    TEST(compare_terms(a, b) < 0, 3);
}
L_is_ge: {
    Term a = OPS(2), b = OPS(3);
    if (a.is_small() && b.is_small()) TEST(a.small_value() >= b.small_value(), 3);
    TEST(compare_terms(a, b) >= 0, 3);
}
L_is_eq: {
    Term a = OPS(2), b = OPS(3);
    TEST(a == b || (!(a.is_immed() && b.is_immed()) && compare_terms(a, b) == 0), 3);
}
L_is_ne: {
    Term a = OPS(2), b = OPS(3);
    TEST(!(a == b || (!(a.is_immed() && b.is_immed()) && compare_terms(a, b) == 0)), 3);
}
L_is_eq_exact: {
    Term a = OPS(2), b = OPS(3);
    TEST(a == b || (!(a.is_immed() || b.is_immed()) && terms_exact_eq(a, b)), 3);
}
L_is_ne_exact: {
    Term a = OPS(2), b = OPS(3);
    TEST(!(a == b || (!(a.is_immed() || b.is_immed()) && terms_exact_eq(a, b))), 3);
}
L_is_eq_exact_XI:
    TEST(ARG_X(2).raw == I[3], 3);
L_is_eq_exact_XI_then_move_return_c:
    if (ARG_X(2).raw == I[3]) GO_NEXT(3, L_move_return_c);
    JUMP_PREDICTED(1, 6);  // usually to the clause after the return
L_is_eq_exact_XI_then_is_eq_exact_XI:
    TEST_K(ARG_X(2).raw == I[3], 3, GO_NEXT, L_is_eq_exact_XI);
L_is_eq_exact_YI:
    TEST(ARG_Y(2).raw == I[3], 3);
L_is_ne_exact_XI:
    TEST(ARG_X(2).raw != I[3], 3);
L_is_ne_exact_YI:
    TEST(ARG_Y(2).raw != I[3], 3);
L_is_integer:
    TEST(OPS(2).is_integer(), 2);
L_is_float:
    TEST(OPS(2).is_float(), 2);
L_is_number:
    TEST(OPS(2).is_number(), 2);
L_is_atom:
    TEST(OPS(2).is_atom(), 2);
L_is_pid:
    TEST(OPS(2).is_pid(), 2);
L_is_reference:
    TEST(OPS(2).is_ref(), 2);
L_is_port: {
    Term t = OPS(2);
    TEST((t.raw & 0xF) == 0x7 || t.is_boxed_of(Subtag::ExtPort), 2);
}
L_is_nil:
    TEST(OPS(2).is_nil(), 2);
L_is_nil_X:
    TEST(ARG_X(2).is_nil(), 2);
L_is_binary:
    TEST(OPS(2).is_binary(), 2);
L_is_bitstr:
    TEST(OPS(2).is_binary_any(), 2);
L_is_list: {
    Term t = OPS(2);
    TEST(t.is_list() || t.is_nil(), 2);
}
L_is_nonempty_list:
    TEST(OPS(2).is_list(), 2);
L_is_nonempty_list_X:
    TEST(ARG_X(2).is_list(), 2);
L_is_nonempty_list_X_then_allocate_1:
    TEST_K(ARG_X(2).is_list(), 2, GO_NEXT, L_allocate_1);
L_is_nonempty_list_X_then_allocate_1_then_get_list_X_YX_then_call:
    TEST_K(ARG_X(2).is_list(), 2, GO_NEXT, L_allocate_1_then_get_list_X_YX_then_call);
L_is_nonempty_list_Y:
    TEST(ARG_Y(2).is_list(), 2);
L_is_tuple:
    TEST(OPS(2).is_tuple(), 2);
L_is_tuple_X:
    TEST(ARG_X(2).is_tuple(), 2);
L_is_map:
    TEST(OPS(2).is_map(), 2);
L_is_boolean: {
    Term t = OPS(2);
    TEST(t == am::true_ || t == am::false_, 2);
}
L_is_function:
    TEST(OPS(2).is_fun(), 2);
L_is_function2: {
    Term f = OPS(2), a = OPS(3);
    bool ok = false;
    if (a.is_small() && a.small_value() >= 0) {
        uint64_t n = uint64_t(a.small_value());
        if (f.is_boxed_of(Subtag::Fun)) {
            auto* fe = reinterpret_cast<FunEntry*>(f.boxed_ptr()[1].raw);
            ok = fe->arity - fe->num_free == n;
        } else if (f.is_boxed_of(Subtag::Export)) {
            ok = reinterpret_cast<Export*>(f.boxed_ptr()[1].raw)->arity == n;
        }
    } else {
        ERROR_HERE(am::badarg);
    }
    TEST(ok, 3);
}
L_test_arity: {
    Term t = OPS(2);
    TEST(t.is_tuple() && t.tuple_arity() == I[3], 3);
}
L_test_arity_X: {
    Term t = ARG_X(2);
    TEST(t.is_tuple() && t.tuple_arity() == I[3], 3);
}
L_test_arity_X_then_get_tuple_element2_X: {
    Term t = ARG_X(2);
    TEST_K(t.is_tuple() && t.tuple_arity() == I[3], 3, GO_NEXT, L_get_tuple_element2_X);
}
L_is_tagged_tuple: {
    Term t = OPS(2);
    TEST(t.is_tuple() && t.tuple_arity() == I[3] && t.tuple_elem(0) == OPS(4), 4);
}
L_is_tagged_tuple_X: {  // the tag is an atom: one word compare
    Term t = ARG_X(2);
    TEST(t.is_tuple() && t.tuple_arity() == I[3] && t.tuple_elem(0).raw == I[4], 4);
}
L_select_val: {
    Term v = OPS(1);
    size_t n = I[3];
    const Instr* list = I + 4;
    for (size_t i = 0; i + 1 < n; i += 2) {
        Term c = Term::from_raw(list[i]);
        if (c == v || (c.is_boxed() && v.is_boxed() && terms_exact_eq(c, v))) {
            I = reinterpret_cast<const Instr*>(list[i + 1]);
            DISPATCH();
        }
    }
    I = LABEL(2);
    DISPATCH();
}
L_select_val_imm: {
    Word v = OPS(1).raw;
    size_t n = I[3];
    const Instr* list = I + 4;
    for (size_t i = 0; i + 1 < n; i += 2) {
        if (list[i] == v) {
            I = reinterpret_cast<const Instr*>(list[i + 1]);
            DISPATCH();
        }
    }
    I = LABEL(2);
    DISPATCH();
}
    // select_val on dense small integers: a jump table indexed by value - lowest.
#define JUMP_ON_VAL(SRC_)                                                                          \
    {                                                                                              \
        /* I[3] is the lowest value as a tagged small: for a small v the difference is         \
           (v - lowest) << 4; any other term leaves tag bits in its low four, which the         \
           rotation moves to the top, so one unsigned compare tests both. */                      \
        uint64_t idx = std::rotr(uint64_t(SRC_.raw - I[3]), 4);                                    \
        if (idx < I[4]) {                                                                          \
            I = reinterpret_cast<const Instr*>(I[5 + idx]);                                        \
            DISPATCH();                                                                            \
        }                                                                                          \
        I = LABEL(2);                                                                              \
        DISPATCH();                                                                                \
    }
L_jump_on_val_X:
    JUMP_ON_VAL(ARG_X(1))
L_jump_on_val:
    JUMP_ON_VAL(OPS(1))
L_return_if_in_range_X:
    if (std::rotr(uint64_t(ARG_X(1).raw - I[3]), 4) < I[4]) goto L_return_;
    // Usually the fail label follows the return: 5 words, a table of 2, the return.
    if (I[4] == 2) JUMP_PREDICTED(2, 8);
    I = LABEL(2);
    DISPATCH();
L_select_tuple_arity: {
    Term v = OPS(1);
    if (v.is_tuple()) {
        Term arity = Term::small(int64_t(v.tuple_arity()));
        size_t n = I[3];
        const Instr* list = I + 4;
        for (size_t i = 0; i + 1 < n; i += 2) {
            if (Term::from_raw(list[i]) == arity) {
                I = reinterpret_cast<const Instr*>(list[i + 1]);
                DISPATCH();
            }
        }
    }
    I = LABEL(2);
    DISPATCH();
}
L_jump:
    I = LABEL(1);
    DISPATCH();

    // ---- exceptions ----
L_catch_:
L_try_:
    DST(1) = Term::from_raw(I[2]);
    NEXT(2);
L_catch_end: {
    SYNC_E();
    DST(1) = Term::nil();
    if (x[0].is_none()) {
        Term cls = x[1], reason = x[2];
        if (cls == am::throw_) {
            x[0] = reason;
        } else if (cls == am::error) {
            Term trace = x[3].tuple_elem(1);
            x[0] = gc::make_tuple_of(p.heap, am::EXIT, gc::make_tuple_of(p.heap, reason, trace));
        } else {
            x[0] = gc::make_tuple_of(p.heap, am::EXIT, reason);
        }
    }
    NEXT(1);
}
L_try_end:
    DST(1) = Term::nil();
    NEXT(1);
L_try_case:
    DST(1) = Term::nil();
    x[0] = x[1];
    x[1] = x[2];
    x[2] = x[3];
    NEXT(1);
L_try_case_end:
    ERROR_HERE(gc::make_tuple_of(p.heap, am::try_clause, OPS(1)));
L_raise: {
    // raise Stacktrace Value: rethrow with the class kept in the raw trace {Class, Trace}.
    Term raw = OPS(1), value = OPS(2);
    if (raw.is_tuple() && raw.tuple_arity() == 2) {
        p.raise(raw.tuple_elem(0), value);
        p.exc_trace = raw.tuple_elem(1);
        goto rethrow;
    }
    ERROR_HERE(value);
}
L_build_stacktrace:
    x[0] = (x[0].is_tuple() && x[0].tuple_arity() == 2) ? x[0].tuple_elem(1) : Term::nil();
    NEXT(0);
L_raw_raise: {
    Term cls = x[0];
    if (cls != am::error && cls != am::exit && cls != am::throw_) {
        x[0] = am::badarg;
        NEXT(0);
    }
    p.raise(cls, x[1]);
    p.exc_trace = (x[2].is_tuple() && x[2].tuple_arity() == 2) ? x[2].tuple_elem(1) : Term::nil();
    goto rethrow;
}
L_badmatch:
    ERROR_HERE(gc::make_tuple_of(p.heap, am::badmatch, OPS(1)));
L_if_end:
    ERROR_HERE(am::if_clause);
L_case_end:
    ERROR_HERE(gc::make_tuple_of(p.heap, am::case_clause, OPS(1)));
L_badrecord:
    ERROR_HERE(gc::make_tuple_of(p.heap, am::badrecord, OPS(1)));

    // ---- funs and apply ----
L_call_fun: {
    YIELD_IF_DONE(I[1] + 1);
    SYNC_E();
    call_pc = nullptr;
    fun_arity = unsigned(I[1]);
    fun_call_at = nullptr;  // an error's trace starts at the pushed return address
    ++reds;
    PUSH_CP(I + 2);
    goto call_fun_common;
}
L_call_fun_last: {  // call_fun; deallocate N; return: the fun runs in the caller's place
    YIELD_IF_DONE(I[1] + 1);
    call_pc = nullptr;
    fun_arity = unsigned(I[1]);
    fun_call_at = I;  // the frame is gone: an error's trace starts here
    ++reds;
    E_ADD_PREDICTED(I[2]);
    SYNC_E();
    goto call_fun_common;
}
call_fun_common: {
    unsigned n = fun_arity;
    Term f = x[n];
    if (f.is_boxed_of(Subtag::Fun)) {
        FunEntry* fe = reinterpret_cast<FunEntry*>(f.boxed_ptr()[1].raw);
        if (fe->arity - fe->num_free != n) goto call_fun_badarity;
        for (unsigned i = 0; i < fe->num_free; ++i) x[n + i] = f.boxed_ptr()[2 + i];
        I = fe->address;
        DISPATCH();
    }
    if (f.is_boxed_of(Subtag::Export)) {
        Export* xp = reinterpret_cast<Export*>(f.boxed_ptr()[1].raw);
        if (xp->arity != n) goto call_fun_badarity;
        I = xp->address.load(std::memory_order_acquire);
        DISPATCH();
    }
    p.raise(am::error, gc::make_tuple_of(p.heap, am::badfun, f));
    error_pc = fun_call_at;
    goto handle_error;
call_fun_badarity: {
    Term al = args_to_list(p, x, n);
    p.raise(am::error,
            gc::make_tuple_of(p.heap, am::badarity, gc::make_tuple_of(p.heap, f, al)));
    error_pc = fun_call_at;
    goto handle_error;
}
}
L_call_fun2: {
    // The fun may be in an x register past the arguments: a yield must keep it too.
    YIELD_IF_DONE((I[3] & 7) == 0 ? std::max<Word>(I[2], (I[3] >> 3) + 1) : I[2]);
    SYNC_E();
    call_pc = nullptr;
    fun_arity = unsigned(I[2]);
    x[fun_arity] = OPS(3);
    fun_call_at = nullptr;
    ++reds;
    PUSH_CP(I + 4);
    goto call_fun_common;  // the same checks and errors
}
L_call_fun2_last: {  // call_fun2; deallocate N; return
    YIELD_IF_DONE((I[3] & 7) == 0 ? std::max<Word>(I[2], (I[3] >> 3) + 1) : I[2]);
    call_pc = nullptr;
    fun_arity = unsigned(I[2]);
    x[fun_arity] = OPS(3);
    fun_call_at = I;
    ++reds;
    E_ADD_PREDICTED(I[4]);
    SYNC_E();
    goto call_fun_common;  // the same checks and errors
}
L_make_fun: {
    SYNC_E();
    FunEntry* fe = reinterpret_cast<FunEntry*>(I[1]);
    size_t n = I[3];
    Term* f = p.heap.alloc(3 + n);
    f[0] = Term::header(Subtag::Fun, 2 + n);
    f[1] = Term::from_raw(reinterpret_cast<Word>(fe));
    for (size_t i = 0; i < n; ++i) f[2 + i] = OPS(4 + i);
    f[2 + n] = p.pid();  // the creator, after the env (term.h)
    DST(2) = Term::boxed(f);
    NEXT(3 + n);
}
L_apply: {
    YIELD_IF_DONE(I[1] + 2);
    SYNC_E();
    call_pc = nullptr;
    unsigned n = unsigned(I[1]);
    Term m = x[n], f = x[n + 1];
    ++reds;
    if (!m.is_atom() || !f.is_atom()) {
        p.raise(am::error, am::badarg);
        error_pc = I;
        goto handle_error;
    }
    PUSH_CP(I + 2);
    I = vm.export_entry(m, f, n)->address.load(std::memory_order_acquire);
    DISPATCH();
}
L_apply_last: {
    YIELD_IF_DONE(I[1] + 2);
    SYNC_E();
    call_pc = nullptr;
    unsigned n = unsigned(I[1]);
    Term m = x[n], f = x[n + 1];
    ++reds;
    if (!m.is_atom() || !f.is_atom()) {
        p.raise(am::error, am::badarg);
        error_pc = I;
        goto handle_error;
    }
    E_ADD_PREDICTED(I[2]);
    I = vm.export_entry(m, f, n)->address.load(std::memory_order_acquire);
    DISPATCH();
}

    // ---- floats ----
L_fload: {
    Term t = OPS(1);
    fr[I[2]] = t.float_value();
    NEXT(2);
}
L_fstore: {
    Term* f = HBUMP(2);
    f[0] = Term::header(Subtag::Float, 1);
    std::memcpy(&f[1], &fr[I[1]], sizeof(double));
    DST(2) = Term::boxed(f);
    NEXT(2);
}
L_fmovef:
    fr[I[2]] = fr[I[1]];
    NEXT(2);
L_fconv: {
    Term t = OPS(1);
    if (t.is_float()) {
        fr[I[2]] = t.float_value();
    } else if (t.is_small()) {
        fr[I[2]] = double(t.small_value());
    } else if (t.is_bignum()) {
        double d = joist::integer_to_double(t);
        if (!std::isfinite(d)) ERROR_HERE(am::badarith);
        fr[I[2]] = d;
    } else {
        ERROR_HERE(am::badarith);
    }
    NEXT(2);
}
#define FLOAT_OP(expr)                                                                             \
    {                                                                                              \
        double r = (expr);                                                                         \
        if (!std::isfinite(r)) [[unlikely]] {                                                      \
            if (I[1]) {                                                                            \
                I = LABEL(1);                                                                      \
                DISPATCH();                                                                        \
            }                                                                                      \
            ERROR_HERE(am::badarith);                                                              \
        }                                                                                          \
        fr[I[4]] = r;                                                                              \
        NEXT(4);                                                                                   \
    }
L_fadd:
    FLOAT_OP(fr[I[2]] + fr[I[3]])
L_fsub:
    FLOAT_OP(fr[I[2]] - fr[I[3]])
L_fmul:
    FLOAT_OP(fr[I[2]] * fr[I[3]])
L_fdiv:
    FLOAT_OP(fr[I[2]] / fr[I[3]])
L_fnegate:
    fr[I[3]] = -fr[I[2]];
    NEXT(3);
L_fcheckerror:
    NEXT(1);

    // ---- messages ----
L_send: {
    SYNC_E();
    bool bad = false;
    Process* to = resolve_destination(vm, x[0], bad);
    if (bad) {
        x[kMaxXRegs] = x[0];
        x[kMaxXRegs + 1] = x[1];
        p.raise(am::error, am::badarg);
        top_frame = Term::from_raw(reinterpret_cast<Word>(vm.export_entry(
            am::erlang, atoms().intern("send"), 2)));
        error_pc = I;
        goto bif_error;
    }
    if (to == &p && p.inbox.empty()) {
        // To itself, with nothing waiting in its in-queue to go first: the term is on its own
        // heap already and immutable, so the node just points at it (no copy, no fragment).
        auto* m = new Message();
        m->term = x[1];
        p.enqueue_message(m);
    } else if (to) {
        send_message(*to, x[1]);
    }
    x[0] = x[1];
    ++reds;
    NEXT(0);
}
    // The message at the receive's position into D_, or jump to the label (none left).
#define LOOP_REC(D_)                                                                               \
    {                                                                                              \
        if (!*p.mq_save) {                                                                         \
            p.take_inbox();                                                                        \
            if (p.pending_exit.is_value()) [[unlikely]] { /* an exit signal came with them */      \
                p.pc = I;                                                                          \
                SYNC_E();                                                                          \
                p.saved_x.clear();                                                                 \
                p.reductions += reds + budget;                                                     \
                return RunResult::Yield; /* the scheduler ends it before running it again */      \
            }                                                                                      \
        }                                                                                          \
        if (!*p.mq_save) {                                                                         \
            I = LABEL(1);                                                                          \
            DISPATCH();                                                                            \
        }                                                                                          \
        D_ = (*p.mq_save)->term;                                                                   \
        NEXT(2);                                                                                   \
    }
L_loop_rec:
    LOOP_REC(DST(2))
    // An x register (the compiler's choice, x0): its address is known without decoding, so
    // the test that reads it next does not wait on (or mispredict) the store's address.
L_loop_rec_X:
    LOOP_REC(ARG_X(2))
L_loop_rec_end:
    p.mq_save = &(*p.mq_save)->next;
    ++reds;
    I = LABEL(1);
    DISPATCH();
L_remove_message:
    p.remove_saved_message();
    p.timer_deadline = 0;
    NEXT(0);
L_wait:
    p.pc = LABEL(1);
    SYNC_E();
    p.reductions += reds + budget;
    return RunResult::Wait;
L_wait_timeout: {
    // Back here after a message that did not match: the receive's timeout was taken when it
    // first came here (timer_deadline is set until the receive ends) and its operand is gone
    // (x registers do not survive a wait).
    if (p.timer_deadline == 0) {
        Term t = OPS(2);
        if (t == am::infinity) {
            p.timer_deadline = Process::kNoDeadline;
        } else {
            if (!t.is_integer() || (t.is_small() && t.small_value() < 0) ||
                (!t.is_small() && t.box_header().header_subtag() == Subtag::NegBig)) {
                p.mq_save = &p.mq_first;  // the receive ends here: the next one starts afresh
                ERROR_HERE(atoms().intern("timeout_value"));
            }
            if (t.is_small() && t.small_value() == 0) NEXT(2);  // nothing matched: time out now
            int64_t ms = t.is_small() ? t.small_value() : INT64_MAX / 2000000;
            p.timer_deadline = monotonic_now_ns() + uint64_t(ms) * 1000000;
        }
    }
    p.timeout_pc = I + 3;
    p.pc = LABEL(1);
    SYNC_E();
    p.reductions += reds + budget;
    return RunResult::Wait;
}
L_timeout:
    p.mq_save = &p.mq_first;
    p.timer_deadline = 0;
    NEXT(0);
    // Receive markers (see Process::RecvMarker). reserve: a marker at the queue's end, its
    // name to the destination (erl's form: MIN_SMALL plus the process's counter, a bignum past
    // MAX_SMALL); bind: ties the reference just made to it; use: the next receive starts there;
    // clear: frees it.
L_recv_marker_reserve: {
    int64_t u = p.reserve_recv_marker();
    int64_t v = int64_t(uint64_t(kMinSmall) + uint64_t(u));
    if (Term::fits_small(v)) {
        DST(1) = Term::small(v);
    } else {
        SYNC_E();
        DST(1) = gc::make_integer(p.heap, v);
    }
    NEXT(1);
}
L_recv_marker_bind: {
    Term name = OPS(1);
    int64_t v;
    if (name.is_small()) v = name.small_value();
    else if (!name.is_integer() || !integer_to_int64(name, v)) NEXT(2);
    p.bind_recv_marker(int64_t(uint64_t(v) - uint64_t(kMinSmall)), ref_id_of(OPS(2)));
    NEXT(2);
}
L_recv_marker_clear:
    if (p.recv_markers_active) p.clear_recv_marker(ref_id_of(OPS(1)));
    NEXT(1);
L_recv_marker_use:
    if (p.recv_markers_active)
        if (Message** at = p.find_recv_marker(ref_id_of(OPS(1)))) p.mq_save = at;
    NEXT(1);
L_process_exit:
    SYNC_E();
    p.exc_class = am::exit;
    p.exc_reason = am::normal;
    p.reductions += reds + budget;
    return RunResult::Exit;

    // ---- instruction families in files of their own ----
#include "interp/ops_map.inc"
#include "interp/ops_bs.inc"

L_unsupported: {
    const loader::GenOpInfo* info = loader::genop_info(unsigned(I[1]));
    Term name = atoms().intern(info ? info->name : "unknown");
    ERROR_HERE(gc::make_tuple_of(p.heap, am::unsupported,
                                 gc::make_tuple_of(p.heap, atoms().intern("instruction"), name)));
}
L_nop:
    NEXT(0);

    // ---- the error path ----
bif_error: {
    SYNC_E();
    // top_frame holds the failing BIF's Export*; its arguments are in x[kMaxXRegs...].
    Export* ep = reinterpret_cast<Export*>(top_frame.raw);
    top_frame = Term::none();
    if (p.exc_class == am::halt) {
        p.heap.stop = E;
        { p.reductions += reds + budget; return RunResult::Halt; }
    }
    if (ep && !p.exc_caller && !raises_without_frame(ep)) {
        Term args = args_to_list(p, x + kMaxXRegs, ep->arity);
        Term info = vm.error_info_for(ep->module);
        Term loc = info.is_none() ? Term::nil()
                                  : gc::make_cons(p.heap, gc::make_tuple_of(p.heap, am::error_info,
                                                                            info),
                                                  Term::nil());
        top_frame = gc::make_tuple_of(p.heap, ep->module, ep->function, args, loc);
    }
    goto handle_error;
}
handle_error: {
    SYNC_E();
    if (p.exc_class == am::halt) {
        p.heap.stop = E;
        { p.reductions += reds + budget; return RunResult::Halt; }
    }
    if (!p.exc_trace_given) p.exc_trace = build_trace(vm, p, error_pc, E, top_frame);
    if (p.exc_error_info.is_value()) {
        if (!p.exc_trace_given) p.exc_trace = with_error_info(p, p.exc_trace, p.exc_error_info);
        p.exc_error_info = Term::none();
    }
    top_frame = Term::none();
    p.exc_cause = Term::none();
    p.exc_args = Term::none();
}
rethrow: {
    // Find the innermost catch: scan the stack upwards; the frame holding it starts just
    // above the last return address passed.
    Term* prev = E;
    for (Term* s = E; s < p.heap.end; ++s) {
        if (s->is_header()) {
            prev = s + 1;
        } else if (s->is_catch()) {
            E = prev;
            I = vm.catch_handler(s->catch_index());
            x[0] = Term::none();
            x[1] = p.exc_class;
            x[2] = p.exc_reason;
            x[3] = gc::make_tuple_of(p.heap, p.exc_class, p.exc_trace);
            DISPATCH();
        }
    }
    p.heap.stop = E;
    p.reductions += reds + budget;
    return RunResult::Error;
}

#undef DISPATCH
#undef NEXT
}

RunResult run(Vm& vm, Process& p, Context& ctx, int64_t budget) {
    return run_impl(&vm, &p, &ctx, budget);
}

bool prepare_boot_call(Vm& vm, Process& p, Export* ep, Term args) {
    p.saved_x.clear();
    for (; args.is_list(); args = args.tail()) p.saved_x.push_back(args.head());
    if (!args.is_nil() || p.saved_x.size() > kMaxXRegs - 2) return false;
    Term*& E = p.heap.stop;
    E = p.heap.end;
    *--E = Term::from_raw(reinterpret_cast<Word>(vm.boot_outer_address()));
    *--E = Term::from_raw(reinterpret_cast<Word>(vm.boot_return_address()));
    p.pc = ep->address.load(std::memory_order_acquire);
    return true;
}

} // namespace joist::interp
