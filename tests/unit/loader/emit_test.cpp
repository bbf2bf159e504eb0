// The loader's superinstructions (code/instr.def, Emitter::fuse and link_successors): on real
// OTP code, the fused and successor-linked rows are chosen, and a module loads the same way
// every time.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "code/instr.h"
#include "otp_beams.h"
#include "term/atom_table.h"
#include "vm/vm.h"

namespace joist {
namespace {

std::string read_otp_beam(const std::string& app, const std::string& module) {
    return test::read_file(test::otp_beam(app, module));
}

// How often each row's handler appears in the module's code (operand words are terms,
// labels and pointers into the module: never a handler address).
std::map<std::string, int> row_counts(const Vm& vm, const Module& m) {
    std::map<Instr, std::string> by_handler;
    for (unsigned op = 0; op < unsigned(Op::kCount); ++op)
        by_handler[vm.handler(op)] = op_info(Op(op)).name;
    std::map<std::string, int> counts;
    for (size_t i = 0; i < m.code_size; ++i)
        if (auto it = by_handler.find(m.code[i]); it != by_handler.end()) ++counts[it->second];
    return counts;
}

TEST(Superinstructions, ChosenOnOtpCode) {
    std::string bytes = read_otp_beam("stdlib", "lists");
    ASSERT_FALSE(bytes.empty());
    Vm vm;
    auto m = vm.load_binary(atoms().intern("lists"), bytes, "lists.beam");
    ASSERT_TRUE(m.ok()) << m.error().message;
    auto counts = row_counts(vm, *m.value());
    for (const char* row : {"deallocate_return", "move_return_c", "move_return_x",
                            "test_heap_put_list_YX", "move_xy_xx_call", "move_xx_xx"})
        EXPECT_GT(counts[row], 0) << row;
    int linked = 0;
    for (const auto& [name, n] : counts)
        if (name.find("_then_") != std::string::npos) linked += n;
    EXPECT_GT(linked, 0);
}

// The chains of linked rows (the heads of recursions on a list and on an integer) on OTP's
// code.
TEST(Superinstructions, ChainsChosenOnOtpCode) {
    std::map<std::string, int> total;
    for (const char* mod : {"lists", "string", "io_lib_format", "sets", "orddict", "queue"}) {
        std::string bytes = read_otp_beam("stdlib", mod);
        ASSERT_FALSE(bytes.empty()) << mod;
        Vm vm;
        auto m = vm.load_binary(atoms().intern(mod), bytes, std::string(mod) + ".beam");
        ASSERT_TRUE(m.ok()) << m.error().message;
        for (const auto& [name, n] : row_counts(vm, *m.value())) total[name] += n;
    }
    for (const char* row : {"is_nonempty_list_X_then_allocate_1_then_get_list_X_YX_then_call",
                            "allocate_1_then_get_list_X_YX_then_call",
                            "arith_minus_XI_then_allocate_1_then_move_xy_xx_call"})
        EXPECT_GT(total[row], 0) << row;
}

}  // namespace
}  // namespace joist
