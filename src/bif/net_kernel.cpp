// net_kernel module builtins (distribution comes later; these answer for the local node).
#include "bif/bif.h"

namespace joist {

// net_kernel:dflag_unicode_io/1 — whether the node of a pid takes unicode I/O requests:
// always, for local pids (the only kind joist has yet).
Term bif_net_kernel_dflag_unicode_io_1(Process& p, const Term* args) {
    if (!args[0].is_pid()) return p.badarg();
    return am::true_;
}

} // namespace joist
