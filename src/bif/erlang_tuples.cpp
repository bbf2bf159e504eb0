// BIFs of module erlang that build tuples by inserting or deleting an element, and
// erlang:make_fun/3 (an export fun for any {M, F, A}, loaded or not).
#include <cstring>

#include "bif/bif.h"
#include "code/module.h"
#include "gc/build.h"
#include "vm/vm.h"

namespace joist {

namespace {

constexpr int64_t kMaxFunArity = 255;  // erl's limit on a function's arity

} // namespace

// erlang:insert_element/3 — erlang.html#insert_element-3
// Index in [1, tuple_size(Tuple) + 1]; erl sets no arity limit on the result.
Term bif_erlang_insert_element_3(Process& p, const Term* args) {
    Term index = args[0], tuple = args[1];
    if (!index.is_small() || !tuple.is_tuple()) return p.badarg();
    uint64_t n = tuple.tuple_arity();
    int64_t i = index.small_value();
    if (i < 1 || uint64_t(i) > n + 1) return p.badarg();
    size_t before = size_t(i - 1);
    Term t = gc::make_tuple(p.heap, n + 1);
    Term* dst = t.tuple_elems();
    const Term* src = tuple.tuple_elems();
    std::memcpy(dst, src, before * sizeof(Term));
    dst[before] = args[2];
    std::memcpy(dst + before + 1, src + before, (n - before) * sizeof(Term));
    return t;
}

// erlang:delete_element/2 — erlang.html#delete_element-2
// Index in [1, tuple_size(Tuple)].
Term bif_erlang_delete_element_2(Process& p, const Term* args) {
    Term index = args[0], tuple = args[1];
    if (!index.is_small() || !tuple.is_tuple()) return p.badarg();
    uint64_t n = tuple.tuple_arity();
    int64_t i = index.small_value();
    if (i < 1 || uint64_t(i) > n) return p.badarg();
    size_t before = size_t(i - 1);
    Term t = gc::make_tuple(p.heap, n - 1);
    Term* dst = t.tuple_elems();
    const Term* src = tuple.tuple_elems();
    std::memcpy(dst, src, before * sizeof(Term));
    std::memcpy(dst + before, src + before + 1, (n - 1 - before) * sizeof(Term));
    return t;
}

// erlang:make_fun/3 — erlang.html#make_fun-3
// Module and Function atoms, Arity in [0, 255]; the export entry is created if new.
Term bif_erlang_make_fun_3(Process& p, const Term* args) {
    Term mod = args[0], fun = args[1], arity = args[2];
    if (!mod.is_atom() || !fun.is_atom() || !arity.is_small()) return p.badarg();
    int64_t a = arity.small_value();
    if (a < 0 || a > kMaxFunArity) return p.badarg();
    Export* ep = p.vm->export_entry(mod, fun, uint32_t(a));
    Term* box = p.alloc(2);
    box[0] = Term::header(Subtag::Export, 1);
    box[1] = Term::from_raw(reinterpret_cast<Word>(ep));
    return Term::boxed(box);
}

} // namespace joist
