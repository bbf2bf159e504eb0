// BIFs of module erts_debug that OTP's own tests and tools call: term identity and size, a hash
// map's shape, and the internal-state switches. joist runs every BIF to completion (none yields and resumes
// later), so the loop limits below are kept and reported as erl does but steer nothing.
#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "bif/bif.h"
#include "ets/table.h"
#include "gc/copy_term.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/map_ops.h"
#include "term/bignum.h"

namespace joist {

namespace {

// erl's switches are global to the emulator, so these are too.
std::atomic<bool> g_internal_state_available{false};
// The work a BIF does before it yields, per its kind; 0 is erl's report of "default".
constexpr int64_t kDefaultUnicodeLoopLimit = 40000;
std::atomic<int64_t> g_binary_loop_limit{0};
std::atomic<int64_t> g_unicode_loop_limit{kDefaultUnicodeLoopLimit};
constexpr int64_t kDefaultReLoopLimit = 40000;  // erl: CONTEXT_REDS * LOOP_FACTOR
std::atomic<int64_t> g_re_loop_limit{kDefaultReLoopLimit};

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
// then they are undef, as in erl); `binary_loop_limit`, `unicode_loop_limit` and
// `re_loop_limit` swap a limit; `process_uniq_counter` sets the caller's process-unique
// counter (receive markers are named by it: ok); `sleep` blocks the scheduler thread for that
// many milliseconds (true), as erl; `ets_force_trap` is notsup, as in erl's release build
// (joist's ETS BIFs never trap); `ets_force_split` and `ets_debug_random_split_join`
// ({Tab, Bool}) are ok for a table erl would build as a contention-adapting tree (a
// non-private ordered_set with write_concurrency) and badarg otherwise, as in erl; joist's
// ordered_set has no routing tree, so they change nothing.
Term bif_erts_debug_set_internal_state_2(Process& p, const Term* args) {
    static const Term available = atoms().intern("available_internal_state");
    static const Term binary_loop_limit = atoms().intern("binary_loop_limit");
    static const Term unicode_loop_limit = atoms().intern("unicode_loop_limit");
    static const Term re_loop_limit = atoms().intern("re_loop_limit");
    static const Term process_uniq_counter = atoms().intern("process_uniq_counter");
    static const Term sleep = atoms().intern("sleep");
    Term item = args[0], value = args[1];
    if (item == available && (value == am::true_ || value == am::false_)) {
        bool was = g_internal_state_available.exchange(value == am::true_);
        return was ? am::true_ : am::false_;
    }
    if (!g_internal_state_available.load()) return p.error(am::undef);
    if (item == binary_loop_limit) return swap_loop_limit(p, g_binary_loop_limit, value, 0);
    static const Term ets_force_trap = atoms().intern("ets_force_trap");
    if (item == ets_force_trap) return atoms().intern("notsup");
    static const Term ets_force_split = atoms().intern("ets_force_split");
    static const Term ets_random_split_join = atoms().intern("ets_debug_random_split_join");
    if ((item == ets_force_split || item == ets_random_split_join) && value.is_tuple() &&
        value.tuple_arity() == 2 && (value.tuple_elem(1) == am::true_ || value.tuple_elem(1) == am::false_)) {
        bool bad_type = false;
        auto t = ets::find_table(value.tuple_elem(0), bad_type);
        if (!t || t->type != ets::Type::OrderedSet || !t->write_concurrency) return p.badarg();
        return am::ok;
    }
    if (item == unicode_loop_limit)
        return swap_loop_limit(p, g_unicode_loop_limit, value, kDefaultUnicodeLoopLimit);
    if (item == re_loop_limit) return swap_loop_limit(p, g_re_loop_limit, value, kDefaultReLoopLimit);
    int64_t n;
    if (item == process_uniq_counter && value.is_integer() && integer_to_int64(value, n)) {
        p.uniq = n;
        return am::ok;
    }
    if (item == sleep && value.is_integer() && integer_to_int64(value, n)) {
        if (n > 0) std::this_thread::sleep_for(std::chrono::milliseconds(n));
        return am::true_;
    }
    return p.badarg();
}

// erts_debug:get_internal_state/1 — once available_internal_state is on (undef before, as in
// erl): {atom, Index} is the atom with that index in the atom table, which is first filled up
// to it with atoms named "am" and the table size in hex, as erl does; {internal_hash, T} is the
// 32-bit hash maps are keyed by (salt 0); other items are badarg.
Term bif_erts_debug_get_internal_state_1(Process& p, const Term* args) {
    if (!g_internal_state_available.load()) return p.error(am::undef);
    Term item = args[0];
    static const Term atom_item = atoms().intern("atom");
    if (item.is_tuple() && item.tuple_arity() == 2 && item.tuple_elem(0) == atom_item) {
        Term ix = item.tuple_elem(1);
        if (!ix.is_small() || ix.small_value() < 0) return p.badarg();
        auto index = uint64_t(ix.small_value());
        if (index >= AtomTable::kMaxAtoms) return p.error(am::system_limit);
        while (index >= atoms().size()) {
            char name[24];
            std::snprintf(name, sizeof name, "am%x", unsigned(atoms().size()));
            if (atoms().intern(name).is_none()) return p.error(am::system_limit);
        }
        return Term::atom(uint32_t(index));
    }
    static const Term internal_hash = atoms().intern("internal_hash");
    if (item.is_tuple() && item.tuple_arity() == 2 && item.tuple_elem(0) == internal_hash)
        return Term::small(int64_t(map_internal_hash(item.tuple_elem(1), 0)));
    return p.badarg();
}

} // namespace joist

namespace joist {

namespace {

// A tuple of 16 small integers.
Term counts_tuple(Process& p, const uint64_t (&counts)[16]) {
    Term* t = p.alloc(17);
    t[0] = Term::header(Subtag::Tuple, 16);
    for (int i = 0; i < 16; ++i) t[1 + i] = Term::small(int64_t(counts[i]));
    return Term::boxed(t);
}

} // namespace

// erts_debug:map_info/1 — the shape of a hash map (term.h's HAMT, laid out as erl's):
// [{depth, D}, {arrays, A, []}, {bitmaps, B, ByChildCount}, {leafs, L, ByLevel}]. As in erl,
// only a head node with all 16 children counts as an array; every other node is a bitmap node,
// counted by its number of children (1..16); leaves are counted by level (the head is level 0).
// A flat map is badarg, anything else {badmap, T}.
Term bif_erts_debug_map_info_1(Process& p, const Term* args) {
    Term map = args[0];
    if (!map.is_map()) return p.error(gc::make_tuple_of(p.heap, am::badmap, map));
    if (!map.is_boxed_of(Subtag::HashMap)) return p.badarg();
    uint64_t bitmap_usage[16] = {}, leaf_usage[16] = {};
    uint64_t bitmaps = 0, arrays = 0, leaves = 0, depth = 0;
    struct Item {
        Term node;
        uint64_t level;
    };
    std::vector<Item> stack{{map, 0}};
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        depth = std::max(depth, it.level);
        if (it.node.is_list()) {  // a leaf: [Key | Value]
            ++leaves;
            if (it.level < 16) ++leaf_usage[it.level];
            continue;
        }
        const Term* n = it.node.boxed_ptr();
        bool head = it.level == 0;
        auto bitmap = uint32_t(n[1].small_value()) & 0xFFFF;
        size_t children = size_t(std::popcount(bitmap));
        if (head && children == 16) {
            ++arrays;
        } else {
            ++bitmaps;
            ++bitmap_usage[children - 1];
        }
        const Term* child = n + (head ? 3 : 2);
        for (size_t i = 0; i < children; ++i) stack.push_back({child[i], it.level + 1});
    }
    gc::Heap& h = p.heap;
    Term leafs = gc::make_tuple_of(h, atoms().intern("leafs"), Term::small(int64_t(leaves)),
                                   counts_tuple(p, leaf_usage));
    Term bms = gc::make_tuple_of(h, atoms().intern("bitmaps"), Term::small(int64_t(bitmaps)),
                                 counts_tuple(p, bitmap_usage));
    Term arr = gc::make_tuple_of(h, atoms().intern("arrays"), Term::small(int64_t(arrays)),
                                 Term::nil());
    Term dep = gc::make_tuple_of(h, atoms().intern("depth"), Term::small(int64_t(depth)));
    Term l = gc::make_cons(h, leafs, Term::nil());
    l = gc::make_cons(h, bms, l);
    l = gc::make_cons(h, arr, l);
    return gc::make_cons(h, dep, l);
}

} // namespace joist
