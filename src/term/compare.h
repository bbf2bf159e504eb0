// Term order and equality across all types, exactly as erl:
// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
#pragma once
#include "term/term.h"

namespace joist {

// Term order, with == semantics for numbers (1 == 1.0 compares equal). Returns <0, 0, >0.
int compare_terms(Term a, Term b);
// Exact term order (=:=, used for sorting maps keys etc.): 1 < 1.0 compares as different types.
int compare_terms_exact(Term a, Term b);
// =:= (structural, exact).
bool terms_exact_eq(Term a, Term b);
// == (numbers compared by value).
inline bool terms_arith_eq(Term a, Term b) { return a == b || compare_terms(a, b) == 0; }

} // namespace joist
