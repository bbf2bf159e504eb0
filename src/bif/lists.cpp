// BIFs of module lists: the functions erl implements natively (reverse/2, keyfind/3,
// keymember/3, keysearch/3, member/2). The rest of lists is Erlang code in stdlib.
#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/compare.h"

namespace joist {

namespace {

// Length of a proper list (false if `list` is not one).
bool proper_length(Term list, size_t& n) {
    n = 0;
    while (list.is_list()) {
        n++;
        list = list.tail();
    }
    return list.is_nil();
}

// == (numbers by value), cheap cases first. An immediate that is not a small integer equals
// only itself; two immediates are equal only if identical.
bool arith_eq(Term a, Term b) {
    if (a == b) return true;
    if (a.is_immed() && (!a.is_small() || b.is_immed())) return false;
    return compare_terms(a, b) == 0;
}

// =:=, cheap cases first: an immediate is exactly equal only to itself.
bool exact_eq(Term a, Term b) {
    if (a == b) return true;
    if (a.is_immed() || b.is_immed()) return false;
    return terms_exact_eq(a, b);
}

enum class KeyResult { Found, NotFound, Bad };

// The first tuple in args[2] whose element args[1] == args[0]. Bad if the position is not a
// small integer >= 1, or if the list ends improperly before a match.
KeyResult key_find(const Term* args, Term& found) {
    Term key = args[0];
    if (!args[1].is_small() || args[1].small_value() < 1) return KeyResult::Bad;
    uint64_t pos = uint64_t(args[1].small_value());
    Term l = args[2];
    for (; l.is_list(); l = l.tail()) {
        Term e = l.head();
        if (e.is_tuple() && e.tuple_arity() >= pos && arith_eq(key, e.tuple_elem(pos - 1))) {
            found = e;
            return KeyResult::Found;
        }
    }
    return l.is_nil() ? KeyResult::NotFound : KeyResult::Bad;
}

} // namespace

// lists:reverse/2 — lists.html#reverse-2
// The first argument must be a proper list; the tail can be anything.
Term bif_lists_reverse_2(Process& p, const Term* args) {
    size_t n;
    if (!proper_length(args[0], n)) return p.badarg();
    Term list = args[1];
    if (n == 0) return list;
    Term* cells = p.alloc(2 * n);
    for (Term l = args[0]; l.is_list(); l = l.tail(), cells += 2) {
        cells[0] = l.head();
        cells[1] = list;
        list = Term::list(cells);
    }
    return list;
}

// lists:keyfind/3 — lists.html#keyfind-3
Term bif_lists_keyfind_3(Process& p, const Term* args) {
    Term found;
    switch (key_find(args, found)) {
    case KeyResult::Found:
        return found;
    case KeyResult::NotFound:
        return am::false_;
    case KeyResult::Bad:
        break;
    }
    return p.badarg();
}

// lists:keymember/3 — lists.html#keymember-3
Term bif_lists_keymember_3(Process& p, const Term* args) {
    Term found;
    switch (key_find(args, found)) {
    case KeyResult::Found:
        return am::true_;
    case KeyResult::NotFound:
        return am::false_;
    case KeyResult::Bad:
        break;
    }
    return p.badarg();
}

// lists:keysearch/3 — lists.html#keysearch-3 ({value, Tuple} or false)
Term bif_lists_keysearch_3(Process& p, const Term* args) {
    static const Term kValue = atoms().intern("value");
    Term found;
    switch (key_find(args, found)) {
    case KeyResult::Found:
        return gc::make_tuple_of(p.heap, kValue, found);
    case KeyResult::NotFound:
        return am::false_;
    case KeyResult::Bad:
        break;
    }
    return p.badarg();
}

// lists:member/2 — lists.html#member-2 (=:=; badarg if the list ends improperly first)
Term bif_lists_member_2(Process& p, const Term* args) {
    Term l = args[1];
    for (; l.is_list(); l = l.tail()) {
        if (exact_eq(args[0], l.head())) return am::true_;
    }
    if (!l.is_nil()) return p.badarg();
    return am::false_;
}

} // namespace joist
