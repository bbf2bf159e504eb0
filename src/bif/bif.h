// The builtin-function calling convention and table. A BIF takes the process and its
// arguments; it returns a term, or Term::none() after recording an exception in the process
// (p.badarg() ...). BIFs use only term, heap and process APIs, never interpreter internals.
// Every BIF is one row of a bif/*.def file (listed in bif/bif.def); nothing else lists them.
#pragma once
#include <cstdint>
#include <string_view>

#include "process/process.h"

namespace joist {

using BifFn = Term (*)(Process& p, const Term* args);

// Declarations of every bif_<module>_<name>_<arity> function, from the .def rows.
#define BIF(mod, name, arity, fn, flags) Term fn(Process& p, const Term* args);
#include "bif/bif.def"
#undef BIF
#define NIF(mod, name, arity, fn) Term fn(Process& p, const Term* args);
#include "bif/nif.def"
#undef NIF

enum BifFlags : uint32_t {
    kBifPlain = 0,
    kBifGuard = 1,  // allowed in guards (callable via bif/gc_bif instructions)
};

struct BifInfo {
    const char* module;
    const char* name;
    uint32_t arity;
    BifFn fn;
    uint32_t flags;
};

// All rows of bif.def, in order.
const BifInfo* bif_table(size_t& count);

// Built-in NIFs (bif/nif.def): native code for the stub functions of OTP's NIF modules
// (prim_file, prim_buffer, zlib), which joist cannot load from a shared library. The loader
// puts a call_nif instruction at the entry of each such function (so local calls reach the
// native code as well as remote ones), and erlang:load_nif/2 succeeds for these modules.
// The BifInfo of {Module, Name, Arity}, or nullptr.
const BifInfo* find_builtin_nif(Term module, Term name, uint32_t arity);
// Whether the module named `module` has built-in NIFs.
bool has_builtin_nifs(std::string_view module);

} // namespace joist
