// Generic instructions -> joist's threaded code: operands decoded once, labels resolved to
// addresses, imports to export entries, literals decoded into the module's literal area.
#pragma once
#include <memory>

#include "base/result.h"
#include "code/module.h"
#include "loader/beam_file.h"

namespace joist {
class Vm;
}

namespace joist::loader {

// Builds a Module from a parsed file. Export entries are created in `vm` but not yet pointed
// at the new code (the caller installs the module).
Result<std::unique_ptr<Module>> emit_module(Vm& vm, const BeamFile& bf);

} // namespace joist::loader
