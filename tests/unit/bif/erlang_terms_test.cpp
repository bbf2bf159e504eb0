// Tests for bif/erlang_terms.cpp: tuple BIFs, atom <-> list, type tests, comparison and
// boolean operators. Expected values and exceptions are what erl (OTP 25) gives.
#include <gtest/gtest.h>

#include <charconv>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "bif/bif.h"
#include "code/module.h"
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

class ErlangTermsTest : public ::testing::Test {
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
    Term string(std::string_view s, Term tail = Term::nil()) {
        return gc::make_byte_list(p.heap, s, tail);
    }
    Term codepoints(const std::vector<int64_t>& cps, Term tail = Term::nil()) {
        for (size_t i = cps.size(); i-- > 0;) {
            tail = gc::make_cons(p.heap, Term::small(cps[i]), tail);
        }
        return tail;
    }
    template <class... Ts> Term tuple(Ts... elems) { return gc::make_tuple_of(p.heap, elems...); }
    Term flt(double v) { return gc::make_float(p.heap, v); }
    Term bignum(bool negative, uint64_t limb) {
        Term* box = p.alloc(2);
        box[0] = Term::header(negative ? Subtag::NegBig : Subtag::PosBig, 1);
        box[1] = Term::from_raw(limb);
        return Term::boxed(box);
    }
    Term local_port(uint64_t n) { return Term::from_raw((n << 4) | 0x7); }

    void expect_error(Term result, Term reason) {
        EXPECT_TRUE(result.is_none());
        EXPECT_EQ(p.exc_class, am::error);
        EXPECT_EQ(show(p.exc_reason), show(reason));
    }
    void expect_badarg(Term result) { expect_error(result, am::badarg); }

    Process p;
    Term a = atom("a"), b = atom("b"), c = atom("c"), x = atom("x"), z = atom("z");
};

TEST_F(ErlangTermsTest, Element) {
    Term t = tuple(a, b);
    EXPECT_EQ(call(bif_erlang_element_2, {Term::small(1), t}), a);
    EXPECT_EQ(call(bif_erlang_element_2, {Term::small(2), t}), b);
    expect_badarg(call(bif_erlang_element_2, {Term::small(0), tuple(a)}));
    expect_badarg(call(bif_erlang_element_2, {Term::small(2), tuple(a)}));
    expect_badarg(call(bif_erlang_element_2, {Term::small(-1), tuple(a)}));
    expect_badarg(call(bif_erlang_element_2, {flt(1.0), tuple(a)}));
    expect_badarg(call(bif_erlang_element_2, {bignum(false, 1ull << 63), tuple(a)}));
    expect_badarg(call(bif_erlang_element_2, {Term::small(1), list({a})}));
    expect_badarg(call(bif_erlang_element_2, {Term::small(1), tuple()}));
}

TEST_F(ErlangTermsTest, Setelement) {
    Term t = tuple(a, c);
    Term r = call(bif_erlang_setelement_3, {Term::small(1), t, b});
    EXPECT_EQ(show(r), "{b,c}");
    EXPECT_EQ(show(t), "{a,c}");  // the original is untouched
    EXPECT_EQ(show(call(bif_erlang_setelement_3, {Term::small(2), t, b})), "{a,b}");
    expect_badarg(call(bif_erlang_setelement_3, {Term::small(0), t, b}));
    expect_badarg(call(bif_erlang_setelement_3, {Term::small(3), t, b}));
    expect_badarg(call(bif_erlang_setelement_3, {Term::small(1), a, b}));
    expect_badarg(call(bif_erlang_setelement_3, {a, t, b}));
}

TEST_F(ErlangTermsTest, TupleSizeAndSize) {
    EXPECT_EQ(call(bif_erlang_tuple_size_1, {tuple(a, b)}), Term::small(2));
    EXPECT_EQ(call(bif_erlang_tuple_size_1, {tuple()}), Term::small(0));
    expect_badarg(call(bif_erlang_tuple_size_1, {Term::nil()}));
    EXPECT_EQ(call(bif_erlang_size_1, {tuple(a, b)}), Term::small(2));
    expect_badarg(call(bif_erlang_size_1, {Term::nil()}));
}

TEST_F(ErlangTermsTest, MakeTuple2) {
    EXPECT_EQ(show(call(bif_erlang_make_tuple_2, {Term::small(3), x})), "{x,x,x}");
    EXPECT_EQ(show(call(bif_erlang_make_tuple_2, {Term::small(0), a})), "{}");
    expect_badarg(call(bif_erlang_make_tuple_2, {Term::small(-1), a}));
    expect_badarg(call(bif_erlang_make_tuple_2, {Term::small(16777216), a}));
    expect_badarg(call(bif_erlang_make_tuple_2, {bignum(false, 1ull << 63), a}));
    expect_badarg(call(bif_erlang_make_tuple_2, {flt(1.0), a}));
    Term big = call(bif_erlang_make_tuple_2, {Term::small(16777215), a});
    ASSERT_TRUE(big.is_tuple());
    EXPECT_EQ(big.tuple_arity(), 16777215u);
    EXPECT_EQ(big.tuple_elem(16777214), a);
}

TEST_F(ErlangTermsTest, MakeTuple3) {
    auto pos = [&](int64_t i, Term v) { return tuple(Term::small(i), v); };
    Term init = list({pos(1, a), pos(3, c), pos(1, z)});
    EXPECT_EQ(show(call(bif_erlang_make_tuple_3, {Term::small(3), x, init})), "{z,x,c}");
    EXPECT_EQ(show(call(bif_erlang_make_tuple_3, {Term::small(2), x, Term::nil()})), "{x,x}");
    EXPECT_EQ(show(call(bif_erlang_make_tuple_3, {Term::small(0), x, Term::nil()})), "{}");
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(3), x, list({pos(4, a)})}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(3), x, list({pos(0, a)})}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(3), x, list({pos(1, a)}, b)}));
    expect_badarg(
        call(bif_erlang_make_tuple_3, {Term::small(3), x, list({tuple(Term::small(1), a, b)})}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(3), x, list({a})}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(0), x, list({pos(1, a)})}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(-1), x, Term::nil()}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(16777216), x, Term::nil()}));
    expect_badarg(call(bif_erlang_make_tuple_3, {Term::small(2), x, b}));
}

TEST_F(ErlangTermsTest, AppendElement) {
    EXPECT_EQ(show(call(bif_erlang_append_element_2, {tuple(a), b})), "{a,b}");
    EXPECT_EQ(show(call(bif_erlang_append_element_2, {tuple(), b})), "{b}");
    expect_badarg(call(bif_erlang_append_element_2, {a, b}));
    Term full = call(bif_erlang_make_tuple_2, {Term::small(16777215), a});
    expect_badarg(call(bif_erlang_append_element_2, {full, b}));
}

TEST_F(ErlangTermsTest, TupleToListAndBack) {
    EXPECT_EQ(show(call(bif_erlang_tuple_to_list_1, {tuple(a, b, c)})), "[a,b,c]");
    EXPECT_EQ(call(bif_erlang_tuple_to_list_1, {tuple()}), Term::nil());
    expect_badarg(call(bif_erlang_tuple_to_list_1, {a}));
    EXPECT_EQ(show(call(bif_erlang_list_to_tuple_1, {list({a, b})})), "{a,b}");
    EXPECT_EQ(show(call(bif_erlang_list_to_tuple_1, {Term::nil()})), "{}");
    expect_badarg(call(bif_erlang_list_to_tuple_1, {list({a}, b)}));
    expect_badarg(call(bif_erlang_list_to_tuple_1, {a}));
}

TEST_F(ErlangTermsTest, ListToTupleLimit) {
    Term l = Term::nil();
    for (int i = 0; i < 16777215; i++) l = gc::make_cons(p.heap, a, l);
    Term t = call(bif_erlang_list_to_tuple_1, {l});
    ASSERT_TRUE(t.is_tuple());
    EXPECT_EQ(t.tuple_arity(), 16777215u);
    expect_badarg(call(bif_erlang_list_to_tuple_1, {gc::make_cons(p.heap, a, l)}));
}

TEST_F(ErlangTermsTest, AtomToList) {
    EXPECT_EQ(show(call(bif_erlang_atom_to_list_1, {atom("h\xC3\xA9llo")})),
              "[104,233,108,108,111]");
    EXPECT_EQ(show(call(bif_erlang_atom_to_list_1, {atom("\xF0\x9F\x98\x80")})), "[128512]");
    EXPECT_EQ(call(bif_erlang_atom_to_list_1, {atom("")}), Term::nil());
    expect_badarg(call(bif_erlang_atom_to_list_1, {string("x")}));
}

TEST_F(ErlangTermsTest, ListToAtom) {
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {string("abc")}), atom("abc"));
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {Term::nil()}), atom(""));
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {codepoints({0x1F600})}), atom("\xF0\x9F\x98\x80"));
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {codepoints({233})}), atom("\xC3\xA9"));
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {codepoints({0xFFFE})}), atom("\xEF\xBF\xBE"));
    expect_badarg(call(bif_erlang_list_to_atom_1, {codepoints({0xD800})}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {codepoints({0xDFFF})}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {codepoints({-1})}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {codepoints({0x110000})}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {list({a})}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {string("a", b)}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {a}));
}

TEST_F(ErlangTermsTest, ListToAtomLength) {
    std::string a255(255, 'a'), a256(256, 'a'), a300(300, 'a');
    EXPECT_EQ(call(bif_erlang_list_to_atom_1, {string(a255)}), atom(a255));
    expect_error(call(bif_erlang_list_to_atom_1, {string(a256)}), am::system_limit);
    // 255 four-byte characters fit (the limit is on characters, not bytes).
    std::vector<int64_t> emoji(255, 0x1F600);
    Term e = call(bif_erlang_list_to_atom_1, {codepoints(emoji)});
    ASSERT_TRUE(e.is_atom());
    EXPECT_EQ(atoms().name(e).size(), 255u * 4);
    emoji.push_back(0x1F600);
    expect_error(call(bif_erlang_list_to_atom_1, {codepoints(emoji)}), am::system_limit);
    // A 256th element is system_limit whatever it is; a bad element before it is badarg.
    expect_error(call(bif_erlang_list_to_atom_1, {string(a255, list({a}))}), am::system_limit);
    expect_error(call(bif_erlang_list_to_atom_1, {string(a300, b)}), am::system_limit);
    expect_badarg(call(bif_erlang_list_to_atom_1, {string(std::string(254, 'a'), list({a}))}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {string(a255, b)}));
    expect_badarg(call(bif_erlang_list_to_atom_1, {list({a}, string(a300))}));
}

TEST_F(ErlangTermsTest, ListToExistingAtom) {
    EXPECT_EQ(call(bif_erlang_list_to_existing_atom_1, {string("ok")}), am::ok);
    EXPECT_EQ(call(bif_erlang_list_to_existing_atom_1, {Term::nil()}), am::empty);
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {string("no_such_atom_zq9")}));
    EXPECT_FALSE(atoms().find("no_such_atom_zq9").has_value());  // not created
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {string(std::string(256, 'a'))}));
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {string("o", atom("k"))}));
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {list({a})}));
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {codepoints({0xD800})}));
    expect_badarg(call(bif_erlang_list_to_existing_atom_1, {a}));
}

TEST_F(ErlangTermsTest, TypeTests) {
    FunEntry entry;
    entry.arity = 3;
    entry.num_free = 1;
    Term* f = p.alloc(3);
    f[0] = Term::header(Subtag::Fun, 2);
    f[1] = Term::from_raw(reinterpret_cast<Word>(&entry));
    f[2] = a;
    Term fun = Term::boxed(f);
    Term* r = p.alloc(4);
    r[0] = Term::header(Subtag::Ref, 3);
    r[1] = r[2] = r[3] = Term::from_raw(7);
    Term ref = Term::boxed(r);

    struct Row {
        Term term;
        const char* truths;  // atom integer float number list tuple pid ref fun boolean port
    };
    const Row rows[] = {
        {a, "a"},
        {am::true_, "ab"},
        {Term::small(1), "in"},
        {bignum(true, 1ull << 62), "in"},
        {flt(1.5), "fn"},
        {Term::nil(), "l"},
        {list({a}, b), "l"},
        {tuple(a), "t"},
        {Term::pid(5), "p"},
        {ref, "r"},
        {fun, "u"},
        {local_port(3), "o"},
    };
    struct Check {
        char code;
        BifFn fn;
    };
    const Check checks[] = {
        {'a', bif_erlang_is_atom_1},      {'i', bif_erlang_is_integer_1},
        {'f', bif_erlang_is_float_1},     {'n', bif_erlang_is_number_1},
        {'l', bif_erlang_is_list_1},      {'t', bif_erlang_is_tuple_1},
        {'p', bif_erlang_is_pid_1},       {'r', bif_erlang_is_reference_1},
        {'u', bif_erlang_is_function_1},  {'b', bif_erlang_is_boolean_1},
        {'o', bif_erlang_is_port_1},
    };
    for (const Row& row : rows) {
        for (const Check& t : checks) {
            bool expected = std::strchr(row.truths, t.code) != nullptr;
            EXPECT_EQ(call(t.fn, {row.term}), expected ? am::true_ : am::false_)
                << "test " << t.code << " on " << row.truths;
        }
        EXPECT_EQ(call(bif_erlang_is_binary_1, {row.term}), am::false_);
        EXPECT_EQ(call(bif_erlang_is_bitstring_1, {row.term}), am::false_);
        EXPECT_EQ(call(bif_erlang_is_map_1, {row.term}), am::false_);
    }
}

TEST_F(ErlangTermsTest, IsFunction2) {
    FunEntry entry;  // a closure with code arity 3 and one free variable: called with 2
    entry.arity = 3;
    entry.num_free = 1;
    Term* f = p.alloc(3);
    f[0] = Term::header(Subtag::Fun, 2);
    f[1] = Term::from_raw(reinterpret_cast<Word>(&entry));
    f[2] = a;
    Term closure = Term::boxed(f);
    Export exp;  // fun erlang:element/2
    exp.module = am::erlang;
    exp.function = atom("element");
    exp.arity = 2;
    Term* e = p.alloc(2);
    e[0] = Term::header(Subtag::Export, 1);
    e[1] = Term::from_raw(reinterpret_cast<Word>(&exp));
    Term external = Term::boxed(e);

    EXPECT_EQ(call(bif_erlang_is_function_2, {closure, Term::small(2)}), am::true_);
    EXPECT_EQ(call(bif_erlang_is_function_2, {closure, Term::small(3)}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_function_2, {external, Term::small(2)}), am::true_);
    EXPECT_EQ(call(bif_erlang_is_function_2, {external, Term::small(3)}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_function_2, {a, Term::small(256)}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_function_2, {a, bignum(false, 1ull << 63)}), am::false_);
    expect_badarg(call(bif_erlang_is_function_2, {closure, Term::small(-1)}));
    expect_badarg(call(bif_erlang_is_function_2, {a, Term::small(-1)}));
    expect_badarg(call(bif_erlang_is_function_2, {a, x}));
    expect_badarg(call(bif_erlang_is_function_2, {a, flt(1.0)}));
    expect_badarg(call(bif_erlang_is_function_2, {a, bignum(true, 1ull << 63)}));
}

TEST_F(ErlangTermsTest, IsRecord) {
    Term one = Term::small(1), two = Term::small(2);
    EXPECT_EQ(call(bif_erlang_is_record_2, {tuple(a, one), a}), am::true_);
    EXPECT_EQ(call(bif_erlang_is_record_2, {tuple(b, one), a}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_2, {tuple(), a}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_2, {x, x}), am::false_);
    expect_badarg(call(bif_erlang_is_record_2, {tuple(a, one), string("a")}));
    expect_badarg(call(bif_erlang_is_record_2, {x, string("a")}));

    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(a, one), a, two}), am::true_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(a), a, one}), am::true_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(a, one), a, one}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(string("a")), a, one}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(a, one), a, Term::small(-1)}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {x, a, Term::small(-1)}), am::false_);
    EXPECT_EQ(call(bif_erlang_is_record_3, {tuple(), a, Term::small(0)}), am::false_);
    expect_badarg(call(bif_erlang_is_record_3, {tuple(a, one), a, x}));
    expect_badarg(call(bif_erlang_is_record_3, {tuple(a, one), a, flt(1.0)}));
    expect_badarg(call(bif_erlang_is_record_3, {tuple(a, one), a, bignum(false, 1ull << 63)}));
    expect_badarg(call(bif_erlang_is_record_3, {tuple(a, one), string("a"), two}));
    expect_badarg(call(bif_erlang_is_record_3, {x, a, x}));
    expect_badarg(call(bif_erlang_is_record_3, {x, string("a"), one}));
}

TEST_F(ErlangTermsTest, Comparisons) {
    Term one = Term::small(1), onef = flt(1.0), two = Term::small(2);
    auto yes = [](Term t) { return t == am::true_; };
    EXPECT_TRUE(yes(call(bif_erlang_eq_2, {one, onef})));
    EXPECT_FALSE(yes(call(bif_erlang_ne_2, {one, onef})));
    EXPECT_FALSE(yes(call(bif_erlang_exact_eq_2, {one, onef})));
    EXPECT_TRUE(yes(call(bif_erlang_exact_ne_2, {one, onef})));
    EXPECT_TRUE(yes(call(bif_erlang_exact_eq_2, {tuple(a, one), tuple(a, one)})));
    EXPECT_FALSE(yes(call(bif_erlang_lt_2, {one, onef})));
    EXPECT_FALSE(yes(call(bif_erlang_gt_2, {one, onef})));
    EXPECT_TRUE(yes(call(bif_erlang_le_2, {onef, one})));
    EXPECT_TRUE(yes(call(bif_erlang_ge_2, {onef, one})));
    EXPECT_TRUE(yes(call(bif_erlang_lt_2, {one, two})));
    EXPECT_TRUE(yes(call(bif_erlang_lt_2, {two, a})));            // number < atom
    EXPECT_TRUE(yes(call(bif_erlang_lt_2, {a, tuple()})));        // atom < tuple
    EXPECT_TRUE(yes(call(bif_erlang_lt_2, {tuple(), Term::nil()})));  // tuple < nil
    EXPECT_TRUE(yes(call(bif_erlang_gt_2, {list({a}), Term::nil()})));  // nil < list
    EXPECT_FALSE(yes(call(bif_erlang_gt_2, {a, b})));
    EXPECT_TRUE(yes(call(bif_erlang_ge_2, {b, a})));
}

TEST_F(ErlangTermsTest, BooleanOperators) {
    Term t = am::true_, f = am::false_;
    EXPECT_EQ(call(bif_erlang_and_2, {t, t}), t);
    EXPECT_EQ(call(bif_erlang_and_2, {t, f}), f);
    EXPECT_EQ(call(bif_erlang_and_2, {f, f}), f);
    EXPECT_EQ(call(bif_erlang_or_2, {f, t}), t);
    EXPECT_EQ(call(bif_erlang_or_2, {f, f}), f);
    EXPECT_EQ(call(bif_erlang_xor_2, {t, f}), t);
    EXPECT_EQ(call(bif_erlang_xor_2, {t, t}), f);
    EXPECT_EQ(call(bif_erlang_not_1, {t}), f);
    EXPECT_EQ(call(bif_erlang_not_1, {f}), t);
    // No short circuit: both operands must be booleans.
    expect_badarg(call(bif_erlang_and_2, {t, x}));
    expect_badarg(call(bif_erlang_and_2, {f, x}));
    expect_badarg(call(bif_erlang_and_2, {x, f}));
    expect_badarg(call(bif_erlang_or_2, {t, x}));
    expect_badarg(call(bif_erlang_xor_2, {t, Term::small(1)}));
    expect_badarg(call(bif_erlang_not_1, {x}));
}

TEST_F(ErlangTermsTest, TableRows) {
    size_t n;
    const BifInfo* table = bif_table(n);
    bool found_element = false, found_eq = false;
    for (size_t i = 0; i < n; i++) {
        std::string_view m = table[i].module, f = table[i].name;
        if (m == "erlang" && f == "element" && table[i].arity == 2) {
            found_element = table[i].fn == &bif_erlang_element_2 && (table[i].flags & kBifGuard);
        }
        if (m == "erlang" && f == "=:=" && table[i].arity == 2) {
            found_eq = table[i].fn == &bif_erlang_exact_eq_2 && (table[i].flags & kBifGuard);
        }
    }
    EXPECT_TRUE(found_element);
    EXPECT_TRUE(found_eq);
}

} // namespace
} // namespace joist
