// The BIF table built from bif.def.
#include "bif/bif.h"

namespace joist {

namespace {
const BifInfo kBifs[] = {
#define BIF(mod, name, arity, fn, flags) {mod, name, arity, &fn, flags},
#include "bif/bif.def"
#undef BIF
    {nullptr, nullptr, 0, nullptr, 0},
};
} // namespace

const BifInfo* bif_table(size_t& count) {
    count = sizeof(kBifs) / sizeof(kBifs[0]) - 1;
    return kBifs;
}

} // namespace joist
