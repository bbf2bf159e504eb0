// erl's names of POSIX error numbers ("enoent" ...), as in {error, enoent}.
#pragma once

namespace joist {

// The lower-case errno name erl uses; "unknown" for a number it has no name for.
const char* posix_error_name(int err);

} // namespace joist
