// Inline parts of term/map.h (flat maps; hash maps via map.cpp).
#pragma once
#include <type_traits>

namespace joist {

// Visits a hash map's pairs in erl's order (implemented in term/map.cpp).
void hashmap_for_each(Term map, void (*visit)(void* ctx, Term key, Term value), void* ctx);

template <class F> void map_for_each(Term map, F&& f) {
    const Term* m = map.boxed_ptr();
    if (m->header_subtag() == Subtag::FlatMap) {
        size_t n = m->header_arity() - 1;
        const Term* keys = m[1].tuple_elems();
        for (size_t i = 0; i < n; ++i) f(keys[i], m[2 + i]);
        return;
    }
    using Fn = std::remove_reference_t<F>;
    hashmap_for_each(
        map, [](void* ctx, Term k, Term v) { (*static_cast<Fn*>(ctx))(k, v); },
        const_cast<void*>(static_cast<const void*>(&f)));
}

} // namespace joist
