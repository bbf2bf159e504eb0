// erlang BIFs about the running process and system: identity, dictionary, exceptions, halt,
// display, code introspection (module_info, fun_info).
#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <algorithm>

#include "bif/bif.h"
#include "bif/sched_info.h"
#include "sched/scheduler.h"
#include "bif/erlang_time.h"
#include "gc/build.h"
#include "term/compare.h"
#include "term/external.h"
#include "term/format.h"
#include "process/process_table.h"
#include "vm/vm.h"

namespace joist {

namespace {

Term list_reverse(gc::Heap& h, Term list) {
    Term r = Term::nil();
    for (; list.is_list(); list = list.tail()) r = gc::make_cons(h, list.head(), r);
    return r;
}

bool is_proper_list(Term t) {
    while (t.is_list()) t = t.tail();
    return t.is_nil();
}


// system_info(snifs): {M, F, A} of every function joist implements natively (its BIF table,
// less the private helpers of module joist), as erl lists its BIFs and NIF-like functions.
Term native_functions(Process& p) {
    size_t n = 0;
    const BifInfo* table = bif_table(n);
    Term l = Term::nil();
    for (size_t i = n; i > 0; --i) {
        const BifInfo& b = table[i - 1];
        if (std::string_view(b.module) == "joist") continue;
        l = gc::make_cons(p.heap,
                          gc::make_tuple_of(p.heap, atoms().intern(b.module),
                                            atoms().intern(b.name), Term::small(b.arity)),
                          l);
    }
    return l;
}

} // namespace

// erlang:self/0 — erlang.html#self-0
Term bif_erlang_self_0(Process& p, const Term*) { return p.pid(); }

// erlang:node/0 — nonode@nohost until distribution lands.
Term bif_erlang_node_0(Process&, const Term*) { return am::nonode_nohost; }

// erlang:node/1 — the node of a pid, port or reference (another node's: the name it carries).
Term bif_erlang_node_1(Process& p, const Term* args) {
    Term t = args[0];
    if (is_external(t)) return ext_node(t);
    if (t.is_local_pid() || t.is_ref() || (t.raw & 0xF) == 0x7) return am::nonode_nohost;
    return p.badarg();
}

// erlang:make_ref/0 — a reference unique within this VM.
Term bif_erlang_make_ref_0(Process& p, const Term*) { return make_ref_term(p.heap, new_ref_id()); }

// erlang:halt/2 (halt/0,1 are Erlang code in erlang.beam calling it) — stop the VM with a status.
// Returned to the interpreter as a special exception class that no catch sees.
static Term do_halt(Process& p, Term status) {
    std::fflush(stdout);
    int code = 0;
    if (status.is_small() && status.small_value() >= 0) {
        code = int(status.small_value() & 0xFF);
    } else if (status == atoms().intern("abort")) {
        code = 134;
    } else if (status.is_list() || status.is_nil()) {
        code = 1;  // a slogan: erl writes a crash dump
        std::string slogan;
        for (Term t = status; t.is_list(); t = t.tail())
            if (t.head().is_small()) slogan.push_back(char(t.head().small_value()));
        std::fprintf(stderr, "Crash dump is being written to: erl_crash.dump...done\n");
    } else {
        return p.badarg();
    }
    p.exc_class = am::halt;
    p.exc_reason = Term::small(code);
    return Term::none();
}
Term bif_erlang_halt_2(Process& p, const Term* args) {
    if (!is_proper_list(args[1])) return p.badarg();
    return do_halt(p, args[0]);
}

// erlang:display/1 — the runtime's own printer, straight to standard output.
Term bif_erlang_display_1(Process&, const Term* args) {
    std::string s = format_display(args[0]);
    s += "\r\n";  // erl ends erlang:display lines with CR LF
    std::fwrite(s.data(), 1, s.size(), stdout);
    return am::true_;
}

// erlang:error/1,2,3, exit/1, throw/1 — raise in the caller (no BIF frame in the trace).
static Term raise_in_caller(Process& p, Term cls, Term reason) {
    p.raise(cls, reason);
    p.exc_caller = true;
    return Term::none();
}
Term bif_erlang_error_1(Process& p, const Term* args) {
    return raise_in_caller(p, am::error, args[0]);
}
Term bif_erlang_error_2(Process& p, const Term* args) {
    raise_in_caller(p, am::error, args[0]);
    if (args[1] != am::none) p.exc_args = args[1];
    return Term::none();
}
// error/3's options: [{error_info, Map}] puts {error_info, Map} at the end of the first
// frame's location list; as erl, only when every option is such a pair (the last one wins).
// Options that are not a proper list are ignored, as erl does.
Term bif_erlang_error_3(Process& p, const Term* args) {
    Term info = Term::none();
    for (Term l = args[2]; is_proper_list(args[2]) && l.is_list(); l = l.tail()) {
        Term o = l.head();
        if (!o.is_tuple() || o.tuple_arity() != 2 || o.tuple_elem(0) != am::error_info ||
            !o.tuple_elem(1).is_map()) {
            info = Term::none();
            break;
        }
        info = o.tuple_elem(1);
    }
    raise_in_caller(p, am::error, args[0]);
    if (args[1] != am::none) p.exc_args = args[1];
    p.exc_error_info = info;
    return Term::none();
}
Term bif_erlang_exit_1(Process& p, const Term* args) {
    return raise_in_caller(p, am::exit, args[0]);
}
Term bif_erlang_throw_1(Process& p, const Term* args) {
    return raise_in_caller(p, am::throw_, args[0]);
}
Term bif_erlang_nif_error_1(Process& p, const Term* args) {
    return raise_in_caller(p, am::error, args[0]);
}
Term bif_erlang_nif_error_2(Process& p, const Term* args) {
    raise_in_caller(p, am::error, args[0]);
    p.exc_args = args[1];
    return Term::none();
}

// Dynamic-trace tags, as an erl without VM probes: no tag is ever kept.
Term bif_erlang_dt_spread_tag_1(Process& p, const Term* args) {
    if (args[0] != am::true_ && args[0] != am::false_) return p.badarg();
    return am::true_;
}
Term bif_erlang_dt_restore_tag_1(Process& p, const Term* args) {
    if (args[0] != am::true_) return p.badarg();
    return am::true_;
}
Term bif_erlang_dt_get_tag_0(Process&, const Term*) { return am::undefined; }
Term bif_erlang_dt_get_tag_data_0(Process&, const Term*) { return am::undefined; }
Term bif_erlang_dt_put_tag_1(Process&, const Term*) { return am::undefined; }
Term bif_erlang_dt_prepend_vm_tag_data_1(Process&, const Term* args) { return args[0]; }
Term bif_erlang_dt_append_vm_tag_data_1(Process&, const Term* args) { return args[0]; }

// erlang:raise/3 — raise with a given stack trace. With an invalid class or trace it does not
// raise: it returns the atom badarg, as erl documents.
Term bif_erlang_raise_3(Process& p, const Term* args) {
    Term cls = args[0];
    if (cls != am::error && cls != am::exit && cls != am::throw_) return am::badarg;
    Term trace = args[2];
    for (Term t = trace; !t.is_nil(); t = t.tail()) {
        if (!t.is_list()) return am::badarg;
        Term f = t.head();
        if (!f.is_tuple()) return am::badarg;
        uint64_t n = f.tuple_arity();
        if (n == 4) {
            if (!f.tuple_elem(0).is_atom() || !f.tuple_elem(1).is_atom()) return am::badarg;
            Term a = f.tuple_elem(2);
            if (!(a.is_small() && a.small_value() >= 0) && !is_proper_list(a)) return am::badarg;
            if (!is_proper_list(f.tuple_elem(3))) return am::badarg;
        } else if (n == 3) {
            if (!f.tuple_elem(0).is_fun()) return am::badarg;
        } else {
            return am::badarg;
        }
    }
    // A given trace is cut to backtrace_depth frames (at least one), as erl cuts it.
    size_t keep = size_t(std::max(1, p.vm->backtrace_depth.load(std::memory_order_relaxed)));
    size_t len = 0;
    for (Term t = trace; t.is_list(); t = t.tail()) ++len;
    if (len > keep) {
        std::vector<Term> frames;
        for (Term t = trace; frames.size() < keep; t = t.tail()) frames.push_back(t.head());
        trace = Term::nil();
        for (size_t i = frames.size(); i > 0; --i) trace = gc::make_cons(p.heap, frames[i - 1], trace);
    }
    p.raise(cls, args[1]);
    p.exc_caller = true;
    p.exc_args = Term::none();
    p.exc_trace = trace;
    p.exc_trace_given = true;
    return Term::none();
}

// erlang:get_module_info/1,2 — what M:module_info/0,1 return.
static Term module_exports(Process& p, const Module& m) {
    Term l = Term::nil();
    for (size_t i = m.exports.size(); i > 0; --i) {
        const Export* e = m.exports[i - 1];
        l = gc::make_cons(p.heap,
                          gc::make_tuple_of(p.heap, e->function, Term::small(e->arity)), l);
    }
    return l;
}
static Term module_functions(Process& p, const Module& m) {
    Term l = Term::nil();
    for (size_t i = m.functions.size(); i > 0; --i) {
        const FunctionInfo& f = m.functions[i - 1];
        l = gc::make_cons(p.heap, gc::make_tuple_of(p.heap, f.name, Term::small(f.arity)), l);
    }
    return l;
}
static Term md5_binary(Process& p, const Module& m) {
    Term* b = p.alloc(4);
    b[0] = Term::header(Subtag::HeapBin, 3);
    b[1] = Term::from_raw(16);
    std::memcpy(&b[2], m.md5, 16);
    return Term::boxed(b);
}
static Term module_info_item(Process& p, const Module& m, Term item) {
    if (item == am::module) return m.name;
    if (item == am::exports) return module_exports(p, m);
    if (item == am::functions) return module_functions(p, m);
    if (item == am::attributes) return m.attributes;
    if (item == am::compile) return m.compile_info;
    if (item == am::md5) return md5_binary(p, m);
    if (item == am::nifs) return Term::nil();
    if (item == am::native) return am::false_;
    return Term::none();
}
Term bif_erlang_get_module_info_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    Module* m = p.vm->find_module(args[0]);
    if (!m) return p.badarg();
    Term items[] = {am::module, am::exports, am::attributes, am::compile, am::md5};
    Term l = Term::nil();
    for (size_t i = std::size(items); i > 0; --i) {
        Term v = module_info_item(p, *m, items[i - 1]);
        l = gc::make_cons(p.heap, gc::make_tuple_of(p.heap, items[i - 1], v), l);
    }
    return l;
}
Term bif_erlang_get_module_info_2(Process& p, const Term* args) {
    if (!args[0].is_atom() || !args[1].is_atom()) return p.badarg();
    Module* m = p.vm->find_module(args[0]);
    if (!m) return p.badarg();
    Term v = module_info_item(p, *m, args[1]);
    return v.is_none() ? p.badarg() : v;
}

// erlang:fun_info/2 — {Item, Value} for a fun.
Term bif_erlang_fun_info_2(Process& p, const Term* args) {
    Term f = args[0], item = args[1];
    if (!f.is_fun() || !item.is_atom()) return p.badarg();
    Term v;
    if (f.is_boxed_of(Subtag::Export)) {
        const Export* e = reinterpret_cast<const Export*>(f.boxed_ptr()[1].raw);
        if (item == am::arity) v = Term::small(e->arity);
        else if (item == am::module) v = e->module;
        else if (item == am::name) v = e->function;
        else if (item == am::type) v = am::external;
        else if (item == am::env) v = Term::nil();
        else if (item == am::pid || item == am::index || item == am::new_index ||
                 item == am::uniq || item == am::new_uniq)
            v = am::undefined;
        else return p.badarg();
    } else {
        const FunEntry* fe = reinterpret_cast<const FunEntry*>(f.boxed_ptr()[1].raw);
        if (item == am::arity) v = Term::small(fe->arity - fe->num_free);
        else if (item == am::module) v = fe->module->name;
        else if (item == am::name) v = fe->function;
        else if (item == am::type) v = am::local;
        else if (item == am::index) v = Term::small(fe->index);
        else if (item == am::uniq) v = Term::small(fe->old_uniq);
        else if (item == am::new_index) v = Term::small(fe->index);
        else if (item == am::new_uniq) v = md5_binary(p, *fe->module);  // erl: the module's
        else if (item == am::pid) v = fun_creator(f);
        else if (item == am::env) {
            v = Term::nil();
            for (uint32_t i = fe->num_free; i > 0; --i)
                v = gc::make_cons(p.heap, f.boxed_ptr()[1 + i], v);
        } else return p.badarg();
    }
    return gc::make_tuple_of(p.heap, item, v);
}

// erlang:fun_info_mfa/1 — {M, F, A} of a fun; for a local fun, the compiler's name for it and
// the arity it is called with (free variables not counted).
Term bif_erlang_fun_info_mfa_1(Process& p, const Term* args) {
    Term f = args[0];
    if (!f.is_fun()) return p.badarg();
    if (f.is_boxed_of(Subtag::Export)) {
        const Export* e = reinterpret_cast<const Export*>(f.boxed_ptr()[1].raw);
        return gc::make_tuple_of(p.heap, e->module, e->function, Term::small(e->arity));
    }
    const FunEntry* fe = reinterpret_cast<const FunEntry*>(f.boxed_ptr()[1].raw);
    return gc::make_tuple_of(p.heap, fe->module->name, fe->function,
                             Term::small(fe->arity - fe->num_free));
}

// erlang:function_exported/3 — loaded and exported (BIFs count as exported).
Term bif_erlang_function_exported_3(Process& p, const Term* args) {
    if (!args[0].is_atom() || !args[1].is_atom() || !args[2].is_small() ||
        args[2].small_value() < 0)
        return p.badarg();
    Export* e = p.vm->find_export(args[0], args[1], uint32_t(args[2].small_value()));
    if (!e) return am::false_;
    if (e->bif) return am::true_;
    if (!p.vm->find_module(args[0])) return am::false_;
    return e->address.load(std::memory_order_acquire) != e->trampoline ? am::true_ : am::false_;
}

// erlang:module_loaded/1
Term bif_erlang_module_loaded_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    return p.vm->find_module(args[0]) ? am::true_ : am::false_;
}

// erlang:is_builtin/3 — whether joist implements {M, F, A} natively.
Term bif_erlang_is_builtin_3(Process& p, const Term* args) {
    if (!args[0].is_atom() || !args[1].is_atom() || !args[2].is_small()) return p.badarg();
    Export* e = p.vm->find_export(args[0], args[1], uint32_t(args[2].small_value()));
    return (e && e->bif) ? am::true_ : am::false_;
}

// The process dictionary: a list of {Key, Value}, newest first.
Term bif_erlang_put_2(Process& p, const Term* args) {
    Term key = args[0], value = args[1];
    Term old = am::undefined;
    Term rest = Term::nil();
    bool found = false;
    for (Term l = p.dictionary; l.is_list(); l = l.tail()) {
        Term kv = l.head();
        if (!found && terms_exact_eq(kv.tuple_elem(0), key)) {
            old = kv.tuple_elem(1);
            found = true;
            continue;
        }
        rest = gc::make_cons(p.heap, kv, rest);
    }
    rest = list_reverse(p.heap, rest);
    p.dictionary = gc::make_cons(p.heap, gc::make_tuple_of(p.heap, key, value), rest);
    return old;
}
Term bif_erlang_get_1(Process& p, const Term* args) {
    for (Term l = p.dictionary; l.is_list(); l = l.tail())
        if (terms_exact_eq(l.head().tuple_elem(0), args[0])) return l.head().tuple_elem(1);
    return am::undefined;
}
Term bif_erlang_get_0(Process& p, const Term*) { return p.dictionary; }
Term bif_erlang_erase_1(Process& p, const Term* args) {
    Term old = am::undefined;
    Term rest = Term::nil();
    for (Term l = p.dictionary; l.is_list(); l = l.tail()) {
        Term kv = l.head();
        if (old == am::undefined && terms_exact_eq(kv.tuple_elem(0), args[0])) {
            old = kv.tuple_elem(1);
            continue;
        }
        rest = gc::make_cons(p.heap, kv, rest);
    }
    p.dictionary = list_reverse(p.heap, rest);
    return old;
}
Term bif_erlang_erase_0(Process& p, const Term*) {
    Term old = p.dictionary;
    p.dictionary = Term::nil();
    return old;
}
Term bif_erlang_get_keys_0(Process& p, const Term*) {
    Term r = Term::nil();
    for (Term l = p.dictionary; l.is_list(); l = l.tail())
        r = gc::make_cons(p.heap, l.head().tuple_elem(0), r);
    return r;
}
Term bif_erlang_get_keys_1(Process& p, const Term* args) {
    Term r = Term::nil();
    for (Term l = p.dictionary; l.is_list(); l = l.tail())
        if (terms_exact_eq(l.head().tuple_elem(1), args[0]))
            r = gc::make_cons(p.heap, l.head().tuple_elem(0), r);
    return r;
}

} // namespace joist

namespace joist {

namespace {

// erlang:system_info/1's plain items: the VM joist is (it runs OTP 25 / erts 13.1.5 code, so
// it answers as that release), and its present limits and counts.
Term system_info_item(Process& p, std::string_view n) {
    gc::Heap& h = p.heap;
    Vm& vm = *p.vm;
    auto str = [&](std::string_view s) { return gc::make_byte_list(h, s); };
    auto atom = [](const char* a) { return atoms().intern(a); };
    auto tagged = [&](const char* tag, int64_t v) {
        return gc::make_tuple_of(h, atoms().intern(tag), Term::small(v));
    };
    const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
    // The scheduler items (schedulers, schedulers_online, scheduler_id, ...) come from the
    // schedulers themselves (bif/erlang_sched.cpp).
    if (Term v = scheduler_system_info(p, atoms().intern(n)); v.is_value()) return v;
    // ETS stores objects as they are unless a table asks for `compressed` (erl's release
    // build: only its debug build compresses every table).
    if (n == "ets_always_compress") return am::false_;
    const int64_t schedulers = vm.scheduler ? vm.scheduler->count() : 1;
    const int64_t online = vm.scheduler ? vm.scheduler->online() : 1;
    if (n == "otp_release") return str("25");
    if (n == "version") return str("13.1.5");
    if (n == "system_version") {
        std::string v = "Erlang/OTP 25 [erts-13.1.5] [joist] [64-bit] [smp:" +
                        std::to_string(schedulers) + ":" + std::to_string(online) +
                        "] [async-threads:0]\n";
        return str(v);
    }
    if (n == "machine") return str("BEAM");
    if (n == "system_architecture") {
#if defined(__x86_64__)
        return str("x86_64-pc-linux-gnu");
#elif defined(__aarch64__)
        return str("aarch64-unknown-linux-gnu");
#else
        return str("unknown");
#endif
    }
    if (n == "wordsize") return Term::small(8);
    if (n == "snifs") return native_functions(p);
    if (n == "os_type") return gc::make_tuple_of(h, atom("unix"), atom("linux"));
    if (n == "process_count") return Term::small(int64_t(vm.processes.count()));
    if (n == "process_limit") return Term::small(int64_t(vm.processes.limit()));
    if (n == "atom_count") return Term::small(int64_t(atoms().size()));
    if (n == "atom_limit") return Term::small(AtomTable::kMaxAtoms);
    (void)cpus;
    if (n == "thread_pool_size") return Term::small(0);  // no async thread pool
    if (n == "kernel_poll" || n == "debug_compiled" || n == "break_ignored" ||
        n == "port_parallelism")
        return am::false_;
#ifdef NDEBUG
    if (n == "build_type" || n == "emu_type") return atom("opt");
#else
    if (n == "build_type" || n == "emu_type") return atom("debug");
#endif
    if (n == "emu_flavor") return atom("emu");  // an interpreter, as erl's non-JIT build
    if (n == "heap_type") return atom("private");
    if (n == "ets_limit") return Term::small(8192);  // erl's default (+e)
    if (n == "port_limit") return Term::small(65536);
    if (n == "port_count") return Term::small(0);   // joist has no ports
    if (n == "context_reductions") return Term::small(4000);  // Scheduler::kSlice
    if (n == "creation") return Term::small(0);     // not distributed
    if (n == "dist_ctrl") return Term::nil();
    if (n == "nif_version") return str("2.16");     // the API level of erts 13.1.5
    if (n == "driver_version") return str("3.3");
    if (n == "compat_rel") return Term::small(25);
    if (n == "start_time") return gc::make_integer(h, kMonotonicStartNs);
    if (n == "time_offset") return atom("final");
    if (n == "time_warp_mode") return atom("no_time_warp");
    if (n == "tolerant_timeofday") return atom("enabled");
    if (n == "trace_control_word") return Term::small(0);
    if (n == "modified_timing_level") return am::undefined;
    if (n == "update_cpu_info") return atom("unchanged");
    if (n == "cpu_topology") return am::undefined;
    if (n == "fullsweep_after") return tagged("fullsweep_after", 65535);
    if (n == "min_heap_size") return tagged("min_heap_size", 233);
    if (n == "min_bin_vheap_size") return tagged("min_bin_vheap_size", 46422);
    return Term::none();
}

} // namespace

// erlang:system_info/1 — erlang.html#system_info-1: the items above, and {wordsize, internal |
// external}; anything else is badarg.
Term bif_erlang_system_info_1(Process& p, const Term* a) {
    Term item = a[0];
    if (item.is_tuple() && item.tuple_arity() == 2 &&
        item.tuple_elem(0) == atoms().intern("wordsize")) {
        Term which = item.tuple_elem(1);
        if (which == atoms().intern("internal") || which == atoms().intern("external"))
            return Term::small(8);
        return p.badarg();
    }
    if (!item.is_atom()) return p.badarg();
    Term v = system_info_item(p, atoms().name(item));
    return v.is_none() ? p.badarg() : v;
}

} // namespace joist
