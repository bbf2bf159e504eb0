// Tests for bif/erlang_binary.cpp, bif/binary.cpp and bif/unicode.cpp: the binary BIFs of
// modules erlang, binary and unicode. Expected values and exceptions are what erl (OTP 25)
// gives; terms are compared through erlang:display/1's text.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "term/format.h"

namespace joist {
namespace {

class BinaryBifsTest : public ::testing::Test {
protected:
    void SetUp() override { p.heap.init(4096); }

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
    Term bits(std::string_view bytes, uint64_t nbits) {
        BitView v;
        v.bytes = reinterpret_cast<const uint8_t*>(bytes.data());
        v.bit_size = nbits;
        return make_bitstring(p.heap, v);
    }
    Term list(std::initializer_list<Term> elems, Term tail = Term::nil()) {
        std::vector<Term> v(elems);
        for (size_t i = v.size(); i-- > 0;) tail = gc::make_cons(p.heap, v[i], tail);
        return tail;
    }
    Term str(std::string_view s, Term tail = Term::nil()) {
        return gc::make_byte_list(p.heap, s, tail);
    }
    template <class... Ts> Term tuple(Ts... elems) { return gc::make_tuple_of(p.heap, elems...); }
    static Term small(int64_t v) { return Term::small(v); }

    Process p;
};

TEST_F(BinaryBifsTest, Sizes) {
    EXPECT_EQ(show_call(bif_erlang_byte_size_1, {bin("abc")}), "3");
    EXPECT_EQ(show_call(bif_erlang_bit_size_1, {bin("abc")}), "24");
    EXPECT_EQ(show_call(bif_erlang_byte_size_1, {bits("\x01\x20", 12)}), "2");
    EXPECT_EQ(show_call(bif_erlang_bit_size_1, {bits("\x01\x20", 12)}), "12");
    EXPECT_EQ(show_call(bif_erlang_byte_size_1, {bin(std::string(1000, 'x'))}), "1000");
    EXPECT_EQ(show_call(bif_erlang_byte_size_1, {atom("a")}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_bit_size_1, {str("ab")}), "EXC badarg");
}

TEST_F(BinaryBifsTest, BinaryPartAndSplit) {
    Term b = bin("\x01\x02\x03");
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {b, small(1), small(2)}), "<<2,3>>");
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {b, small(3), small(-2)}), "<<2,3>>");
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {b, small(3), small(0)}), "<<>>");
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {b, small(0), small(4)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {b, small(-1), small(1)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_binary_part_2, {b, tuple(small(0), small(1))}), "<<1>>");
    EXPECT_EQ(show_call(bif_erlang_binary_part_2, {b, tuple(small(0))}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_split_binary_2, {b, small(1)}), "{<<1>>,<<2,3>>}");
    EXPECT_EQ(show_call(bif_erlang_split_binary_2, {b, small(4)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_split_binary_2, {bits("\x01\x20", 12), small(1)}),
              "{<<1>>,<<2:4>>}");
    std::string big(200, 'q');
    big[150] = 'Z';
    EXPECT_EQ(show_call(bif_erlang_binary_part_3, {bin(big), small(149), small(3)}),
              "<<\"qZq\">>");
}

TEST_F(BinaryBifsTest, ListConversions) {
    EXPECT_EQ(show_call(bif_erlang_binary_to_list_1, {bin("ab")}), "\"ab\"");
    EXPECT_EQ(show_call(bif_erlang_binary_to_list_1, {bits("\x01\x20", 12)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_binary_to_list_3, {bin("abcde"), small(2), small(3)}),
              "\"bc\"");
    EXPECT_EQ(show_call(bif_erlang_binary_to_list_3, {bin("abcde"), small(3), small(2)}),
              "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_bitstring_to_list_1, {bits("\x01\x20", 12)}), "[1,<<2:4>>]");
    Term io = list({small(1), bin("\x02\x03"), list({small(4)}, bin("\x05"))}, bin("\x06"));
    EXPECT_EQ(show_call(bif_erlang_list_to_binary_1, {io}), "<<1,2,3,4,5,6>>");
    EXPECT_EQ(show_call(bif_erlang_iolist_size_1, {io}), "6");
    EXPECT_EQ(show_call(bif_erlang_iolist_to_binary_1, {bin("x")}), "<<\"x\">>");
    EXPECT_EQ(show_call(bif_erlang_list_to_binary_1, {bin("x")}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_list_to_binary_1, {list({small(256)})}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_list_to_binary_1, {list({small(1)}, small(2))}),
              "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_list_to_binary_1, {list({bits("\x80", 1)})}), "EXC badarg");
    Term bl = list({bits("\x80", 1), bits("\x80", 1), small(255)}, bits("\xC0", 2));
    EXPECT_EQ(show_call(bif_erlang_list_to_bitstring_1, {bl}), "<<255,15:4>>");
}

TEST_F(BinaryBifsTest, DeepIolistsDoNotRecurse) {
    Term deep = Term::nil();
    for (int i = 0; i < 1000000; i++) deep = list({deep, small(i & 0xFF)});
    EXPECT_EQ(show_call(bif_erlang_iolist_size_1, {deep}), "1000000");
    Term r = call(bif_erlang_list_to_binary_1, {deep});
    ASSERT_FALSE(r.is_none());
    BitView v;
    ASSERT_TRUE(bit_view(r, v));
    EXPECT_EQ(v.byte_size(), 1000000u);
    EXPECT_EQ(v.bytes[999999], uint8_t(999999 & 0xFF));
    Term chars = call(bif_unicode_characters_to_list_2, {deep, am::unicode});
    ASSERT_TRUE(chars.is_list());
}

TEST_F(BinaryBifsTest, AtomsAndIntegers) {
    EXPECT_EQ(show_call(bif_erlang_atom_to_binary_2, {atom("abc"), am::utf8}), "<<\"abc\">>");
    EXPECT_EQ(show_call(bif_erlang_atom_to_binary_2, {atom("\xC4\x80"), am::latin1}),
              "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_atom_to_binary_2, {atom("\xC3\xBF"), am::latin1}),
              "<<255>>");
    EXPECT_EQ(show_call(bif_erlang_binary_to_atom_2, {bin("\xFF"), am::latin1}),
              format_display(atom("\xC3\xBF")));
    EXPECT_EQ(show_call(bif_erlang_binary_to_atom_2, {bin("\xFF"), am::utf8}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_binary_to_atom_2, {bin(std::string(256, 'a')), am::utf8}),
              "EXC system_limit");
    EXPECT_EQ(show_call(bif_erlang_binary_to_existing_atom_2,
                        {bin("binary_bifs_test_never"), am::utf8}),
              "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_integer_to_binary_2, {small(255), small(16)}), "<<\"FF\">>");
    EXPECT_EQ(show_call(bif_erlang_integer_to_binary_1, {small(-42)}), "<<\"-42\">>");
    EXPECT_EQ(show_call(bif_erlang_binary_to_integer_1, {bin("-123456789012345678901234567890")}),
              "-123456789012345678901234567890");
    EXPECT_EQ(show_call(bif_erlang_binary_to_integer_2, {bin("ff"), small(16)}), "255");
    EXPECT_EQ(show_call(bif_erlang_binary_to_integer_1, {bin("1.0")}), "EXC badarg");
    EXPECT_EQ(show_call(bif_erlang_binary_to_integer_2, {bin("1"), small(37)}), "EXC badarg");
}

TEST_F(BinaryBifsTest, BinaryModule) {
    Term s = bin("the cat sat");
    EXPECT_EQ(show_call(bif_binary_match_2, {s, bin("at")}), "{5,2}");
    EXPECT_EQ(show_call(bif_binary_matches_2, {s, list({bin("a"), bin("at")})}),
              "[{5,2},{9,2}]");
    EXPECT_EQ(show_call(bif_binary_match_2, {s, bin("zz")}), "nomatch");
    EXPECT_EQ(show_call(bif_binary_match_2, {s, bin("")}), "EXC badarg");
    Term scope = list({tuple(atom("scope"), tuple(small(6), small(5)))});
    EXPECT_EQ(show_call(bif_binary_match_3, {s, bin("at"), scope}), "{9,2}");
    EXPECT_EQ(show_call(bif_binary_split_3, {bin(",a,,b,"), bin(","), list({atom("global")})}),
              "[<<>>,<<\"a\">>,<<>>,<<\"b\">>,<<>>]");
    EXPECT_EQ(show_call(bif_binary_split_3,
                        {bin(",a,,b,"), bin(","), list({atom("global"), atom("trim_all")})}),
              "[<<\"a\">>,<<\"b\">>]");
    Term compiled = call(bif_binary_compile_pattern_1, {list({bin("t"), bin("th")})});
    EXPECT_EQ(show_call(bif_binary_matches_2, {s, compiled}), "[{0,2},{6,1},{10,1}]");
    EXPECT_EQ(show_call(bif_binary_at_2, {s, small(1)}), "104");
    EXPECT_EQ(show_call(bif_binary_at_2, {s, small(11)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_binary_first_1, {bin("")}), "EXC badarg");
    EXPECT_EQ(show_call(bif_binary_last_1, {s}), "116");
    EXPECT_EQ(show_call(bif_binary_copy_2, {bin("ab"), small(3)}), "<<\"ababab\">>");
    EXPECT_EQ(show_call(bif_binary_decode_unsigned_1, {bin(std::string(9, '\xFF'))}),
              "4722366482869645213695");
    EXPECT_EQ(show_call(bif_binary_decode_unsigned_2, {bin("\x01\x02"), atom("little")}),
              "513");
    EXPECT_EQ(show_call(bif_binary_encode_unsigned_2, {small(258), atom("little")}),
              "<<2,1>>");
    EXPECT_EQ(show_call(bif_binary_encode_unsigned_1, {small(0)}), "<<0>>");
    EXPECT_EQ(show_call(bif_binary_encode_unsigned_1, {small(-1)}), "EXC badarg");
    EXPECT_EQ(show_call(bif_binary_longest_common_prefix_1, {list({bin("abc"), bin("abd")})}),
              "2");
    EXPECT_EQ(show_call(bif_binary_longest_common_suffix_1, {list({bin("abc"), bin("xbc")})}),
              "2");
    EXPECT_EQ(show_call(bif_binary_longest_common_prefix_1, {Term::nil()}), "EXC badarg");
    EXPECT_EQ(show_call(bif_binary_list_to_bin_1, {str("ab", bin("c"))}), "<<\"abc\">>");
    EXPECT_EQ(show_call(bif_binary_part_3, {s, small(4), small(3)}), "<<\"cat\">>");
}

TEST_F(BinaryBifsTest, Unicode) {
    Term euro = bin("\xE2\x82\xAC");
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {euro, am::unicode}), "[8364]");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {list({small(0x20AC)}), am::utf8}),
              "<<226,130,172>>");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {str("\xFF"), am::latin1}),
              "<<195,191>>");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2,
                        {list({small('a'), small(-1), small('b')}), am::unicode}),
              "{error,<<\"a\">>,[-1,98]}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {bin("a\xC3"), am::unicode}),
              "{incomplete,\"a\",<<195>>}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2,
                        {list({bin("a\xC3"), bin("\xA9")}), am::unicode}),
              "<<97,195,169>>");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2,
                        {list({bin("a\xC3"), small('b')}), am::unicode}),
              "{error,<<\"a\">>,[<<195>>,\"b\"]}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {bin("a\xED\xA0\x80"), am::unicode}),
              "{error,\"a\",<<237,160,128>>}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {list({small('a'), atom("b")}),
                                                            am::unicode}),
              "EXC badarg");
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {bin("a"), atom("foo")}), "EXC badarg");
}

TEST_F(BinaryBifsTest, UnicodeWideInput) {
    Term utf16 = atom("utf16");
    Term le32 = tuple(atom("utf32"), atom("little"));
    EXPECT_EQ(show_call(bif_unicode_characters_to_list_2, {bin(std::string("\0a\xD8\x3D\xDE\0", 6)),
                                                            utf16}),
              "[97,128512]");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {bin(std::string("a\0\0\0", 4)), le32}),
              "<<\"a\">>");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {bin(std::string("\0a\0", 3)), utf16}),
              "{incomplete,<<\"a\">>,<<0>>}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2,
                        {list({bin(std::string("\xDC\0", 2)), small('b')}), utf16}),
              "{error,<<>>,[<<220,0>>,98]}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {list({small(-1), atom("a")}), utf16}),
              "{error,<<>>,[[-1],a]}");
    EXPECT_EQ(show_call(bif_unicode_characters_to_binary_2, {list({atom("a")}), utf16}),
              "EXC badarg");
}

} // namespace
} // namespace joist
