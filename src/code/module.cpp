// Code address -> function and line lookups for stack traces.
#include "code/module.h"

#include <algorithm>

namespace joist {

const FunctionInfo* Module::function_at(const Instr* p) const {
    if (!contains(p) || functions.empty()) return nullptr;
    uint32_t off = uint32_t(p - code.get());
    auto it = std::upper_bound(functions.begin(), functions.end(), off,
                               [](uint32_t o, const FunctionInfo& f) { return o < f.start; });
    if (it == functions.begin()) return nullptr;
    return &*(it - 1);
}

const LineInfo* Module::line_at(const Instr* p) const {
    if (!contains(p) || lines.empty()) return nullptr;
    uint32_t off = uint32_t(p - code.get());
    auto it = std::upper_bound(lines.begin(), lines.end(), off,
                               [](uint32_t o, const LineInfo& l) { return o < l.offset; });
    if (it == lines.begin()) return nullptr;
    const LineInfo* li = &*(it - 1);
    // A line entry belongs to the function it is in: ignore one from an earlier function.
    const FunctionInfo* f = function_at(p);
    if (f && li->offset < f->start) return nullptr;
    return li;
}

} // namespace joist
