// Tests for gc/copy_term.h: term_size and copy_term on every kind of term, sharing, huge
// lists and deep nesting (no recursion), and the source left untouched.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "code/module.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "gc/heap.h"
#include "term/compare.h"

namespace joist::gc {
namespace {

// Structural fingerprint without recursion (pointer values never appear, raw words do).
std::vector<Word> fingerprint(Term t) {
    constexpr Word kCons = 0xC0C0C0C0'00000001;
    std::vector<Word> out;
    std::vector<Term> todo{t};
    while (!todo.empty()) {
        Term x = todo.back();
        todo.pop_back();
        if (x.is_list()) {
            out.push_back(kCons);
            todo.push_back(x.tail());
            todo.push_back(x.head());
        } else if (x.is_boxed()) {
            Term* p = x.boxed_ptr();
            Term h = p[0];
            out.push_back(h.raw);
            size_t n = h.header_arity();
            size_t first = subtag_is_raw(h.header_subtag()) ? n
                           : h.header_subtag() == Subtag::Fun ? 1
                                                              : 0;
            for (size_t i = 0; i < first; i++) out.push_back(p[1 + i].raw);
            for (size_t i = n; i-- > first;) todo.push_back(p[1 + i]);
        } else {
            out.push_back(x.raw);
        }
    }
    return out;
}

// Every object reachable from t lies in [lo, hi).
bool all_within(Term t, const Term* lo, const Term* hi) {
    std::vector<Term> todo{t};
    while (!todo.empty()) {
        Term x = todo.back();
        todo.pop_back();
        if (!x.is_list() && !x.is_boxed()) continue;
        const Term* p = x.is_list() ? x.list_ptr() : x.boxed_ptr();
        if (p < lo || p >= hi) return false;
        if (x.is_list()) {
            todo.push_back(x.tail());
            todo.push_back(x.head());
        } else if (!subtag_is_raw(p->header_subtag())) {
            size_t n = p->header_arity();
            size_t first = p->header_subtag() == Subtag::Fun ? 1 : 0;
            if (p + 1 + n > hi) return false;
            for (size_t i = first; i < n; i++) todo.push_back(p[1 + i]);
        } else if (p + 1 + p->header_arity() > hi) {
            return false;
        }
    }
    return true;
}

// Copies t into an exactly-sized buffer and checks size, layout, equality and containment.
struct Copied {
    std::vector<Term> buf;
    Term term;
};

Copied copy_checked(Term t) {
    Copied c;
    size_t n = term_size(t);
    c.buf.resize(n + 1);
    c.buf[n] = Term::from_raw(0xDEADBEEF);  // guard word
    Term* hp = c.buf.data();
    c.term = copy_term(t, hp);
    EXPECT_EQ(hp, c.buf.data() + n);
    EXPECT_EQ(c.buf[n].raw, 0xDEADBEEFu);
    EXPECT_TRUE(all_within(c.term, c.buf.data(), c.buf.data() + n));
    EXPECT_EQ(fingerprint(c.term), fingerprint(t));
    return c;
}

Term make_big(Heap& h, bool neg, std::initializer_list<uint64_t> limbs) {
    Term* p = h.alloc(1 + limbs.size());
    p[0] = Term::header(neg ? Subtag::NegBig : Subtag::PosBig, limbs.size());
    size_t i = 1;
    for (uint64_t l : limbs) p[i++] = Term::from_raw(l);
    return Term::boxed(p);
}

Term make_heap_bin(Heap& h, std::string_view bytes) {
    size_t words = (bytes.size() + 7) / 8;
    Term* p = h.alloc(2 + words);
    p[0] = Term::header(Subtag::HeapBin, 1 + words);
    p[1] = Term::from_raw(bytes.size());
    std::memset(p + 2, 0, words * sizeof(Term));
    std::memcpy(p + 2, bytes.data(), bytes.size());
    return Term::boxed(p);
}

Term make_sub_bin(Heap& h, Term orig, int64_t bits, int64_t offset) {
    Term* p = h.alloc(5);
    p[0] = Term::header(Subtag::SubBin, 4);
    p[1] = Term::small(bits);
    p[2] = Term::small(offset);
    p[3] = Term::small(0);
    p[4] = orig;
    return Term::boxed(p);
}

TEST(CopyTerm, Immediates) {
    for (Term t : {Term::nil(), Term::small(-5), Term::small(kMaxSmall), Term::atom(3),
                   Term::pid(77)}) {
        EXPECT_EQ(term_size(t), 0u);
        Term* hp = nullptr;
        EXPECT_EQ(copy_term(t, hp), t);
        EXPECT_EQ(hp, nullptr);
    }
}

TEST(CopyTerm, EveryKind) {
    Heap h;
    h.init(4096);
    FunEntry entry;
    entry.arity = 3;
    entry.num_free = 2;
    Export exp;
    Term fl = make_float(h, -2.75);
    Term big = make_big(h, false, {1, 2, 3});
    Term nbig = make_big(h, true, {0, 1});
    Term str = make_byte_list(h, "copy me");
    Term bin = make_heap_bin(h, "0123456789abcdefXYZ");
    Term sub = make_sub_bin(h, bin, 13, 5);
    Term* ref = h.alloc(4);
    ref[0] = Term::header(Subtag::Ref, 3);
    ref[1] = Term::from_raw(11), ref[2] = Term::from_raw(22), ref[3] = Term::from_raw(33);
    Term* ex = h.alloc(2);
    ex[0] = Term::header(Subtag::Export, 1);
    ex[1] = Term::from_raw(reinterpret_cast<Word>(&exp));
    Term* fun = h.alloc(4);
    fun[0] = Term::header(Subtag::Fun, 3);
    fun[1] = Term::from_raw(reinterpret_cast<Word>(&entry));
    fun[2] = make_tuple_of(h, fl, str);
    fun[3] = big;
    // #{a => 1.5, b => [x]} as a flat map.
    Term keys = make_tuple_of(h, Term::atom(1), Term::atom(2));
    Term* map = h.alloc(4);
    map[0] = Term::header(Subtag::FlatMap, 3);
    map[1] = keys;
    map[2] = make_float(h, 1.5);
    map[3] = make_cons(h, Term::atom(7), Term::nil());
    Term improper = make_cons(h, fl, make_cons(h, nbig, Term::small(9)));
    Term root = make_tuple_of(h, fl, big, nbig, str, bin, sub, Term::boxed(ref), Term::boxed(ex),
                              Term::boxed(fun), Term::boxed(map), improper, make_tuple(h, 0),
                              Term::nil(), Term::pid(3));
    std::vector<Word> before = fingerprint(root);

    // root 15, fl 2, big 4, nbig 3, str 14, bin 5, sub 5 + its own bin 5, ref 4, export 2,
    // fun 4 + env {fl, str} 19 + big 4, map 4 + keys 3 + 1.5 2 + [x] 2, improper 4 + fl 2 + nbig 3,
    // {} 1.
    EXPECT_EQ(term_size(root), 15u + 2 + 4 + 3 + 14 + 5 + 10 + 4 + 2 + 27 + 11 + 9 + 1);
    Copied c = copy_checked(root);
    EXPECT_EQ(c.buf.size() - 1, term_size(root));
    EXPECT_TRUE(terms_exact_eq(c.term, root));
    EXPECT_EQ(fingerprint(root), before);  // source untouched
    // Raw words verbatim: the Fun's entry, the Export*, the ref id, the float bits.
    Term cf = c.term.tuple_elem(8);
    EXPECT_EQ(cf.boxed_ptr()[1].raw, reinterpret_cast<Word>(&entry));
    EXPECT_NE(cf.boxed_ptr(), fun);
    EXPECT_EQ(c.term.tuple_elem(7).boxed_ptr()[1].raw, reinterpret_cast<Word>(&exp));
    EXPECT_EQ(c.term.tuple_elem(0).float_value(), -2.75);
    EXPECT_EQ(c.term.tuple_elem(6).boxed_ptr()[3].raw, 33u);
    // The sub-binary's orig was followed and copied.
    Term csub = c.term.tuple_elem(5);
    EXPECT_NE(csub.boxed_ptr()[4], bin);
    EXPECT_TRUE(csub.boxed_ptr()[4].is_boxed_of(Subtag::HeapBin));
}

TEST(CopyTerm, SizesOfSimpleTerms) {
    Heap h;
    h.init(1024);
    EXPECT_EQ(term_size(make_float(h, 1.0)), 2u);
    EXPECT_EQ(term_size(make_byte_list(h, "abc")), 6u);
    EXPECT_EQ(term_size(make_tuple(h, 0)), 1u);
    Term inner = make_tuple_of(h, Term::small(1), make_float(h, 2.0));
    EXPECT_EQ(term_size(inner), 3u + 2u);
    EXPECT_EQ(term_size(make_cons(h, inner, make_cons(h, inner, Term::nil()))), 4u + 2 * 5u);
    EXPECT_EQ(term_size(make_big(h, false, {1, 2, 3, 4})), 5u);
}

TEST(CopyTerm, SharingIsNotPreserved) {
    Heap h;
    h.init(1024);
    Term x = make_byte_list(h, "ab");
    Term root = make_tuple_of(h, x, x, x);
    EXPECT_EQ(term_size(root), 4u + 3 * 4u);
    Copied c = copy_checked(root);
    EXPECT_NE(c.term.tuple_elem(0), c.term.tuple_elem(1));
    EXPECT_NE(c.term.tuple_elem(1), c.term.tuple_elem(2));
    EXPECT_TRUE(terms_exact_eq(c.term.tuple_elem(0), x));
}

TEST(CopyTerm, CopyIntoAHeapThenCollectable) {
    Heap src;
    src.init(1024);
    Term t = make_tuple_of(src, make_byte_list(src, "xyz"), make_float(src, 0.5));
    Heap dst;
    dst.init(233);
    size_t n = term_size(t);
    Term* hp = dst.alloc(n);
    Term* start = hp;
    Term c = copy_term(t, hp);
    EXPECT_EQ(hp, start + n);
    EXPECT_TRUE(dst.contains(c.boxed_ptr()));
    EXPECT_TRUE(terms_exact_eq(c, t));
}

TEST(CopyTerm, TenMillionElementList) {
    constexpr size_t kLen = 10'000'000;
    std::vector<Term> cells(2 * kLen);
    Term list = Term::nil();
    for (size_t i = kLen; i-- > 0;) {
        cells[2 * i] = Term::small(int64_t(i));
        cells[2 * i + 1] = list;
        list = Term::list(&cells[2 * i]);
    }
    size_t n = term_size(list);
    ASSERT_EQ(n, 2 * kLen);
    std::vector<Term> buf(n);
    Term* hp = buf.data();
    Term c = copy_term(list, hp);
    ASSERT_EQ(hp, buf.data() + n);
    size_t i = 0;
    for (Term l = c; l.is_list(); l = l.tail(), i++) {
        ASSERT_GE(l.list_ptr(), buf.data());
        ASSERT_LT(l.list_ptr(), buf.data() + n);
        ASSERT_EQ(l.head(), Term::small(int64_t(i)));
    }
    EXPECT_EQ(i, kLen);
}

// Nesting a million levels deep: through heads, through the last and the first tuple
// element, and through fun environments.
TEST(CopyTerm, DeepNesting) {
    constexpr size_t kDepth = 1'000'000;
    Heap h;
    h.init(233);
    Term heads = Term::nil();      // [[[...[]...]]]
    Term tuples = Term::atom(1);   // {N, {N-1, ... {0, a}}}
    Term left = Term::nil();       // {{{[], 0}, 1}, ...}
    for (size_t i = 0; i < kDepth; i++) {
        heads = make_cons(h, heads, Term::nil());
        tuples = make_tuple_of(h, Term::small(int64_t(i)), tuples);
        left = make_tuple_of(h, left, Term::small(int64_t(i)));
    }
    FunEntry entry;
    entry.num_free = 2;
    Term fun = Term::nil();  // each closure's environment holds the previous one
    for (size_t i = 0; i < kDepth; i++) {
        Term* f = h.alloc(4);
        f[0] = Term::header(Subtag::Fun, 3);
        f[1] = Term::from_raw(reinterpret_cast<Word>(&entry));
        f[2] = fun;
        f[3] = Term::small(int64_t(i));
        fun = Term::boxed(f);
    }
    EXPECT_EQ(term_size(heads), 2 * kDepth);
    EXPECT_EQ(term_size(tuples), 3 * kDepth);
    EXPECT_EQ(term_size(left), 3 * kDepth);
    EXPECT_EQ(term_size(fun), 4 * kDepth);
    for (Term t : {heads, tuples, left, fun}) {
        Copied c = copy_checked(t);
        EXPECT_TRUE(terms_exact_eq(c.term, t));
    }
}

} // namespace
} // namespace joist::gc
