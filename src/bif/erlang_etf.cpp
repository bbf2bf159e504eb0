// BIFs of module erlang on the external term format: term_to_binary/1,2, term_to_iovec/1,2,
// binary_to_term/1,2 and external_size/1,2 (encoder in etf/encode.cpp, decoder in
// etf/decode.cpp).
#include <zlib.h>

#include <cstring>
#include <string>
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

// A local fun in external format: its module must be loaded (binary_to_term loads it, as a
// call would, unless `safe`) from the very code it was made by (same checksum).
FunEntry* resolve_fun(Term module, uint32_t index, const uint8_t* uniq, uint32_t arity,
                      uint32_t num_free) {
    if (!t_vm) return nullptr;
    Module* m = t_vm->find_module(module);
    if (!m && !t_safe) {
        auto loaded = t_vm->ensure_loaded(module);
        if (loaded.ok()) m = loaded.value();
    }
    if (!m || index >= m->funs.size() || std::memcmp(m->md5, uniq, sizeof m->md5) != 0)
        return nullptr;
    FunEntry* fe = m->funs[index].get();
    if (fe->num_free != num_free || fe->arity - fe->num_free != arity) return nullptr;
    return fe;
}

// For `safe`: true unless the encoding (after the version byte) names an atom that does not
// exist. Malformed input passes here and fails in the decoder.
bool atoms_exist(std::span<const uint8_t> in) {
    std::vector<uint8_t> plain;
    if (in.size() >= 5 && in[0] == 80) {  // compressed
        uLongf n = (uLongf(in[1]) << 24) | (uLongf(in[2]) << 16) | (uLongf(in[3]) << 8) | in[4];
        if (n > (uLongf(1) << 30)) return true;
        plain.resize(n);
        if (uncompress(plain.data(), &n, in.data() + 5, uLong(in.size() - 5)) != Z_OK) return true;
        plain.resize(n);
        in = plain;
    }
    size_t i = 0;
    uint64_t todo = 1;
    auto has = [&](size_t n) { return in.size() - i >= n; };
    auto be = [&](size_t at, int bytes) {
        uint64_t v = 0;
        for (int k = 0; k < bytes; ++k) v = (v << 8) | in[at + size_t(k)];
        return v;
    };
    std::string text;
    // Checks the atom (tag included) at i and moves past it; false if it does not exist.
    auto atom = [&]() {
        if (!has(1)) return true;
        uint8_t tag = in[i++];
        bool small = tag == 115 || tag == 119;
        if (!(small || tag == 100 || tag == 118) || !has(small ? 1 : 2)) return true;
        size_t len = small ? in[i] : size_t(be(i, 2));
        i += small ? 1 : 2;
        if (!has(len)) return true;
        text.clear();
        for (size_t k = 0; k < len; ++k) {
            uint8_t c = in[i + k];
            if ((tag == 100 || tag == 115) && c >= 0x80) {  // latin-1 -> UTF-8
                text += char(0xC0 | (c >> 6));
                text += char(0x80 | (c & 0x3F));
            } else {
                text += char(c);
            }
        }
        i += len;
        return atoms().find(text).has_value();
    };
    while (todo > 0 && has(1)) {
        --todo;
        uint8_t tag = in[i];
        size_t skip = 0;  // fixed bytes after a node atom
        switch (tag) {
        case 100: case 118: case 115: case 119:
            if (!atom()) return false;
            continue;
        case 88: skip = 12; break;  // NEW_PID_EXT
        case 103: skip = 9; break;  // PID_EXT
        case 89: skip = 8; break;   // NEW_PORT_EXT
        case 102: skip = 5; break;  // PORT_EXT
        case 120: skip = 12; break; // V4_PORT_EXT
        case 101: skip = 5; break;  // REFERENCE_EXT
        case 90:                    // NEWER_REFERENCE_EXT, NEW_REFERENCE_EXT
        case 114: {
            if (!has(3)) return true;
            size_t words = size_t(be(i + 1, 2));
            i += 3;
            if (!atom()) return false;
            i += (tag == 90 ? 4 : 1) + 4 * words;
            if (i > in.size()) return true;
            continue;
        }
        default: break;
        }
        if (skip) {
            ++i;
            if (!atom()) return false;
            i += skip;
            if (i > in.size()) return true;
            continue;
        }
        ++i;
        switch (tag) {
        case 97: i += 1; break;                          // SMALL_INTEGER_EXT
        case 98: i += 4; break;                          // INTEGER_EXT
        case 70: i += 8; break;                          // NEW_FLOAT_EXT
        case 99: i += 31; break;                         // FLOAT_EXT
        case 106: break;                                 // NIL_EXT
        case 104: if (!has(1)) return true; todo += in[i]; i += 1; break;
        case 105: if (!has(4)) return true; todo += be(i, 4); i += 4; break;
        case 107: if (!has(2)) return true; i += 2 + be(i, 2); break;
        case 108: if (!has(4)) return true; todo += be(i, 4) + 1; i += 4; break;
        case 109: if (!has(4)) return true; i += 4 + be(i, 4); break;
        case 77: if (!has(4)) return true; i += 5 + be(i, 4); break;
        case 110: if (!has(1)) return true; i += 2 + in[i]; break;
        case 111: if (!has(4)) return true; i += 5 + be(i, 4); break;
        case 116: if (!has(4)) return true; todo += 2 * be(i, 4); i += 4; break;
        case 113: todo += 3; break;                      // EXPORT_EXT: M, F, A
        default: return true;  // funs and the rest: left to the decoder
        }
        if (i > in.size()) return true;
    }
    return true;
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
    if (safe && !atoms_exist(body)) return p.badarg();
    etf::DecodeContext ctx;
    ctx.resolve_export = &resolve_export;
    ctx.resolve_fun = &resolve_fun;
    ctx.off_heap = &p.heap.off_heap;  // big binaries go off-heap, as the process makes them
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
