// joist's own builtins (module `joist`), for joist's own Erlang modules in lib/.
#include <cstdio>
#include <vector>

#include "bif/bif.h"
#include "term/binary.h"

namespace joist {

// joist:write_stdout(IoData) — writes the bytes to standard output (the stand-in group
// leader's only way out until ports exist). Shares stdio's buffer with erlang:display/1.
Term bif_joist_write_stdout_1(Process& p, const Term* args) {
    std::vector<uint8_t> out;
    std::vector<Term> stack{args[0]};
    while (!stack.empty()) {
        Term t = stack.back();
        stack.pop_back();
        if (t.is_nil()) continue;
        if (t.is_list()) {
            stack.push_back(t.tail());
            stack.push_back(t.head());
        } else if (t.is_small() && t.small_value() >= 0 && t.small_value() < 256) {
            out.push_back(uint8_t(t.small_value()));
        } else {
            BitView v;
            if (!bit_view(t, v) || !v.byte_aligned()) return p.badarg();
            out.insert(out.end(), v.bytes, v.bytes + v.byte_size());
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return am::ok;
}

} // namespace joist
