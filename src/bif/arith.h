// Arithmetic on any numbers (small, big, float) with erl's semantics and exceptions.
// Each returns the result, or none() with badarith/badarg recorded in the process.
// The interpreter inlines the small-integer fast paths and calls these for the rest.
#pragma once
#include "process/process.h"

namespace joist {

Term arith_add(Process& p, Term a, Term b);
Term arith_sub(Process& p, Term a, Term b);
Term arith_mul(Process& p, Term a, Term b);
Term arith_fdiv(Process& p, Term a, Term b);   // '/'
Term arith_idiv(Process& p, Term a, Term b);   // div
Term arith_rem(Process& p, Term a, Term b);
Term arith_band(Process& p, Term a, Term b);
Term arith_bor(Process& p, Term a, Term b);
Term arith_bxor(Process& p, Term a, Term b);
Term arith_bsl(Process& p, Term a, Term b);
Term arith_bsr(Process& p, Term a, Term b);
Term arith_bnot(Process& p, Term a);
Term arith_neg(Process& p, Term a);   // unary -
Term arith_plus(Process& p, Term a);  // unary +

} // namespace joist
