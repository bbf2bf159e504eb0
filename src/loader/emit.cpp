// Generic instructions -> joist's threaded code (see code/instr.def for the operand kinds).
#include "loader/emit.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "code/instr.h"
#include "etf/decode.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "vm/vm.h"

namespace joist::loader {

namespace {

thread_local Vm* t_decode_vm = nullptr;

Export* resolve_export_for_literal(Term m, Term f, uint32_t a) {
    return t_decode_vm ? t_decode_vm->export_entry(m, f, a) : nullptr;
}

constexpr uint32_t kNoLabel = UINT32_MAX;

using K = Operand::Kind;

// The operand itself, or the register of a typed register.
const Operand& plain(const Operand& o) {
    return (o.kind == K::TypedReg && !o.list.empty()) ? o.list[0] : o;
}

// What the specialised rows care about in an operand: 'X' or 'Y' (a register), 'S' (a
// small-integer literal), 'N' ([]), 'A' (an atom), 'C' (another constant), '?' (anything else).
char operand_kind(const Operand& o) {
    const Operand& r = plain(o);
    switch (r.kind) {
    case K::XReg: return 'X';
    case K::YReg: return 'Y';
    case K::Integer: return Term::fits_small(r.value) ? 'S' : 'C';
    case K::Nil: return 'N';
    case K::Atom: return 'A';
    case K::BigInteger:
    case K::Literal:
    case K::Float:
    case K::Char: return 'C';
    default: return '?';
    }
}

bool is_constant(const Operand& o) {
    char k = operand_kind(o);
    return k == 'S' || k == 'N' || k == 'A' || k == 'C';
}

// Whether a row's operand letter accepts an operand of kind `have`: '*' anything, 'I' an
// immediate (small integer, [] or atom), else the same letter.
bool kind_matches(char want, char have) {
    return want == '*' || want == have ||
           (want == 'I' && (have == 'S' || have == 'N' || have == 'A'));
}

class Emitter {
public:
    Emitter(Vm& vm, const BeamFile& bf) : m_vm(vm), m_bf(bf), m_mod(std::make_unique<Module>()) {}

    Result<std::unique_ptr<Module>> run();

private:
    Error fail(const std::string& why) const {
        return make_error(fmt::format("{}: {}", m_bf.module_name, why));
    }
    Result<void> decode_literals();
    Result<Term> atom_operand(int64_t index) const;
    Result<Term> source(const Operand& op);
    Result<Instr> dest(const Operand& op) const;
    Result<Instr> uint_operand(const Operand& op) const;
    Result<Export*> import(const Operand& op) const;
    Result<void> emit_operand(char kind, const Operand& op);
    Result<void> emit_generic(Op op, const std::vector<const Operand*>& args);
    // The test_heap rows (run.cpp's HEAP_SHORT) hold their heap need as the bytes they test
    // for: (words + 1) * 8, the extra word being the stack's red zone.
    void heap_need_in_bytes(size_t at) { m_code[at + 1] = (m_code[at + 1] + 1) * sizeof(Term); }
    Result<void> emit_one(const GenOp& g);
    Result<bool> fuse(const GenOp& g1, const GenOp& g2, const GenOp* next);
    bool m_skip_next = false;  // fuse() made `next` part of its instruction too
    Term extra_literal_float(double d);
    Term extra_literal_big(const std::vector<uint8_t>& bytes);
    Term extra_literal_string(const Operand& offset, uint64_t bytes);
    Result<void> emit_bs(std::string_view name, const std::vector<Operand>& a);
    void emit_op(Op op) {
        m_emitted.emplace_back(m_code.size(), op);
        m_code.push_back(m_vm.handler(unsigned(op)));
    }
    void link_successors();
    void emit_label_ref(int64_t label) {
        m_label_fixups.emplace_back(m_code.size(), uint32_t(label));
        m_code.push_back(0);
    }

    Vm& m_vm;
    const BeamFile& m_bf;
    std::unique_ptr<Module> m_mod;
    std::vector<Instr> m_code;
    std::vector<Term> m_atoms;  // module atom index -> term
    std::vector<Term> m_literals;
    std::vector<Export*> m_imports;
    std::vector<std::pair<size_t, Op>> m_emitted;  // code index and row of each instruction
    // jump_on_val_X instructions whose cases all go to one label: return_if_in_range_X if
    // that label's instruction is a return (link_successors).
    std::vector<std::pair<size_t, uint32_t>> m_return_candidates;
    std::vector<uint32_t> m_label_offsets;
    std::vector<std::pair<size_t, uint32_t>> m_label_fixups;  // code index, label
    std::vector<std::pair<uint32_t, uint32_t>> m_catch_fixups; // catch index, label
    std::vector<Instr*> m_export_addrs;
    Term m_current_function = Term::nil();
    uint32_t m_current_arity = 0;
    const BifInfo* m_pending_nif = nullptr;  // the function being emitted is a built-in NIF
};

Result<void> Emitter::decode_literals() {
    etf::DecodeContext ctx;
    ctx.resolve_export = &resolve_export_for_literal;
    t_decode_vm = &m_vm;
    size_t total = 0;
    std::vector<size_t> sizes;
    auto blob = [](const std::vector<uint8_t>& v, bool strip) {
        std::span<const uint8_t> s(v.data(), v.size());
        if (strip && !s.empty() && s[0] == 131) s = s.subspan(1);
        return s;
    };
    for (const auto& lit : m_bf.literals) {
        auto sz = etf::decoded_size(blob(lit, false), ctx);
        if (!sz.ok()) return fail("literal: " + sz.error().message);
        sizes.push_back(sz.value());
        total += sz.value();
    }
    size_t attr_size = 0, cinf_size = 0;
    if (!m_bf.attributes.empty()) {
        auto sz = etf::decoded_size(blob(m_bf.attributes, true), ctx);
        if (sz.ok()) attr_size = sz.value();
    }
    if (!m_bf.compile_info.empty()) {
        auto sz = etf::decoded_size(blob(m_bf.compile_info, true), ctx);
        if (sz.ok()) cinf_size = sz.value();
    }
    total += attr_size + cinf_size;
    m_mod->literals = std::make_unique<Term[]>(total + 1);
    m_mod->literal_words = total;
    Term* hp = m_mod->literals.get();
    for (size_t i = 0; i < m_bf.literals.size(); ++i) {
        m_literals.push_back(etf::decode(blob(m_bf.literals[i], false), hp, ctx));
        hp += sizes[i];
    }
    if (attr_size) {
        m_mod->attributes = etf::decode(blob(m_bf.attributes, true), hp, ctx);
        hp += attr_size;
    }
    if (cinf_size) {
        m_mod->compile_info = etf::decode(blob(m_bf.compile_info, true), hp, ctx);
        hp += cinf_size;
    }
    t_decode_vm = nullptr;
    return {};
}

Term Emitter::extra_literal_float(double d) {
    auto block = std::make_unique<Term[]>(2);
    block[0] = Term::header(Subtag::Float, 1);
    std::memcpy(&block[1], &d, sizeof d);
    Term t = Term::boxed(block.get());
    m_mod->extra_literals.push_back(std::move(block));
    return t;
}

Term Emitter::extra_literal_big(const std::vector<uint8_t>& bytes) {
    // Two's complement little-endian -> sign + magnitude limbs.
    bool neg = !bytes.empty() && (bytes.back() & 0x80);
    std::vector<uint8_t> mag(bytes);
    if (neg) {  // negate: invert and add one
        int carry = 1;
        for (auto& b : mag) {
            int v = (uint8_t(~b)) + carry;
            b = uint8_t(v);
            carry = v >> 8;
        }
    }
    size_t nlimbs = (mag.size() + 7) / 8;
    std::vector<uint64_t> limbs(nlimbs ? nlimbs : 1, 0);
    for (size_t i = 0; i < mag.size(); ++i) limbs[i / 8] |= uint64_t(mag[i]) << (8 * (i % 8));
    while (nlimbs > 0 && limbs[nlimbs - 1] == 0) --nlimbs;
    gc::Heap tmp;
    tmp.init(nlimbs + 4);
    Term t = big_from_limbs(tmp, neg, limbs.data(), nlimbs);
    if (!t.is_boxed()) return t;
    size_t words = 1 + t.box_header().header_arity();
    auto block = std::make_unique<Term[]>(words);
    std::memcpy(block.get(), t.boxed_ptr(), words * sizeof(Term));
    Term r = Term::boxed(block.get());
    m_mod->extra_literals.push_back(std::move(block));
    return r;
}

// A string-table slice as a literal HeapBin (the bit-syntax instructions take strings as
// binaries), or none() if it lies outside the table.
Term Emitter::extra_literal_string(const Operand& offset, uint64_t bytes) {
    if (offset.value < 0 || uint64_t(offset.value) > m_bf.strings.size() ||
        bytes > m_bf.strings.size() - uint64_t(offset.value))
        return Term::none();
    size_t words = 2 + (bytes + 7) / 8;
    auto block = std::make_unique<Term[]>(words);
    block[0] = Term::header(Subtag::HeapBin, words - 1);
    block[1] = Term::from_raw(bytes);
    block[words - 1].raw = 0;
    if (bytes) std::memcpy(&block[2], m_bf.strings.data() + offset.value, bytes);
    Term t = Term::boxed(block.get());
    m_mod->extra_literals.push_back(std::move(block));
    return t;
}

/* Bit-syntax instructions whose operands need decoding (code/instr_bs.def):
 *   bs_start_match4: the fail operand may be the atom no_fail or resume (label 0 here);
 *   bs_match_string, bs_put_string: the string-table offset becomes a literal binary;
 *   bs_create_bin: each segment [Type, Seg, Unit, Flags, Src, Size] becomes six words
 *     [type code, segment number, unit, flag bits, Src, Size], Size none() for a literal
 *     `all`/`undefined`, a string's Src its literal binary. */
Result<void> Emitter::emit_bs(std::string_view name, const std::vector<Operand>& a) {
    if (name == "bs_start_match4") {
        emit_op(Op::bs_start_match4);
        if (a[0].kind == K::Label) {
            TRY_VOID(emit_operand('f', a[0]));
        } else {
            m_code.push_back(0);
        }
        TRY_VOID(emit_operand('u', a[1]));
        TRY_VOID(emit_operand('s', a[2]));
        return emit_operand('d', a[3]);
    }
    if (name == "bs_match_string") {
        emit_op(Op::bs_match_string);
        TRY_VOID(emit_operand('f', a[0]));
        TRY_VOID(emit_operand('s', a[1]));
        uint64_t bits = TRY(uint_operand(a[2]));
        m_code.push_back(bits);
        Term str = extra_literal_string(a[3], (bits + 7) / 8);
        if (str.is_none()) return fail("bs_match_string: bad string");
        m_code.push_back(str.raw);
        return {};
    }
    if (name == "bs_put_string") {
        emit_op(Op::bs_put_string);
        uint64_t bytes = TRY(uint_operand(a[0]));
        Term str = extra_literal_string(a[1], bytes);
        if (str.is_none()) return fail("bs_put_string: bad string");
        m_code.push_back(str.raw);
        return {};
    }
    // bs_create_bin Fail Alloc Live Unit Dst {list, Segments}
    if (a[5].kind != K::List || a[5].list.size() % 6 != 0) return fail("bs_create_bin: bad list");
    emit_op(Op::bs_create_bin);
    TRY_VOID(emit_operand('f', a[0]));
    TRY_VOID(emit_operand('u', a[1]));
    TRY_VOID(emit_operand('u', a[2]));
    TRY_VOID(emit_operand('u', a[3]));
    TRY_VOID(emit_operand('d', a[4]));
    const auto& l = a[5].list;
    m_code.push_back(l.size());
    static const char* const kTypes[] = {"integer", "float",  "binary", "utf8",          "utf16",
                                         "utf32",   "string", "append", "private_append"};
    for (size_t i = 0; i < l.size(); i += 6) {
        if (l[i].kind != K::Atom) return fail("bs_create_bin: bad segment type");
        std::string_view type = atoms().name(TRY(atom_operand(l[i].value)));
        size_t code = 0;
        while (code < std::size(kTypes) && type != kTypes[code]) ++code;
        if (code == std::size(kTypes)) return fail("bs_create_bin: unknown segment type");
        m_code.push_back(code);
        m_code.push_back(TRY(uint_operand(l[i + 1])));
        m_code.push_back(TRY(uint_operand(l[i + 2])));
        uint64_t flags = 0;
        if (l[i + 3].kind == K::Literal) {
            for (Term f = TRY(source(l[i + 3])); f.is_list(); f = f.tail()) {
                std::string_view n = f.head().is_atom() ? atoms().name(f.head()) : "";
                if (n == "little") flags |= 2;
                if (n == "signed") flags |= 4;
                if (n == "native") flags |= 16;
            }
        } else if (l[i + 3].kind != K::Nil) {
            flags = TRY(uint_operand(l[i + 3]));
        }
        m_code.push_back(flags);
        const Operand& size = l[i + 5];
        if (code == 6) {  // string: Src is a string-table offset, Size its length in bytes
            uint64_t bytes = TRY(uint_operand(size));
            Term str = extra_literal_string(l[i + 4], bytes);
            if (str.is_none()) return fail("bs_create_bin: bad string");
            m_code.push_back(str.raw);
            m_code.push_back(Term::small(int64_t(bytes)).raw);
            continue;
        }
        TRY_VOID(emit_operand('s', l[i + 4]));
        if (size.kind == K::Atom) {
            Term s = TRY(atom_operand(size.value));
            std::string_view sn = atoms().name(s);
            if (sn == "all" || sn == "undefined") {
                m_code.push_back(Term::none().raw);
                continue;
            }
        }
        TRY_VOID(emit_operand('s', size));
    }
    return {};
}

Result<Term> Emitter::atom_operand(int64_t index) const {
    if (index <= 0 || size_t(index) >= m_atoms.size()) return fail("atom index out of range");
    return m_atoms[size_t(index)];
}

Result<Term> Emitter::source(const Operand& op) {
    switch (op.kind) {
    case K::XReg:
        if (op.value < 0 || op.value >= 1024) return fail("x register out of range");
        return Term::from_raw(xreg_ref(uint32_t(op.value)));
    case K::YReg:
        if (op.value < 0 || op.value >= (1 << 24)) return fail("y register out of range");
        return Term::from_raw(yreg_ref(uint32_t(op.value)));
    case K::TypedReg:
        if (op.list.empty()) return fail("empty typed register");
        return source(op.list[0]);
    case K::Unsigned:
    case K::Integer:
        if (Term::fits_small(op.value)) return Term::small(op.value);
        {
            std::vector<uint8_t> bytes(8);
            for (int i = 0; i < 8; ++i) bytes[i] = uint8_t(uint64_t(op.value) >> (8 * i));
            return extra_literal_big(bytes);
        }
    case K::BigInteger:
        return extra_literal_big(op.bytes);
    case K::Atom:
        return atom_operand(op.value);
    case K::Nil:
        return Term::nil();
    case K::Literal:
        if (op.value < 0 || size_t(op.value) >= m_literals.size())
            return fail("literal index out of range");
        return m_literals[size_t(op.value)];
    case K::Char:
        return Term::small(op.value);
    case K::Float:
        return extra_literal_float(op.fvalue);
    default:
        return fail("bad source operand");
    }
}

Result<Instr> Emitter::dest(const Operand& op) const {
    if (op.kind == K::TypedReg && !op.list.empty()) return dest(op.list[0]);
    if (op.kind == K::XReg && op.value >= 0 && op.value < 1024) return xreg_ref(uint32_t(op.value));
    if (op.kind == K::YReg && op.value >= 0 && op.value < (1 << 24))
        return yreg_ref(uint32_t(op.value));
    return fail("bad destination operand");
}

Result<Instr> Emitter::uint_operand(const Operand& op) const {
    if (op.kind == K::AllocList) {  // words needed: heap words + 2 per float (+0 funs)
        uint64_t words = 0;
        for (size_t i = 0; i + 1 < op.list.size(); i += 2) {
            int64_t what = op.list[i].value, n = op.list[i + 1].value;
            if (n < 0) return fail("bad allocation list");
            words += what == 0 ? uint64_t(n) : what == 1 ? uint64_t(n) * 2 : uint64_t(n) * 8;
        }
        return words;
    }
    if ((op.kind == K::Integer || op.kind == K::Unsigned || op.kind == K::Char) && op.value >= 0)
        return uint64_t(op.value);
    if (op.kind == K::Atom || op.kind == K::Nil) return 0;  // e.g. a 'nil' where 0 is meant
    return fail("bad integer operand");
}

Result<Export*> Emitter::import(const Operand& op) const {
    if (op.value < 0 || size_t(op.value) >= m_imports.size()) return fail("import out of range");
    return m_imports[size_t(op.value)];
}

Result<void> Emitter::emit_operand(char kind, const Operand& op) {
    switch (kind) {
    case 's':
        m_code.push_back(TRY(source(op)).raw);
        return {};
    case 'd':
        m_code.push_back(TRY(dest(op)));
        return {};
    case 'f':
        if (op.kind != K::Label) return fail("label operand expected");
        if (op.value == 0) {
            m_code.push_back(0);
        } else {
            if (op.value < 0 || uint64_t(op.value) >= m_label_offsets.size())
                return fail("label out of range");
            emit_label_ref(op.value);
        }
        return {};
    case 'u':
        m_code.push_back(TRY(uint_operand(op)));
        return {};
    case 'e':
        m_code.push_back(reinterpret_cast<Instr>(TRY(import(op))));
        return {};
    case 'F':
        if (op.kind != K::FReg || op.value < 0 || op.value >= 1024)
            return fail("bad float register");
        m_code.push_back(Instr(op.value));
        return {};
    case 't':
        if (op.value < 0 || size_t(op.value) >= m_mod->funs.size()) return fail("bad fun index");
        m_code.push_back(reinterpret_cast<Instr>(m_mod->funs[size_t(op.value)].get()));
        return {};
    case 'c': {
        if (op.kind != K::Label || op.value <= 0 || uint64_t(op.value) >= m_label_offsets.size())
            return fail("bad catch label");
        uint32_t idx = m_vm.add_catch(nullptr);
        m_catch_fixups.emplace_back(idx, uint32_t(op.value));
        m_code.push_back(Term::catch_tag(idx).raw);
        return {};
    }
    case 'L':
        if (op.kind != K::List) return fail("list operand expected");
        m_code.push_back(op.list.size());
        for (const Operand& e : op.list) {
            if (e.kind == K::Label) {
                TRY_VOID(emit_operand('f', e));
            } else {
                TRY_VOID(emit_operand('s', e));
            }
        }
        return {};
    default:
        return fail(std::string("bad operand kind ") + kind);
    }
}

Result<void> Emitter::emit_generic(Op op, const std::vector<const Operand*>& args) {
    const char* kinds = op_info(op).kinds;
    if (std::strlen(kinds) != args.size())
        return fail(fmt::format("{}: wrong operand count", op_info(op).name));
    emit_op(op);
    for (size_t i = 0; i < args.size(); ++i) TRY_VOID(emit_operand(kinds[i], *args[i]));
    return {};
}

Result<void> Emitter::emit_one(const GenOp& g) {
    const GenOpInfo* info = genop_info(g.opcode);
    if (!info) return fail(fmt::format("unknown opcode {}", g.opcode));
    const auto& a = g.args;
    if (a.size() != info->arity) return fail(fmt::format("{}: bad operand count", info->name));
    std::string_view name = info->name;
    auto A = [&](std::initializer_list<int> idx) {
        std::vector<const Operand*> v;
        for (int i : idx) v.push_back(&a[size_t(i)]);
        return v;
    };

    if (name == "label") {
        if (a[0].value <= 0 || uint64_t(a[0].value) >= m_label_offsets.size())
            return fail("label out of range");
        m_label_offsets[size_t(a[0].value)] = uint32_t(m_code.size());
        if (m_pending_nif) {  // the entry of a function joist implements as a built-in NIF
            auto ep = std::make_unique<Export>();
            ep->module = m_mod->name;
            ep->function = m_current_function;
            ep->arity = m_current_arity;
            ep->bif = m_pending_nif->fn;
            emit_op(Op::call_nif);
            m_code.push_back(reinterpret_cast<Instr>(ep.get()));
            m_mod->nif_entries.push_back(std::move(ep));
            m_pending_nif = nullptr;
        }
        return {};
    }
    if (name == "line") {
        int64_t idx = a[0].value;
        if (idx > 0 && size_t(idx) < m_bf.lines.size()) {
            const LineRef& lr = m_bf.lines[size_t(idx)];
            m_mod->lines.push_back({uint32_t(m_code.size()), lr.line, lr.file});
        } else {
            m_mod->lines.push_back({uint32_t(m_code.size()), 0, 0});
        }
        return {};
    }
    if (name == "func_info") {
        m_current_function = TRY(source(a[1]));
        m_current_arity = uint32_t(a[2].value);
        m_mod->functions.push_back({uint32_t(m_code.size()), m_current_function, m_current_arity});
        m_pending_nif = find_builtin_nif(m_mod->name, m_current_function, m_current_arity);
        return emit_generic(Op::func_info, A({0, 1, 2}));
    }
    if (name == "int_code_end" || name == "fclearerror" || name == "fcheckerror" ||
        name == "nif_start" || name == "on_load" || name == "recv_mark" || name == "recv_set")
        return {};
    if (name == "call") return emit_generic(Op::call, A({1, 0}));
    if (name == "call_last") return emit_generic(Op::call_last, A({1, 2, 0}));
    if (name == "call_only") return emit_generic(Op::call_only, A({1, 0}));
    if (name == "call_ext") return emit_generic(Op::call_ext, A({1, 0}));
    if (name == "call_ext_last") return emit_generic(Op::call_ext_last, A({1, 2, 0}));
    if (name == "call_ext_only") return emit_generic(Op::call_ext_only, A({1, 0}));
    if (name == "bif0" || name == "bif1" || name == "bif2" || name == "gc_bif1" ||
        name == "gc_bif2" || name == "gc_bif3") {
        bool gc = name[0] == 'g';
        size_t bif_pos = name == "bif0" ? 0 : gc ? 2 : 1;
        Export* ep = TRY(import(a[bif_pos]));
        size_t nargs = name == "bif0" ? 0 : size_t(name.back() - '0');
        if (!ep->bif) {  // a BIF joist lacks: raise {unsupported, {M, F, A}} when reached
            emit_op(Op::call_unsupported_bif);
            m_code.push_back(reinterpret_cast<Instr>(ep));
            return {};
        }
        std::string_view fname = atoms().name(ep->function);
        if (gc && nargs == 2 && ep->module == am::erlang) {
            Op fast = fname == "+" ? Op::arith_plus
                      : fname == "-" ? Op::arith_minus
                      : fname == "*" ? Op::arith_times : Op::kCount;
            if (fast == Op::arith_plus || fast == Op::arith_minus) {
                // Specialised by operand kind: X/Y register or small-integer literal (I).
                auto kind = [](const Operand& o) {
                    char k = operand_kind(o);
                    return k == 'S' ? 'I' : k;
                };
                char ka = kind(a[3]), kb = kind(a[4]);
                // The *I rows hold the literal with its tag bits cleared (run.cpp adds or
                // subtracts it to a tagged small as it is).
                auto untag_literal = [&](Op op) -> Result<void> {
                    size_t at = m_code.size();
                    TRY_VOID(emit_generic(op, A({0, 1, 3, 4, 5})));
                    m_code[at + 4] &= ~Instr(0xF);
                    return {};
                };
                if (fast == Op::arith_plus && ka == 'X' && kb == 'I' && kind(a[5]) == 'Y')
                    return untag_literal(Op::arith_plus_XI_y);
                if (kind(a[5]) != 'X') ka = '?';  // the specialised rows write an x register
                static constexpr std::pair<const char*, Op> kPlus[] = {
                    {"XI", Op::arith_plus_XI}, {"YI", Op::arith_plus_YI}, {"XX", Op::arith_plus_XX},
                    {"XY", Op::arith_plus_XY}, {"YX", Op::arith_plus_YX}, {"YY", Op::arith_plus_YY}};
                static constexpr std::pair<const char*, Op> kMinus[] = {
                    {"XI", Op::arith_minus_XI}, {"YI", Op::arith_minus_YI},
                    {"XX", Op::arith_minus_XX}, {"XY", Op::arith_minus_XY},
                    {"YX", Op::arith_minus_YX}, {"YY", Op::arith_minus_YY}};
                for (const auto& [k, op] : fast == Op::arith_plus ? kPlus : kMinus)
                    if (k[0] == ka && k[1] == kb)
                        return kb == 'I' ? untag_literal(op) : emit_generic(op, A({0, 1, 3, 4, 5}));
            }
            if (fast != Op::kCount) return emit_generic(fast, A({0, 1, 3, 4, 5}));
        }
        Op op;
        if (gc) op = nargs == 1 ? Op::gc_bif1 : nargs == 2 ? Op::gc_bif2 : Op::gc_bif3;
        else op = nargs == 0 ? Op::bif0 : nargs == 1 ? Op::bif1 : Op::bif2;
        if (op == Op::gc_bif2 && ep->module == am::erlang) {
            static constexpr std::pair<std::string_view, Op> kIntOps[] = {
                {"rem", Op::int_rem},   {"div", Op::int_div}, {"band", Op::int_band},
                {"bor", Op::int_bor},   {"bxor", Op::int_bxor}, {"bsl", Op::int_bsl},
                {"bsr", Op::int_bsr}};
            for (const auto& [n, row] : kIntOps)
                if (fname == n) op = row;
        }
        emit_op(op);
        const char* kinds = op_info(op).kinds;
        for (size_t i = 0; i < a.size(); ++i) {
            if (kinds[i] == 'b') m_code.push_back(reinterpret_cast<Instr>(ep));
            else TRY_VOID(emit_operand(kinds[i], a[i]));
        }
        return {};
    }
    if (name == "allocate" || name == "allocate_zero") {
        Op op = a[0].kind == K::Unsigned && a[0].value == 1   ? Op::allocate_1
                : a[0].kind == K::Unsigned && a[0].value == 2 ? Op::allocate_2
                                                              : Op::allocate;
        return emit_generic(op, A({0, 1}));
    }
    if (name == "allocate_heap" || name == "allocate_heap_zero")
        return emit_generic(Op::allocate_heap, A({0, 1, 2}));
    if (name == "test_heap") {
        size_t at = m_code.size();
        TRY_VOID(emit_generic(Op::test_heap, A({0, 1})));
        heap_need_in_bytes(at);
        return {};
    }
    if (name == "init") {  // init Y -> init_yregs [Y]
        emit_op(Op::init_yregs);
        m_code.push_back(1);
        return emit_operand('s', a[0]);
    }
    if (name == "deallocate") return emit_generic(Op::deallocate, A({0}));
    if (name == "return") return emit_generic(Op::return_, {});
    if (name == "move") {
        K src = plain(a[0]).kind, dst = plain(a[1]).kind;
        Op op = src == K::XReg && dst == K::XReg   ? Op::move_xx
                : src == K::XReg && dst == K::YReg ? Op::move_xy
                : src == K::YReg && dst == K::XReg ? Op::move_yx
                : src == K::YReg && dst == K::YReg ? Op::move_yy
                                                   : Op::move;
        if (op == Op::move && is_constant(a[0]) && (dst == K::XReg || dst == K::YReg))
            return emit_generic(dst == K::XReg ? Op::move_cx : Op::move_cy, A({0, 1}));
        if (op == Op::move) return emit_generic(Op::move, A({0, 1}));
        emit_op(op);
        TRY_VOID(emit_operand('d', a[0]));
        return emit_operand('d', a[1]);
    }
    if (name == "select_val" && a[2].kind == K::List) {
        // Dense small integers: a jump table indexed by value - lowest.
        const auto& pairs = a[2].list;
        bool all_small = !pairs.empty() && pairs.size() % 2 == 0;
        int64_t lo = INT64_MAX, hi = INT64_MIN;
        for (size_t i = 0; all_small && i < pairs.size(); i += 2) {
            const Operand& v = pairs[i];
            all_small = (v.kind == K::Integer || v.kind == K::Unsigned) &&
                        Term::fits_small(v.value) && pairs[i + 1].kind == K::Label;
            if (all_small) {
                lo = std::min(lo, v.value);
                hi = std::max(hi, v.value);
            }
        }
        size_t count = pairs.size() / 2;
        if (all_small && hi - lo < int64_t(2 * count + 8) && a[1].kind == K::Label &&
            a[1].value > 0) {
            const Operand& src = a[0].kind == K::TypedReg && !a[0].list.empty() ? a[0].list[0] : a[0];
            bool one_target = true;
            for (size_t i = 2; i < pairs.size(); i += 2)
                one_target = one_target && pairs[i + 1].value == pairs[1].value;
            if (src.kind == K::XReg && one_target && pairs[1].value != a[1].value)
                m_return_candidates.emplace_back(m_code.size(), uint32_t(pairs[1].value));
            emit_op(src.kind == K::XReg ? Op::jump_on_val_X : Op::jump_on_val);
            TRY_VOID(emit_operand('s', a[0]));
            TRY_VOID(emit_operand('f', a[1]));
            m_code.push_back(Term::small(lo).raw);  // the lowest value, tagged (run.cpp)
            size_t range = size_t(hi - lo + 1);
            m_code.push_back(range);
            size_t first_fixup = m_label_fixups.size();  // one per slot, in slot order
            for (size_t i = 0; i < range; ++i) TRY_VOID(emit_operand('f', a[1]));
            for (size_t i = 0; i < pairs.size(); i += 2) {
                if (pairs[i + 1].value <= 0 || uint64_t(pairs[i + 1].value) >= m_label_offsets.size())
                    return fail("label out of range");
                // The slot's fixup goes to the case's label instead of the fail label.
                m_label_fixups[first_fixup + size_t(pairs[i].value - lo)].second =
                    uint32_t(pairs[i + 1].value);
            }
            return {};
        }
        bool all_immediate = true;
        for (const Operand& e : a[2].list)
            if (e.kind != K::Label && e.kind != K::Atom && e.kind != K::Nil &&
                !((e.kind == K::Integer || e.kind == K::Unsigned) && Term::fits_small(e.value)))
                all_immediate = false;
        return emit_generic(all_immediate ? Op::select_val_imm : Op::select_val, A({0, 1, 2}));
    }
    if (name == "put_tuple2" && a[1].kind == K::List && a[1].list.size() == 2)
        return emit_generic(Op::put_tuple2_2, A({0, 1}));
    if (name == "catch") return emit_generic(Op::catch_, A({0, 1}));
    if (name == "try") return emit_generic(Op::try_, A({0, 1}));
    if (name == "make_fun3") return emit_generic(Op::make_fun, A({0, 1, 2}));
    if (name == "make_fun2") {  // env in x0.., result in x0
        if (a[0].value < 0 || size_t(a[0].value) >= m_mod->funs.size())
            return fail("bad fun index");
        emit_op(Op::make_fun);
        TRY_VOID(emit_operand('t', a[0]));
        m_code.push_back(xreg_ref(0));
        uint32_t nfree = m_mod->funs[size_t(a[0].value)]->num_free;
        m_code.push_back(nfree);
        for (uint32_t i = 0; i < nfree; ++i) m_code.push_back(xreg_ref(i));
        return {};
    }
    if (name == "fmove") {
        bool src_f = a[0].kind == K::FReg, dst_f = a[1].kind == K::FReg;
        if (src_f && dst_f) return emit_generic(Op::fmovef, A({0, 1}));
        if (src_f) return emit_generic(Op::fstore, A({0, 1}));
        return emit_generic(Op::fload, A({0, 1}));
    }
    if (name == "fconv") return emit_generic(Op::fconv, A({0, 1}));
    if (name == "fadd" || name == "fsub" || name == "fmul" || name == "fdiv")
        return emit_generic(name == "fadd"   ? Op::fadd
                            : name == "fsub" ? Op::fsub
                            : name == "fmul" ? Op::fmul
                                             : Op::fdiv,
                            A({0, 1, 2, 3}));
    if (name == "fnegate") return emit_generic(Op::fnegate, A({0, 1, 2}));

    if (name == "bs_start_match4" || name == "bs_match_string" || name == "bs_put_string" ||
        name == "bs_create_bin")
        return emit_bs(name, a);

    // Hot rows specialised by the kinds of their operands (X, Y, I: immediate, A: atom, which
    // 'I' also matches; '*': any), same operands.
    struct Variant {
        std::string_view name;
        std::string_view kinds;
        Op op;
    };
    static constexpr Variant kVariants[] = {
        {"get_list", "XYX", Op::get_list_X_YX},
        {"get_list", "XXX", Op::get_list_X_XX},
        {"get_list", "X**", Op::get_list_X},
        {"get_list", "Y**", Op::get_list_Y},
        {"put_list", "XX*", Op::put_list_XX},
        {"put_list", "XY*", Op::put_list_XY},
        {"put_list", "YX*", Op::put_list_YX},
        {"put_list", "YY*", Op::put_list_YY},
        {"put_list", "XI*", Op::put_list_XI},
        {"put_list", "YI*", Op::put_list_YI},
        {"put_list", "IX*", Op::put_list_IX},
        {"put_list", "IY*", Op::put_list_IY},
        {"is_nil", "*X", Op::is_nil_X},
        {"is_nonempty_list", "*X", Op::is_nonempty_list_X},
        {"is_nonempty_list", "*Y", Op::is_nonempty_list_Y},
        {"get_tuple_element", "X**", Op::get_tuple_element_X},
        {"get_tuple_element", "Y**", Op::get_tuple_element_Y},
        {"is_eq_exact", "*XI", Op::is_eq_exact_XI},
        {"is_eq_exact", "*YI", Op::is_eq_exact_YI},
        {"is_ne_exact", "*XI", Op::is_ne_exact_XI},
        {"is_ne_exact", "*YI", Op::is_ne_exact_YI},
        {"is_tuple", "*X", Op::is_tuple_X},
        {"test_arity", "*X*", Op::test_arity_X},
        {"is_tagged_tuple", "*X*A", Op::is_tagged_tuple_X},
        {"loop_rec", "*X", Op::loop_rec_X},
    };
    for (const Variant& v : kVariants) {
        if (v.name != name || v.kinds.size() != a.size()) continue;
        bool match = true;
        for (size_t i = 0; i < a.size() && match; ++i)
            match = kind_matches(v.kinds[i], operand_kind(a[i]));
        if (!match) continue;
        std::vector<const Operand*> all;
        for (const auto& o : a) all.push_back(&o);
        return emit_generic(v.op, all);
    }

    // Rows with the same name and operand order as the generic instruction.
    static const std::unordered_map<std::string_view, Op> kSame = [] {
        std::unordered_map<std::string_view, Op> m;
#define INSTR(n, kinds) m.emplace(#n, Op::n);
#include "code/instr.def"
#undef INSTR
        return m;
    }();
    if (auto it = kSame.find(name); it != kSame.end()) {
        Op op = it->second;
        if (std::strlen(op_info(op).kinds) == a.size()) {
            std::vector<const Operand*> all;
            for (const auto& o : a) all.push_back(&o);
            return emit_generic(op, all);
        }
    }
    // Not yet implemented (binaries, maps, receive ...): raise when reached, never at load.
    emit_op(Op::unsupported);
    m_code.push_back(g.opcode);
    return {};
}

// Two generic instructions in a row as one superinstruction (code/instr.def), if they form
// one: true when emitted. `next` is the instruction after them (or null): some
// superinstructions know it and jump to its handler directly. Labels and line entries are
// generic instructions of their own, so two adjacent ones have none between them: nothing
// jumps to the second, and an exception in the pair is reported at the same line.
Result<bool> Emitter::fuse(const GenOp& g1, const GenOp& g2, const GenOp* next) {
    const GenOpInfo* i1 = genop_info(g1.opcode);
    const GenOpInfo* i2 = genop_info(g2.opcode);
    if (!i1 || !i2 || g1.args.size() != i1->arity || g2.args.size() != i2->arity) return false;
    std::string_view n1 = i1->name, n2 = i2->name;
    const auto& a = g1.args;
    const auto& b = g2.args;
    if (n1 == "deallocate" && n2 == "return") {
        emit_op(Op::deallocate_return);
        TRY_VOID(emit_operand('u', a[0]));
        return true;
    }
    // call_fun(2); deallocate; return: a tail call (else a loop through a fun grows the stack).
    if ((n1 == "call_fun" || n1 == "call_fun2") && n2 == "deallocate" && next &&
        genop_info(next->opcode) && std::string_view(genop_info(next->opcode)->name) == "return") {
        if (n1 == "call_fun") {
            emit_op(Op::call_fun_last);
            TRY_VOID(emit_operand('u', a[0]));
        } else {
            emit_op(Op::call_fun2_last);
            for (size_t k = 0; k < 3; ++k) TRY_VOID(emit_operand("sus"[k], a[k]));
        }
        TRY_VOID(emit_operand('u', b[0]));
        m_skip_next = true;
        return true;
    }
    auto kind = operand_kind;
    auto reg = plain;
    if (n1 == "move" && n2 == "return" && reg(a[1]).kind == K::XReg && reg(a[1]).value == 0) {
        if (kind(a[0]) == 'X') {
            emit_op(Op::move_return_x);
            TRY_VOID(emit_operand('d', a[0]));
            return true;
        }
        if (is_constant(a[0])) {
            emit_op(Op::move_return_c);
            TRY_VOID(emit_operand('s', a[0]));
            return true;
        }
        return false;
    }
    // is_tuple R then test_arity R to the same label: test_arity tests for a tuple itself.
    if (n1 == "is_tuple" && n2 == "test_arity" && kind(a[1]) == 'X' && kind(b[1]) == 'X' &&
        reg(a[1]).value == reg(b[1]).value && a[0].kind == K::Label && b[0].kind == K::Label &&
        a[0].value == b[0].value) {
        emit_op(Op::test_arity_X);
        for (const Operand* o : {&b[0], &b[1], &b[2]}) TRY_VOID(emit_operand("fsu"[o - &b[0]], *o));
        return true;
    }
    // Two elements of one tuple in an x register (the second may overwrite the tuple's register).
    if (n1 == "get_tuple_element" && n2 == "get_tuple_element" && kind(a[0]) == 'X' &&
        kind(b[0]) == 'X' && reg(a[0]).value == reg(b[0]).value && kind(a[2]) == 'X' &&
        kind(b[2]) == 'X' && reg(a[2]).value != reg(a[0]).value) {
        emit_op(Op::get_tuple_element2_X);
        TRY_VOID(emit_operand('s', a[0]));
        TRY_VOID(emit_operand('u', a[1]));
        TRY_VOID(emit_operand('d', a[2]));
        TRY_VOID(emit_operand('u', b[1]));
        TRY_VOID(emit_operand('d', b[2]));
        return true;
    }
    if (n1 == "move" && n2 == "move") {
        const char pair[] = {kind(a[0]), kind(a[1]), kind(b[0]), kind(b[1]), 0};
        std::string_view k = pair;
        Op op = k == "XYXX" ? Op::move_xy_xx
                : k == "YXYX" ? Op::move_yx_yx
                : k == "XXXX" ? Op::move_xx_xx
                : k == "XYXY" ? Op::move_xy_xy
                              : Op::kCount;
        if (op == Op::kCount) return false;
        // Before a call (which the caller emits next), move_xy_xx jumps straight to it.
        if (op == Op::move_xy_xx && next && genop_info(next->opcode) &&
            std::string_view(genop_info(next->opcode)->name) == "call")
            op = Op::move_xy_xx_call;
        emit_op(op);
        for (const Operand* o : {&a[0], &a[1], &b[0], &b[1]}) TRY_VOID(emit_operand('d', *o));
        return true;
    }
    // allocate* sets every y register of the new frame to [] already: the init_yregs (or
    // init) that follows it is dropped.
    if ((n1 == "allocate" || n1 == "allocate_zero" || n1 == "allocate_heap" ||
         n1 == "allocate_heap_zero") &&
        (n2 == "init_yregs" || n2 == "init")) {
        TRY_VOID(emit_one(g1));
        return true;
    }
    if (n1 == "test_heap" && n2 == "put_tuple2" && b[1].kind == K::List && b[1].list.size() == 2) {
        const char kinds[] = {operand_kind(b[1].list[0]), operand_kind(b[1].list[1]),
                              operand_kind(b[0]), 0};
        std::string_view k = kinds;
        size_t at = m_code.size();
        emit_op(k == "XXX"   ? Op::test_heap_put_tuple2_2_XX
                : k == "XYX" ? Op::test_heap_put_tuple2_2_XY
                : k == "YXX" ? Op::test_heap_put_tuple2_2_YX
                : k == "YYX" ? Op::test_heap_put_tuple2_2_YY
                             : Op::test_heap_put_tuple2_2);
        TRY_VOID(emit_operand('u', a[0]));
        TRY_VOID(emit_operand('u', a[1]));
        TRY_VOID(emit_operand('d', b[0]));
        TRY_VOID(emit_operand('L', b[1]));
        heap_need_in_bytes(at);
        return true;
    }
    if (n1 == "test_heap" && n2 == "put_list") {
        auto imm = [](const Operand& o) {
            char k = operand_kind(o);
            return kind_matches('I', k) ? 'I' : k;
        };
        const char kinds[] = {imm(b[0]), imm(b[1]), imm(b[2]), 0};
        std::string_view k = kinds;
        Op op = k == "YXX" ? Op::test_heap_put_list_YX
                : k == "XXX" ? Op::test_heap_put_list_XX
                : k == "YIX" ? Op::test_heap_put_list_YI
                : k == "XIX" ? Op::test_heap_put_list_XI
                             : Op::kCount;
        if (op == Op::kCount) return false;
        size_t at = m_code.size();
        emit_op(op);
        TRY_VOID(emit_operand('u', a[0]));
        TRY_VOID(emit_operand('u', a[1]));
        TRY_VOID(emit_operand('s', b[0]));
        TRY_VOID(emit_operand('s', b[1]));
        TRY_VOID(emit_operand('d', b[2]));
        heap_need_in_bytes(at);
        return true;
    }
    return false;
}

// Instructions whose successor is a given row become their "A_then_B" row (code/instr.def),
// which jumps to B's handler directly. Code is never patched after loading, so the successor
// stays what it is here; labels pointing at B change nothing.
void Emitter::link_successors() {
    struct Link {
        Op first, next, linked;
    };
    static constexpr Link kLinks[] = {
        {Op::arith_minus_XI, Op::allocate_1, Op::arith_minus_XI_then_allocate_1},
        {Op::arith_minus_YI, Op::move_xy_xx_call, Op::arith_minus_YI_then_move_xy_xx_call},
        {Op::arith_plus_YX, Op::deallocate_return, Op::arith_plus_YX_then_deallocate_return},
        {Op::allocate_1, Op::move_xy_xx_call, Op::allocate_1_then_move_xy_xx_call},
        {Op::allocate_1, Op::get_list_X_YX, Op::allocate_1_then_get_list_X_YX},
        {Op::get_list_X_YX, Op::call, Op::get_list_X_YX_then_call},
        {Op::get_tuple_element2_X, Op::is_eq_exact_XI, Op::get_tuple_element2_X_then_is_eq_exact_XI},
        {Op::test_heap_put_list_YX, Op::deallocate_return,
         Op::test_heap_put_list_YX_then_deallocate_return},
        {Op::is_eq_exact_XI, Op::move_return_c, Op::is_eq_exact_XI_then_move_return_c},
        {Op::is_eq_exact_XI, Op::is_eq_exact_XI, Op::is_eq_exact_XI_then_is_eq_exact_XI},
        {Op::is_nonempty_list_X, Op::allocate_1, Op::is_nonempty_list_X_then_allocate_1},
        {Op::test_arity_X, Op::get_tuple_element2_X, Op::test_arity_X_then_get_tuple_element2_X},
        {Op::test_heap, Op::put_tuple2, Op::test_heap_then_put_tuple2},
        {Op::put_tuple2, Op::deallocate_return, Op::put_tuple2_then_deallocate_return},
        {Op::trim, Op::call, Op::trim_then_call},
        {Op::put_tuple2_2, Op::deallocate_return, Op::put_tuple2_2_then_deallocate_return},
        {Op::test_heap_put_tuple2_2, Op::deallocate_return,
         Op::test_heap_put_tuple2_2_then_deallocate_return},
        {Op::test_heap_put_tuple2_2_YX, Op::deallocate_return,
         Op::test_heap_put_tuple2_2_YX_then_deallocate_return},
        {Op::test_heap_put_tuple2_2_XX, Op::deallocate_return,
         Op::test_heap_put_tuple2_2_XX_then_deallocate_return},
    };
    Instr return_row = m_vm.handler(unsigned(Op::return_));
    for (auto [at, label] : m_return_candidates) {
        if (label < m_label_offsets.size() && m_label_offsets[label] < m_code.size() &&
            m_code[m_label_offsets[label]] == return_row)
            m_code[at] = m_vm.handler(unsigned(Op::return_if_in_range_X));
    }
    // Longer chains first: each row's handler jumps to the next row's linked form.
    struct Chain {
        Op ops[4];
        size_t length;
        Op linked;
    };
    static constexpr Chain kChains[] = {
        {{Op::is_nonempty_list_X, Op::allocate_1, Op::get_list_X_YX, Op::call}, 4,
         Op::is_nonempty_list_X_then_allocate_1_then_get_list_X_YX_then_call},
        {{Op::allocate_1, Op::get_list_X_YX, Op::call}, 3,
         Op::allocate_1_then_get_list_X_YX_then_call},
        {{Op::arith_minus_XI, Op::allocate_1, Op::move_xy_xx_call}, 3,
         Op::arith_minus_XI_then_allocate_1_then_move_xy_xx_call},
    };
    auto chain_at = [&](size_t i, const Chain& c) {
        if (i + c.length > m_emitted.size()) return false;
        for (size_t k = 0; k < c.length; ++k)
            if (m_emitted[i + k].second != c.ops[k]) return false;
        return true;
    };
    for (size_t i = 0; i + 1 < m_emitted.size(); ++i) {
        auto [at, op] = m_emitted[i];
        bool done = false;
        for (const Chain& c : kChains) {
            if (chain_at(i, c)) {
                m_code[at] = m_vm.handler(unsigned(c.linked));
                done = true;
                break;
            }
        }
        for (const Link& l : kLinks) {
            if (done) break;
            if (l.first == op && l.next == m_emitted[i + 1].second) {
                m_code[at] = m_vm.handler(unsigned(l.linked));
                break;
            }
        }
    }
}

Result<std::unique_ptr<Module>> Emitter::run() {
    Module& m = *m_mod;
    m_atoms.resize(m_bf.atoms.size());
    for (size_t i = 1; i < m_bf.atoms.size(); ++i) {
        Term t = atoms().intern(m_bf.atoms[i]);
        if (t.is_none()) return fail("atom table full");
        m_atoms[i] = t;
    }
    if (m_atoms.size() < 2) return fail("no module name");
    m.name = m_atoms[1];
    for (const auto& imp : m_bf.imports) {
        Term mod = TRY(atom_operand(imp.module)), fun = TRY(atom_operand(imp.function));
        m_imports.push_back(m_vm.export_entry(mod, fun, imp.arity));
    }
    TRY_VOID(decode_literals());
    for (const auto& fe : m_bf.funs) {
        auto e = std::make_unique<joist::FunEntry>();
        e->module = &m;
        e->function = TRY(atom_operand(fe.function));
        e->arity = fe.arity;
        e->num_free = fe.num_free;
        e->index = fe.index;
        e->old_uniq = fe.old_uniq;
        m.funs.push_back(std::move(e));
    }
    m.files = m_bf.line_files;
    if (m.files.empty()) m.files.push_back(std::string(atoms().name(m.name)) + ".erl");

    m_label_offsets.assign(size_t(m_bf.label_count) + 1, kNoLabel);
    const auto& code = m_bf.code;
    for (size_t i = 0; i < code.size(); ++i) {
        const GenOp* next = i + 2 < code.size() ? &code[i + 2] : nullptr;
        if (i + 1 < code.size() && TRY(fuse(code[i], code[i + 1], next))) {
            ++i;
            if (m_skip_next) ++i;  // the fused pair took `next` in as well
            m_skip_next = false;
            continue;
        }
        TRY_VOID(emit_one(code[i]));
    }
    // Nothing may run off the end of the code.
    emit_op(Op::unsupported);
    m_code.push_back(0);
    link_successors();

    m.code_size = m_code.size();
    m.code = std::make_unique<Instr[]>(m.code_size);
    std::memcpy(m.code.get(), m_code.data(), m_code.size() * sizeof(Instr));
    auto label_addr = [&](uint32_t label) -> Instr* {
        if (label >= m_label_offsets.size() || m_label_offsets[label] == kNoLabel) return nullptr;
        return m.code.get() + m_label_offsets[label];
    };
    for (auto [at, label] : m_label_fixups) {
        Instr* addr = label_addr(label);
        if (!addr) return fail(fmt::format("undefined label {}", label));
        m.code[at] = reinterpret_cast<Instr>(addr);
    }
    for (auto [idx, label] : m_catch_fixups) {
        Instr* addr = label_addr(label);
        if (!addr) return fail(fmt::format("undefined catch label {}", label));
        m_vm.set_catch(idx, addr);
    }
    for (size_t i = 0; i < m_bf.funs.size(); ++i) {
        Instr* addr = label_addr(m_bf.funs[i].label);
        if (!addr) return fail("fun label undefined");
        m.funs[i]->address = addr;
    }
    for (const auto& ex : m_bf.exports) {
        Term fun = TRY(atom_operand(ex.function));
        Instr* addr = label_addr(ex.label);
        if (!addr) return fail("export label undefined");
        Export* ep = m_vm.export_entry(m.name, fun, ex.arity);
        m.exports.push_back(ep);
        m_export_addrs.push_back(addr);
    }
    m.export_addresses = std::move(m_export_addrs);
    return std::move(m_mod);
}

} // namespace

Result<std::unique_ptr<Module>> emit_module(Vm& vm, const BeamFile& bf) {
    Emitter e(vm, bf);
    return e.run();
}

} // namespace joist::loader
