// BIFs of module erts_debug that OTP's own tests and tools call: term identity and size, and
// the internal-state switches. joist runs every BIF to completion (none yields and resumes
// later), so the loop limits below are kept and reported as erl does but steer nothing.
#include <atomic>

#include "bif/bif.h"
#include "gc/copy_term.h"
#include "gc/build.h"
#include "term/atom_table.h"

namespace joist {

namespace {

// erl's switches are global to the emulator, so these are too.
std::atomic<bool> g_internal_state_available{false};
// The work a BIF does before it yields, per its kind; 0 is erl's report of "default".
constexpr int64_t kDefaultUnicodeLoopLimit = 40000;
std::atomic<int64_t> g_binary_loop_limit{0};
std::atomic<int64_t> g_unicode_loop_limit{kDefaultUnicodeLoopLimit};

// Sets a loop limit to `value` (a positive integer; 0 or `default` for `dflt`) and returns
// the previous one; badarg for any other value.
Term swap_loop_limit(Process& p, std::atomic<int64_t>& limit, Term value, int64_t dflt) {
    int64_t v;
    if (value == atoms().intern("default")) {
        v = dflt;
    } else if (value.is_small() && value.small_value() >= 0) {
        v = value.small_value() == 0 ? dflt : value.small_value();  // 0 means the default too
    } else {
        return p.badarg();
    }
    return gc::make_integer(p.heap, limit.exchange(v));
}

} // namespace

// erts_debug:same/2 — whether both arguments are the very same term (the same word: the same
// immediate, or a pointer to the same heap object), not merely equal.
Term bif_erts_debug_same_2(Process&, const Term* args) {
    return args[0].raw == args[1].raw ? am::true_ : am::false_;
}

// erts_debug:flat_size/1 — the heap words the term takes once copied (as a message is), shared
// subterms counted each time they are reached; off-heap binaries count their handle only.
Term bif_erts_debug_flat_size_1(Process& p, const Term* args) {
    return gc::make_integer_u64(p.heap, gc::term_size_shared(args[0]));
}

// erts_debug:set_internal_state/2 — `available_internal_state` switches the others on (until
// then they are undef, as in erl); `binary_loop_limit` and `unicode_loop_limit` swap a limit.
Term bif_erts_debug_set_internal_state_2(Process& p, const Term* args) {
    static const Term available = atoms().intern("available_internal_state");
    static const Term binary_loop_limit = atoms().intern("binary_loop_limit");
    static const Term unicode_loop_limit = atoms().intern("unicode_loop_limit");
    Term item = args[0], value = args[1];
    if (item == available && (value == am::true_ || value == am::false_)) {
        bool was = g_internal_state_available.exchange(value == am::true_);
        return was ? am::true_ : am::false_;
    }
    if (!g_internal_state_available.load()) return p.error(am::undef);
    if (item == binary_loop_limit) return swap_loop_limit(p, g_binary_loop_limit, value, 0);
    if (item == unicode_loop_limit)
        return swap_loop_limit(p, g_unicode_loop_limit, value, kDefaultUnicodeLoopLimit);
    return p.badarg();
}

} // namespace joist
