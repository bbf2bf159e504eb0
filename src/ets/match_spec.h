// Match specifications ([{Head, Guards, Body}]): the one engine behind ets:select/match,
// ets:match_spec_run and erlang:match_spec_test (and, later, tracing).
//
// A MatchSpec is parsed once (ms_parse validates it as erl's compiler does: unknown functions,
// unbound variables and malformed clauses make it invalid) and then run against terms. Its
// terms are not copied: they must stay valid while it is used, unless it was made persistent
// (ms_make_persistent copies them into storage the MatchSpec owns).
//
// Running matches the head against a term without copying it (the term may live in ETS
// storage); guard and body functions are erl's own BIFs, called on the process `p`, whose heap
// receives anything they build. A result may therefore point into the matched term: callers
// that must not keep such pointers copy the result (ETS copies it out of the table's storage).
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "gc/off_heap.h"
#include "process/process.h"
#include "term/term.h"

namespace joist::ets {

struct MatchSpec {
    struct Clause {
        Term head;
        std::vector<Term> guards;
        std::vector<Term> body;
    };
    std::vector<Clause> clauses;
    std::vector<uint32_t> var_atoms;  // atom index of each '$N' used, sorted by N
    std::unique_ptr<Term[]> words;  // storage of a persistent copy
    gc::OffHeap binaries;
    Term source = Term::none();     // the spec term (in `words` when persistent)
};

// Parses `spec`. False: not a valid match specification (badarg).
bool ms_parse(Term spec, MatchSpec& out);
// Copies `out.source` into storage owned by `out` and re-parses it from there.
void ms_make_persistent(MatchSpec& out);

// Result of running a match spec on one term.
enum class MsOutcome : uint8_t { NoMatch, Match };
// Runs `ms` on `obj`. On a match, `result` is the value of the first matching clause's body
// (the atom 'EXIT' if the body raised). Allocates on p's heap; leaves p's exception state as
// it found it.
MsOutcome ms_run(Process& p, const MatchSpec& ms, Term obj, Term& result);

// True if `t` contains no match variable ('$N') and no '_' (a ground pattern).
bool ms_is_ground(Term t);
// If the head of every clause is a tuple of arity >= keypos whose element keypos is ground,
// appends those keys to `keys` and returns true (lookups can go by key).
bool ms_bound_keys(const MatchSpec& ms, uint32_t keypos, std::vector<Term>& keys);

} // namespace joist::ets
