// Printing terms as erl prints them with erlang:display/1 (the runtime's own printer),
// plus the shortest round-trip float text (used by float_to_list/1 style printing later).
#pragma once
#include <string>

#include "term/term.h"

namespace joist {

// erlang:display/1's text for a term (without the trailing newline).
std::string format_display(Term t);
// Atom text, quoted as erl quotes it when needed ('hello world', '[]', 'A').
std::string format_atom(Term atom);

} // namespace joist
