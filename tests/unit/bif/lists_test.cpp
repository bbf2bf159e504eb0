// Tests for bif/lists.cpp: lists:reverse/2, keyfind/3, keymember/3, keysearch/3, member/2.
// Expected values and exceptions are what erl (OTP 25) gives.
#include <gtest/gtest.h>

#include <charconv>
#include <initializer_list>
#include <string>
#include <vector>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"

namespace joist {
namespace {

Term atom(std::string_view text) { return atoms().intern(text); }

// erl's ~w text for the terms these tests use (atoms unquoted).
std::string show(Term t) {
    if (t.is_small()) return std::to_string(t.small_value());
    if (t.is_atom()) return std::string(atoms().name(t));
    if (t.is_nil()) return "[]";
    if (t.is_float()) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, t.float_value());
        std::string s(buf, r.ptr);
        if (s.find_first_of(".e") == std::string::npos) s += ".0";
        return s;
    }
    if (t.is_tuple()) {
        std::string s = "{";
        for (uint64_t i = 0; i < t.tuple_arity(); i++) {
            if (i) s += ",";
            s += show(t.tuple_elem(i));
        }
        return s + "}";
    }
    if (t.is_list()) {
        std::string s = "[";
        for (bool first = true; t.is_list(); t = t.tail(), first = false) {
            if (!first) s += ",";
            s += show(t.head());
        }
        if (!t.is_nil()) s += "|" + show(t);
        return s + "]";
    }
    return "?";
}

class ListsTest : public ::testing::Test {
protected:
    void SetUp() override { p.heap.init(4096); }

    Term call(BifFn fn, std::initializer_list<Term> args) {
        std::vector<Term> v(args);
        return fn(p, v.data());
    }
    Term list(std::initializer_list<Term> elems, Term tail = Term::nil()) {
        std::vector<Term> v(elems);
        for (size_t i = v.size(); i-- > 0;) tail = gc::make_cons(p.heap, v[i], tail);
        return tail;
    }
    template <class... Ts> Term tuple(Ts... elems) { return gc::make_tuple_of(p.heap, elems...); }
    Term flt(double v) { return gc::make_float(p.heap, v); }
    Term bignum(uint64_t limb) {
        Term* box = p.alloc(2);
        box[0] = Term::header(Subtag::PosBig, 1);
        box[1] = Term::from_raw(limb);
        return Term::boxed(box);
    }

    void expect_badarg(Term result) {
        EXPECT_TRUE(result.is_none());
        EXPECT_EQ(p.exc_class, am::error);
        EXPECT_EQ(p.exc_reason, am::badarg);
    }

    Process p;
    Term a = atom("a"), b = atom("b"), c = atom("c"), d = atom("d"), x = atom("x");
    Term one = Term::small(1);
};

TEST_F(ListsTest, Reverse2) {
    EXPECT_EQ(show(call(bif_lists_reverse_2, {list({one, Term::small(2)}), x})), "[2,1|x]");
    EXPECT_EQ(show(call(bif_lists_reverse_2, {list({a, b}), list({c}, d)})), "[b,a,c|d]");
    EXPECT_EQ(show(call(bif_lists_reverse_2, {list({a, b, c}), Term::nil()})), "[c,b,a]");
    EXPECT_EQ(call(bif_lists_reverse_2, {Term::nil(), x}), x);
    expect_badarg(call(bif_lists_reverse_2, {list({one}, Term::small(2)), list({x})}));
    expect_badarg(call(bif_lists_reverse_2, {a, list({x})}));
}

TEST_F(ListsTest, Reverse2Long) {
    constexpr int64_t n = 10000000;
    Term* cells = p.alloc(2 * n);
    for (int64_t i = 0; i < n; i++) {
        cells[2 * i] = Term::small(i);
        cells[2 * i + 1] = i + 1 < n ? Term::list(&cells[2 * i + 2]) : Term::nil();
    }
    Term r = call(bif_lists_reverse_2, {Term::list(cells), Term::nil()});
    int64_t expect = n - 1;
    for (; r.is_list(); r = r.tail(), expect--) {
        if (r.head() != Term::small(expect)) break;
    }
    EXPECT_EQ(expect, -1);
    EXPECT_TRUE(r.is_nil());
}

TEST_F(ListsTest, Keyfind) {
    Term l = list({tuple(a), tuple(b, a)});
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {a, one, l})), "{a}");
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {a, Term::small(2), l})), "{b,a}");
    EXPECT_EQ(call(bif_lists_keyfind_3, {x, one, l}), am::false_);
    EXPECT_EQ(call(bif_lists_keyfind_3, {a, one, Term::nil()}), am::false_);
    // Non-tuples and too-short tuples are skipped.
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {a, one, list({x, tuple(), tuple(a)})})), "{a}");
    // Keys compare with == (numbers by value).
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {one, one, list({tuple(flt(1.0)), tuple(one)})})),
              "{1.0}");
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {flt(1.0), one, list({tuple(one), tuple(flt(1.0))})})),
              "{1}");
    Term key = tuple(one, Term::small(2));
    Term nested = list({tuple(tuple(one, flt(2.0))), tuple(tuple(one, Term::small(2)))});
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {key, one, nested})), "{{1,2.0}}");
    // A match before an improper tail is found; otherwise the tail is badarg.
    EXPECT_EQ(show(call(bif_lists_keyfind_3, {a, one, list({tuple(a)}, b)})), "{a}");
    expect_badarg(call(bif_lists_keyfind_3, {a, one, list({tuple(b)}, b)}));
    expect_badarg(call(bif_lists_keyfind_3, {x, one, list({a}, b)}));
    expect_badarg(call(bif_lists_keyfind_3, {a, one, x}));
    // The position: a small integer >= 1 (a huge small one just never matches).
    EXPECT_EQ(call(bif_lists_keyfind_3, {a, Term::small(int64_t(1) << 50), l}), am::false_);
    expect_badarg(call(bif_lists_keyfind_3, {a, Term::small(0), l}));
    expect_badarg(call(bif_lists_keyfind_3, {a, Term::small(-1), l}));
    expect_badarg(call(bif_lists_keyfind_3, {a, flt(1.0), l}));
    expect_badarg(call(bif_lists_keyfind_3, {a, bignum(uint64_t(1) << 63), l}));
    expect_badarg(call(bif_lists_keyfind_3, {a, Term::small(0), Term::nil()}));
    expect_badarg(call(bif_lists_keyfind_3, {a, Term::small(0), x}));
}

TEST_F(ListsTest, KeymemberKeysearch) {
    Term l = list({tuple(a, one)});
    EXPECT_EQ(call(bif_lists_keymember_3, {a, one, l}), am::true_);
    EXPECT_EQ(call(bif_lists_keymember_3, {x, one, Term::nil()}), am::false_);
    expect_badarg(call(bif_lists_keymember_3, {a, Term::small(0), l}));
    expect_badarg(call(bif_lists_keymember_3, {x, flt(1.0), Term::nil()}));
    expect_badarg(call(bif_lists_keymember_3, {x, one, list({tuple(a)}, b)}));

    EXPECT_EQ(show(call(bif_lists_keysearch_3, {a, one, l})), "{value,{a,1}}");
    EXPECT_EQ(call(bif_lists_keysearch_3, {b, one, l}), am::false_);
    expect_badarg(call(bif_lists_keysearch_3, {x, Term::small(0), Term::nil()}));
    expect_badarg(call(bif_lists_keysearch_3, {x, one, x}));
}

TEST_F(ListsTest, Member) {
    EXPECT_EQ(call(bif_lists_member_2, {b, list({a, b})}), am::true_);
    EXPECT_EQ(call(bif_lists_member_2, {a, list({a}, b)}), am::true_);
    EXPECT_EQ(call(bif_lists_member_2, {x, list({x}, atom("y"))}), am::true_);
    EXPECT_EQ(call(bif_lists_member_2, {a, Term::nil()}), am::false_);
    // Exact equality: 1 is not a member of [1.0].
    EXPECT_EQ(call(bif_lists_member_2, {one, list({flt(1.0)})}), am::false_);
    EXPECT_EQ(call(bif_lists_member_2, {flt(1.0), list({flt(1.0)})}), am::true_);
    Term key = tuple(one, Term::small(2));
    Term l = list({tuple(one, flt(2.0)), tuple(one, Term::small(2))});
    EXPECT_EQ(call(bif_lists_member_2, {key, l}), am::true_);
    EXPECT_EQ(call(bif_lists_member_2, {tuple(one, flt(3.0)), l}), am::false_);
    expect_badarg(call(bif_lists_member_2, {a, list({c}, b)}));
    expect_badarg(call(bif_lists_member_2, {a, x}));
}

} // namespace
} // namespace joist
