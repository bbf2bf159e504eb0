// Term order tests: every expected order below was checked on erl (OTP 25) with lists:sort/1,
// maps:keys/1 (exact order), ==, =:= and <.
#include "term/compare.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "code/module.h"
#include "term/atom_table.h"

namespace joist {
namespace {

// Terms built by hand in owned word blocks (no heap, no GC).
class Terms {
public:
    Term* alloc(size_t n) {
        m_blocks.push_back(std::make_unique<Term[]>(n));
        return m_blocks.back().get();
    }
    Term atom(std::string_view text) { return atoms().intern(text); }
    Term flt(double d) {
        Term* p = alloc(2);
        p[0] = Term::header(Subtag::Float, 1);
        std::memcpy(&p[1], &d, sizeof d);
        return Term::boxed(p);
    }
    // Bignum from little-endian limbs (caller keeps it normalised).
    Term big(bool negative, std::initializer_list<uint64_t> limbs) {
        Term* p = alloc(1 + limbs.size());
        p[0] = Term::header(negative ? Subtag::NegBig : Subtag::PosBig, limbs.size());
        size_t i = 1;
        for (uint64_t l : limbs) p[i++] = Term::from_raw(l);
        return Term::boxed(p);
    }
    Term tuple(std::initializer_list<Term> elems) {
        Term* p = alloc(1 + elems.size());
        p[0] = Term::header(Subtag::Tuple, elems.size());
        size_t i = 1;
        for (Term e : elems) p[i++] = e;
        return Term::boxed(p);
    }
    Term list(std::initializer_list<Term> elems, Term tail = Term::nil()) {
        std::vector<Term> v(elems);
        Term l = tail;
        for (size_t i = v.size(); i-- > 0;) {
            Term* c = alloc(2);
            c[0] = v[i];
            c[1] = l;
            l = Term::list(c);
        }
        return l;
    }
    Term bin(std::initializer_list<uint8_t> bytes) {
        size_t words = (bytes.size() + 7) / 8;
        Term* p = alloc(2 + words);
        p[0] = Term::header(Subtag::HeapBin, 1 + words);
        p[1] = Term::from_raw(bytes.size());
        std::vector<uint8_t> v(bytes);
        if (!v.empty()) std::memcpy(p + 2, v.data(), v.size());
        return Term::boxed(p);
    }
    // A sub binary of `bits` bits starting `offset` bits into a heap binary holding `bytes`.
    Term subbin(std::initializer_list<uint8_t> bytes, uint64_t bits, uint64_t offset = 0) {
        std::vector<uint8_t> v(bytes);
        size_t words = (v.size() + 7) / 8;
        Term* orig = alloc(2 + words);
        orig[0] = Term::header(Subtag::HeapBin, 1 + words);
        orig[1] = Term::from_raw(v.size());
        if (!v.empty()) std::memcpy(orig + 2, v.data(), v.size());
        Term* p = alloc(5);
        p[0] = Term::header(Subtag::SubBin, 4);
        p[1] = Term::small(int64_t(bits));
        p[2] = Term::small(int64_t(offset));
        p[3] = Term::small(0);
        p[4] = Term::boxed(orig);
        return Term::boxed(p);
    }
    // A flat map; the caller lists the pairs in exact key order.
    Term map(std::initializer_list<std::pair<Term, Term>> pairs) {
        size_t n = pairs.size();
        Term* keys = alloc(1 + n);
        keys[0] = Term::header(Subtag::Tuple, n);
        Term* p = alloc(2 + n);
        p[0] = Term::header(Subtag::FlatMap, n + 1);
        p[1] = Term::boxed(keys);
        size_t i = 0;
        for (const auto& [k, v] : pairs) {
            keys[1 + i] = k;
            p[2 + i] = v;
            ++i;
        }
        return Term::boxed(p);
    }
    Term ref(uint64_t w0, uint64_t w1, uint64_t w2) {
        Term* p = alloc(4);
        p[0] = Term::header(Subtag::Ref, 3);
        p[1] = Term::from_raw(w0);
        p[2] = Term::from_raw(w1);
        p[3] = Term::from_raw(w2);
        return Term::boxed(p);
    }
    static Term port(uint64_t n) { return Term::from_raw((n << 4) | 0x7); }

    Module* module(std::string_view name) {
        m_modules.push_back(std::make_unique<Module>());
        m_modules.back()->name = atom(name);
        return m_modules.back().get();
    }
    FunEntry* fun_entry(Module* m, uint32_t index, uint32_t uniq, uint32_t num_free) {
        m_funs.push_back(std::make_unique<FunEntry>());
        FunEntry* f = m_funs.back().get();
        f->module = m;
        f->index = index;
        f->old_uniq = uniq;
        f->num_free = num_free;
        return f;
    }
    Term local_fun(FunEntry* f, std::initializer_list<Term> env = {}) {
        Term* p = alloc(2 + env.size());
        p[0] = Term::header(Subtag::Fun, 1 + env.size());
        p[1] = Term::from_raw(reinterpret_cast<Word>(f));
        size_t i = 2;
        for (Term e : env) p[i++] = e;
        return Term::boxed(p);
    }
    Term export_fun(std::string_view m, std::string_view f, uint32_t arity) {
        m_exports.push_back(std::make_unique<Export>());
        Export* e = m_exports.back().get();
        e->module = atom(m);
        e->function = atom(f);
        e->arity = arity;
        Term* p = alloc(2);
        p[0] = Term::header(Subtag::Export, 1);
        p[1] = Term::from_raw(reinterpret_cast<Word>(e));
        return Term::boxed(p);
    }

private:
    std::vector<std::unique_ptr<Term[]>> m_blocks;
    std::vector<std::unique_ptr<Module>> m_modules;
    std::vector<std::unique_ptr<FunEntry>> m_funs;
    std::vector<std::unique_ptr<Export>> m_exports;
};

Term sm(int64_t v) { return Term::small(v); }

// Each term is strictly less than the next (also in exact order unless mixing integers and
// floats), and equal to itself.
void expect_ascending(const std::vector<Term>& v, bool check_exact = true) {
    for (size_t i = 0; i < v.size(); ++i) {
        EXPECT_EQ(compare_terms(v[i], v[i]), 0) << i;
        EXPECT_TRUE(terms_exact_eq(v[i], v[i])) << i;
        for (size_t j = i + 1; j < v.size(); ++j) {
            EXPECT_LT(compare_terms(v[i], v[j]), 0) << i << " < " << j;
            EXPECT_GT(compare_terms(v[j], v[i]), 0) << j << " > " << i;
            if (check_exact) {
                EXPECT_LT(compare_terms_exact(v[i], v[j]), 0) << i << " < " << j;
            }
            EXPECT_FALSE(terms_exact_eq(v[i], v[j])) << i << " =/= " << j;
        }
    }
}

TEST(Compare, TypeOrder) {
    // number < atom < reference < fun < port < pid < tuple < (map) < nil < list < bitstring
    Terms t;
    Module* m = t.module("m");
    expect_ascending({
        sm(5), t.flt(1.0e300), t.atom("a"), t.ref(1, 2, 3), t.local_fun(t.fun_entry(m, 0, 1, 0)),
        t.export_fun("lists", "map", 2), Terms::port(0), Term::pid(9), t.tuple({}),
        Term::nil(), t.list({sm(1)}), t.bin({}),
    });
}

TEST(Compare, NumbersByValue) {
    Terms t;
    // lists:sort([1.0, 1, 2, 0.5, a, 1 bsl 70, -(1 bsl 70), 1.0e30, -1.0e30]) =
    // [-1.0e30, -(1 bsl 70), 0.5, 1.0, 1, 2, 1 bsl 70, 1.0e30, a]
    Term big70 = t.big(false, {0, 64});
    Term nbig70 = t.big(true, {0, 64});
    expect_ascending({t.flt(-1.0e30), nbig70, t.flt(0.5), sm(1), sm(2), big70, t.flt(1.0e30)},
                     false);
    EXPECT_EQ(compare_terms(sm(1), t.flt(1.0)), 0);
    EXPECT_TRUE(terms_arith_eq(sm(1), t.flt(1.0)));
    EXPECT_FALSE(terms_exact_eq(sm(1), t.flt(1.0)));
    EXPECT_EQ(compare_terms(t.flt(-0.0), t.flt(0.0)), 0);  // OTP 25: -0.0 =:= 0.0
    EXPECT_TRUE(terms_exact_eq(t.flt(-0.0), t.flt(0.0)));
    EXPECT_EQ(compare_terms(sm(0), t.flt(-0.0)), 0);
    EXPECT_EQ(compare_terms(sm(-3), sm(-3)), 0);
    EXPECT_LT(compare_terms(sm(-3), sm(-2)), 0);
    EXPECT_LT(compare_terms(sm(kMinSmall), sm(kMaxSmall)), 0);
}

TEST(Compare, ExactOrderPutsIntegersBeforeFloats) {
    Terms t;
    // maps:keys(#{1=>a, 1.0=>b, 2=>c, 0.5=>d, 2.0=>e}) = [1, 2, 0.5, 1.0, 2.0]
    std::vector<Term> keys = {sm(1), sm(2), t.big(false, {0, 1}), t.flt(-5.0), t.flt(0.5),
                              t.flt(1.0), t.flt(2.0)};
    for (size_t i = 0; i < keys.size(); ++i) {
        for (size_t j = i + 1; j < keys.size(); ++j) {
            EXPECT_LT(compare_terms_exact(keys[i], keys[j]), 0) << i << " " << j;
            EXPECT_GT(compare_terms_exact(keys[j], keys[i]), 0) << i << " " << j;
        }
    }
    // Nested: {1} == {1.0} but not =:=.
    Term a = t.tuple({sm(1)}), b = t.tuple({t.flt(1.0)});
    EXPECT_EQ(compare_terms(a, b), 0);
    EXPECT_LT(compare_terms_exact(a, b), 0);
    EXPECT_FALSE(terms_exact_eq(a, b));
    EXPECT_TRUE(terms_arith_eq(t.list({a, sm(2)}), t.list({b, t.flt(2.0)})));
}

TEST(Compare, IntegersAgainstFloatsExactly) {
    Terms t;
    const double two53 = 9007199254740992.0;
    // (1 bsl 53) + 1 > float(1 bsl 53); (1 bsl 53) == float(1 bsl 53)
    EXPECT_GT(compare_terms(sm((int64_t(1) << 53) + 1), t.flt(two53)), 0);
    EXPECT_LT(compare_terms(t.flt(two53), sm((int64_t(1) << 53) + 1)), 0);
    EXPECT_EQ(compare_terms(sm(int64_t(1) << 53), t.flt(two53)), 0);
    EXPECT_LT(compare_terms(sm(-(int64_t(1) << 53) - 1), t.flt(-two53)), 0);
    // Largest small vs 2^59 as a float (the float is bigger by one).
    EXPECT_LT(compare_terms(sm(kMaxSmall), t.flt(576460752303423488.0)), 0);
    EXPECT_EQ(compare_terms(sm(kMinSmall), t.flt(-576460752303423488.0)), 0);
    EXPECT_LT(compare_terms(sm(kMaxSmall), t.flt(1.0e300)), 0);
    EXPECT_GT(compare_terms(sm(kMinSmall), t.flt(-1.0e300)), 0);
    EXPECT_GT(compare_terms(sm(3), t.flt(2.5)), 0);
    EXPECT_LT(compare_terms(sm(-3), t.flt(-2.5)), 0);
    // (1 bsl 80) == float(1 bsl 80); (1 bsl 80) + 1 > float(1 bsl 80)
    Term b80 = t.big(false, {0, 1 << 16});
    Term b80p1 = t.big(false, {1, 1 << 16});
    double f80 = 1208925819614629174706176.0;
    EXPECT_EQ(compare_terms(b80, t.flt(f80)), 0);
    EXPECT_GT(compare_terms(b80p1, t.flt(f80)), 0);
    EXPECT_LT(compare_terms(t.flt(f80), b80p1), 0);
    EXPECT_LT(compare_terms(t.big(true, {1, 1 << 16}), t.flt(-f80)), 0);
    EXPECT_GT(compare_terms(b80, t.flt(f80 / 2 + 0.5)), 0);
    // (1 bsl 1030) > 1.7976931348623157e308; -(1 bsl 1030) < -1.7976931348623157e308
    std::vector<uint64_t> limbs(17, 0);
    limbs[16] = uint64_t(1) << 6;
    Term* p = t.alloc(18);
    p[0] = Term::header(Subtag::PosBig, 17);
    for (size_t i = 0; i < 17; ++i) p[1 + i] = Term::from_raw(limbs[i]);
    Term b1030 = Term::boxed(p);
    EXPECT_GT(compare_terms(b1030, t.flt(DBL_MAX)), 0);
    EXPECT_LT(compare_terms(t.flt(DBL_MAX), b1030), 0);
    Term* q = t.alloc(18);
    std::memcpy(q, p, 18 * sizeof(Term));
    q[0] = Term::header(Subtag::NegBig, 17);
    EXPECT_LT(compare_terms(Term::boxed(q), t.flt(-DBL_MAX)), 0);
    // Bignums against smalls and each other.
    EXPECT_GT(compare_terms(b80, sm(kMaxSmall)), 0);
    EXPECT_LT(compare_terms(t.big(true, {0, 1}), sm(kMinSmall)), 0);
    EXPECT_LT(compare_terms(b80, b80p1), 0);
    EXPECT_LT(compare_terms(b80, b1030), 0);
}

TEST(Compare, AtomsByText) {
    Terms t;
    // lists:sort(['b','a','B','ab','','aa',[255],[256],[$a,128],[$a,16#10000],[$a,16#ffff]])
    expect_ascending({t.atom(""), t.atom("B"), t.atom("a"), t.atom("aa"), t.atom("ab"),
                      t.atom("a\xC2\x80"), t.atom("a\xEF\xBF\xBF"), t.atom("a\xF0\x90\x80\x80"),
                      t.atom("b"), t.atom("\xC3\xBF"), t.atom("\xC4\x80")});
}

TEST(Compare, Tuples) {
    Terms t;
    // lists:sort([{1,2}, {1}, {}, {0,0,0}, {2,1}, {1,1.0}]) = [{},{1},{1,1.0},{1,2},{2,1},{0,0,0}]
    expect_ascending({t.tuple({}), t.tuple({sm(1)}), t.tuple({sm(1), t.flt(1.0)}),
                      t.tuple({sm(1), sm(2)}), t.tuple({sm(2), sm(1)}),
                      t.tuple({sm(0), sm(0), sm(0)})},
                     false);
    // maps:keys(#{{1,1.0}=>a, {1,2}=>b, [1.0]=>c, [2]=>d}) = [{1,2},{1,1.0},[2],[1.0]]
    EXPECT_LT(compare_terms_exact(t.tuple({sm(1), sm(2)}), t.tuple({sm(1), t.flt(1.0)})), 0);
    EXPECT_LT(compare_terms_exact(t.list({sm(2)}), t.list({t.flt(1.0)})), 0);
    // maps:keys(#{1.0=>a, 2=>b, 1 bsl 70=>c, 0.5=>d, -1=>e, -1.0=>f}) =
    // [-1, 2, 1 bsl 70, -1.0, 0.5, 1.0]
    std::vector<Term> keys = {sm(-1), sm(2), t.big(false, {0, 64}), t.flt(-1.0), t.flt(0.5),
                              t.flt(1.0)};
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        EXPECT_LT(compare_terms_exact(keys[i], keys[i + 1]), 0) << i;
    }
    EXPECT_EQ(compare_terms(t.tuple({sm(1), t.atom("x")}), t.tuple({sm(1), t.atom("x")})), 0);
}

TEST(Compare, Lists) {
    Terms t;
    // lists:sort([[1,2],[1],[],[1|2],[1,2|3],[1|a],[0,5],[2]]) =
    // [[],[0,5],[1|2],[1|a],[1],[1,2|3],[1,2],[2]]
    expect_ascending({Term::nil(), t.list({sm(0), sm(5)}), t.list({sm(1)}, sm(2)),
                      t.list({sm(1)}, t.atom("a")), t.list({sm(1)}), t.list({sm(1), sm(2)}, sm(3)),
                      t.list({sm(1), sm(2)}), t.list({sm(2)})});
    EXPECT_EQ(compare_terms(t.list({sm(1), sm(2)}), t.list({sm(1), sm(2)})), 0);
    EXPECT_EQ(compare_terms(t.list({sm(1)}, t.flt(2.0)), t.list({sm(1)}, sm(2))), 0);
    EXPECT_FALSE(terms_exact_eq(t.list({sm(1)}, t.flt(2.0)), t.list({sm(1)}, sm(2))));
}

TEST(Compare, Binaries) {
    Terms t;
    // lists:sort([<<1,2>>, <<1>>, <<>>, <<2>>, <<1,2,3>>]) = [<<>>,<<1>>,<<1,2>>,<<1,2,3>>,<<2>>]
    expect_ascending({t.bin({}), t.bin({1}), t.bin({1, 2}), t.bin({1, 2, 3}), t.bin({2}),
                      t.bin({255})});
    Term long_a = t.bin({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    Term long_b = t.bin({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    EXPECT_EQ(compare_terms(long_a, long_b), 0);
    EXPECT_TRUE(terms_exact_eq(long_a, long_b));
}

TEST(Compare, Bitstrings) {
    Terms t;
    // lists:sort([<<>>, <<0:1>>, <<0>>, <<0,0:1>>, <<1:1>>, <<1>>, <<1,2:4>>, <<1,2>>, <<1,32>>,
    //             <<1,33>>, <<128>>, <<255,1:1>>, <<255,255>>, <<97,98>>, <<"a",3:2>>]) =
    // [<<>>,<<0:1>>,<<0>>,<<0,0:1>>,<<1>>,<<1,2>>,<<1,2:4>>,<<1,32>>,<<1,33>>,<<97,98>>,
    //  <<97,3:2>>,<<1:1>>,<<128>>,<<255,1:1>>,<<255,255>>]
    expect_ascending({t.bin({}), t.subbin({0}, 1), t.bin({0}), t.subbin({0, 0}, 9), t.bin({1}),
                      t.bin({1, 2}), t.subbin({1, 0x20}, 12), t.bin({1, 32}), t.bin({1, 33}),
                      t.bin({97, 98}), t.subbin({97, 0xC0}, 10), t.subbin({0x80}, 1),
                      t.bin({128}), t.subbin({255, 0x80}, 9), t.bin({255, 255})});
    // Sub binaries equal binaries with the same bits, at any offset; bits past the end and
    // before the offset do not count.
    EXPECT_EQ(compare_terms(t.subbin({1, 2, 3}, 24), t.bin({1, 2, 3})), 0);
    EXPECT_TRUE(terms_exact_eq(t.subbin({9, 1, 2}, 16, 8), t.bin({1, 2})));
    EXPECT_TRUE(terms_exact_eq(t.subbin({0x06, 0x16, 0x2F}, 16, 4), t.bin({0x61, 0x62})));
    EXPECT_TRUE(terms_exact_eq(t.subbin({0xF6, 0x16, 0x2F}, 19, 4), t.subbin({0x61, 0x62, 0xE0},
                                                                            19)));
    EXPECT_TRUE(terms_exact_eq(t.subbin({0xBF}, 3), t.subbin({0xA0}, 3)));
    EXPECT_LT(compare_terms(t.subbin({0x06, 0x16, 0x2F}, 16, 4), t.bin({0x61, 0x63})), 0);
    EXPECT_GT(compare_terms(t.subbin({0x06, 0x16, 0x3F}, 17, 4), t.bin({0x61, 0x62})), 0);
    Term long_a = t.subbin({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0x1F, 0xE0}, 91, 3);
    Term long_b = t.subbin({8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 0xFF, 0x1F}, 91);
    EXPECT_TRUE(terms_exact_eq(long_a, long_b));
}

TEST(Compare, Maps) {
    Terms t;
    Term a = t.atom("a"), b = t.atom("b"), c = t.atom("c"), x = t.atom("x");
    // lists:sort([#{}, #{a=>1}, #{a=>2}, #{b=>0}, #{1=>x}, #{1.0=>x}, #{2=>x}, #{a=>1,b=>2},
    //             #{a=>1,c=>0}, #{a=>2,b=>1}, #{#{}=>1}, #{{}=>1}, #{[]=>1}]) =
    // [#{},#{1=>x},#{2=>x},#{1.0=>x},#{a=>1},#{a=>2},#{b=>0},#{{}=>1},#{#{}=>1},#{[]=>1},
    //  #{a=>1,b=>2},#{a=>2,b=>1},#{a=>1,c=>0}]
    expect_ascending({t.map({}), t.map({{sm(1), x}}), t.map({{sm(2), x}}),
                      t.map({{t.flt(1.0), x}}), t.map({{a, sm(1)}}), t.map({{a, sm(2)}}),
                      t.map({{b, sm(0)}}), t.map({{t.tuple({}), sm(1)}}),
                      t.map({{t.map({}), sm(1)}}), t.map({{Term::nil(), sm(1)}}),
                      t.map({{a, sm(1)}, {b, sm(2)}}), t.map({{a, sm(2)}, {b, sm(1)}}),
                      t.map({{a, sm(1)}, {c, sm(0)}})});
    // tuple < map < nil
    expect_ascending({t.tuple({sm(1), sm(2), sm(3)}), t.map({}), Term::nil()});
    // Keys always compare exactly; values by == unless comparing with =:=.
    EXPECT_LT(compare_terms(t.map({{sm(1), a}}), t.map({{t.flt(1.0), a}})), 0);  // #{1=>a} < ..
    EXPECT_EQ(compare_terms(t.map({{a, sm(1)}}), t.map({{a, t.flt(1.0)}})), 0);  // ==
    EXPECT_FALSE(terms_exact_eq(t.map({{a, sm(1)}}), t.map({{a, t.flt(1.0)}})));
    EXPECT_LT(compare_terms_exact(t.map({{a, sm(1)}}), t.map({{a, t.flt(1.0)}})), 0);
    EXPECT_GT(compare_terms(t.map({{a, sm(2)}}), t.map({{a, t.flt(1.0)}})), 0);  // 2 > 1.0
    EXPECT_EQ(compare_terms(t.map({{a, t.list({sm(1)})}}), t.map({{a, t.list({t.flt(1.0)})}})),
              0);
    EXPECT_LT(compare_terms(t.map({{a, t.tuple({sm(1), sm(2)})}}),
                            t.map({{a, t.tuple({sm(1), t.flt(2.5)})}})),
              0);
    // Maps as keys inside a map: compared exactly even under ==.
    Term k1 = t.map({{t.map({{a, sm(1)}}), x}});
    Term k1f = t.map({{t.map({{a, t.flt(1.0)}}), x}});
    EXPECT_NE(compare_terms(k1, k1f), 0);  // #{#{a=>1}=>x} == #{#{a=>1.0}=>x} is false
    EXPECT_LT(compare_terms(k1, k1f), 0);
    // maps:keys(#{#{a=>1}=>1, #{a=>1.0}=>2, #{b=>0}=>3, #{a=>1,b=>2}=>4, #{a=>0.5}=>5}) =
    // [#{a=>1},#{a=>0.5},#{a=>1.0},#{b=>0},#{a=>1,b=>2}]
    std::vector<Term> keys = {t.map({{a, sm(1)}}), t.map({{a, t.flt(0.5)}}),
                              t.map({{a, t.flt(1.0)}}), t.map({{b, sm(0)}}),
                              t.map({{a, sm(1)}, {b, sm(2)}})};
    for (size_t i = 0; i < keys.size(); ++i) {
        for (size_t j = i + 1; j < keys.size(); ++j) {
            EXPECT_LT(compare_terms_exact(keys[i], keys[j]), 0) << i << " " << j;
            EXPECT_GT(compare_terms_exact(keys[j], keys[i]), 0) << i << " " << j;
        }
    }
    // All keys before any value: #{a=>9, b=>1} < #{a=>1, c=>0} although 9 > 1.
    EXPECT_LT(compare_terms(t.map({{a, sm(9)}, {b, sm(1)}}), t.map({{a, sm(1)}, {c, sm(0)}})), 0);
}

TEST(Compare, DeeplyNestedMapKeysDoNotRecurse) {
    Terms t;
    const size_t depth = 1'000'000;
    auto nest = [&](Term leaf) {  // #{#{...#{Leaf => 1}... => 1} => 1}
        Term inner = leaf;
        for (size_t i = 0; i < depth; ++i) inner = t.map({{inner, sm(1)}});
        return inner;
    };
    Term a = nest(sm(1)), b = nest(sm(1)), c = nest(t.flt(1.0));
    EXPECT_EQ(compare_terms(a, b), 0);
    EXPECT_TRUE(terms_exact_eq(a, b));
    EXPECT_LT(compare_terms(a, c), 0);  // keys compare exactly: 1 < 1.0
    EXPECT_GT(compare_terms(c, a), 0);
}

TEST(Compare, RefsPidsPorts) {
    Terms t;
    // #Ref<0.1.0.3> < #Ref<0.3.0.1>; #Ref<0.0.0.9> < #Ref<0.1.0.0>; #Ref<0.1.1.3> < #Ref<0.1.2.1>
    expect_ascending({t.ref(0, 0, 9), t.ref(1, 0, 0), t.ref(1, 0, 3), t.ref(1, 1, 3),
                      t.ref(1, 2, 1), t.ref(3, 0, 1)});
    EXPECT_EQ(compare_terms(t.ref(1, 2, 3), t.ref(1, 2, 3)), 0);
    // <0.5.0> < <0.10.0>; #Port<0.5> < #Port<0.10>
    expect_ascending({Term::pid(0), Term::pid(5), Term::pid(10), Term::pid(uint64_t(1) << 40)});
    expect_ascending({Terms::port(5), Terms::port(10)});
}

TEST(Compare, Funs) {
    Terms t;
    Module* aa = t.module("aa");
    Module* o2 = t.module("o2");
    Module* zz = t.module("zz");
    FunEntry* aa0 = t.fun_entry(aa, 0, 92077149, 0);
    FunEntry* aa5 = t.fun_entry(aa, 5, 92077149, 0);
    FunEntry* o20 = t.fun_entry(o2, 0, 4476969, 0);
    FunEntry* zz0 = t.fun_entry(zz, 0, 40992962, 0);
    FunEntry* zz1 = t.fun_entry(zz, 1, 40992962, 0);
    // Local funs by module, then index; all local funs before export funs, which order by
    // module, function, arity: [aa.0, aa.5, o2.0, zz.0, zz.1, fun a:a/2, fun a:b/0, fun a:b/1,
    // fun erlang:abs/1, fun lists:foldl/3, fun lists:map/2, fun zz:fs/0]
    expect_ascending({t.local_fun(aa0), t.local_fun(aa5), t.local_fun(o20), t.local_fun(zz0),
                      t.local_fun(zz1), t.export_fun("a", "a", 2), t.export_fun("a", "b", 0),
                      t.export_fun("a", "b", 1), t.export_fun("erlang", "abs", 1),
                      t.export_fun("lists", "foldl", 3), t.export_fun("lists", "map", 2),
                      t.export_fun("zz", "fs", 0)});
    // Same fun, different environments: make_fun(7) < make_fun(8).
    FunEntry* env1 = t.fun_entry(o2, 3, 4476969, 1);
    EXPECT_LT(compare_terms(t.local_fun(env1, {sm(7)}), t.local_fun(env1, {sm(8)})), 0);
    EXPECT_EQ(compare_terms(t.local_fun(env1, {sm(7)}), t.local_fun(env1, {t.flt(7.0)})), 0);
    EXPECT_FALSE(terms_exact_eq(t.local_fun(env1, {sm(7)}), t.local_fun(env1, {t.flt(7.0)})));
    EXPECT_TRUE(terms_exact_eq(t.local_fun(env1, {sm(7)}), t.local_fun(env1, {sm(7)})));
    // Two distinct export entries for the same MFA are the same fun.
    EXPECT_TRUE(terms_exact_eq(t.export_fun("m", "f", 1), t.export_fun("m", "f", 1)));
}

// A list of n small integers in one block; `last` replaces the final element.
Term long_list(Terms& t, size_t n, int64_t last) {
    Term* cells = t.alloc(2 * n);
    for (size_t i = 0; i < n; ++i) {
        cells[2 * i] = sm(i + 1 == n ? last : int64_t(i % 1000));
        cells[2 * i + 1] = i + 1 == n ? Term::nil() : Term::list(&cells[2 * i + 2]);
    }
    return Term::list(cells);
}

TEST(Compare, LongListsDoNotRecurse) {
    Terms t;
    const size_t n = 10'000'000;
    Term a = long_list(t, n, 1);
    Term b = long_list(t, n, 1);
    Term c = long_list(t, n, 2);
    EXPECT_EQ(compare_terms(a, b), 0);
    EXPECT_TRUE(terms_exact_eq(a, b));
    EXPECT_LT(compare_terms(a, c), 0);
    EXPECT_GT(compare_terms_exact(c, a), 0);
}

TEST(Compare, DeepNestingDoesNotRecurse) {
    Terms t;
    const size_t depth = 1'000'000;
    auto nest = [&](int64_t leaf) {
        Term* words = t.alloc(3 * depth);
        Term inner = sm(leaf);
        for (size_t i = 0; i < depth; ++i) {  // {x, inner} and then [inner]
            Term* p = words + 3 * i;
            if (i % 2 == 0) {
                p[0] = Term::header(Subtag::Tuple, 2);
                p[1] = t.atom("x");
                p[2] = inner;
                inner = Term::boxed(p);
            } else {
                p[0] = inner;
                p[1] = Term::nil();
                inner = Term::list(p);
            }
        }
        return inner;
    };
    Term a = nest(1), b = nest(1), c = nest(2);
    EXPECT_EQ(compare_terms(a, b), 0);
    EXPECT_LT(compare_terms(a, c), 0);
}

} // namespace
} // namespace joist
