// BIFs of module erlang on lists: length/1, hd/1, tl/1, '++'/2, '--'/2 (and their named forms
// append/2, subtract/2). All walk lists iteratively and allocate results in one block.
#include <algorithm>
#include <utility>
#include <vector>

#include "bif/bif.h"
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

// =:= with the cheap cases first: distinct immediates, or an immediate and a boxed term,
// are never exactly equal (bignums are never small-sized, floats never equal integers).
bool exact_eq(Term a, Term b) {
    if (a == b) return true;
    if (a.is_immed() || b.is_immed()) return false;
    return terms_exact_eq(a, b);
}

// A ++ B, A already known to be a proper list of n > 0 elements: copies A, shares B.
Term append(Process& p, Term a, size_t n, Term b) {
    Term* cells = p.alloc(2 * n);
    size_t i = 0;
    for (Term l = a; l.is_list(); l = l.tail(), i++) {
        cells[2 * i] = l.head();
        cells[2 * i + 1] = i + 1 < n ? Term::list(&cells[2 * i + 2]) : b;
    }
    return Term::list(cells);
}

// The elements of the right operand of '--', as a multiset: small ones scanned linearly,
// larger ones sorted in exact term order with a count per distinct term (O(log m) lookups).
class Multiset {
public:
    static constexpr size_t kLinearMax = 16;

    Multiset(Term list, size_t m) : m_linear(m <= kLinearMax) {
        std::vector<Term> elems;
        elems.reserve(m);
        for (Term l = list; l.is_list(); l = l.tail()) elems.push_back(l.head());
        if (m_linear) {
            for (Term t : elems) m_entries.emplace_back(t, 1);
            return;
        }
        std::sort(elems.begin(), elems.end(),
                  [](Term x, Term y) { return compare_terms_exact(x, y) < 0; });
        for (Term t : elems) {
            if (!m_entries.empty() && compare_terms_exact(m_entries.back().first, t) == 0) {
                m_entries.back().second++;
            } else {
                m_entries.emplace_back(t, 1);
            }
        }
    }

    // Removes one occurrence of `t` if there is one left; true if it did.
    bool take(Term t) {
        if (m_linear) {
            for (auto& [elem, count] : m_entries) {
                if (count > 0 && exact_eq(elem, t)) {
                    count = 0;
                    return true;
                }
            }
            return false;
        }
        auto below = [](const std::pair<Term, size_t>& e, Term x) {
            return compare_terms_exact(e.first, x) < 0;
        };
        auto it = std::lower_bound(m_entries.begin(), m_entries.end(), t, below);
        if (it == m_entries.end() || it->second == 0 || compare_terms_exact(it->first, t) != 0) {
            return false;
        }
        it->second--;
        return true;
    }

private:
    bool m_linear;
    std::vector<std::pair<Term, size_t>> m_entries;
};

// A -- B: removes, for each element of B, the first element of A exactly equal to it.
// The part of A after its last removed element is shared, not copied.
Term subtract(Process& p, Term a, Term b) {
    size_t n, m;
    if (!proper_length(a, n) || !proper_length(b, m)) return p.badarg();
    if (n == 0 || m == 0) return a;
    Multiset right(b, m);
    size_t to_remove = m;
    std::vector<Term> kept;  // elements of A before `rest` that stay
    Term rest = a;           // the shared suffix: after the last removed element
    size_t kept_before_rest = 0;
    bool removed = false;
    for (Term l = a; l.is_list() && to_remove > 0; l = l.tail()) {
        if (right.take(l.head())) {
            to_remove--;
            removed = true;
            rest = l.tail();
            kept_before_rest = kept.size();
        } else {
            kept.push_back(l.head());
        }
    }
    if (!removed) return a;
    if (kept_before_rest == 0) return rest;
    Term* cells = p.alloc(2 * kept_before_rest);
    for (size_t i = 0; i < kept_before_rest; i++) {
        cells[2 * i] = kept[i];
        cells[2 * i + 1] = i + 1 < kept_before_rest ? Term::list(&cells[2 * i + 2]) : rest;
    }
    return Term::list(cells);
}

Term plusplus(Process& p, Term a, Term b) {
    if (a.is_nil()) return b;
    size_t n;
    if (!proper_length(a, n)) return p.badarg();
    return append(p, a, n, b);
}

} // namespace

// erlang:length/1 — erlang.html#length-1
Term bif_erlang_length_1(Process& p, const Term* args) {
    size_t n;
    if (!proper_length(args[0], n)) return p.badarg();
    return Term::small(int64_t(n));
}

// erlang:hd/1 — erlang.html#hd-1
Term bif_erlang_hd_1(Process& p, const Term* args) {
    if (!args[0].is_list()) return p.badarg();
    return args[0].head();
}

// erlang:tl/1 — erlang.html#tl-1
Term bif_erlang_tl_1(Process& p, const Term* args) {
    if (!args[0].is_list()) return p.badarg();
    return args[0].tail();
}

// erlang:'++'/2 — expressions.html#list-operations
// The left operand must be a proper list; the right one can be anything ([] ++ x is x).
Term bif_erlang_plusplus_2(Process& p, const Term* args) { return plusplus(p, args[0], args[1]); }

// erlang:'--'/2 — expressions.html#list-operations
// Both operands must be proper lists; O((n + m) log m) for m > 16 right-hand elements.
Term bif_erlang_minusminus_2(Process& p, const Term* args) {
    return subtract(p, args[0], args[1]);
}

// erlang:append/2 — the named form of '++'/2 (not in erl's docs)
Term bif_erlang_append_2(Process& p, const Term* args) { return plusplus(p, args[0], args[1]); }

// erlang:subtract/2 — the named form of '--'/2 (not in erl's docs)
Term bif_erlang_subtract_2(Process& p, const Term* args) { return subtract(p, args[0], args[1]); }

} // namespace joist
