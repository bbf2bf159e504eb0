// The generic opcode table (genop.def) as data: name, arity and deprecation of each OTP 25
// generic opcode, looked up by number.
#include <array>

#include "loader/beam_file.h"

namespace joist::loader {
namespace {

constexpr unsigned compute_genop_max() {
    unsigned max = 0;
#define GENOP(num, name, arity, deprecated) max = (num) > max ? (num) : max;
#include "loader/genop.def"
#undef GENOP
    return max;
}

constexpr unsigned k_genop_max = compute_genop_max();

constexpr std::array<GenOpInfo, k_genop_max + 1> make_table() {
    std::array<GenOpInfo, k_genop_max + 1> table{};
#define GENOP(num, name, arity, deprecated) table[num] = GenOpInfo{#name, arity, deprecated};
#include "loader/genop.def"
#undef GENOP
    return table;
}

constexpr std::array<GenOpInfo, k_genop_max + 1> k_table = make_table();

static_assert(k_genop_max == 180, "OTP 25 has 180 generic opcodes");

} // namespace

const GenOpInfo* genop_info(unsigned opcode) {
    if (opcode == 0 || opcode > k_genop_max || k_table[opcode].name == nullptr) return nullptr;
    return &k_table[opcode];
}

unsigned genop_max() { return k_genop_max; }

} // namespace joist::loader
