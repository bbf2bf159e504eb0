// The builtin-function calling convention and table. A BIF takes the process and its
// arguments; it returns a term, or Term::none() after recording an exception in the process
// (p.badarg() ...). BIFs use only term, heap and process APIs, never interpreter internals.
// Every BIF is one row of a bif/*.def file (listed in bif/bif.def); nothing else lists them.
#pragma once
#include <cstdint>

#include "process/process.h"

namespace joist {

using BifFn = Term (*)(Process& p, const Term* args);

// Declarations of every bif_<module>_<name>_<arity> function, from the .def rows.
#define BIF(mod, name, arity, fn, flags) Term fn(Process& p, const Term* args);
#include "bif/bif.def"
#undef BIF

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

} // namespace joist
