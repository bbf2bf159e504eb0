// The Vm: export table, module table, code path, on-demand loading, boot code.
#include "vm/vm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "code/instr.h"
#include "interp/interp.h"
#include "loader/beam_file.h"
#include "loader/emit.h"
#include "term/atom_table.h"

namespace joist {

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// OTP's BIFs that joist does not implement yet: calls raise {unsupported, {M, F, A}}.
struct ErlBif {
    const char* module;
    const char* name;
    uint32_t arity;
};
const ErlBif kErlBifs[] = {
#define ERL_BIF(m, f, a) {m, f, a},
#if __has_include("bif/erl_bifs.def")
#    include "bif/erl_bifs.def"
#endif
#undef ERL_BIF
    {nullptr, nullptr, 0},
};

} // namespace

Vm::Vm() {
    handlers = interp::handler_table();
    install_bifs();
    make_boot_module();
    m_static_literals = make_error_info_literals();
}

Vm::~Vm() {
    for (unsigned i = 0; i < kCatchChunks; ++i) delete[] m_catch_chunks[i].load();
}

void Vm::install_bifs() {
    size_t n = 0;
    const BifInfo* table = bif_table(n);
    for (size_t i = 0; i < n; ++i) {
        Export* ep = export_entry(atoms().intern(table[i].module), atoms().intern(table[i].name),
                                  table[i].arity);
        ep->bif = table[i].fn;
        ep->trampoline[0] = handler(unsigned(Op::call_bif));
        ep->address.store(ep->trampoline, std::memory_order_release);
    }
    for (const ErlBif* b = kErlBifs; b->module; ++b) {
        Export* ep = export_entry(atoms().intern(b->module), atoms().intern(b->name), b->arity);
        if (ep->bif) continue;
        ep->trampoline[0] = handler(unsigned(Op::call_unsupported_bif));
    }
    for (uint32_t arity : {2u, 3u}) {
        Export* ep = export_entry(am::erlang, am::apply, arity);
        ep->trampoline[0] = handler(unsigned(Op::apply_bif));
        ep->bif = nullptr;
    }
}

// Boot code: a pseudo-module `init` with start_em/1 and do_boot/3, whose return addresses sit
// under every -s call, so that stack traces end as erl's do: {init,start_em,1,[]},
// {init,do_boot,3,[]}.
void Vm::make_boot_module() {
    m_boot = std::make_unique<Module>();
    Module& m = *m_boot;
    m.name = am::init;
    m.code_size = 6;
    m.code = std::make_unique<Instr[]>(m.code_size);
    // A return address points after its call, so each function's lies one word past its start.
    m.code[0] = handler(unsigned(Op::nop));          // do_boot/3 starts here
    m.code[1] = handler(unsigned(Op::boot_return));  // return address into do_boot
    m.code[2] = handler(unsigned(Op::nop));          // start_em/1 starts here
    m.code[3] = handler(unsigned(Op::boot_return));  // return address into start_em
    m.code[4] = handler(unsigned(Op::nop));          // proc_lib-like bottom frame of spawns
    m.code[5] = handler(unsigned(Op::process_exit));
    m.functions.push_back({0, atoms().intern("do_boot"), 3});
    m.functions.push_back({2, atoms().intern("start_em"), 1});
}

std::unique_ptr<Module> Vm::make_error_info_literals() {
    // #{module => erl_erts_errors} and its kernel and stdlib twins: flat maps
    // [hdr(FlatMap, 2), keys tuple, value] with the keys tuple {module}.
    auto m = std::make_unique<Module>();
    m->literal_words = 2 + 3 * 3;
    m->literals = std::make_unique<Term[]>(m->literal_words);
    Term* w = m->literals.get();
    w[0] = Term::header(Subtag::Tuple, 1);
    w[1] = am::module;
    Term keys = Term::boxed(w);
    auto make_map = [&](Term* at, Term value) {
        at[0] = Term::header(Subtag::FlatMap, 2);
        at[1] = keys;
        at[2] = value;
        return Term::boxed(at);
    };
    erts_error_info = make_map(w + 2, atoms().intern("erl_erts_errors"));
    stdlib_error_info = make_map(w + 5, atoms().intern("erl_stdlib_errors"));
    kernel_error_info = make_map(w + 8, atoms().intern("erl_kernel_errors"));
    return m;
}

Term Vm::error_info_for(Term module) const {
    std::string_view m = atoms().name(module);
    // Their BIFs' errors carry no error_info in erl: prim_file's name-encoding BIFs, erts_debug's.
    if (m == "prim_file" || m == "erts_debug") return Term::none();
    // The erts application's modules (erlang, erts_internal, persistent_term, atomics,
    // counters, prim_*, ...) and kernel's; every other BIF module is stdlib's.
    static const std::string_view kErts[] = {"erlang", "erts_internal", "persistent_term",
                                             "atomics", "counters",
                                             "erl_prim_loader", "prim_inet",
                                             "prim_net", "prim_socket", "prim_buffer", "zlib",
                                             "erts_literal_area_collector", "erl_tracer"};
    for (std::string_view e : kErts)
        if (m == e) return erts_error_info;
    if (m == "os" || m == "code" || m == "erl_ddll" || m == "net_kernel" || m == "auth")
        return kernel_error_info;
    return stdlib_error_info;
}

void Vm::add_path_front(std::string dir) { m_path.insert(m_path.begin(), std::move(dir)); }
void Vm::add_path_back(std::string dir) { m_path.push_back(std::move(dir)); }

void Vm::add_otp_paths() {
    std::string root;
    if (const char* env = std::getenv("JOIST_OTP_ROOT")) root = env;
    if (root.empty()) {
        // The installed erl: /usr/bin/erl -> .../lib/erlang/bin/erl; Debian's root is fixed.
        for (const char* c : {"/usr/lib/erlang", "/usr/local/lib/erlang"}) {
            if (std::filesystem::exists(std::string(c) + "/lib")) {
                root = c;
                break;
            }
        }
    }
    if (root.empty()) return;
    std::vector<std::string> dirs;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root + "/lib", ec)) {
        std::string ebin = entry.path().string() + "/ebin";
        if (std::filesystem::is_directory(ebin, ec)) dirs.push_back(ebin);
    }
    std::sort(dirs.begin(), dirs.end());
    for (auto& d : dirs) m_path.push_back(std::move(d));
}

std::unique_ptr<Export> Vm::new_export(Term module, Term function, uint32_t arity,
                                       Op handler_op) const {
    auto ep = std::make_unique<Export>();
    ep->module = module;
    ep->function = function;
    ep->arity = arity;
    ep->trampoline[0] = handler(unsigned(handler_op));
    ep->trampoline[1] = reinterpret_cast<Instr>(ep.get());
    ep->address.store(ep->trampoline, std::memory_order_release);
    return ep;
}

Export* Vm::export_entry(Term module, Term function, uint32_t arity) {
    std::lock_guard lock(m_mutex);
    auto key = std::make_tuple(module.atom_index(), function.atom_index(), arity);
    auto& slot = m_exports[key];
    if (!slot) slot = new_export(module, function, arity, Op::call_undefined);
    return slot.get();
}

Export* Vm::trap_export(Term module, Term function, uint32_t arity, BifFn fn, uint32_t args) {
    std::lock_guard lock(m_mutex);
    auto& slot = m_trap_exports[fn];
    if (!slot) {
        slot = new_export(module, function, arity, Op::call_bif);
        slot->bif = fn;
        slot->trap_args = args;
    }
    return slot.get();
}

Export* Vm::find_export(Term module, Term function, uint32_t arity) const {
    std::lock_guard lock(m_mutex);
    auto it = m_exports.find(std::make_tuple(module.atom_index(), function.atom_index(), arity));
    return it == m_exports.end() ? nullptr : it->second.get();
}

Module* Vm::find_module(Term name) const {
    std::lock_guard lock(m_mutex);
    auto it = m_modules.find(name.atom_index());
    return it == m_modules.end() ? nullptr : it->second.get();
}

std::vector<Term> Vm::loaded_modules() const {
    std::lock_guard lock(m_mutex);
    std::vector<Term> r;
    for (const auto& [k, v] : m_modules) r.push_back(v->name);
    return r;
}

const Module* Vm::module_containing(const Instr* p) const {
    if (m_boot->contains(p)) return m_boot.get();
    std::lock_guard lock(m_mutex);
    for (const auto& [k, v] : m_modules)
        if (v->contains(p)) return v.get();
    for (const auto& v : m_old)
        if (v->contains(p)) return v.get();
    return nullptr;
}

bool Vm::delete_module(Term name) {
    std::unique_ptr<Module> old;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_modules.find(name.atom_index());
        if (it == m_modules.end()) return false;
        old = std::move(it->second);
        m_modules.erase(it);
    }
    // Its exports lead to their trampolines again (undefined until the module loads anew);
    // code still running in it stays valid: old code is never freed.
    for (Export* ep : old->exports) {
        if (ep->bif || ep->trampoline[0] == handler(unsigned(Op::apply_bif)) ||
            ep->trampoline[0] == handler(unsigned(Op::call_unsupported_bif)))
            continue;
        ep->address.store(ep->trampoline, std::memory_order_release);
    }
    std::lock_guard lock(m_mutex);
    m_old_names.insert(name.atom_index());
    m_old.push_back(std::move(old));
    return true;
}

bool Vm::has_old_code(Term name) const {
    std::lock_guard lock(m_mutex);
    return m_old_names.count(name.atom_index()) != 0;
}

bool Vm::purge_module(Term name) {
    std::lock_guard lock(m_mutex);
    return m_old_names.erase(name.atom_index()) != 0;
}

Result<Module*> Vm::ensure_loaded(Term name) {
    if (Module* m = find_module(name)) return m;
    std::string file = std::string(atoms().name(name)) + ".beam";
    for (const auto& dir : m_path) {
        std::string path = dir + "/" + file;
        auto bytes = read_file(path);
        if (!bytes) continue;
        auto r = load_binary(name, *bytes, path);
        if (!r.ok())  // as erl's error report for a bad file; the call then raises undef
            std::fprintf(stderr, "joist: loading of %s failed: %s\n", path.c_str(),
                         r.error().message.c_str());
        return r;
    }
    return make_error(fmt::format("{}: not found in the code path", file));
}

Result<Module*> Vm::load_binary(Term expected_name, std::string_view bytes, std::string_view file) {
    loader::BeamFile bf = TRY(loader::parse_beam(bytes, file));
    if (expected_name.is_atom() && bf.module_name != atoms().name(expected_name))
        return make_error(fmt::format("{}: module name in file is {}", file, bf.module_name));
    std::unique_ptr<Module> mod = TRY(loader::emit_module(*this, bf));
    std::memcpy(mod->md5, bf.md5, sizeof mod->md5);  // before any process can see the module
    // erl preloads the modules of erts's ebin directory (erlang, init, prim_file, zlib ...)
    // from a copy built without line information: their stack frames show no location.
    std::filesystem::path dir = std::filesystem::path(file).parent_path();
    if (dir.filename() == "ebin" && dir.parent_path().filename().string().rfind("erts-", 0) == 0)
        mod->lines.clear();
    Module* m = mod.get();
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_modules.find(m->name.atom_index()); it != m_modules.end())
            return it->second.get();  // loaded meanwhile; code upgrade comes later
        m_modules.emplace(m->name.atom_index(), std::move(mod));
    }
    for (size_t i = 0; i < m->exports.size(); ++i) {
        Export* ep = m->exports[i];
        if (ep->bif || ep->trampoline[0] == handler(unsigned(Op::apply_bif)) ||
            ep->trampoline[0] == handler(unsigned(Op::call_unsupported_bif)))
            continue;
        ep->address.store(m->export_addresses[i], std::memory_order_release);
    }
    return m;
}

Result<void> Vm::check_load(std::string_view bytes, std::string_view file) {
    static Vm vm;  // a scratch Vm: loading registers exports and atoms
    loader::BeamFile bf = TRY(loader::parse_beam(bytes, file));
    std::unique_ptr<Module> mod = TRY(loader::emit_module(vm, bf));
    return {};
}

uint32_t Vm::add_catch(Instr* handler) {
    std::lock_guard lock(m_mutex);
    uint32_t index = m_catch_count++;
    if (index >= kCatchChunk * kCatchChunks) std::abort();  // 16M catch clauses: not reached
    auto& chunk = m_catch_chunks[index >> kCatchChunkBits];
    if (!chunk.load(std::memory_order_relaxed))
        chunk.store(new std::atomic<Instr*>[kCatchChunk](), std::memory_order_release);
    chunk.load(std::memory_order_relaxed)[index & (kCatchChunk - 1)].store(handler);
    return index;
}

} // namespace joist
