// The Vm: owns loaded code (modules, export entries, the catch table) and the code path,
// and loads modules on demand. One Vm per joist process.
#pragma once
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "code/instr.h"
#include "code/module.h"
#include "process/process_table.h"
#include "sched/stats.h"
#include "sched/timers.h"

namespace joist {

class Scheduler;

class Vm {
public:
    Vm();
    ~Vm();
    Vm(const Vm&) = delete;
    Vm& operator=(const Vm&) = delete;

    // --- code path ---
    void add_path_front(std::string dir);  // -pa
    void add_path_back(std::string dir);   // -pz
    const std::vector<std::string>& code_path() const { return m_path; }
    // Adds OTP's lib/*/ebin directories (root from $JOIST_OTP_ROOT, else the installed erl).
    void add_otp_paths();

    // system_flag(backtrace_depth): frames kept in an exception's stack trace (erl's default 8,
    // at most kMaxBacktraceDepth; a trace keeps at least one frame even at 0).
    static constexpr int kMaxBacktraceDepth = 64;
    std::atomic<int> backtrace_depth{8};

    // --- exports ---
    // The entry for {M, F, A}, created (pointing at its call_undefined trampoline) if new.
    Export* export_entry(Term module, Term function, uint32_t arity);
    Export* find_export(Term module, Term function, uint32_t arity) const;
    // A trap export (erl's): a BIF's continuation `fn`, named {M, F, A} like the BIF it
    // continues but in no export table, so nothing but that BIF calls it. One per `fn`. It
    // takes `args` x registers (up to 4): the BIF's own arguments first, as its error frames
    // show them, then its state.
    Export* trap_export(Term module, Term function, uint32_t arity, BifFn fn, uint32_t args);

    // --- modules ---
    Module* find_module(Term name) const;
    // Loads `name` from the code path if not loaded. Error text says why not.
    Result<Module*> ensure_loaded(Term name);
    // Loads a module from .beam bytes (replacing nothing: a module loads once for now).
    Result<Module*> load_binary(Term expected_name, std::string_view bytes, std::string_view file);
    // Parses and loads without installing (for --check-load).
    static Result<void> check_load(std::string_view bytes, std::string_view file);
    // erlang:delete_module/1: the module's code becomes old code (kept, never freed, so that
    // processes still running it go on) and its exports undefined; false if not loaded.
    bool delete_module(Term name);
    // Whether deleted code of `name` waits to be purged; purging forgets it (the memory stays).
    bool has_old_code(Term name) const;
    bool purge_module(Term name);
    // Which module's code contains `p` (boot code included).
    const Module* module_containing(const Instr* p) const;
    std::vector<Term> loaded_modules() const;

    // --- catch table: catch index -> handler address ---
    // Chunks that never move, so readers on other schedulers need no lock while a module
    // being loaded adds entries.
    uint32_t add_catch(Instr* handler);
    Instr* catch_handler(uint32_t index) const {
        return m_catch_chunks[index >> kCatchChunkBits].load(std::memory_order_acquire)
            [index & (kCatchChunk - 1)].load(std::memory_order_acquire);
    }
    void set_catch(uint32_t index, Instr* handler) {
        m_catch_chunks[index >> kCatchChunkBits].load(std::memory_order_acquire)
            [index & (kCatchChunk - 1)].store(handler, std::memory_order_release);
    }

    // --- boot code: the frames a -s call runs on (init:start_em/1 under init:do_boot/3) ---
    Instr* boot_return_address() const { return m_boot->code.get() + 3; }
    Instr* boot_outer_address() const { return m_boot->code.get() + 1; }

    ProcessTable processes;
    Scheduler* scheduler = nullptr;  // set by whoever runs the schedulers (the CLI)
    TimerService timers;  // every pending timer: receive timeouts, send_after/start_timer
    SchedStats stats;     // counters behind erlang:statistics/1

    // Where a spawned process's first function returns to (it then exits normally).
    Instr* process_exit_address() const { return m_boot->code.get() + 5; }

    // Interpreter label table (handler addresses by Op), published by the interpreter.
    const void* const* handlers = nullptr;
    Instr handler(unsigned op) const { return reinterpret_cast<Instr>(handlers[op]); }

    // The static #{module => erl_*_errors} error_info maps of BIF errors, and which one a
    // BIF of `module` carries (by the OTP application the module belongs to; none() for one
    // whose BIFs carry none).
    Term erts_error_info = Term::nil();
    Term kernel_error_info = Term::nil();
    Term stdlib_error_info = Term::nil();
    Term error_info_for(Term module) const;

private:
    void install_bifs();
    void make_boot_module();
    std::unique_ptr<Module> make_error_info_literals();
    // A new export entry whose trampoline runs `handler_op`.
    std::unique_ptr<Export> new_export(Term module, Term function, uint32_t arity,
                                       Op handler_op) const;

    std::vector<std::string> m_path;
    mutable std::mutex m_mutex;  // guards the maps below (single scheduler for now)
    std::map<std::tuple<uint32_t, uint32_t, uint32_t>, std::unique_ptr<Export>> m_exports;
    std::map<BifFn, std::unique_ptr<Export>> m_trap_exports;
    std::unordered_map<uint32_t, std::unique_ptr<Module>> m_modules;
    std::vector<std::unique_ptr<Module>> m_old;  // deleted modules' code (never freed)
    std::set<uint32_t> m_old_names;              // modules with old code not yet purged
    std::unique_ptr<Module> m_boot;
    std::unique_ptr<Module> m_static_literals;
    static constexpr unsigned kCatchChunkBits = 12, kCatchChunk = 1u << kCatchChunkBits;
    static constexpr unsigned kCatchChunks = 4096;  // 16M catches in all
    std::unique_ptr<std::atomic<std::atomic<Instr*>*>[]> m_catch_chunks{
        new std::atomic<std::atomic<Instr*>*>[kCatchChunks]()};
    uint32_t m_catch_count = 0;  // guarded by m_mutex
};

} // namespace joist
