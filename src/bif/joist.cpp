// joist's own builtins (module `joist`), for joist's own Erlang modules in lib/.
#include <cerrno>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <unistd.h>

#include "bif/bif.h"
#include "bif/binbif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "vm/vm.h"

namespace joist {

// The bytes of an iolist (bytes, binaries, nested lists) appended to `out`; false if it is
// not one.
static bool iodata_bytes(Term data, std::vector<uint8_t>& out) {
    return binbif::iodata_bytes(
        data, [&out](const uint8_t* b, size_t n) { out.insert(out.end(), b, b + n); });
}

// joist:write_stdout(IoData) — writes the bytes to standard output (the stand-in group
// leader's only way out until ports exist). Shares stdio's buffer with erlang:display/1.
Term bif_joist_write_stdout_1(Process& p, const Term* args) {
    std::vector<uint8_t> out;
    if (!iodata_bytes(args[0], out)) return p.badarg();
    std::fwrite(out.data(), 1, out.size(), stdout);
    return am::ok;
}

// joist:write_stderr(IoData) — the same for standard error (the `standard_error` server),
// after what standard output holds so far, so that the two interleave as they were written.
Term bif_joist_write_stderr_1(Process& p, const Term* args) {
    std::vector<uint8_t> out;
    if (!iodata_bytes(args[0], out)) return p.badarg();
    std::fflush(stdout);
    std::fwrite(out.data(), 1, out.size(), stderr);
    std::fflush(stderr);
    return am::ok;
}

// joist:read_stdin(Max) — up to Max (> 0) bytes of standard input as a binary, as soon as
// some are there, or eof. For the stand-in group leader's get_line/get_chars; it blocks the
// scheduler thread while it waits (no ports to wait on yet).
Term bif_joist_read_stdin_1(Process& p, const Term* args) {
    if (!args[0].is_small() || args[0].small_value() <= 0) return p.badarg();
    std::vector<uint8_t> buf(size_t(std::min<int64_t>(args[0].small_value(), 65536)));
    ssize_t n;
    do {
        n = ::read(0, buf.data(), buf.size());
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return atoms().intern("eof");
    return make_binary_from(p.heap, std::string_view(reinterpret_cast<const char*>(buf.data()),
                                                     size_t(n)));
}

// joist:ensure_loaded(Module) — loads Module from the code path unless it is loaded, for the
// stand-in code server (lib/joist_services.erl). {module, Module}, or {error, nofile} when no
// directory of the path has Module.beam, or {error, badfile} when it does not load.
Term bif_joist_ensure_loaded_1(Process& p, const Term* args) {
    Term mod = args[0];
    if (!mod.is_atom()) return p.badarg();
    if (p.vm->ensure_loaded(mod).ok()) return gc::make_tuple_of(p.heap, am::module, mod);
    std::string file = std::string(atoms().name(mod)) + ".beam";
    bool found = false;
    std::error_code ec;
    for (const std::string& dir : p.vm->code_path())
        found = found || std::filesystem::is_regular_file(dir + "/" + file, ec);
    return gc::make_tuple_of(p.heap, am::error,
                             atoms().intern(found ? "badfile" : "nofile"));
}

// joist:code_path() — the code path, first directory first, as a list of strings.
Term bif_joist_code_path_0(Process& p, const Term*) {
    const std::vector<std::string>& path = p.vm->code_path();
    Term list = Term::nil();
    for (auto it = path.rbegin(); it != path.rend(); ++it)
        list = gc::make_cons(p.heap, gc::make_codepoint_list(p.heap, *it), list);
    return list;
}

} // namespace joist
