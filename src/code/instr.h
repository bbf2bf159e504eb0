// The internal opcode enum and per-opcode metadata, generated from instr.def.
#pragma once
#include <cstdint>

namespace joist {

enum class Op : uint16_t {
#define INSTR(name, kinds) name,
#include "code/instr.def"
#undef INSTR
    kCount
};

struct OpInfo {
    const char* name;
    const char* kinds;
};

inline const OpInfo& op_info(Op op) {
    static const OpInfo kInfo[] = {
#define INSTR(name, kinds) {#name, kinds},
#include "code/instr.def"
#undef INSTR
    };
    return kInfo[unsigned(op)];
}

// Register references in operand words (tag 00).
constexpr uint64_t xreg_ref(uint32_t n) { return uint64_t(n) << 3; }
constexpr uint64_t yreg_ref(uint32_t n) { return uint64_t(n) << 3 | 4; }

} // namespace joist
