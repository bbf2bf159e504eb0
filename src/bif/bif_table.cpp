// The BIF table built from bif.def.
#include "bif/bif.h"

#include <cstring>
#include <string_view>

#include "term/atom_table.h"

namespace joist {

namespace {
const BifInfo kBifs[] = {
#define BIF(mod, name, arity, fn, flags) {mod, name, arity, &fn, flags},
#include "bif/bif.def"
#undef BIF
    {nullptr, nullptr, 0, nullptr, 0},
};
const BifInfo kNifs[] = {
#define NIF(mod, name, arity, fn) {mod, name, arity, &fn, kBifPlain},
#include "bif/nif.def"
#undef NIF
    {nullptr, nullptr, 0, nullptr, 0},
};
} // namespace

const BifInfo* find_builtin_nif(Term module, Term name, uint32_t arity) {
    if (!module.is_atom() || !name.is_atom()) return nullptr;
    std::string_view m = atoms().name(module), f = atoms().name(name);
    for (const BifInfo* n = kNifs; n->module; ++n)
        if (n->arity == arity && m == n->module && f == n->name) return n;
    return nullptr;
}

bool has_builtin_nifs(std::string_view m) {
    for (const BifInfo* n = kNifs; n->module; ++n)
        if (m == n->module) return true;
    return false;
}

const BifInfo* bif_table(size_t& count) {
    count = sizeof(kBifs) / sizeof(kBifs[0]) - 1;
    return kBifs;
}

} // namespace joist
