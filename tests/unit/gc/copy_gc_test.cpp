// Tests for the heap (blocks, fragments, size sequence), the copying collector and the list
// builders in gc/build.h.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "gc/build.h"
#include "gc/copy_gc.h"
#include "gc/heap.h"

namespace joist::gc {
namespace {

/* A structural fingerprint of a term, built without recursion: immediates as themselves,
 * conses as a marker then head then tail, boxed objects as header then their words (raw words
 * verbatim, term words as fingerprints). Pointer values never appear, except raw words. */
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
            size_t first_term = 0;
            if (subtag_is_raw(h.header_subtag())) {
                first_term = n;
            } else if (h.header_subtag() == Subtag::Fun) {
                first_term = 1;
            }
            for (size_t i = 0; i < first_term; i++) out.push_back(p[1 + i].raw);
            for (size_t i = n; i-- > first_term;) todo.push_back(p[1 + i]);
        } else {
            out.push_back(x.raw);
        }
    }
    return out;
}

// Every heap object reachable from t (not through literals) lies in the heap proper.
bool all_in_heap(const Heap& h, Term t, const std::vector<const Term*>& literal_ok = {}) {
    std::vector<Term> todo{t};
    while (!todo.empty()) {
        Term x = todo.back();
        todo.pop_back();
        if (!x.is_list() && !x.is_boxed()) continue;
        const Term* p = x.is_list() ? x.list_ptr() : x.boxed_ptr();
        bool lit = false;
        for (const Term* l : literal_ok) lit |= (p == l);
        if (lit) continue;
        if (!(p >= h.start && p < h.top)) return false;
        if (x.is_list()) {
            todo.push_back(x.tail());
            todo.push_back(x.head());
        } else if (!subtag_is_raw(p->header_subtag())) {
            size_t n = p->header_arity();
            size_t first = p->header_subtag() == Subtag::Fun ? 1 : 0;
            for (size_t i = first; i < n; i++) todo.push_back(p[1 + i]);
        }
    }
    return true;
}

void run_gc(Heap& h, std::vector<Term*> roots, size_t need = 0, GcType type = GcType::Auto) {
    std::vector<RootSpan> spans;
    for (Term* r : roots) spans.push_back({r, 1});
    collect(h, spans, need, type);
}

void major_gc(Heap& h, std::vector<Term*> roots, size_t need = 0) {
    run_gc(h, std::move(roots), need, GcType::Major);
}

Term make_big(Heap& h, std::initializer_list<uint64_t> limbs) {
    Term* p = h.alloc(1 + limbs.size());
    p[0] = Term::header(Subtag::PosBig, limbs.size());
    size_t i = 1;
    for (uint64_t l : limbs) p[i++] = Term::from_raw(l);
    return Term::boxed(p);
}

// A closure [hdr(Fun, 1 + nfree), entry word, env...].
Term make_fun(Heap& h, Word entry, std::initializer_list<Term> env) {
    Term* p = h.alloc(2 + env.size());
    p[0] = Term::header(Subtag::Fun, 1 + env.size());
    p[1] = Term::from_raw(entry);
    size_t i = 2;
    for (Term e : env) p[i++] = e;
    return Term::boxed(p);
}

Term make_int_list(Heap& h, int64_t n) {
    Term l = Term::nil();
    for (int64_t i = n; i-- > 0;) l = make_cons(h, Term::small(i), l);
    return l;
}

size_t list_length(Term l) {
    size_t n = 0;
    while (l.is_list()) {
        n++;
        l = l.tail();
    }
    return n;
}

void make_garbage(Heap& h, size_t words) {
    for (size_t i = 0; i < words / 3; i++) make_tuple_of(h, Term::small(i), Term::nil());
}

TEST(HeapSize, FollowsErlSequence) {
    // Observed on OTP 25 (spawn_opt min_heap_size is rounded up along this sequence).
    const size_t erl[] = {233,     376,     610,     987,     1598,     2586,     4185,
                          6772,    10958,   17731,   28690,   46422,    75113,    121536,
                          196650,  318187,  514838,  833026,  999631,   1199557,  1439468,
                          1727361, 2072833, 2487399, 2984878, 3581853,  4298223,  5157867,
                          6189440, 7427328, 8912793, 10695351, 12834421, 15401305};
    size_t want = 200;
    for (size_t s : erl) {
        EXPECT_EQ(next_heap_size(want), s);
        EXPECT_EQ(next_heap_size(s), s);
        want = s + 1;
    }
    EXPECT_EQ(next_heap_size(1), 12u);
    EXPECT_EQ(next_heap_size(13), 38u);
    EXPECT_EQ(next_heap_size(39), 51u);
    EXPECT_EQ(next_heap_size(143), 233u);
}

TEST(HeapSize, StepsAboveAsErlsOffset) {
    // erts_next_heap_size(Size, Offset): the first size >= Size, then Offset sizes up; below
    // the first size, the first size whatever the offset.
    EXPECT_EQ(next_heap_size(233, 1), 376u);
    EXPECT_EQ(next_heap_size(234, 1), 610u);
    EXPECT_EQ(next_heap_size(10000, 1), 17731u);
    EXPECT_EQ(next_heap_size(833026, 1), 999631u);
    EXPECT_EQ(next_heap_size(5, 1), 12u);
    EXPECT_EQ(next_heap_size(233, 2), 610u);
}

TEST(Heap, InitAllocFragments) {
    Heap h;
    h.init(233);
    EXPECT_EQ(h.size(), 233u);
    EXPECT_EQ(h.heap_used(), 0u);
    EXPECT_EQ(h.stack_used(), 0u);
    Term* a = h.alloc(200);
    EXPECT_EQ(a, h.start);
    EXPECT_TRUE(h.contains(a));
    EXPECT_TRUE(h.contains(a + 199));
    EXPECT_FALSE(h.contains(a + 200));
    Term* b = h.alloc(100);  // does not fit: fragment
    EXPECT_NE(h.fragments, nullptr);
    EXPECT_TRUE(h.contains(b));
    EXPECT_TRUE(h.contains(b + 99));
    EXPECT_FALSE(h.contains(b + 100));  // unused part of the fragment
    Term* c = h.alloc(100);             // same fragment
    EXPECT_EQ(c, b + 100);
    Term* d = h.alloc(10000);  // big: a new fragment
    EXPECT_TRUE(h.contains(d + 9999));
    EXPECT_EQ(h.fragment_words, 10200u);
    Term local[2];
    EXPECT_FALSE(h.contains(local));
    h.free_fragments();
    EXPECT_EQ(h.fragments, nullptr);
    EXPECT_EQ(h.fragment_words, 0u);
    EXPECT_FALSE(h.contains(b));
}

// Message fragments: small ones come in size classes and are reused once freed; any size
// holds `words` usable words, and a fragment attached to a heap is absorbed by collecting.
TEST(Heap, MessageFragmentsReuseAndCollect) {
    for (size_t words : {size_t(1), size_t(7), size_t(8), size_t(9), size_t(64), size_t(65),
                         size_t(1000)}) {
        Fragment* f = Heap::new_fragment(words);
        EXPECT_EQ(f->used, words);
        EXPECT_GE(f->size, words);
        for (size_t i = 0; i < words; ++i) f->data[i] = Term::small(int64_t(i));
        Heap::free_fragment(f);
        Fragment* g = Heap::new_fragment(words);  // maybe the same block: must be whole again
        EXPECT_EQ(g->used, words);
        EXPECT_GE(g->size, words);
        EXPECT_EQ(g->next, nullptr);
        Heap h;
        h.init(233);
        g->data[0] = Term::small(5);
        Term* cell = g->data;
        if (words >= 2) g->data[1] = Term::nil();
        h.attach_fragment(g);
        EXPECT_EQ(h.fragment_words, words);
        Term root = words >= 2 ? Term::list(cell) : Term::nil();
        RootSpan roots[] = {{&root, 1}};
        collect(h, roots, 0, GcType::Auto);
        EXPECT_EQ(h.fragments, nullptr);
        if (words >= 2) {
            ASSERT_TRUE(root.is_list());
            EXPECT_TRUE(h.contains(root.list_ptr()));
            EXPECT_EQ(root.head(), Term::small(5));
        }
    }
    Heap::free_fragment(nullptr);
}

TEST(CopyGc, EmptyRootsShrinksToMin) {
    Heap h;
    h.init(10958);
    make_garbage(h, 10000);
    major_gc(h, {});
    EXPECT_EQ(h.heap_used(), 0u);
    EXPECT_EQ(h.size(), 233u);
    EXPECT_EQ(h.gc_count, 1u);
    EXPECT_EQ(h.words_reclaimed, 9999u);
}

TEST(CopyGc, UninitialisedHeap) {
    Heap h;
    run_gc(h, {}, 10);
    EXPECT_GE(h.free_words(), 10u);
    EXPECT_EQ(h.size(), 233u);
}

TEST(CopyGc, MixedStructureSurvives) {
    Heap h;
    h.init(4185);
    make_garbage(h, 300);
    Term big = make_big(h, {0x123456789ULL, 0xFFFF'FFFF'FFFF'FFFFULL, 7});
    make_garbage(h, 300);
    Term fl = make_float(h, 3.25);
    Term str = make_byte_list(h, "hello");
    Term empty = make_tuple(h, 0);
    Term inner = make_tuple_of(h, fl, big, str, empty, Term::atom(5), Term::pid(42));
    make_garbage(h, 300);
    Term list = make_cons(h, inner, make_cons(h, Term::small(-7), make_cons(h, fl, Term::nil())));
    Term root = make_tuple_of(h, list, Term::small(kMaxSmall), Term::nil(), inner);
    std::vector<Word> before = fingerprint(root);
    size_t live = 4 + 2 + 10 + 1 + 7 + 6 + 5;  // big, float, str, {}, inner, list, root
    run_gc(h, {&root});
    EXPECT_EQ(fingerprint(root), before);
    EXPECT_EQ(h.heap_used(), live);
    EXPECT_TRUE(all_in_heap(h, root));
    EXPECT_EQ(root.tuple_elem(0).head(), root.tuple_elem(3));  // shared
    EXPECT_EQ(root.tuple_elem(3).tuple_elem(0).float_value(), 3.25);
    // A second (minor) collection promotes all of it to the old generation.
    run_gc(h, {&root});
    EXPECT_EQ(fingerprint(root), before);
    EXPECT_EQ(h.heap_used(), 0u);
    EXPECT_EQ(h.old_used(), live);
    // A major one brings it back, compact.
    major_gc(h, {&root});
    EXPECT_EQ(fingerprint(root), before);
    EXPECT_EQ(h.heap_used(), live);
    EXPECT_EQ(h.old_start, nullptr);
    EXPECT_TRUE(all_in_heap(h, root));
}

TEST(CopyGc, SharingPreserved) {
    Heap h;
    h.init(233);
    Term x = make_tuple_of(h, Term::small(1), Term::small(2));
    Term l = make_int_list(h, 10);
    Term mid = l.tail().tail().tail();
    Term t = make_tuple_of(h, x, x, l, mid, l);
    Term x2 = x;
    Term mid2 = mid;
    run_gc(h, {&t, &x2, &mid2});
    EXPECT_EQ(t.tuple_elem(0), t.tuple_elem(1));
    EXPECT_EQ(t.tuple_elem(0), x2);
    EXPECT_EQ(t.tuple_elem(2), t.tuple_elem(4));
    EXPECT_EQ(t.tuple_elem(2).tail().tail().tail(), t.tuple_elem(3));
    EXPECT_EQ(t.tuple_elem(3), mid2);
    EXPECT_EQ(h.heap_used(), 3u + 20u + 6u);
}

TEST(CopyGc, SharedDagCopiedOnce) {
    // t_k = {t_{k-1}, t_{k-1}}: 2^60 leaves as a tree, 3 words per level as a DAG.
    Heap h;
    h.init(233);
    Term t = Term::small(0);
    for (int k = 0; k < 60; k++) t = make_tuple_of(h, t, t);
    make_garbage(h, 1000);
    run_gc(h, {&t});
    EXPECT_EQ(h.heap_used(), 180u);
    Term x = t;
    for (int k = 0; k < 60; k++) {
        ASSERT_EQ(x.tuple_elem(0), x.tuple_elem(1));
        x = x.tuple_elem(0);
    }
    EXPECT_EQ(x, Term::small(0));
}

TEST(CopyGc, ImproperLists) {
    Heap h;
    h.init(233);
    Term a = make_cons(h, Term::small(1), make_cons(h, Term::small(2), Term::small(3)));
    Term b = make_cons(h, Term::atom(1), make_float(h, 1.5));
    Term c = make_cons(h, Term::nil(), make_tuple_of(h, a));
    auto fa = fingerprint(a), fb = fingerprint(b), fc = fingerprint(c);
    run_gc(h, {&a, &b, &c});
    EXPECT_EQ(fingerprint(a), fa);
    EXPECT_EQ(fingerprint(b), fb);
    EXPECT_EQ(fingerprint(c), fc);
    EXPECT_EQ(c.tail().tuple_elem(0), a);
    EXPECT_EQ(a.tail().tail(), Term::small(3));
    EXPECT_EQ(b.tail().float_value(), 1.5);
}

TEST(CopyGc, RawWordsAreNotTraced) {
    Heap h;
    h.init(610);
    Term victim = make_tuple_of(h, Term::small(99));  // garbage, only "pointed to" by raw words
    Word as_boxed = victim.raw;
    Word as_list = victim.raw - 1;  // same address, list tag
    Term env0 = make_float(h, 2.5);
    Term env1 = make_int_list(h, 3);
    Term fun = make_fun(h, as_boxed, {env0, env1, env0});
    Term big = make_big(h, {as_list, as_boxed});
    Term ref_obj;
    {
        Term* p = h.alloc(4);
        p[0] = Term::header(Subtag::Ref, 3);
        p[1] = Term::from_raw(as_boxed);
        p[2] = Term::from_raw(as_list);
        p[3] = Term::from_raw(0);
        ref_obj = Term::boxed(p);
    }
    Term root = make_tuple_of(h, fun, big, ref_obj);
    auto before = fingerprint(root);
    run_gc(h, {&root});
    EXPECT_EQ(fingerprint(root), before);
    Term f = root.tuple_elem(0);
    EXPECT_EQ(f.boxed_ptr()[1].raw, as_boxed);
    EXPECT_EQ(f.boxed_ptr()[2], f.boxed_ptr()[4]);
    EXPECT_EQ(f.boxed_ptr()[2].float_value(), 2.5);
    EXPECT_EQ(root.tuple_elem(1).boxed_ptr()[1].raw, as_list);
    EXPECT_EQ(root.tuple_elem(2).boxed_ptr()[1].raw, as_boxed);
    // victim was not copied: fun (5) + float (2) + list (6) + big (3) + ref (4) + root (4).
    EXPECT_EQ(h.heap_used(), 24u);
}

TEST(CopyGc, LiteralsAreNotCopied) {
    // A "literal area": terms outside any heap.
    std::vector<Term> lit(16);
    lit[0] = Term::header(Subtag::Tuple, 2);
    lit[1] = Term::small(1);
    lit[2] = Term::atom(3);
    lit[4] = Term::small(7);  // cons [7 | []] at lit[4]
    lit[5] = Term::nil();
    lit[6] = Term::header(Subtag::Float, 1);
    double d = 6.5;
    std::memcpy(&lit[7], &d, 8);
    Term lt = Term::boxed(&lit[0]);
    Term ll = Term::list(&lit[4]);
    Term lf = Term::boxed(&lit[6]);
    std::vector<Term> lit_copy = lit;

    Heap h;
    h.init(233);
    Term root = make_tuple_of(h, lt, ll, lf, make_cons(h, lt, ll));
    Term reg = lt;
    run_gc(h, {&root, &reg});
    EXPECT_EQ(root.tuple_elem(0), lt);
    EXPECT_EQ(root.tuple_elem(1), ll);
    EXPECT_EQ(root.tuple_elem(2), lf);
    EXPECT_EQ(root.tuple_elem(3).head(), lt);
    EXPECT_EQ(root.tuple_elem(3).tail(), ll);
    EXPECT_EQ(reg, lt);
    EXPECT_EQ(h.heap_used(), 5u + 2u);
    for (size_t i = 0; i < lit.size(); i++) EXPECT_EQ(lit[i], lit_copy[i]) << i;
}

TEST(CopyGc, StackFramesAndCatches) {
    Heap h;
    h.init(987);
    make_garbage(h, 200);
    Term l = make_int_list(h, 50);
    Term t = make_tuple_of(h, l, make_float(h, 0.5));
    make_garbage(h, 200);
    // Frame layout (top first): return address, catch, y0 = t, y1 = l, y2 = small; then an
    // outer frame: return address, y0 = nil.
    static const uint64_t code[4] = {};
    Word ret1 = reinterpret_cast<Word>(&code[0]);
    Word ret2 = reinterpret_cast<Word>(&code[2]);
    ASSERT_EQ(ret1 & 3, 0u);
    const Term frame[] = {Term::from_raw(ret1), Term::catch_tag(17), t, l, Term::small(5),
                          Term::from_raw(ret2), Term::nil()};
    size_t n = sizeof frame / sizeof frame[0];
    h.stop -= n;
    std::memcpy(h.stop, frame, sizeof frame);
    auto ft = fingerprint(t);
    run_gc(h, {}, 100);
    ASSERT_EQ(h.stack_used(), n);
    EXPECT_EQ(h.end - h.stop, ptrdiff_t(n));
    EXPECT_GE(h.free_words(), 100u);
    EXPECT_EQ(h.stop[0].raw, ret1);
    EXPECT_EQ(h.stop[1], Term::catch_tag(17));
    EXPECT_EQ(fingerprint(h.stop[2]), ft);
    EXPECT_EQ(h.stop[2].tuple_elem(0), h.stop[3]);  // shared with the tuple
    EXPECT_EQ(list_length(h.stop[3]), 50u);
    EXPECT_EQ(h.stop[4], Term::small(5));
    EXPECT_EQ(h.stop[5].raw, ret2);
    EXPECT_EQ(h.stop[6], Term::nil());
    EXPECT_EQ(h.heap_used(), 100u + 3u + 2u);
    EXPECT_TRUE(all_in_heap(h, h.stop[2]));
}

TEST(CopyGc, FragmentsAreAbsorbed) {
    Heap h;
    h.init(233);
    Term l = make_int_list(h, 2000);  // mostly in fragments
    Term t = make_tuple_of(h, l, make_float(h, 9.0));
    ASSERT_NE(h.fragments, nullptr);
    ASSERT_GT(h.fragment_words, 0u);
    auto before = fingerprint(t);
    run_gc(h, {&t});
    EXPECT_EQ(h.fragments, nullptr);
    EXPECT_EQ(h.fragment_words, 0u);
    EXPECT_EQ(fingerprint(t), before);
    EXPECT_EQ(h.heap_used(), 4000u + 3u + 2u);
    EXPECT_TRUE(all_in_heap(h, t));
    // As erl: the to-space holds all that was in use (heap and fragments), and the survivors
    // fit, so it stays that size.
    EXPECT_EQ(h.size(), next_heap_size(h.heap_used()));
}

TEST(CopyGc, NeedIsHonoured) {
    Heap h;
    h.init(233);
    Term l = make_int_list(h, 50);
    run_gc(h, {&l}, 100000);
    EXPECT_GE(h.free_words(), 100000u);
    EXPECT_EQ(list_length(l), 50u);
    // Then allocate it all without fragments.
    h.alloc(100000);
    EXPECT_EQ(h.fragments, nullptr);
}

TEST(CopyGc, OverlappingRootSpans) {
    Heap h;
    h.init(233);
    Term regs[3];
    regs[0] = make_int_list(h, 5);
    regs[1] = make_tuple_of(h, regs[0]);
    regs[2] = make_float(h, 1.0);
    make_garbage(h, 150);
    RootSpan spans[] = {{regs, 3}, {regs + 1, 2}, {regs, 1}};
    collect(h, spans, 0);
    EXPECT_EQ(regs[1].tuple_elem(0), regs[0]);
    EXPECT_EQ(list_length(regs[0]), 5u);
    EXPECT_EQ(regs[2].float_value(), 1.0);
    EXPECT_EQ(h.heap_used(), 10u + 2u + 2u);
}

TEST(CopyGc, DeepTupleNesting) {
    Heap h;
    h.init(233);
    Term t = Term::nil();
    const int depth = 1000000;
    for (int i = 0; i < depth; i++) {
        if (h.free_words() < 3) run_gc(h, {&t}, 3);
        t = make_tuple_of(h, Term::small(i), t);
    }
    major_gc(h, {&t});
    EXPECT_EQ(h.heap_used(), size_t(depth) * 3);
    int i = depth;
    for (Term x = t; x.is_tuple(); x = x.tuple_elem(1)) {
        ASSERT_EQ(x.tuple_elem(0).small_value(), --i);
    }
    EXPECT_EQ(i, 0);
}

TEST(CopyGc, BuildAndDropStaysBounded) {
    Heap h;
    h.init(233);
    size_t max_size = 0;
    Term list = Term::nil();
    for (int round = 0; round < 200; round++) {
        list = Term::nil();
        for (int i = 0; i < 100000; i++) {
            if (h.free_words() < 2) run_gc(h, {&list}, 2);
            list = make_cons(h, Term::small(i), list);
        }
        ASSERT_EQ(list_length(list), 100000u);
        ASSERT_EQ(h.fragments, nullptr);
        max_size = std::max(max_size, h.size());
    }
    // Live data peaks at 200k words.
    EXPECT_LE(max_size, 833026u);
    major_gc(h, {});
    EXPECT_EQ(h.size(), 233u);
}

TEST(CopyGc, FiveMillionElementList) {
    Heap h;
    h.init(233);
    const int64_t n = 5000000;
    Term list = Term::nil();
    for (int64_t i = n; i-- > 0;) {
        if (h.free_words() < 2) run_gc(h, {&list}, 2);
        list = make_cons(h, Term::small(i), list);
    }
    make_garbage(h, 1000);
    major_gc(h, {&list});
    EXPECT_EQ(h.heap_used(), size_t(2 * n));
    int64_t i = 0;
    for (Term x = list; x.is_list(); x = x.tail()) ASSERT_EQ(x.head().small_value(), i++);
    EXPECT_EQ(i, n);
}

TEST(Build, ByteList) {
    Heap h;
    h.init(233);
    Term l = make_byte_list(h, std::string_view("a\xff\0z", 4));
    const int64_t want[] = {'a', 255, 0, 'z'};
    for (int64_t w : want) {
        ASSERT_TRUE(l.is_list());
        EXPECT_EQ(l.head().small_value(), w);
        l = l.tail();
    }
    EXPECT_TRUE(l.is_nil());
    EXPECT_EQ(make_byte_list(h, "", Term::small(1)), Term::small(1));
    Term tail = make_byte_list(h, "x", Term::atom(2));
    EXPECT_EQ(tail.tail(), Term::atom(2));
}

TEST(Build, CodepointList) {
    Heap h;
    h.init(233);
    // a, é (2 bytes), € (3 bytes), G clef (4 bytes), then invalid: stray continuation 0x80,
    // truncated 0xE2 0x82, overlong 0xC0 0xAF, surrogate ED A0 80.
    std::string_view s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\x80\xE2\x82";
    Term l = make_codepoint_list(h, s, Term::nil());
    const int64_t want[] = {'a', 0xE9, 0x20AC, 0x1D11E, 0x80, 0xE2, 0x82};
    for (int64_t w : want) {
        ASSERT_TRUE(l.is_list());
        EXPECT_EQ(l.head().small_value(), w);
        l = l.tail();
    }
    EXPECT_TRUE(l.is_nil());
    Term o = make_codepoint_list(h, "\xC0\xAF\xED\xA0\x80", Term::small(0));
    const int64_t want2[] = {0xC0, 0xAF, 0xED, 0xA0, 0x80};
    for (int64_t w : want2) {
        ASSERT_TRUE(o.is_list());
        EXPECT_EQ(o.head().small_value(), w);
        o = o.tail();
    }
    EXPECT_EQ(o, Term::small(0));
    EXPECT_EQ(make_codepoint_list(h, "", Term::nil()), Term::nil());
}

} // namespace
} // namespace joist::gc
