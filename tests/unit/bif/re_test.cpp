// Tests for bif/re.cpp beyond what the differential tests (tests/erl/re) can compare with erl:
// joist's own compiled-pattern binary (what a hand-made one may and may not do) and the traps
// into re.erl.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include <pcre.h>

#include "bif/bif.h"
#include "code/module.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "term/format.h"
#include "vm/vm.h"

namespace joist {
namespace {

class ReTest : public ::testing::Test {
protected:
    void SetUp() override {
        p.heap.init(4096);
        p.vm = &vm;
    }

    Term call(BifFn fn, std::initializer_list<Term> args) {
        std::vector<Term> v(args);
        return fn(p, v.data());
    }
    std::string show_call(BifFn fn, std::initializer_list<Term> args) {
        Term r = call(fn, args);
        if (r.is_none()) return "EXC " + format_display(p.exc_reason);
        return format_display(r);
    }
    Term atom(std::string_view text) { return atoms().intern(text); }
    Term bin(std::string_view bytes) { return make_binary_from(p.heap, bytes); }
    Term str(std::string_view s) { return gc::make_byte_list(p.heap, s); }
    Term list(std::initializer_list<Term> elems) {
        std::vector<Term> v(elems);
        Term tail = Term::nil();
        for (size_t i = v.size(); i-- > 0;) tail = gc::make_cons(p.heap, v[i], tail);
        return tail;
    }
    // A pattern tuple around `payload` (joist's layout: magic, options LE, text).
    Term pattern(uint32_t options, std::string_view text, int groups = 0) {
        std::string b = "JRE1";
        for (int i = 0; i < 4; ++i) b += char((options >> (8 * i)) & 0xFF);
        b.append(text);
        return gc::make_tuple_of(p.heap, atom("re_pattern"), Term::small(groups), Term::small(0),
                                 Term::small(0), bin(b));
    }

    Vm vm;
    Process p;
};

TEST_F(ReTest, CompiledPatternRuns) {
    Term r = call(bif_re_compile_1, {str("(b+)c")});
    ASSERT_FALSE(r.is_none());
    ASSERT_TRUE(r.is_tuple());
    Term mp = r.tuple_elem(1);
    EXPECT_EQ(format_display(mp.tuple_elem(1)), "1");
    EXPECT_EQ(show_call(bif_re_run_2, {str("abbc"), mp}), "{match,[{1,3},{1,2}]}");
    EXPECT_EQ(show_call(bif_re_run_2, {str("xyz"), mp}), "nomatch");
}

TEST_F(ReTest, HandMadePatternIsCompiledFromItsText) {
    EXPECT_EQ(show_call(bif_re_run_2, {str("xaay"), pattern(0, "a+")}), "{match,[{1,2}]}");
    EXPECT_EQ(show_call(bif_re_run_2, {str("A"), pattern(PCRE_CASELESS, "a")}),
              "{match,[{0,1}]}");
}

TEST_F(ReTest, HandMadePatternThatDoesNotCompileIsBadarg) {
    EXPECT_EQ(show_call(bif_re_run_2, {str("a"), pattern(0, "a(")}), "EXC badarg");
    EXPECT_EQ(show_call(bif_re_inspect_2, {pattern(0, "(?<n"), atom("namelist")}), "EXC badarg");
}

TEST_F(ReTest, HandMadePatternWithOptionsJoistNeverSetsIsBadarg) {
    // PCRE_NO_UTF8_CHECK would let invalid UTF-8 reach PCRE's compiler unchecked.
    Term mp = pattern(PCRE_UTF8 | PCRE_NO_UTF8_CHECK, "\xff(");
    EXPECT_EQ(show_call(bif_re_run_2, {bin("a"), mp}), "EXC badarg");
    EXPECT_EQ(show_call(bif_re_run_2, {bin("a"), pattern(0x40000000u, "a")}), "EXC badarg");
}

TEST_F(ReTest, ForgedGroupCountBeyondLimitsIsBadarg) {
    EXPECT_EQ(show_call(bif_re_run_2, {str("a"), pattern(0, "a", -1)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_re_run_2, {str("a"), pattern(0, "a", 70000)}), "EXC badarg");
}

TEST_F(ReTest, GroupCountSmallerThanThePatternsGivesNomatch) {
    // As erl: too small an ovector for the groups that matched is no match.
    EXPECT_EQ(show_call(bif_re_run_2, {str("ab"), pattern(0, "(a)(b)", 0)}), "nomatch");
}

TEST_F(ReTest, GlobalTrapsIntoGrun) {
    Term r = call(bif_re_run_3, {str("aa"), str("a"), list({atom("global")})});
    ASSERT_FALSE(r.is_none());
    EXPECT_EQ(p.after_bif, Process::AfterBif::Trap);
    const Process::TrapCall& trap = Process::trap_call();
    ASSERT_NE(trap.target, nullptr);
    EXPECT_EQ(trap.target->module, atom("re"));
    EXPECT_EQ(trap.target->function, atom("grun"));
    EXPECT_EQ(trap.target->arity, 3u);
    EXPECT_EQ(format_display(trap.args[0]), "\"aa\"");
    p.after_bif = Process::AfterBif::Continue;
}

TEST_F(ReTest, UnicodeListSubjectTrapsIntoUrun) {
    Term r = call(bif_re_run_3, {str("a"), bin("a"), list({atom("unicode")})});
    ASSERT_FALSE(r.is_none());
    EXPECT_EQ(p.after_bif, Process::AfterBif::Trap);
    EXPECT_EQ(Process::trap_call().target->function, atom("urun"));
    p.after_bif = Process::AfterBif::Continue;
}

TEST_F(ReTest, DeepRecursionEndsInALimitNotACrash) {
    // Each repetition of the group recurses in PCRE: far more than a thread's stack holds.
    std::string subject(2000000, 'a');
    Term r = call(bif_re_run_3,
                  {bin(subject), str("^(?:a|b)*$"), list({atom("report_errors")})});
    ASSERT_FALSE(r.is_none());
    std::string shown = format_display(r);
    EXPECT_TRUE(shown == "{error,match_limit_recursion}" || shown == "{match,[{0,2000000}]}" ||
                shown == "{error,match_limit}")
        << shown;
}

} // namespace
} // namespace joist
