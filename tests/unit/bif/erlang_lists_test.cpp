// Tests for bif/erlang_lists.cpp: length/1, hd/1, tl/1, '++'/2, '--'/2 (and append/2,
// subtract/2), including 10M-element lists. Expected values are what erl (OTP 25) gives.
#include <gtest/gtest.h>

#include <charconv>
#include <chrono>
#include <initializer_list>
#include <random>
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

class ErlangListsTest : public ::testing::Test {
protected:
    void SetUp() override { p.heap.init(4096); }

    Term call(BifFn fn, std::initializer_list<Term> args) {
        std::vector<Term> v(args);
        return fn(p, v.data());
    }
    Term list(std::initializer_list<Term> elems, Term tail = Term::nil()) {
        return list_of(std::vector<Term>(elems), tail);
    }
    Term list_of(const std::vector<Term>& v, Term tail = Term::nil()) {
        for (size_t i = v.size(); i-- > 0;) tail = gc::make_cons(p.heap, v[i], tail);
        return tail;
    }
    // [0, 1, ..., n-1] in one block.
    Term iota(size_t n) {
        Term* cells = p.alloc(2 * n);
        for (size_t i = 0; i < n; i++) {
            cells[2 * i] = Term::small(int64_t(i));
            cells[2 * i + 1] = i + 1 < n ? Term::list(&cells[2 * i + 2]) : Term::nil();
        }
        return Term::list(cells);
    }
    std::vector<Term> elements(Term l) {
        std::vector<Term> v;
        for (; l.is_list(); l = l.tail()) v.push_back(l.head());
        return v;
    }
    template <class... Ts> Term tuple(Ts... elems) { return gc::make_tuple_of(p.heap, elems...); }
    Term flt(double v) { return gc::make_float(p.heap, v); }

    void expect_badarg(Term result) {
        EXPECT_TRUE(result.is_none());
        EXPECT_EQ(p.exc_class, am::error);
        EXPECT_EQ(p.exc_reason, am::badarg);
    }

    Process p;
    Term a = atom("a"), b = atom("b"), c = atom("c"), d = atom("d"), x = atom("x");
};

TEST_F(ErlangListsTest, Length) {
    EXPECT_EQ(call(bif_erlang_length_1, {list({a, b, c})}), Term::small(3));
    EXPECT_EQ(call(bif_erlang_length_1, {Term::nil()}), Term::small(0));
    expect_badarg(call(bif_erlang_length_1, {list({a}, b)}));
    expect_badarg(call(bif_erlang_length_1, {a}));
}

TEST_F(ErlangListsTest, HdTl) {
    EXPECT_EQ(call(bif_erlang_hd_1, {list({a}, b)}), a);
    EXPECT_EQ(call(bif_erlang_tl_1, {list({a}, b)}), b);
    EXPECT_EQ(show(call(bif_erlang_tl_1, {list({a, b})})), "[b]");
    expect_badarg(call(bif_erlang_hd_1, {Term::nil()}));
    expect_badarg(call(bif_erlang_tl_1, {Term::nil()}));
    expect_badarg(call(bif_erlang_hd_1, {a}));
    expect_badarg(call(bif_erlang_tl_1, {a}));
}

TEST_F(ErlangListsTest, Append) {
    EXPECT_EQ(call(bif_erlang_plusplus_2, {Term::nil(), x}), x);
    EXPECT_EQ(show(call(bif_erlang_plusplus_2, {list({a}), x})), "[a|x]");
    Term left = list({a, b}), right = list({c}, d);
    Term r = call(bif_erlang_plusplus_2, {left, right});
    EXPECT_EQ(show(r), "[a,b,c|d]");
    EXPECT_EQ(show(left), "[a,b]");          // the left operand is copied
    EXPECT_EQ(r.tail().tail(), right);       // the right one is shared
    expect_badarg(call(bif_erlang_plusplus_2, {x, Term::nil()}));
    expect_badarg(call(bif_erlang_plusplus_2, {x, x}));
    expect_badarg(call(bif_erlang_plusplus_2, {list({a}, b), list({c})}));
    expect_badarg(call(bif_erlang_plusplus_2, {list({a}, b), Term::nil()}));
    EXPECT_EQ(show(call(bif_erlang_append_2, {list({a}), list({b})})), "[a,b]");
    expect_badarg(call(bif_erlang_append_2, {x, Term::nil()}));
}

TEST_F(ErlangListsTest, Subtract) {
    Term one = Term::small(1);
    Term l = list({one, Term::small(2), one, Term::small(3), flt(1.0)});
    Term r = list({one, flt(1.0), Term::small(4)});
    EXPECT_EQ(show(call(bif_erlang_minusminus_2, {l, r})), "[2,1,3]");
    EXPECT_EQ(show(call(bif_erlang_minusminus_2, {list({a, b, c}), list({b, b})})), "[a,c]");
    Term tuples = list({tuple(one, flt(2.0)), tuple(one, Term::small(2))});
    EXPECT_EQ(show(call(bif_erlang_minusminus_2, {tuples, list({tuple(one, Term::small(2))})})),
              "[{1,2.0}]");
    Term abc = list({a, b, c});
    EXPECT_EQ(call(bif_erlang_minusminus_2, {abc, Term::nil()}), abc);
    EXPECT_EQ(call(bif_erlang_minusminus_2, {abc, list({x})}), abc);
    EXPECT_EQ(call(bif_erlang_minusminus_2, {Term::nil(), list({x})}), Term::nil());
    EXPECT_EQ(call(bif_erlang_minusminus_2, {abc, list({a})}), abc.tail());  // suffix shared
    EXPECT_EQ(call(bif_erlang_minusminus_2, {abc, list({c, b, a})}), Term::nil());
    Term r2 = call(bif_erlang_minusminus_2, {abc, list({b})});
    EXPECT_EQ(show(r2), "[a,c]");
    EXPECT_EQ(r2.tail(), abc.tail().tail());
    expect_badarg(call(bif_erlang_minusminus_2, {list({one}, Term::small(2)), Term::nil()}));
    expect_badarg(call(bif_erlang_minusminus_2, {list({one}), list({one}, Term::small(2))}));
    expect_badarg(call(bif_erlang_minusminus_2, {a, Term::nil()}));
    expect_badarg(call(bif_erlang_minusminus_2, {Term::nil(), a}));
    expect_badarg(call(bif_erlang_minusminus_2, {Term::nil(), list({a}, b)}));
    expect_badarg(call(bif_erlang_minusminus_2, {list({a}, b), list({a})}));
    EXPECT_EQ(call(bif_erlang_subtract_2, {list({a}), list({a})}), Term::nil());
    expect_badarg(call(bif_erlang_subtract_2, {a, Term::nil()}));
}

// '--' against a naive model, for right operands on both sides of the linear/sorted cutoff.
TEST_F(ErlangListsTest, SubtractMatchesModel) {
    std::mt19937 rng(42);
    auto random_term = [&]() -> Term {
        switch (rng() % 4) {
        case 0:
            return Term::small(int64_t(rng() % 20));
        case 1:
            return flt(double(rng() % 20));
        case 2:
            return atom(std::string(1, char('a' + rng() % 5)));
        default:
            return tuple(Term::small(int64_t(rng() % 3)), flt(double(rng() % 2)));
        }
    };
    for (size_t m : {1, 5, 16, 17, 40, 300}) {
        std::vector<Term> lv, rv;
        for (size_t i = 0; i < 500; i++) lv.push_back(random_term());
        for (size_t i = 0; i < m; i++) rv.push_back(random_term());
        std::vector<Term> model = lv;
        for (Term t : rv) {
            for (size_t i = 0; i < model.size(); i++) {
                if (show(model[i]) == show(t)) {  // ~w text is exact equality for these terms
                    model.erase(model.begin() + long(i));
                    break;
                }
            }
        }
        Term r = call(bif_erlang_minusminus_2, {list_of(lv), list_of(rv)});
        ASSERT_TRUE(r.is_value());
        EXPECT_EQ(show(r), show(list_of(model))) << "m = " << m;
    }
}

TEST_F(ErlangListsTest, SubtractLargeIsNotQuadratic) {
    constexpr size_t n = 200000;
    Term left = iota(n);
    std::vector<Term> rv;
    for (size_t i = n; i-- > 0;) {
        if (i % 2 == 0) rv.push_back(Term::small(int64_t(i)));
    }
    auto start = std::chrono::steady_clock::now();
    Term r = call(bif_erlang_minusminus_2, {left, list_of(rv)});
    auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(secs, 5.0);
    std::vector<Term> got = elements(r);
    ASSERT_EQ(got.size(), n / 2);
    for (size_t i = 0; i < got.size(); i++) EXPECT_EQ(got[i], Term::small(int64_t(2 * i + 1)));
}

TEST_F(ErlangListsTest, TenMillionElements) {
    constexpr size_t n = 10000000;
    Term l = iota(n);
    EXPECT_EQ(call(bif_erlang_length_1, {l}), Term::small(int64_t(n)));
    Term twice = call(bif_erlang_plusplus_2, {l, l});
    EXPECT_EQ(call(bif_erlang_length_1, {twice}), Term::small(int64_t(2 * n)));
    Term r = call(bif_erlang_minusminus_2, {l, list({Term::small(int64_t(n - 1))})});
    EXPECT_EQ(call(bif_erlang_length_1, {r}), Term::small(int64_t(n - 1)));
    Term all_but_first = call(bif_erlang_minusminus_2, {l, list({Term::small(0)})});
    EXPECT_EQ(all_but_first, l.tail());
}

} // namespace
} // namespace joist
