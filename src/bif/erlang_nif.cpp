// erlang:load_nif/2. joist loads no shared libraries: the NIFs it has are built in
// (bif/nif.def) and already in place when their module loads, so loading "the library" of a
// module with built-in NIFs succeeds when that module asks, and any other library fails as a
// missing file does on erl.
#include <string>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "vm/vm.h"

namespace joist {

// erlang:load_nif(Path, LoadInfo): Path a string naming the library without its .so suffix.
Term bif_erlang_load_nif_2(Process& p, const Term* args) {
    std::string path;
    Term t = args[0];
    for (; t.is_list(); t = t.tail()) {
        Term c = t.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 255) return p.badarg();
        path.push_back(char(c.small_value()));
    }
    if (!t.is_nil()) return p.badarg();
    size_t slash = path.rfind('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    // As erl's static NIF libraries: found by the name of the module loading them (from its
    // on_load function), whose return address is on top of the stack.
    const Term* top = p.heap.stop;
    const Module* caller = nullptr;
    if (p.vm && top < p.heap.end && top->is_header())
        caller = p.vm->module_containing(reinterpret_cast<const Instr*>(top->raw));
    if (caller && atoms().name(caller->name) == base && has_builtin_nifs(base)) return am::ok;
    std::string why = "Failed to load NIF library: '" + path +
                      ".so: cannot open shared object file: No such file or directory'";
    Term reason = gc::make_tuple_of(p.heap, atoms().intern("load_failed"),
                                    gc::make_byte_list(p.heap, why));
    return gc::make_tuple_of(p.heap, am::error, reason);
}

} // namespace joist
