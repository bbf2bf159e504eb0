// erlang:display/1 printing tests: every expected string below is erl's (OTP 25) own output.
#include "term/format.h"

#include <gtest/gtest.h>

#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
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
        return list_of(std::vector<Term>(elems), tail);
    }
    Term list_of(const std::vector<Term>& v, Term tail = Term::nil()) {
        Term l = tail;
        for (size_t i = v.size(); i-- > 0;) {
            Term* c = alloc(2);
            c[0] = v[i];
            c[1] = l;
            l = Term::list(c);
        }
        return l;
    }
    // A list of the given character codes (bytes of `s`, as latin-1).
    Term str(std::string_view s, Term tail = Term::nil()) {
        std::vector<Term> v;
        for (char c : s) v.push_back(Term::small(uint8_t(c)));
        return list_of(v, tail);
    }
    Term bin(std::string_view bytes) {
        size_t words = (bytes.size() + 7) / 8;
        Term* p = alloc(2 + words);
        p[0] = Term::header(Subtag::HeapBin, 1 + words);
        p[1] = Term::from_raw(bytes.size());
        if (!bytes.empty()) std::memcpy(p + 2, bytes.data(), bytes.size());
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
    Term local_fun(std::string_view module, uint32_t index, uint32_t uniq,
                   std::initializer_list<Term> env = {}) {
        m_modules.push_back(std::make_unique<Module>());
        m_modules.back()->name = atom(module);
        m_funs.push_back(std::make_unique<FunEntry>());
        FunEntry* f = m_funs.back().get();
        f->module = m_modules.back().get();
        f->index = index;
        f->old_uniq = uniq;
        f->num_free = uint32_t(env.size());
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

TEST(FormatDisplay, Integers) {
    Terms t;
    EXPECT_EQ(format_display(sm(0)), "0");
    EXPECT_EQ(format_display(sm(-1)), "-1");
    EXPECT_EQ(format_display(sm(kMaxSmall)), "576460752303423487");
    EXPECT_EQ(format_display(sm(kMinSmall)), "-576460752303423488");
    EXPECT_EQ(format_display(t.big(false, {0, 1})), "18446744073709551616");
    EXPECT_EQ(format_display(t.big(true, {0, 1ull << 36})), "-1267650600228229401496703205376");
    EXPECT_EQ(format_display(t.big(false, {0x8000000000000000ull})), "9223372036854775808");
}

TEST(FormatDisplay, Floats) {
    Terms t;
    struct Case {
        double d;
        const char* text;
    } cases[] = {
        {0.1, "1.000000e-01"},      {-0.0, "-0.000000e+00"},     {0.0, "0.000000e+00"},
        {1.0e100, "1.000000e+100"}, {123456.789, "1.234568e+05"}, {5.0e-324, "4.940656e-324"},
        {1.0e308, "1.000000e+308"}, {1.5, "1.500000e+00"},        {2.0, "2.000000e+00"},
        {100.0, "1.000000e+02"},    {1.0e-5, "1.000000e-05"},     {1.0 / 3, "3.333333e-01"},
        {2.0 / 3, "6.666667e-01"},  {-1.5e-10, "-1.500000e-10"},  {9.9999995, "9.999999e+00"},
        {99999.95, "9.999995e+04"}, {1.7976931348623157e308, "1.797693e+308"},
        {2.2250738585072014e-308, "2.225074e-308"},                {1.0e-310, "1.000000e-310"},
        {123456789012345678.0, "1.234568e+17"},
    };
    for (const Case& c : cases) EXPECT_EQ(format_display(t.flt(c.d)), c.text) << c.text;
}

TEST(FormatDisplay, AtomsQuotedWhenNeeded) {
    Terms t;
    struct Case {
        const char* atom;
        const char* text;
    } cases[] = {
        {"a", "a"},
        {"A", "'A'"},
        {"hello world", "'hello world'"},
        {"[]", "'[]'"},
        {"", "''"},
        {"{}", "'{}'"},
        {"it's", "'it\\'s'"},
        {"back\\slash", "'back\\\\slash'"},
        {"new\nline", "'new\\nline'"},
        {"tab\tx", "'tab\\tx'"},
        {"aA_1", "aA_1"},
        {"aB", "aB"},
        {"a1", "a1"},
        {"aA_@1", "'aA_@1'"},
        {"a@", "'a@'"},
        {"nonode@nohost", "'nonode@nohost'"},
        {"a.b", "'a.b'"},
        {"a-b", "'a-b'"},
        {"_a", "'_a'"},
        {"A_", "'A_'"},
        {"1a", "'1a'"},
        {"a\"b", "'a\"b'"},
        // reserved words are not quoted by erlang:display
        {"case", "case"},
        {"end", "end"},
        {"receive", "receive"},
        {"andalso", "andalso"},
        {"maybe", "maybe"},
        // escapes
        {"a\x07", "'a\\007'"},
        {"a\x08", "'a\\b'"},
        {"a\x0B", "'a\\v'"},
        {"a\x0C", "'a\\f'"},
        {"a\r", "'a\\r'"},
        {"a\x1B", "'a\\033'"},
        {"a\x1F", "'a\\037'"},
        {"a\x7F", "'a\x7F'"},
        {"a\xC2\x80", "'a\\200'"},
        {"a\xC2\x9B", "'a\\233'"},
        {"a\xC2\x9F", "'a\\237'"},
        {"a\xC2\xA0", "'a\xC2\xA0'"},
        {"a\xC2\xAA", "'a\xC2\xAA'"},
        {"a\xC2\xB5", "'a\xC2\xB5'"},
        // latin-1 letters: lowercase (and \xDF..\xFF but not \xF7) may start, any may follow
        {"\xC3\xBC", "\xC3\xBC"},            // ü
        {"\xC3\xA4" "1", "\xC3\xA4" "1"},    // ä1
        {"\xC3\x9F", "\xC3\x9F"},            // ß
        {"\xC3\xBF", "\xC3\xBF"},            // ÿ
        {"a\xC3\xBF", "a\xC3\xBF"},          // aÿ
        {"a\xC3\x80", "a\xC3\x80"},          // aÀ
        {"\xC3\x80", "'\xC3\x80'"},          // À
        {"a\xC3\xB7", "'a\xC3\xB7'"},        // a÷
        {"a\xC3\x97", "'a\xC3\x97'"},        // a×
        {"\xC2\xAA", "'\xC2\xAA'"},          // ª
        // beyond latin-1: always quoted, printed as UTF-8
        {"\xCF\x89", "'\xCF\x89'"},                  // ω
        {"a\xC4\x80", "'a\xC4\x80'"},                // aĀ
        {"a\xC3\xBF\xC4\x80", "'a\xC3\xBF\xC4\x80'"},
        {"\xF0\x9F\x98\x80", "'\xF0\x9F\x98\x80'"},  // 😀
        {"a\xEF\xBF\xBD", "'a\xEF\xBF\xBD'"},
    };
    for (const Case& c : cases) {
        Term a = t.atom(c.atom);
        EXPECT_EQ(format_atom(a), c.text) << c.atom;
        EXPECT_EQ(format_display(a), c.text) << c.atom;
    }
    EXPECT_EQ(format_atom(t.atom(std::string_view("a\0", 2))), "'a\\000'");
    EXPECT_EQ(format_display(am::true_), "true");
    EXPECT_EQ(format_display(Term::nil()), "[]");
}

TEST(FormatDisplay, PrintableListsAreStrings) {
    Terms t;
    EXPECT_EQ(format_display(t.str("abc")), "\"abc\"");
    EXPECT_EQ(format_display(t.str("ab\n")), "\"ab\\n\"");
    EXPECT_EQ(format_display(t.str("a b")), "\"a b\"");
    EXPECT_EQ(format_display(t.str("it's")), "\"it's\"");
    EXPECT_EQ(format_display(t.str("q\"q")), "\"q\\\"q\"");
    EXPECT_EQ(format_display(t.str("b\\s")), "\"b\\s\"");  // backslashes are not escaped
    EXPECT_EQ(format_display(t.str("a\"\\\n")), "\"a\\\"\\\\n\"");
    // Tab and carriage return are printable and printed raw; latin-1 prints as single bytes.
    EXPECT_EQ(format_display(t.str("a\t")), "\"a\t\"");
    EXPECT_EQ(format_display(t.str("\r\n")), "\"\r\\n\"");
    EXPECT_EQ(format_display(t.str("\xC8")), "\"\xC8\"");
    EXPECT_EQ(format_display(t.str("a\xA0")), "\"a\xA0\"");
    EXPECT_EQ(format_display(t.str("\xFF")), "\"\xFF\"");
    EXPECT_EQ(format_display(t.str(" ")), "\" \"");
    EXPECT_EQ(format_display(t.str("~")), "\"~\"");
    // Not printable: other controls, DEL, 128..159, >255, negatives, non-integers.
    EXPECT_EQ(format_display(t.str("\x07")), "[7]");
    EXPECT_EQ(format_display(t.str(std::string_view("\0", 1))), "[0]");
    EXPECT_EQ(format_display(t.str("\x08\t\n\x0B\x0C\r\x1B")), "[8,9,10,11,12,13,27]");
    EXPECT_EQ(format_display(t.str("\x1F")), "[31]");
    EXPECT_EQ(format_display(t.str("\x7F")), "[127]");
    EXPECT_EQ(format_display(t.str("\x80")), "[128]");
    EXPECT_EQ(format_display(t.str("\x9F")), "[159]");
    EXPECT_EQ(format_display(t.str("a\x0B")), "[97,11]");
    EXPECT_EQ(format_display(t.list({sm(256)})), "[256]");
    EXPECT_EQ(format_display(t.list({sm('a'), sm(256)})), "[97,256]");
    EXPECT_EQ(format_display(t.list({sm(969)})), "[969]");
    EXPECT_EQ(format_display(t.list({sm(-1)})), "[-1]");
    EXPECT_EQ(format_display(t.list({sm('a'), t.flt(1.0)})), "[97,1.000000e+00]");
    EXPECT_EQ(format_display(t.list({sm('a'), t.atom("foo")})), "[97,foo]");
    EXPECT_EQ(format_display(t.list({sm(1), sm(2), sm(3)})), "[1,2,3]");
}

TEST(FormatDisplay, ListsAndImproperLists) {
    Terms t;
    EXPECT_EQ(format_display(t.list({sm('a')}, sm('b'))), "[97|98]");
    EXPECT_EQ(format_display(t.list({sm(1)}, sm(2))), "[1|2]");
    EXPECT_EQ(format_display(t.list({t.atom("a")}, t.atom("b"))), "[a|b]");
    EXPECT_EQ(format_display(t.str("ab", sm('c'))), "[97,98|99]");
    EXPECT_EQ(format_display(t.str("ab", t.str("c"))), "\"abc\"");
    EXPECT_EQ(format_display(t.list({sm('a')}, t.bin("b"))), "[97|<<\"b\">>]");
    EXPECT_EQ(format_display(t.list({t.str("ab")})), "[\"ab\"]");
    EXPECT_EQ(format_display(t.list({Term::nil()})), "[[]]");
    EXPECT_EQ(format_display(t.list({sm('a'), Term::nil()})), "[97,[]]");
    EXPECT_EQ(format_display(t.list({t.str("a"), t.str("b")})), "[\"a\",\"b\"]");
    EXPECT_EQ(format_display(t.list({sm(1), t.flt(2.5)}, t.tuple({}))), "[1,2.500000e+00|{}]");
}

TEST(FormatDisplay, Tuples) {
    Terms t;
    EXPECT_EQ(format_display(t.tuple({})), "{}");
    EXPECT_EQ(format_display(t.tuple({t.atom("a")})), "{a}");
    Term nested = t.tuple({t.atom("a"), t.atom("b"), t.tuple({t.atom("c"), Term::nil()})});
    EXPECT_EQ(format_display(nested), "{a,b,{c,[]}}");
    Term mixed = t.tuple({sm(1), Term::nil(), t.tuple({}), t.list({Term::nil()}),
                          t.list({t.atom("a")}), t.bin("")});
    EXPECT_EQ(format_display(mixed), "{1,[],{},[[]],[a],<<>>}");
}

TEST(FormatDisplay, Binaries) {
    Terms t;
    EXPECT_EQ(format_display(t.bin("")), "<<>>");
    EXPECT_EQ(format_display(t.bin("\x01\x02\x03")), "<<1,2,3>>");
    EXPECT_EQ(format_display(t.bin("abc")), "<<\"abc\">>");
    EXPECT_EQ(format_display(t.bin(" ")), "<<\" \">>");
    EXPECT_EQ(format_display(t.bin("a~")), "<<\"a~\">>");
    // Only ASCII 32..126 make a binary printable; '"' is escaped, '\' is not.
    EXPECT_EQ(format_display(t.bin("ab\n")), "<<97,98,10>>");
    EXPECT_EQ(format_display(t.bin("a\t")), "<<97,9>>");
    EXPECT_EQ(format_display(t.bin("a\r")), "<<97,13>>");
    EXPECT_EQ(format_display(t.bin("a\x7F")), "<<97,127>>");
    EXPECT_EQ(format_display(t.bin("\xC8")), "<<200>>");
    EXPECT_EQ(format_display(t.bin("a\xA0")), "<<97,160>>");
    EXPECT_EQ(format_display(t.bin(std::string_view("a\0", 2))), "<<97,0>>");
    EXPECT_EQ(format_display(t.bin("a\"b\\")), "<<\"a\\\"b\\\">>");
    EXPECT_EQ(format_display(t.bin(std::string(200, 'a'))),
              "<<\"" + std::string(200, 'a') + "\">>");
}

TEST(FormatDisplay, Bitstrings) {
    Terms t;
    // Trailing bits print as value:size, and then no byte prints as a character.
    EXPECT_EQ(format_display(t.subbin({1, 0x20}, 12)), "<<1,2:4>>");
    EXPECT_EQ(format_display(t.subbin({0xA0}, 3)), "<<5:3>>");
    EXPECT_EQ(format_display(t.subbin({0x80}, 1)), "<<1:1>>");
    EXPECT_EQ(format_display(t.subbin({0}, 7)), "<<0:7>>");
    EXPECT_EQ(format_display(t.subbin({'a', 'b', 0xC0}, 18)), "<<97,98,3:2>>");
    EXPECT_EQ(format_display(t.subbin({255, 255, 0x40}, 18)), "<<255,255,1:2>>");
    // Bits past the end of the bitstring do not show.
    EXPECT_EQ(format_display(t.subbin({0xBF}, 3)), "<<5:3>>");
    // Whole bytes: a sub binary prints like a binary, at any bit offset.
    EXPECT_EQ(format_display(t.subbin({}, 0)), "<<>>");
    EXPECT_EQ(format_display(t.subbin({'x', 'a', 'b', 'c'}, 24, 8)), "<<\"abc\">>");
    EXPECT_EQ(format_display(t.subbin({0x06, 0x16, 0x2F}, 16, 4)), "<<\"ab\">>");
    EXPECT_EQ(format_display(t.subbin({0x06, 0x16, 0x2F}, 19, 4)), "<<97,98,7:3>>");
    EXPECT_EQ(format_display(t.subbin({0x01, 0x02}, 9, 6)), "<<64,1:1>>");
}

TEST(FormatDisplay, Maps) {
    Terms t;
    Term a = t.atom("a"), b = t.atom("b");
    EXPECT_EQ(format_display(t.map({})), "#{}");
    EXPECT_EQ(format_display(t.map({{a, sm(1)}})), "#{a=>1}");
    // erlang:display(#{a => #{b => 1}}), erlang:display(#{#{x => 1} => [1,2]})
    EXPECT_EQ(format_display(t.map({{a, t.map({{b, sm(1)}})}})), "#{a=>#{b=>1}}");
    EXPECT_EQ(format_display(t.map({{t.map({{t.atom("x"), sm(1)}}), t.list({sm(1), sm(2)})}})),
              "#{#{x=>1}=>[1,2]}");
    // #{1 => a, 1.0 => b, 2 => c, 0.5 => d}
    EXPECT_EQ(format_display(t.map({{sm(1), a},
                                    {sm(2), t.atom("c")},
                                    {t.flt(0.5), t.atom("d")},
                                    {t.flt(1.0), b}})),
              "#{1=>a,2=>c,5.000000e-01=>d,1.000000e+00=>b}");
    // #{a => 1, "s" => 2, <<"b">> => 3, {t} => 4, [] => 5, [1] => 6}
    EXPECT_EQ(format_display(t.map({{a, sm(1)},
                                    {t.tuple({t.atom("t")}), sm(4)},
                                    {Term::nil(), sm(5)},
                                    {t.list({sm(1)}), sm(6)},
                                    {t.str("s"), sm(2)},
                                    {t.bin("b"), sm(3)}})),
              "#{a=>1,{t}=>4,[]=>5,[1]=>6,\"s\"=>2,<<\"b\">>=>3}");
    // #{#{1 => 2} => #{a => [1.5]}, <<"k">> => <<1,2:4>>, 1 => x, 1.0 => y}
    EXPECT_EQ(format_display(t.map({{sm(1), t.atom("x")},
                                    {t.flt(1.0), t.atom("y")},
                                    {t.map({{sm(1), sm(2)}}), t.map({{a, t.list({t.flt(1.5)})}})},
                                    {t.bin("k"), t.subbin({1, 0x20}, 12)}})),
              "#{1=>x,1.000000e+00=>y,#{1=>2}=>#{a=>[1.500000e+00]},<<\"k\">>=><<1,2:4>>}");
    EXPECT_EQ(format_display(t.tuple({t.map({}), t.list({t.map({{a, Term::nil()}})})})),
              "{#{},[#{a=>[]}]}");
}

TEST(FormatDisplay, FunsPidsPortsRefs) {
    Terms t;
    EXPECT_EQ(format_display(t.export_fun("lists", "map", 2)), "fun lists:map/2");
    EXPECT_EQ(format_display(t.export_fun("Ab", "g", 0)), "fun 'Ab':g/0");
    EXPECT_EQ(format_display(t.export_fun("A b", "x y", 3)), "fun 'A b':'x y'/3");
    EXPECT_EQ(format_display(t.local_fun("d5", 0, 118753019)), "#Fun<d5.0.118753019>");
    EXPECT_EQ(format_display(t.local_fun("o2", 3, 4476969, {sm(1), sm(2)})),
              "#Fun<o2.3.4476969>");
    // The module name of a local fun is not quoted.
    EXPECT_EQ(format_display(t.local_fun("Ab", 0, 121771156)), "#Fun<Ab.0.121771156>");
    EXPECT_EQ(format_display(t.local_fun("a b", 0, 34736509)), "#Fun<a b.0.34736509>");
    EXPECT_EQ(format_display(Term::pid(9)), "<0.9.0>");
    EXPECT_EQ(format_display(Term::pid(123)), "<0.123.0>");
    EXPECT_EQ(format_display(Terms::port(0)), "#Port<0.0>");
    EXPECT_EQ(format_display(Terms::port(99)), "#Port<0.99>");
    EXPECT_EQ(format_display(t.ref(1, 2, 3)), "#Ref<0.1.2.3>");
    EXPECT_EQ(format_display(t.ref(2377037152, 4113301505, 116723)),
              "#Ref<0.2377037152.4113301505.116723>");
}

TEST(FormatDisplay, Nested) {
    Terms t;
    // erlang:display([{pid,<0.9.0>},{module,d6},{index,0},{name,'-main/0-fun-0-'},{env,[]}])
    Term info = t.list({t.tuple({t.atom("pid"), Term::pid(9)}),
                        t.tuple({t.atom("module"), t.atom("d6")}),
                        t.tuple({t.atom("index"), sm(0)}),
                        t.tuple({t.atom("name"), t.atom("-main/0-fun-0-")}),
                        t.tuple({t.atom("env"), Term::nil()})});
    EXPECT_EQ(format_display(info),
              "[{pid,<0.9.0>},{module,d6},{index,0},{name,'-main/0-fun-0-'},{env,[]}]");
    Term m = t.tuple({t.atom("badarg"),
                      t.list({t.tuple({t.atom("erlang"), t.atom("list_to_ref"),
                                       t.list({t.str("#Ref<0.0.5.0>")}), Term::nil()})})});
    EXPECT_EQ(format_display(m), "{badarg,[{erlang,list_to_ref,[\"#Ref<0.0.5.0>\"],[]}]}");
}

TEST(FormatDisplay, LongAndDeepTerms) {
    Terms t;
    // 100000-element list: erl prints all of it.
    const size_t n = 100000;
    Term* cells = t.alloc(2 * n);
    for (size_t i = 0; i < n; ++i) {
        cells[2 * i] = sm(int64_t(i + 1));
        cells[2 * i + 1] = i + 1 == n ? Term::nil() : Term::list(&cells[2 * i + 2]);
    }
    std::string s = format_display(Term::list(cells));
    EXPECT_EQ(s.size(), 588896u);
    EXPECT_EQ(s.substr(0, 8), "[1,2,3,4");
    EXPECT_EQ(s.substr(s.size() - 14), ",99999,100000]");
    // Deeply nested tuples and lists print without recursion.
    const size_t depth = 1'000'000;
    Term* words = t.alloc(2 * depth);
    Term inner = t.atom("x");
    for (size_t i = 0; i < depth; ++i) {
        Term* p = words + 2 * i;
        if (i % 2 == 0) {
            p[0] = Term::header(Subtag::Tuple, 1);
            p[1] = inner;
            inner = Term::boxed(p);
        } else {
            p[0] = inner;
            p[1] = Term::nil();
            inner = Term::list(p);
        }
    }
    std::string expected;
    for (size_t i = depth; i-- > 0;) expected += i % 2 == 0 ? '{' : '[';
    expected += 'x';
    for (size_t i = 0; i < depth; ++i) expected += i % 2 == 0 ? '}' : ']';
    EXPECT_TRUE(format_display(inner) == expected);
}

} // namespace
} // namespace joist
