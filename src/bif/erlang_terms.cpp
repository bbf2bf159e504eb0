// BIFs of module erlang on terms in general: tuples, atom <-> list conversion, type tests,
// the comparison operators and the boolean operators.
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "bif/bif.h"
#include "term/binary.h"
#include "code/module.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/compare.h"
#include "term/format.h"

namespace joist {

namespace {

constexpr int64_t kMaxTupleArity = (int64_t(1) << 24) - 1;  // erl's limit (larger: badarg)

Term boolean(bool b) { return b ? am::true_ : am::false_; }

// True for true/false, with its value in `out`.
bool to_boolean(Term t, bool& out) {
    if (t == am::true_) {
        out = true;
        return true;
    }
    if (t == am::false_) {
        out = false;
        return true;
    }
    return false;
}

// A 1-based tuple index: a small integer in [1, arity].
bool tuple_index(Term index, Term tuple, uint64_t& out) {
    if (!index.is_small() || !tuple.is_tuple()) return false;
    int64_t i = index.small_value();
    if (i < 1 || uint64_t(i) > tuple.tuple_arity()) return false;
    out = uint64_t(i) - 1;
    return true;
}

// Length of a proper list (false if `list` is not one).
bool proper_length(Term list, size_t& n) {
    n = 0;
    while (list.is_list()) {
        n++;
        list = list.tail();
    }
    return list.is_nil();
}

// Code points list -> UTF-8 atom text, as list_to_atom/1 reads it: each element a code point
// (no surrogates); a 256th element is system_limit before it is looked at.
enum class AtomText { Ok, Bad, TooLong };


AtomText atom_text(Term list, std::string& out) {
    size_t chars = 0;
    for (; list.is_list(); list = list.tail()) {
        if (chars == AtomTable::kMaxChars) return AtomText::TooLong;
        Term c = list.head();
        if (!c.is_small()) return AtomText::Bad;
        int64_t cp = c.small_value();
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return AtomText::Bad;
        append_utf8(out, uint32_t(cp));
        chars++;
    }
    return list.is_nil() ? AtomText::Ok : AtomText::Bad;
}

bool is_port(Term t) { return (t.raw & 0xF) == 0x7 || t.is_boxed_of(Subtag::ExtPort); }

// The arity a fun is called with (closure: code arity less its free variables).
uint64_t fun_arity(Term fun) {
    Term* box = fun.boxed_ptr();
    if (fun.box_header().header_subtag() == Subtag::Export) {
        return reinterpret_cast<const Export*>(box[1].raw)->arity;
    }
    const auto* entry = reinterpret_cast<const FunEntry*>(box[1].raw);
    return entry->arity - entry->num_free;
}

} // namespace

// erlang:element/2 — erlang.html#element-2
Term bif_erlang_element_2(Process& p, const Term* args) {
    uint64_t i;
    if (!tuple_index(args[0], args[1], i)) return p.badarg();
    return args[1].tuple_elem(i);
}

// erlang:setelement/3 — erlang.html#setelement-3
Term bif_erlang_setelement_3(Process& p, const Term* args) {
    uint64_t i;
    if (!tuple_index(args[0], args[1], i)) return p.badarg();
    uint64_t n = args[1].tuple_arity();
    Term* t = p.alloc(1 + n);
    std::memcpy(t, args[1].boxed_ptr(), (1 + n) * sizeof(Term));
    t[1 + i] = args[2];
    return Term::boxed(t);
}

// erlang:tuple_size/1 — erlang.html#tuple_size-1
Term bif_erlang_tuple_size_1(Process& p, const Term* args) {
    if (!args[0].is_tuple()) return p.badarg();
    return Term::small(int64_t(args[0].tuple_arity()));
}

// erlang:size/1 — erlang.html#size-1: a tuple's arity, or a bitstring's whole bytes.
Term bif_erlang_size_1(Process& p, const Term* args) {
    if (args[0].is_tuple()) return Term::small(int64_t(args[0].tuple_arity()));
    BitView v;
    if (bit_view(args[0], v)) return Term::small(int64_t(v.bit_size / 8));
    return p.badarg();
}

// erlang:make_tuple/2 — erlang.html#make_tuple-2
Term bif_erlang_make_tuple_2(Process& p, const Term* args) {
    if (!args[0].is_small()) return p.badarg();
    int64_t n = args[0].small_value();
    if (n < 0 || n > kMaxTupleArity) return p.badarg();
    Term t = gc::make_tuple(p.heap, size_t(n));
    Term* elems = t.tuple_elems();
    for (int64_t i = 0; i < n; i++) elems[i] = args[1];
    return t;
}

// erlang:make_tuple/3 — erlang.html#make_tuple-3
// InitList is a proper list of {Position, Term}; a later entry for a position wins.
Term bif_erlang_make_tuple_3(Process& p, const Term* args) {
    if (!args[0].is_small()) return p.badarg();
    int64_t n = args[0].small_value();
    if (n < 0 || n > kMaxTupleArity) return p.badarg();
    Term list = args[2];
    for (Term l = list; !l.is_nil(); l = l.tail()) {
        if (!l.is_list()) return p.badarg();
        Term e = l.head();
        if (!e.is_tuple() || e.tuple_arity() != 2 || !e.tuple_elem(0).is_small()) {
            return p.badarg();
        }
        int64_t pos = e.tuple_elem(0).small_value();
        if (pos < 1 || pos > n) return p.badarg();
    }
    Term t = gc::make_tuple(p.heap, size_t(n));
    Term* elems = t.tuple_elems();
    for (int64_t i = 0; i < n; i++) elems[i] = args[1];
    for (Term l = list; l.is_list(); l = l.tail()) {
        Term e = l.head();
        elems[e.tuple_elem(0).small_value() - 1] = e.tuple_elem(1);
    }
    return t;
}

// erlang:append_element/2 — erlang.html#append_element-2
Term bif_erlang_append_element_2(Process& p, const Term* args) {
    if (!args[0].is_tuple()) return p.badarg();
    uint64_t n = args[0].tuple_arity();
    if (int64_t(n) >= kMaxTupleArity) return p.badarg();
    Term t = gc::make_tuple(p.heap, n + 1);
    std::memcpy(t.tuple_elems(), args[0].tuple_elems(), n * sizeof(Term));
    t.tuple_elems()[n] = args[1];
    return t;
}

// erlang:tuple_to_list/1 — erlang.html#tuple_to_list-1
Term bif_erlang_tuple_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_tuple()) return p.badarg();
    uint64_t n = args[0].tuple_arity();
    if (n == 0) return Term::nil();
    const Term* elems = args[0].tuple_elems();
    Term* cells = p.alloc(2 * n);
    Term list = Term::nil();
    for (uint64_t i = n; i-- > 0;) {
        cells[2 * i] = elems[i];
        cells[2 * i + 1] = list;
        list = Term::list(&cells[2 * i]);
    }
    return list;
}

// erlang:list_to_tuple/1 — erlang.html#list_to_tuple-1
Term bif_erlang_list_to_tuple_1(Process& p, const Term* args) {
    size_t n;
    if (!proper_length(args[0], n) || n > size_t(kMaxTupleArity)) return p.badarg();
    Term t = gc::make_tuple(p.heap, n);
    Term* elems = t.tuple_elems();
    size_t i = 0;
    for (Term l = args[0]; l.is_list(); l = l.tail()) elems[i++] = l.head();
    return t;
}

// erlang:atom_to_list/1 — erlang.html#atom_to_list-1
Term bif_erlang_atom_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    return gc::make_codepoint_list(p.heap, atoms().name(args[0]));
}

// erlang:list_to_atom/1 — erlang.html#list_to_atom-1
// Any code point but surrogates; more than 255 characters is system_limit.
Term bif_erlang_list_to_atom_1(Process& p, const Term* args) {
    std::string text;
    switch (atom_text(args[0], text)) {
    case AtomText::Bad:
        return p.badarg();
    case AtomText::TooLong:
        return p.error(am::system_limit);
    case AtomText::Ok:
        break;
    }
    Term a = atoms().intern(text);
    // FIXME: erl aborts the whole node when the atom table is full; joist raises instead.
    if (a.is_none()) return p.error(am::system_limit);
    return a;
}

// erlang:list_to_existing_atom/1 — erlang.html#list_to_existing_atom-1
Term bif_erlang_list_to_existing_atom_1(Process& p, const Term* args) {
    std::string text;
    if (atom_text(args[0], text) != AtomText::Ok) return p.badarg();
    std::optional<Term> a = atoms().find(text);
    if (!a) return p.badarg();
    return *a;
}

// erlang:is_atom/1 — erlang.html#is_atom-1
Term bif_erlang_is_atom_1(Process&, const Term* args) { return boolean(args[0].is_atom()); }

// erlang:is_integer/1 — erlang.html#is_integer-1
Term bif_erlang_is_integer_1(Process&, const Term* args) {
    return boolean(args[0].is_integer());
}

// erlang:is_float/1 — erlang.html#is_float-1
Term bif_erlang_is_float_1(Process&, const Term* args) { return boolean(args[0].is_float()); }

// erlang:is_number/1 — erlang.html#is_number-1
Term bif_erlang_is_number_1(Process&, const Term* args) { return boolean(args[0].is_number()); }

// erlang:is_list/1 — erlang.html#is_list-1
Term bif_erlang_is_list_1(Process&, const Term* args) {
    return boolean(args[0].is_list() || args[0].is_nil());
}

// erlang:is_tuple/1 — erlang.html#is_tuple-1
Term bif_erlang_is_tuple_1(Process&, const Term* args) { return boolean(args[0].is_tuple()); }

// erlang:is_pid/1 — erlang.html#is_pid-1
Term bif_erlang_is_pid_1(Process&, const Term* args) { return boolean(args[0].is_pid()); }

// erlang:is_reference/1 — erlang.html#is_reference-1
Term bif_erlang_is_reference_1(Process&, const Term* args) { return boolean(args[0].is_ref()); }

// erlang:is_function/1 — erlang.html#is_function-1
Term bif_erlang_is_function_1(Process&, const Term* args) { return boolean(args[0].is_fun()); }

// erlang:is_function/2 — erlang.html#is_function-2
// Arity: a non-negative integer, else badarg (a positive bignum is just never a fun's arity).
Term bif_erlang_is_function_2(Process& p, const Term* args) {
    Term arity = args[1];
    if (arity.is_small()) {
        if (arity.small_value() < 0) return p.badarg();
    } else if (arity.is_boxed_of(Subtag::PosBig)) {
        return am::false_;
    } else {
        return p.badarg();
    }
    if (!args[0].is_fun()) return am::false_;
    return boolean(fun_arity(args[0]) == uint64_t(arity.small_value()));
}

// erlang:is_boolean/1 — erlang.html#is_boolean-1
Term bif_erlang_is_boolean_1(Process&, const Term* args) {
    return boolean(args[0] == am::true_ || args[0] == am::false_);
}

// erlang:is_binary/1 — erlang.html#is_binary-1
Term bif_erlang_is_binary_1(Process&, const Term* args) {
    return boolean(args[0].is_binary());
}

// erlang:is_bitstring/1 — erlang.html#is_bitstring-1
Term bif_erlang_is_bitstring_1(Process&, const Term* args) {
    return boolean(args[0].is_binary_any());
}

// erlang:is_map/1 — erlang.html#is_map-1
Term bif_erlang_is_map_1(Process&, const Term* args) { return boolean(args[0].is_map()); }

// erlang:is_port/1 — erlang.html#is_port-1
Term bif_erlang_is_port_1(Process&, const Term* args) { return boolean(is_port(args[0])); }

// erlang:is_record/2 — erlang.html#is_record-2
// RecordTag must be an atom (badarg); in a guard the interpreter turns that into failure.
Term bif_erlang_is_record_2(Process& p, const Term* args) {
    Term t = args[0];
    if (!args[1].is_atom()) return p.badarg();
    return boolean(t.is_tuple() && t.tuple_arity() >= 1 && t.tuple_elem(0) == args[1]);
}

// erlang:is_record/3 — erlang.html#is_record-3
// RecordTag must be an atom and Size a small integer (any sign), else badarg.
Term bif_erlang_is_record_3(Process& p, const Term* args) {
    Term t = args[0];
    if (!args[1].is_atom() || !args[2].is_small()) return p.badarg();
    int64_t size = args[2].small_value();
    return boolean(size >= 1 && t.is_tuple() && t.tuple_arity() == uint64_t(size) &&
                   t.tuple_elem(0) == args[1]);
}

// erlang:'=='/2 — expressions.html#term-comparisons
Term bif_erlang_eq_2(Process&, const Term* args) {
    return boolean(terms_arith_eq(args[0], args[1]));
}

// erlang:'/='/2 — expressions.html#term-comparisons
Term bif_erlang_ne_2(Process&, const Term* args) {
    return boolean(!terms_arith_eq(args[0], args[1]));
}

// erlang:'=:='/2 — expressions.html#term-comparisons
Term bif_erlang_exact_eq_2(Process&, const Term* args) {
    return boolean(terms_exact_eq(args[0], args[1]));
}

// erlang:'=/='/2 — expressions.html#term-comparisons
Term bif_erlang_exact_ne_2(Process&, const Term* args) {
    return boolean(!terms_exact_eq(args[0], args[1]));
}

// erlang:'<'/2 — expressions.html#term-comparisons
Term bif_erlang_lt_2(Process&, const Term* args) {
    return boolean(compare_terms(args[0], args[1]) < 0);
}

// erlang:'>'/2 — expressions.html#term-comparisons
Term bif_erlang_gt_2(Process&, const Term* args) {
    return boolean(compare_terms(args[0], args[1]) > 0);
}

// erlang:'=<'/2 — expressions.html#term-comparisons
Term bif_erlang_le_2(Process&, const Term* args) {
    return boolean(compare_terms(args[0], args[1]) <= 0);
}

// erlang:'>='/2 — expressions.html#term-comparisons
Term bif_erlang_ge_2(Process&, const Term* args) {
    return boolean(compare_terms(args[0], args[1]) >= 0);
}

// erlang:'and'/2 — expressions.html#boolean-expressions (both operands must be booleans)
Term bif_erlang_and_2(Process& p, const Term* args) {
    bool a, b;
    if (!to_boolean(args[0], a) || !to_boolean(args[1], b)) return p.badarg();
    return boolean(a && b);
}

// erlang:'or'/2 — expressions.html#boolean-expressions (both operands must be booleans)
Term bif_erlang_or_2(Process& p, const Term* args) {
    bool a, b;
    if (!to_boolean(args[0], a) || !to_boolean(args[1], b)) return p.badarg();
    return boolean(a || b);
}

// erlang:'xor'/2 — expressions.html#boolean-expressions
Term bif_erlang_xor_2(Process& p, const Term* args) {
    bool a, b;
    if (!to_boolean(args[0], a) || !to_boolean(args[1], b)) return p.badarg();
    return boolean(a != b);
}

// erlang:'not'/1 — expressions.html#boolean-expressions
Term bif_erlang_not_1(Process& p, const Term* args) {
    bool a;
    if (!to_boolean(args[0], a)) return p.badarg();
    return boolean(!a);
}

} // namespace joist

namespace joist {

// erlang:fun_to_list/1 — "#Fun<Module.Index.Uniq>" for a closure, "fun M:F/A" for an external
// fun: the text erlang:display/1 prints for it.
Term bif_erlang_fun_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_fun()) return p.badarg();
    return gc::make_codepoint_list(p.heap, format_display(args[0]));
}

} // namespace joist

namespace joist {

// erlang:ref_to_list/1 — "#Ref<0.A.B.C>", the text erlang:display/1 prints for it.
Term bif_erlang_ref_to_list_1(Process& p, const Term* args) {
    if (!args[0].is_ref()) return p.badarg();
    return gc::make_codepoint_list(p.heap, format_display(args[0]));
}

// erlang:port_to_list/1 — "#Port<N.Id>", the text erlang:display/1 prints for it.
Term bif_erlang_port_to_list_1(Process& p, const Term* args) {
    if (!is_port(args[0])) return p.badarg();
    return gc::make_codepoint_list(p.heap, format_display(args[0]));
}

// erlang:list_to_ref/1 — the local reference "#Ref<0.A.B.C>" names (three numbers below 2^32,
// node 0: references of other nodes need distribution); badarg for any other text.
Term bif_erlang_list_to_ref_1(Process& p, const Term* args) {
    std::string text;
    Term l = args[0];
    for (; l.is_list(); l = l.tail()) {
        Term c = l.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 255) return p.badarg();
        text.push_back(char(c.small_value()));
    }
    static constexpr std::string_view kPrefix = "#Ref<";
    if (!l.is_nil() || text.size() < kPrefix.size() + 1 || text.compare(0, kPrefix.size(), kPrefix) != 0 ||
        text.back() != '>')
        return p.badarg();
    std::vector<uint64_t> numbers;
    std::string_view body(text.data() + kPrefix.size(), text.size() - kPrefix.size() - 1);
    while (true) {
        size_t dot = body.find('.');
        std::string_view part = body.substr(0, dot);
        if (part.empty() || part.size() > 10) return p.badarg();
        uint64_t v = 0;
        for (char ch : part) {
            if (ch < '0' || ch > '9') return p.badarg();
            v = v * 10 + uint64_t(ch - '0');
        }
        numbers.push_back(v);
        if (dot == std::string_view::npos) break;
        body.remove_prefix(dot + 1);
    }
    if (numbers.size() != 4 || numbers[0] != 0) return p.badarg();
    for (size_t k = 1; k <= 3; ++k)
        if (numbers[k] > 0xFFFFFFFFu) return p.badarg();
    Term* r = p.heap.alloc(4);
    r[0] = Term::header(Subtag::Ref, 3);
    for (size_t k = 1; k <= 3; ++k) r[k] = Term::from_raw(numbers[k]);
    return Term::boxed(r);
}

} // namespace joist

namespace joist {

// erts_internal:term_type/1 — the name erl's runtime gives the representation of a term (which
// the suites use to tell small integers from bignums, flat maps from hash maps, ...).
Term bif_erts_internal_term_type_1(Process&, const Term* args) {
    Term t = args[0];
    const char* name = "nil";
    if (t.is_small()) name = "fixnum";
    else if (t.is_atom()) name = "atom";
    else if (t.is_local_pid()) name = "pid";
    else if ((t.raw & 0xF) == 0x7) name = "port";
    else if (t.is_list()) name = "list";
    else if (t.is_boxed()) {
        switch (t.box_header().header_subtag()) {
        case Subtag::Tuple: name = "tuple"; break;
        case Subtag::Fun: name = "fun"; break;
        case Subtag::Export: name = "export"; break;
        case Subtag::PosBig:
        case Subtag::NegBig: name = "bignum"; break;
        case Subtag::Float: name = "hfloat"; break;
        case Subtag::Ref: name = "reference"; break;
        case Subtag::RefcBin: name = "refc_binary"; break;
        case Subtag::HeapBin: name = "heap_binary"; break;
        case Subtag::SubBin: name = "sub_binary"; break;
        case Subtag::MatchCtx: name = "matchstate"; break;
        case Subtag::FlatMap: name = "flatmap"; break;
        case Subtag::HashMap: name = "hashmap"; break;  // only a head node is ever a value
        case Subtag::ExtPid: name = "external_pid"; break;
        case Subtag::ExtPort: name = "external_port"; break;
        case Subtag::ExtRef: name = "external_reference"; break;
        }
    }
    return atoms().intern(name);
}

// erts_internal:cmp_term/2 — -1, 0 or 1 as A is before, the same as, or after B in the exact
// term order (the order of map keys: 1 is before 1.0).
Term bif_erts_internal_cmp_term_2(Process&, const Term* args) {
    int c = compare_terms_exact(args[0], args[1]);
    return Term::small(c < 0 ? -1 : c > 0 ? 1 : 0);
}

} // namespace joist
