// The joist command: erl-compatible flags -> a Vm that runs the -s/-run/-eval calls in order.
//   joist [+P N] [+S N] [-pa DIR...] [-pz DIR...] [-noshell]
//         ((-s|-run Mod [Fun [Args]]) | -eval Expr)... [-extra ...]
//   joist --check-load FILE...   load each .beam (parse + translate), report failures
#include <csignal>
#include <malloc.h>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "gc/build.h"
#include "interp/interp.h"
#include "sched/scheduler.h"
#include "term/atom_table.h"
#include "term/format.h"
#include "vm/vm.h"

namespace {

struct StartCall {
    enum Kind { S, Run, Eval } kind;  // -s: arguments as atoms; -run: as strings
    std::vector<std::string> words;   // Mod [Fun [Args...]], or -eval's expression
};

struct Options {
    std::vector<std::string> pa, pz;
    std::vector<StartCall> calls;
    std::vector<std::string> check_load;
    unsigned schedulers = 0;  // +S N[:M]; 0: one per online core
    uint64_t process_limit = 0;  // +P N; 0: erl's default
};

bool is_flag(const std::string& s) { return !s.empty() && (s[0] == '-' || s[0] == '+'); }

int check_load(const std::vector<std::string>& files) {
    int failed = 0;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (!in) {
            std::fprintf(stderr, "%s: cannot read\n", f.c_str());
            ++failed;
            continue;
        }
        auto r = joist::Vm::check_load(ss.str(), f);
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", r.error().message.c_str());
            ++failed;
        }
    }
    std::printf("%zu loaded, %d failed\n", files.size() - size_t(failed), failed);
    return failed ? 1 : 0;
}

// A process running Module:Fun(Args...) over a bottom frame that ends it normally, registered
// under `name` before any process runs.
joist::Process& start_system_process(joist::Vm& vm, joist::Scheduler& sched, const char* module,
                                     const char* function, const char* name,
                                     std::vector<joist::Term> (*make_args)(joist::gc::Heap&)) {
    using namespace joist;
    Term mod = atoms().intern(module), fun = atoms().intern(function);
    Process& p = *vm.processes.create(vm, 233);
    vm.processes.register_name(atoms().intern(name), p);
    std::vector<Term> args = make_args(p.heap);
    Term*& E = p.heap.stop;
    *--E = Term::from_raw(reinterpret_cast<Word>(vm.process_exit_address()));
    p.pc = vm.export_entry(mod, fun, uint32_t(args.size()))
               ->address.load(std::memory_order_acquire);
    p.saved_x = std::move(args);
    p.initial_call = gc::make_tuple_of(p.heap, mod, fun, Term::small(int64_t(p.saved_x.size())));
    sched.enqueue(p);
    return p;
}

std::vector<joist::Term> init_args(joist::gc::Heap& h) {
    using namespace joist;
    auto arg = [&](const char* flag, std::vector<std::string> values) {
        Term vs = Term::nil();
        for (auto it = values.rbegin(); it != values.rend(); ++it)
            vs = gc::make_cons(h, gc::make_codepoint_list(h, *it), vs);
        return gc::make_tuple_of(h, atoms().intern(flag), vs);
    };
    const char* home = std::getenv("HOME");
    const char* root = std::getenv("JOIST_OTP_ROOT");
    Term args = Term::nil();
    args = gc::make_cons(h, arg("noshell", {}), args);
    args = gc::make_cons(h, arg("home", {home ? home : "/"}), args);
    args = gc::make_cons(h, arg("progname", {"erl"}), args);
    args = gc::make_cons(h, arg("root", {root ? root : "/usr/lib/erlang"}), args);
    return {args};
}

// joist_init (lib/joist_init.erl): `init`, `user` (the group leader for standard output) and
// `standard_error`.
// Without its module (a build without erlc output) programs run without them.
joist::Process* start_init_processes(joist::Vm& vm, joist::Scheduler& sched) {
    using namespace joist;
    if (!vm.ensure_loaded(atoms().intern("joist_init")).ok()) return nullptr;
    auto no_args = [](gc::Heap&) { return std::vector<Term>{}; };
    start_system_process(vm, sched, "joist_init", "start", "init", init_args);
    Process* user = &start_system_process(vm, sched, "joist_init", "io_server", "user", no_args);
    start_system_process(vm, sched, "joist_init", "error_server", "standard_error", no_args);
    // Stand-ins for OTP's code server, loader, application controller and file server.
    if (vm.ensure_loaded(atoms().intern("joist_services")).ok()) {
        start_system_process(vm, sched, "joist_services", "code_server", "code_server", no_args);
        start_system_process(vm, sched, "joist_services", "prim_loader", "erl_prim_loader",
                             no_args);
        start_system_process(vm, sched, "joist_services", "application_controller",
                             "application_controller", no_args);
        start_system_process(vm, sched, "joist_services", "file_server", "file_server_2",
                             no_args);
    }
    return user;
}

} // namespace

// Process heaps are malloc'd blocks of up to megabytes, freed and allocated again at every
// collection. glibc's defaults map a fresh block from the kernel each time (page faults and
// zeroing, about a tenth of binarytrees' run time) and give it back at free; like erl's own
// allocators, keep such blocks in the process for reuse instead. Blocks above 32 MB are still
// mapped; free memory above 64 MB at an arena's top is still returned.
static void tune_malloc() {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

int main(int argc, char** argv) {
    using namespace joist;
    tune_malloc();
    Options opt;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto take_words = [&](std::vector<std::string>& out) {
            while (i + 1 < args.size() && !is_flag(args[i + 1])) out.push_back(args[++i]);
        };
        if (a == "--check-load") {
            opt.check_load.assign(args.begin() + long(i) + 1, args.end());
            return check_load(opt.check_load);
        } else if (a == "-pa") {
            take_words(opt.pa);
        } else if (a == "-pz") {
            take_words(opt.pz);
        } else if (a == "-s" || a == "-run") {
            StartCall c{a == "-run" ? StartCall::Run : StartCall::S, {}};
            take_words(c.words);
            if (!c.words.empty()) opt.calls.push_back(std::move(c));
        } else if (a == "-eval") {
            // As erl's init: only `-eval Expr` evaluates anything (no expression: no call).
            StartCall c{StartCall::Eval, {}};
            take_words(c.words);
            if (!c.words.empty()) opt.calls.push_back(std::move(c));
        } else if (a == "-extra") {
            break;
        } else if (a == "-noshell" || a == "-noinput") {
        } else if (a == "+S" && i + 1 < args.size()) {
            // +S N[:M]: N schedulers (M online: the same here). N 0 or unparsable: erl's default.
            opt.schedulers = unsigned(std::strtoul(args[++i].c_str(), nullptr, 10));
            if (opt.schedulers > 1024) opt.schedulers = 1024;
        } else if (a == "+P" && i + 1 < args.size()) {
            opt.process_limit = std::strtoull(args[++i].c_str(), nullptr, 10);
        } else if (a[0] == '+') {
            if (a.size() == 2 && i + 1 < args.size()) ++i;  // +P N ...
        } else if (a[0] == '-') {
            std::vector<std::string> ignored;  // a user flag: -flag Values...
            take_words(ignored);
        }
    }

    Vm vm;
    for (auto it = opt.pa.rbegin(); it != opt.pa.rend(); ++it) vm.add_path_front(*it);
    vm.add_path_back(".");  // as erl's: the current directory right after the -pa directories
    // joist's own Erlang modules: ebin/ beside the executable (built by CMake from lib/).
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) vm.add_path_back((exe.parent_path() / "ebin").string());
    vm.add_otp_paths();
    for (const auto& d : opt.pz) vm.add_path_back(d);

    if (opt.process_limit && !vm.processes.set_limit(opt.process_limit)) {
        std::fprintf(stderr, "bad number of processes %llu\n",
                     static_cast<unsigned long long>(opt.process_limit));
        return 1;
    }
    unsigned schedulers = opt.schedulers ? opt.schedulers : std::thread::hardware_concurrency();
    Scheduler sched(vm, schedulers ? schedulers : 1);
    vm.processes.waker = &sched;
    vm.scheduler = &sched;
    Process& boot = *vm.processes.create(vm, 233);
    if (Process* user = start_init_processes(vm, sched)) boot.group_leader = user->pid();

    // The boot process runs the -s/-run/-eval calls one after another, as erl's init does;
    // -eval Expr is joist_init:eval(Expr) (lib/joist_init.erl).
    size_t next_call = 0;
    auto start_next_call = [&](Process& p) {
        if (next_call == opt.calls.size()) return;  // done: it waits, as init does
        const StartCall& c = opt.calls[next_call++];
        if (c.kind == StartCall::Eval) {
            Term expr = gc::make_codepoint_list(p.heap, c.words[0]);
            interp::prepare_boot_call(vm, p,
                                      vm.export_entry(atoms().intern("joist_init"),
                                                      atoms().intern("eval"), 1),
                                      gc::make_cons(p.heap, expr, Term::nil()));
            sched.enqueue(p);
            return;
        }
        Term mod = atoms().intern(c.words[0]);
        Term fun = c.words.size() > 1 ? atoms().intern(c.words[1]) : am::start;
        Term arglist = Term::nil();
        uint32_t arity = 0;
        if (c.words.size() > 2) {
            arity = 1;
            for (size_t k = c.words.size(); k > 2; --k) {
                const std::string& w = c.words[k - 1];
                Term v = c.kind == StartCall::Run ? gc::make_codepoint_list(p.heap, w)
                                                  : atoms().intern(w);
                arglist = gc::make_cons(p.heap, v, arglist);
            }
            arglist = gc::make_cons(p.heap, arglist, Term::nil());
        }
        interp::prepare_boot_call(vm, p, vm.export_entry(mod, fun, arity), arglist);
        sched.enqueue(p);
    };
    auto boot_failed = [&](Process& p) {
        // As erl's init: {"init terminating in do_boot", Reason} on standard output.
        Term reason = p.exc_reason;
        if (p.exc_class == am::error) {
            reason = gc::make_tuple_of(p.heap, reason, p.exc_trace);
        } else if (p.exc_class == am::throw_) {
            reason = gc::make_tuple_of(p.heap, gc::make_tuple_of(p.heap, am::nocatch, reason),
                                       p.exc_trace);
        }
        Term msg = gc::make_tuple_of(
            p.heap, gc::make_byte_list(p.heap, "init terminating in do_boot"), reason);
        std::printf("%s\r\n", format_display(msg).c_str());
        std::fflush(stdout);
        std::fprintf(stderr, "init terminating in do_boot (%s)\n",
                     format_display(reason).c_str());
        return 1;
    };
    start_next_call(boot);
    int status = sched.run(boot, {start_next_call, boot_failed});
    std::fflush(stdout);
    std::_Exit(status);  // as erl's halt: no destructors (other processes may be mid-run)
}
