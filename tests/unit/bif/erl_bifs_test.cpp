// Tests for bif/erl_bifs.def (erl's BIF list) against bif/bif.def (joist's BIFs): every BIF joist
// implements is one of erl's, named as erl names it, and no MFA is listed twice.
#include <gtest/gtest.h>

#include <set>
#include <string_view>
#include <string>
#include <tuple>

#include "bif/bif.h"

namespace joist {
namespace {

using Mfa = std::tuple<std::string, std::string, uint32_t>;

std::set<Mfa> erl_bifs() {
    return {
#define ERL_BIF(mod, name, arity) Mfa{mod, name, arity},
#include "bif/erl_bifs.def"
#undef ERL_BIF
    };
}

TEST(ErlBifsTest, ListsErlsBifs) {
    std::set<Mfa> erl = erl_bifs();
    EXPECT_GT(erl.size(), 400u);
    for (const Mfa& m : {Mfa{"erlang", "element", 2}, Mfa{"erlang", "++", 2},
                         Mfa{"erlang", "!", 2}, Mfa{"lists", "keyfind", 3}}) {
        EXPECT_TRUE(erl.count(m)) << std::get<0>(m) << ":" << std::get<1>(m);
    }
    EXPECT_FALSE(erl.count(Mfa{"erlang", "max", 2}));  // a BIF only from OTP 26
    EXPECT_FALSE(erl.count(Mfa{"lists", "reverse", 1}));
}

TEST(ErlBifsTest, EveryJoistBifIsAnErlBif) {
    std::set<Mfa> erl = erl_bifs();
    std::set<Mfa> seen;
    size_t n;
    const BifInfo* table = bif_table(n);
    for (size_t i = 0; i < n; i++) {
        Mfa m{table[i].module, table[i].name, table[i].arity};
        bool joists_own = std::string_view(table[i].module) == "joist";  // lib/'s helpers
        EXPECT_TRUE(joists_own || erl.count(m)) << table[i].module << ":" << table[i].name << "/"
                                  << table[i].arity << " is not a BIF in erl";
        EXPECT_TRUE(seen.insert(m).second) << table[i].module << ":" << table[i].name << "/"
                                           << table[i].arity << " is listed twice";
    }
}

} // namespace
} // namespace joist
