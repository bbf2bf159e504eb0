// BIFs of module erlang on binaries and bitstrings: sizes, parts, conversions to and from
// lists, iolists, atoms and integers. Also the iolist/bitstring helpers that bif/binary.cpp
// and the other BIF files share (namespace binbif, declared in bif/binbif.h).
// Iolists are walked with an explicit stack, so deep nesting never recurses in C++.
#include <functional>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"

namespace joist {

namespace binbif {

void BitWriter::byte(uint8_t b) {
    if (bits % 8 == 0) {
        bytes += char(b);
    } else {
        unsigned used = unsigned(bits % 8);
        bytes.back() = char(uint8_t(bytes.back()) | (b >> used));
        bytes += char(uint8_t(b << (8 - used)));
    }
    bits += 8;
}

void BitWriter::append(const BitView& v) {
    if (v.bit_offset == 0 && bits % 8 == 0) {
        bytes.append(reinterpret_cast<const char*>(v.bytes), v.byte_size());
        bits += v.byte_size() * 8;
    } else {
        for (uint64_t k = 0; k < v.byte_size(); k++) byte(uint8_t(byte_at(v, k)));
    }
    unsigned rest = unsigned(v.bit_size % 8);
    if (rest == 0) return;
    unsigned last = byte_at(v, v.byte_size()) & (0xFF00u >> rest) & 0xFF;
    if (bits % 8 == 0) {
        bytes += char(last);
    } else {
        unsigned used = unsigned(bits % 8);
        bytes.back() = char(uint8_t(bytes.back()) | (last >> used));
        if (used + rest > 8) bytes += char(uint8_t(last << (8 - used)));
    }
    bits += rest;
}

// The 8 bits starting at bit 8 * k of `v`; bits past the end read as zero.
unsigned BitWriter::byte_at(const BitView& v, uint64_t k) {
    unsigned b = unsigned(v.bytes[k] << v.bit_offset) & 0xFF;
    if (v.bit_offset != 0 && 8 * k + 8 - v.bit_offset < v.bit_size) {
        b |= v.bytes[k + 1] >> (8 - v.bit_offset);
    }
    return b;
}

// The 8 bits starting at bit 8 * k of `v`.
unsigned view_byte(const BitView& v, uint64_t k) { return BitWriter::byte_at(v, k); }

// A byte-aligned copy of a binary's bytes (v.bit_size % 8 == 0 assumed).
std::string view_bytes(const BitView& v) {
    if (v.bit_offset == 0) {
        return std::string(reinterpret_cast<const char*>(v.bytes), v.byte_size());
    }
    std::string s(v.byte_size(), '\0');
    for (uint64_t k = 0; k < v.byte_size(); k++) s[k] = char(view_byte(v, k));
    return s;
}

// A binary (whole bytes) viewed; false for anything else, bitstrings included.
bool binary_view(Term t, BitView& v) { return bit_view(t, v) && v.bit_size % 8 == 0; }

// Flattens an iolist (or, with `bits`, a bitstring list) into `out`. `top_binary` lets the
// top-level term itself be a binary. False if the term is not one.
bool iodata_bytes(Term t, const std::function<void(const uint8_t*, size_t)>& sink) {
    BitView v;
    auto add_binary = [&](Term b) {
        if (!bit_view(b, v) || v.bit_size % 8 != 0) return false;
        if (v.bit_offset == 0) {
            sink(v.bytes, v.byte_size());
            return true;
        }
        for (uint64_t i = 0; i < v.byte_size(); ++i) {  // an unaligned sub-binary
            uint8_t byte = uint8_t(v.bytes[i] << v.bit_offset | v.bytes[i + 1] >> (8 - v.bit_offset));
            sink(&byte, 1);
        }
        return true;
    };
    if (!t.is_list() && !t.is_nil()) return add_binary(t);
    std::vector<Term> stack{t};
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        for (; x.is_list(); x = x.tail()) {
            Term h = x.head();
            if (h.is_small()) {
                if (h.small_value() < 0 || h.small_value() > 255) return false;
                uint8_t byte = uint8_t(h.small_value());
                sink(&byte, 1);
            } else if (h.is_list()) {
                stack.push_back(x.tail());
                stack.push_back(h);
                break;
            } else if (!h.is_nil() && !add_binary(h)) {
                return false;
            }
        }
        if (!x.is_list() && !x.is_nil() && !add_binary(x)) return false;
    }
    return true;
}

bool flatten_iolist(Term t, BitWriter& out, bool top_binary, bool bits) {
    BitView v;
    auto add_bin = [&](Term b) {
        if (!bit_view(b, v)) return false;
        if (!bits && v.bit_size % 8 != 0) return false;
        out.append(v);
        return true;
    };
    if (!t.is_list() && !t.is_nil()) return top_binary && add_bin(t);
    std::vector<Term> stack;  // tails still to walk
    stack.push_back(t);
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        while (x.is_list()) {
            Term h = x.head();
            if (h.is_small()) {
                int64_t b = h.small_value();
                if (b < 0 || b > 255) return false;
                out.byte(uint8_t(b));
            } else if (h.is_list()) {
                stack.push_back(x.tail());
                x = h;
                continue;
            } else if (!h.is_nil() && !add_bin(h)) {
                return false;
            }
            x = x.tail();
        }
        if (!x.is_nil() && !add_bin(x)) return false;
    }
    return true;
}

// Byte size of an iolist; false if it is not one.
bool iolist_size(Term t, uint64_t& size) {
    size = 0;
    BitView v;
    auto add_bin = [&](Term b) {
        if (!binary_view(b, v)) return false;
        size += v.byte_size();
        return true;
    };
    if (!t.is_list() && !t.is_nil()) return add_bin(t);
    std::vector<Term> stack;
    stack.push_back(t);
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        while (x.is_list()) {
            Term h = x.head();
            if (h.is_small()) {
                int64_t b = h.small_value();
                if (b < 0 || b > 255) return false;
                size++;
            } else if (h.is_list()) {
                stack.push_back(x.tail());
                x = h;
                continue;
            } else if (!h.is_nil() && !add_bin(h)) {
                return false;
            }
            x = x.tail();
        }
        if (!x.is_nil() && !add_bin(x)) return false;
    }
    return true;
}

// `len` bytes of the bitstring `bin` from byte `start`: as erl, a part over kHeapBinLimit bytes
// is a sub-binary sharing bin's bytes, a smaller one a copy.
Term sub_binary(Process& p, Term bin, uint64_t start, uint64_t len) {
    return make_part(p.heap, bin, start * 8, len * 8, true);
}

// {Start, Len} (or Start, Len) against a size: erl's binary_part rules (Len may be
// negative: the part ends at Start). False if out of range.
bool part_range(Term start, Term len, uint64_t size, uint64_t& from, uint64_t& count) {
    if (!start.is_small() || !len.is_small()) return false;
    int64_t s = start.small_value();
    int64_t l = len.small_value();
    if (l < 0) {
        s += l;
        l = -l;
    }
    if (s < 0 || uint64_t(s) > size || uint64_t(l) > size - uint64_t(s)) return false;
    from = uint64_t(s);
    count = uint64_t(l);
    return true;
}

// A list of the byte values of `v`'s bytes [from, to), ending in `tail`.
Term bytes_to_list(Process& p, const BitView& v, uint64_t from, uint64_t to, Term tail) {
    Term list = tail;
    if (to > from) {
        Term* cells = p.alloc(2 * (to - from));
        for (uint64_t k = to; k-- > from;) {
            Term* c = cells + 2 * (k - from);
            c[0] = Term::small(view_byte(v, k));
            c[1] = list;
            list = Term::list(c);
        }
    }
    return list;
}

} // namespace binbif

using namespace binbif;

namespace {

// A binary with the UTF-8 text of `s`.
Term string_binary(Process& p, std::string_view s) { return make_binary_from(p.heap, s); }

bool utf8_valid(std::string_view s, size_t& chars) {
    chars = 0;
    size_t i = 0, n = s.size();
    while (i < n) {
        auto c = uint8_t(s[i]);
        uint32_t cp;
        size_t len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07;
            len = 4;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (size_t k = 1; k < len; k++) {
            auto d = uint8_t(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
        chars++;
    }
    return true;
}

// binary_to_atom/2 and binary_to_existing_atom/2.
Term binary_to_atom(Process& p, const Term* args, bool existing) {
    BitView v;
    if (!binary_view(args[0], v)) return p.badarg();
    std::string bytes = view_bytes(v);
    std::string text;
    size_t chars;
    if (args[1] == am::latin1) {
        chars = bytes.size();
        for (char ch : bytes) {
            auto c = uint8_t(ch);
            if (c < 0x80) {
                text += ch;
            } else {
                text += char(0xC0 | (c >> 6));
                text += char(0x80 | (c & 0x3F));
            }
        }
    } else if (args[1] == am::utf8 || args[1] == am::unicode) {
        if (!utf8_valid(bytes, chars)) return p.badarg();
        text = std::move(bytes);
    } else {
        return p.badarg();
    }
    if (existing) {  // too long: no such atom, so badarg as well
        auto a = chars <= AtomTable::kMaxChars ? atoms().find(text) : std::nullopt;
        return a ? *a : p.badarg();
    }
    if (chars > AtomTable::kMaxChars) return p.error(am::system_limit);
    Term a = atoms().intern(text);
    return a.is_none() ? p.error(am::system_limit) : a;
}

bool get_base(Term t, int& base) {
    if (!t.is_small() || t.small_value() < 2 || t.small_value() > 36) return false;
    base = int(t.small_value());
    return true;
}

constexpr size_t kMaxBigLimbs = (size_t(1) << 19) - 1;  // as bif/erlang_arith.cpp

Term binary_to_integer(Process& p, Term bin, int base) {
    BitView v;
    if (!binary_view(bin, v)) return p.badarg();
    Term r = integer_from_string(p.heap, view_bytes(v), base);
    if (r.is_none()) return p.badarg();
    if (r.is_bignum() && r.box_header().header_arity() > kMaxBigLimbs) {
        return p.error(am::system_limit);
    }
    return r;
}

} // namespace

// erlang:byte_size/1
Term bif_erlang_byte_size_1(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v)) return p.badarg();
    return Term::small(int64_t((v.bit_size + 7) / 8));
}

// erlang:bit_size/1
Term bif_erlang_bit_size_1(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v)) return p.badarg();
    return Term::small(int64_t(v.bit_size));
}

// erlang:binary_part/3 (a bitstring's whole bytes may be taken apart too)
Term bif_erlang_binary_part_3(Process& p, const Term* args) {
    BitView v;
    uint64_t from, count;
    if (!bit_view(args[0], v) || !part_range(args[1], args[2], v.byte_size(), from, count)) {
        return p.badarg();
    }
    return sub_binary(p, args[0], from, count);
}

// erlang:binary_part/2
Term bif_erlang_binary_part_2(Process& p, const Term* args) {
    Term pos = args[1];
    if (!pos.is_tuple() || pos.tuple_arity() != 2) return p.badarg();
    Term a[3] = {args[0], pos.tuple_elem(0), pos.tuple_elem(1)};
    return bif_erlang_binary_part_3(p, a);
}

// erlang:split_binary/2
Term bif_erlang_split_binary_2(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v) || !args[1].is_small()) return p.badarg();
    int64_t pos = args[1].small_value();
    if (pos < 0 || uint64_t(pos) > v.byte_size()) return p.badarg();
    auto left = uint64_t(pos) * 8;
    Term l = make_part(p.heap, args[0], 0, left, true);
    Term r = make_part(p.heap, args[0], left, v.bit_size - left, true);
    return gc::make_tuple_of(p.heap, l, r);
}

// erlang:binary_to_list/1
Term bif_erlang_binary_to_list_1(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v)) return p.badarg();
    return bytes_to_list(p, v, 0, v.byte_size(), Term::nil());
}

// erlang:binary_to_list/3 (1-based, both ends included; a bitstring's whole bytes too)
Term bif_erlang_binary_to_list_3(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v) || !args[1].is_small() || !args[2].is_small()) {
        return p.badarg();
    }
    int64_t start = args[1].small_value(), stop = args[2].small_value();
    if (start < 1 || stop < start || uint64_t(stop) > v.byte_size()) return p.badarg();
    return bytes_to_list(p, v, uint64_t(start - 1), uint64_t(stop), Term::nil());
}

// erlang:bitstring_to_list/1
Term bif_erlang_bitstring_to_list_1(Process& p, const Term* args) {
    BitView v;
    if (!bit_view(args[0], v)) return p.badarg();
    Term tail = Term::nil();
    if (v.bit_size % 8 != 0) {
        BitView rest = v;
        rest.bytes = v.bytes + v.byte_size();
        rest.bit_size = v.bit_size % 8;
        tail = gc::make_cons(p.heap, make_bitstring(p.heap, rest), Term::nil());
    }
    return bytes_to_list(p, v, 0, v.byte_size(), tail);
}

// erlang:list_to_binary/1
Term bif_erlang_list_to_binary_1(Process& p, const Term* args) {
    BitWriter w;
    if (!flatten_iolist(args[0], w, false, false)) return p.badarg();
    return make_binary_from(p.heap, w.bytes);
}

// erlang:iolist_to_binary/1
Term bif_erlang_iolist_to_binary_1(Process& p, const Term* args) {
    BitView v;
    if (binary_view(args[0], v)) return args[0];
    BitWriter w;
    if (!flatten_iolist(args[0], w, false, false)) return p.badarg();
    return make_binary_from(p.heap, w.bytes);
}

// erlang:iolist_to_iovec/1 — the bytes as a list of binaries: here one binary, or [] when
// there are none (erl may split or merge the parts differently).
Term bif_erlang_iolist_to_iovec_1(Process& p, const Term* args) {
    BitView v;
    if (binary_view(args[0], v))
        return v.byte_size() == 0 ? Term::nil() : gc::make_cons(p.heap, args[0], Term::nil());
    BitWriter w;
    if (!flatten_iolist(args[0], w, false, false)) return p.badarg();
    if (w.bytes.empty()) return Term::nil();
    return gc::make_cons(p.heap, make_binary_from(p.heap, w.bytes), Term::nil());
}

// erlang:iolist_size/1
Term bif_erlang_iolist_size_1(Process& p, const Term* args) {
    uint64_t size;
    if (!iolist_size(args[0], size)) return p.badarg();
    return gc::make_integer_u64(p.heap, size);
}

// erlang:list_to_bitstring/1
Term bif_erlang_list_to_bitstring_1(Process& p, const Term* args) {
    BitWriter w;
    if (!flatten_iolist(args[0], w, false, true)) return p.badarg();
    BitView v;
    v.bytes = reinterpret_cast<const uint8_t*>(w.bytes.data());
    v.bit_size = w.bits;
    return make_bitstring(p.heap, v);
}

// erlang:atom_to_binary/2
Term bif_erlang_atom_to_binary_2(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    std::string_view text = atoms().name(args[0]);
    if (args[1] == am::utf8 || args[1] == am::unicode) return string_binary(p, text);
    if (args[1] != am::latin1) return p.badarg();
    std::string out;
    for (size_t i = 0; i < text.size(); i++) {
        auto c = uint8_t(text[i]);
        if (c < 0x80) {
            out += char(c);
        } else if ((c & 0xE0) == 0xC0 && c <= 0xC3 && i + 1 < text.size()) {
            out += char(((c & 0x1F) << 6) | (uint8_t(text[++i]) & 0x3F));
        } else {
            return p.badarg();
        }
    }
    return string_binary(p, out);
}

// erlang:binary_to_atom/2
Term bif_erlang_binary_to_atom_2(Process& p, const Term* args) {
    return binary_to_atom(p, args, false);
}

// erlang:binary_to_existing_atom/2
Term bif_erlang_binary_to_existing_atom_2(Process& p, const Term* args) {
    return binary_to_atom(p, args, true);
}

// erlang:integer_to_binary/1
Term bif_erlang_integer_to_binary_1(Process& p, const Term* args) {
    if (!args[0].is_integer()) return p.badarg();
    return string_binary(p, integer_to_string(args[0], 10));
}

// erlang:integer_to_binary/2
Term bif_erlang_integer_to_binary_2(Process& p, const Term* args) {
    int base;
    if (!args[0].is_integer() || !get_base(args[1], base)) return p.badarg();
    return string_binary(p, integer_to_string(args[0], base));
}

// erlang:binary_to_integer/1
Term bif_erlang_binary_to_integer_1(Process& p, const Term* args) {
    return binary_to_integer(p, args[0], 10);
}

// erlang:binary_to_integer/2
Term bif_erlang_binary_to_integer_2(Process& p, const Term* args) {
    int base;
    if (!get_base(args[1], base)) return p.badarg();
    return binary_to_integer(p, args[0], base);
}

} // namespace joist
