// io module builtins.
#include "bif/bif.h"

namespace joist {

// io:printable_range/0 — which characters io_lib treats as printable: erl's default
// (+pc latin1), the only one joist offers until it takes erl's +pc flag.
Term bif_io_printable_range_0(Process&, const Term*) { return am::latin1; }

} // namespace joist
