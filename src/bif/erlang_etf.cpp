// BIFs of module erlang on the external term format: term_to_binary/1,2, term_to_iovec/1,2,
// binary_to_term/1,2 and external_size/1,2 (encoder in etf/encode.cpp, decoder in
// etf/decode.cpp).
#include <cstring>
#include <string_view>
#include <vector>

#include "bif/bif.h"
#include "etf/decode.h"
#include "etf/encode.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "vm/vm.h"

namespace joist {

namespace {

constexpr uint8_t kVersion = 131;
constexpr int kDefaultCompression = 6;  // zlib's default level, erl's for `compressed`

struct ToBinaryOptions {
    etf::EncodeOptions enc;
    int level = 0;  // 0: not compressed
};

bool is_atom_named(Term t, std::string_view name) {
    return t.is_atom() && atoms().name(t) == name;
}

// A {Name, N} option with lo <= N <= hi.
bool int_option(Term opt, std::string_view name, int64_t lo, int64_t hi, int& out) {
    if (!opt.is_tuple() || opt.tuple_arity() != 2 || !is_atom_named(opt.tuple_elem(0), name)) {
        return false;
    }
    Term n = opt.tuple_elem(1);
    if (!n.is_small() || n.small_value() < lo || n.small_value() > hi) return false;
    out = int(n.small_value());
    return true;
}

// term_to_binary/2's options; external_size/2 takes only {minor_version, N} (`full` false).
bool parse_options(Term list, bool full, ToBinaryOptions& out) {
    Term l = list;
    for (; l.is_list(); l = l.tail()) {
        Term opt = l.head();
        int n;
        if (full && is_atom_named(opt, "compressed")) {
            out.level = kDefaultCompression;
        } else if (full && int_option(opt, "compressed", 0, 9, n)) {
            out.level = n;
        } else if (int_option(opt, "minor_version", 0, 2, n)) {
            out.enc.minor_version = n;
        } else if (full && is_atom_named(opt, "deterministic")) {
            out.enc.deterministic = true;
        } else {
            return false;
        }
    }
    return l.is_nil();
}

Term bytes_binary(Process& p, const uint8_t* prefix, size_t prefix_len, const uint8_t* body,
                  size_t body_len) {
    uint8_t* data;
    Term bin = make_binary(p.heap, prefix_len + body_len, data);
    if (prefix_len) std::memcpy(data, prefix, prefix_len);
    if (body_len) std::memcpy(data + prefix_len, body, body_len);
    return bin;
}

// The whole external form of `t` (version byte included) as a binary, or none() for badarg.
Term to_binary(Process& p, Term t, ToBinaryOptions& opts) {
    opts.enc.fun_creator = p.pid();
    etf::EncodeResult res;
    if (!etf::encode(t, opts.enc, res)) return p.badarg();
    std::vector<uint8_t> packed;
    if (opts.level > 0 && etf::compress(res.bytes, opts.level, packed)) {
        return bytes_binary(p, &kVersion, 1, packed.data(), packed.size());
    }
    return bytes_binary(p, &kVersion, 1, res.bytes.data(), res.bytes.size());
}

// A split-out bitstring's whole bytes: the term itself when it is exactly those bytes, else a
// copy.
Term whole_bytes(Process& p, const etf::SplitBinary& b) {
    BitView v;
    bit_view(b.binary, v);
    if (v.bit_offset == 0 && v.bit_size % 8 == 0) return b.binary;
    uint8_t* data;
    Term bin = make_binary(p.heap, b.bytes, data);
    bit_view(b.binary, v);  // (making the binary never collects; re-read for clarity)
    for (size_t i = 0; i < b.bytes; ++i) {
        unsigned hi = v.bytes[i];
        unsigned lo = v.bit_offset ? v.bytes[i + 1] >> (8 - v.bit_offset) : 0;
        data[i] = uint8_t((hi << v.bit_offset) | lo);
    }
    return bin;
}

Term to_iovec(Process& p, Term t, ToBinaryOptions& opts) {
    if (opts.level > 0) return to_binary(p, t, opts);  // erl returns the bare binary here
    opts.enc.fun_creator = p.pid();
    opts.enc.split_binaries = true;
    etf::EncodeResult res;
    if (!etf::encode(t, opts.enc, res)) return p.badarg();
    // Chunks of encoded bytes between the binaries referenced as they are.
    std::vector<Term> parts;
    size_t from = 0;
    bool first = true;
    auto chunk = [&](size_t to) {
        if (to > from || first) {
            parts.push_back(bytes_binary(p, &kVersion, first ? 1 : 0, res.bytes.data() + from,
                                         to - from));
        }
        first = false;
        from = to;
    };
    for (const etf::SplitBinary& b : res.binaries) {
        chunk(b.offset);
        parts.push_back(whole_bytes(p, b));
    }
    chunk(res.bytes.size());
    Term list = Term::nil();
    for (size_t i = parts.size(); i > 0; --i) list = gc::make_cons(p.heap, parts[i - 1], list);
    return list;
}

thread_local Vm* t_vm = nullptr;
thread_local bool t_safe = false;

Export* resolve_export(Term m, Term f, uint32_t a) {
    if (!t_vm) return nullptr;
    return t_safe ? t_vm->find_export(m, f, a) : t_vm->export_entry(m, f, a);
}

// binary_to_term with options `safe` (no new atoms or exports) and `used` ({Term, Bytes}).
Term from_binary(Process& p, Term bin, bool safe, bool used) {
    BitView v;
    if (!bit_view(bin, v) || v.bit_size % 8 != 0) return p.badarg();
    std::vector<uint8_t> copy;
    const uint8_t* bytes = v.bytes;
    size_t n = v.byte_size();
    if (v.bit_offset != 0) {
        copy.resize(n);
        unsigned sh = unsigned(v.bit_offset);
        for (size_t i = 0; i < n; ++i) {
            copy[i] = uint8_t((v.bytes[i] << sh) | (v.bytes[i + 1] >> (8 - sh)));
        }
        bytes = copy.data();
    }
    if (n < 2 || bytes[0] != kVersion) return p.badarg();
    std::span<const uint8_t> body(bytes + 1, n - 1);
    etf::DecodeContext ctx;
    ctx.resolve_export = &resolve_export;
    t_vm = p.vm;
    t_safe = safe;
    uint32_t atoms_before = atoms().size();
    Result<size_t> words = etf::decoded_size(body, ctx);
    Term t = Term::none();
    size_t consumed = 0;
    if (words.ok()) {
        Term* hp = p.alloc(words.value());
        t = etf::decode(body, hp, ctx, &consumed);
    }
    t_vm = nullptr;
    // FIXME: `safe` should refuse unknown atoms before creating them; here they are made, then
    // the call fails.
    if (t.is_none() || (safe && atoms().size() != atoms_before)) return p.badarg();
    if (!used) return t;
    return gc::make_tuple_of(p.heap, t, Term::small(int64_t(consumed + 1)));
}

} // namespace

// erlang:term_to_binary/1
Term bif_erlang_term_to_binary_1(Process& p, const Term* args) {
    ToBinaryOptions opts;
    return to_binary(p, args[0], opts);
}

// erlang:term_to_binary/2
Term bif_erlang_term_to_binary_2(Process& p, const Term* args) {
    ToBinaryOptions opts;
    if (!parse_options(args[1], true, opts)) return p.badarg();
    return to_binary(p, args[0], opts);
}

// erlang:term_to_iovec/1
Term bif_erlang_term_to_iovec_1(Process& p, const Term* args) {
    ToBinaryOptions opts;
    return to_iovec(p, args[0], opts);
}

// erlang:term_to_iovec/2
Term bif_erlang_term_to_iovec_2(Process& p, const Term* args) {
    ToBinaryOptions opts;
    if (!parse_options(args[1], true, opts)) return p.badarg();
    return to_iovec(p, args[0], opts);
}

// erlang:binary_to_term/1
Term bif_erlang_binary_to_term_1(Process& p, const Term* args) {
    return from_binary(p, args[0], false, false);
}

// erlang:binary_to_term/2
Term bif_erlang_binary_to_term_2(Process& p, const Term* args) {
    bool safe = false, used = false;
    Term l = args[1];
    for (; l.is_list(); l = l.tail()) {
        if (is_atom_named(l.head(), "safe")) {
            safe = true;
        } else if (is_atom_named(l.head(), "used")) {
            used = true;
        } else {
            return p.badarg();
        }
    }
    if (!l.is_nil()) return p.badarg();
    return from_binary(p, args[0], safe, used);
}

// erlang:external_size/1
Term bif_erlang_external_size_1(Process& p, const Term* args) {
    etf::EncodeOptions opts;
    etf::EncodeResult res;
    if (!etf::encode(args[0], opts, res)) return p.badarg();
    return gc::make_integer_u64(p.heap, res.total + 1);
}

// erlang:external_size/2
Term bif_erlang_external_size_2(Process& p, const Term* args) {
    ToBinaryOptions opts;
    if (!parse_options(args[1], false, opts)) return p.badarg();
    etf::EncodeResult res;
    if (!etf::encode(args[0], opts.enc, res)) return p.badarg();
    return gc::make_integer_u64(p.heap, res.total + 1);
}

} // namespace joist
