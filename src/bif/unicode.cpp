// BIFs of module unicode: characters_to_list/2 and characters_to_binary/2 for input in
// latin1 or unicode (UTF-8), with erl's {error, Done, Rest} and {incomplete, Done, Rest}
// results (Rest rebuilt the way erl builds it), and bin_is_7bit/1. The other arities are
// Erlang code in unicode.beam on top of these. Chardata is walked with an explicit stack.
#include <cstring>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"

namespace joist {

using namespace binbif;

namespace {

// Chardata's shape: integers, binaries and lists of them, a binary or [] ending each list.
bool is_chardata(Term t) {
    BitView v;
    if (!t.is_list() && !t.is_nil()) return binary_view(t, v);
    std::vector<Term> stack;
    stack.push_back(t);
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        while (x.is_list()) {
            Term h = x.head();
            if (h.is_list()) {
                stack.push_back(x.tail());
                x = h;
                continue;
            }
            if (!h.is_integer() && !h.is_nil() && !binary_view(h, v)) return false;
            x = x.tail();
        }
        if (!x.is_nil() && !binary_view(x, v)) return false;
    }
    return true;
}

// One UTF-8 character at s[0..n): its length (code point in `cp`), 0 if the input ends in what
// erl deems an unfinished start (below), -1 if the bytes are not UTF-8 (well-formed
// sequences, Unicode 3-7).
int utf8_step(const uint8_t* s, size_t n, uint32_t& cp) {
    uint8_t c = s[0];
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    // Cut short by the end of the input, a sequence is incomplete as erl judges it: a lead
    // byte announcing 2 to 4 bytes (C0..F7) followed by continuation bytes only. Overlong
    // forms, surrogates and values over 10FFFF are errors only once the sequence is whole.
    size_t announced = c >= 0xC0 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                     : c >= 0xF0 && c <= 0xF7 ? 4 : 0;
    if (announced != 0 && n < announced) {
        for (size_t k = 1; k < n; ++k)
            if ((s[k] & 0xC0) != 0x80) return -1;
        return 0;
    }
    int len;
    uint8_t lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return -1;
    }
    for (int k = 1; k < len; k++) {
        if (size_t(k) >= n) return 0;
        uint8_t d = s[k];
        if (k == 1 ? (d < lo || d > hi) : (d & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (d & 0x3F);
    }
    return len;
}

// Converted characters: UTF-8 bytes (to binary) or code points (to list).
struct Output {
    bool to_list = false;
    std::string utf8;
    std::vector<uint32_t> cps;
    void put(uint32_t cp) {
        if (to_list) {
            cps.push_back(cp);
        } else {
            append_utf8(utf8, cp);
        }
    }
    Term make(Process& p) const {
        if (!to_list) return make_binary_from(p.heap, utf8);
        Term list = Term::nil();
        if (!cps.empty()) {
            Term* cells = p.alloc(2 * cps.size());
            for (size_t i = cps.size(); i-- > 0;) {
                cells[2 * i] = Term::small(cps[i]);
                cells[2 * i + 1] = list;
                list = Term::list(cells + 2 * i);
            }
        }
        return list;
    }
};

enum class Status { Ok, Error, Incomplete };

// The conversion of one chardata term. On failure, `rest` is erl's Rest.
struct Converter {
    Process& p;
    bool latin1;
    Output out;
    std::string pending;  // bytes of an unfinished UTF-8 character carried between binaries
    std::vector<Term> outer;  // tails of the enclosing lists, innermost last
    Term rest = Term::nil();

    // Wraps `inner` in the enclosing lists: [inner | tail] for each, innermost first.
    Term wrap(Term inner) {
        for (size_t i = outer.size(); i-- > 0;) inner = gc::make_cons(p.heap, inner, outer[i]);
        return inner;
    }

    // A rest for an error at this position, behind the pending bytes if there are any.
    Term fail_rest(Term here) {
        Term r = wrap(here);
        if (pending.empty()) return r;
        Term bin = make_binary_from(p.heap, pending);
        return gc::make_cons(p.heap, bin, gc::make_cons(p.heap, r, Term::nil()));
    }

    // An integer element.
    bool put_int(Term c) {
        if (!c.is_small() || !pending.empty()) return false;
        int64_t cp = c.small_value();
        if (cp < 0 || cp > (latin1 ? 0xFF : 0x10FFFF) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        out.put(uint32_t(cp));
        return true;
    }

    // A binary's bytes; on a bad character, `bad` is the offset of its first byte within
    // `bytes` (which may start with carried bytes: bad < carried means the carry itself).
    Status put_bytes(const std::string& bytes, size_t& bad) {
        if (latin1) {
            for (char ch : bytes) out.put(uint8_t(ch));
            return Status::Ok;
        }
        auto s = reinterpret_cast<const uint8_t*>(bytes.data());
        size_t i = 0, n = bytes.size();
        while (i < n) {
            uint32_t cp;
            int len = utf8_step(s + i, n - i, cp);
            if (len <= 0) {
                bad = i;
                return len == 0 ? Status::Incomplete : Status::Error;
            }
            out.put(cp);
            i += size_t(len);
        }
        return Status::Ok;
    }

    // A binary element (`tail_pos`: the binary ends a list; `cell`: the list cell whose head
    // it is otherwise). False on an error, with `rest` set.
    bool put_binary(Term bin, Term cell, bool tail_pos) {
        BitView v;
        binary_view(bin, v);
        if (!pending.empty()) {  // erl adds too short a binary to the carry unchecked
            uint8_t lead = uint8_t(pending[0]);
            size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (pending.size() < want && v.byte_size() < want - pending.size()) {
                pending += view_bytes(v);
                return true;
            }
        }
        std::string carried = std::move(pending);
        pending.clear();
        std::string bytes = carried + view_bytes(v);
        size_t bad = 0;
        Status st = put_bytes(bytes, bad);
        if (st == Status::Ok) return true;
        if (st == Status::Incomplete) {
            pending = bytes.substr(bad);
            return true;
        }
        if (bad == 0 && !carried.empty()) {  // the carried bytes do not go on in this binary
            pending = carried;
            rest = fail_rest(tail_pos ? bin : cell);
            return false;
        }
        Term remaining = make_binary_from(p.heap, std::string_view(bytes).substr(bad));
        rest = wrap(tail_pos ? remaining : gc::make_cons(p.heap, remaining, cell.tail()));
        return false;
    }

    Status run(Term data) {
        if (!data.is_list() && !data.is_nil()) {
            if (!put_binary(data, Term::nil(), true)) return Status::Error;
            return finish();
        }
        Term x = data;
        for (;;) {
            while (x.is_list()) {
                Term h = x.head();
                if (h.is_list()) {
                    outer.push_back(x.tail());  // where to go on once `h` is done
                    x = h;
                    continue;
                }
                if (h.is_integer()) {
                    if (!put_int(h)) {
                        rest = fail_rest(x);
                        return Status::Error;
                    }
                } else if (!h.is_nil() && !put_binary(h, x, false)) {
                    return Status::Error;
                }
                x = x.tail();
            }
            if (!x.is_nil() && !put_binary(x, Term::nil(), true)) return Status::Error;
            if (outer.empty()) break;
            x = outer.back();
            outer.pop_back();
        }
        return finish();
    }

    // The carry left at the end: incomplete if it can still begin a character, else an error.
    Status finish() {
        if (pending.empty()) return Status::Ok;
        rest = make_binary_from(p.heap, pending);
        uint32_t cp;
        auto s = reinterpret_cast<const uint8_t*>(pending.data());
        return utf8_step(s, pending.size(), cp) == 0 ? Status::Incomplete : Status::Error;
    }
};

// ---- UTF-16 / UTF-32 input ----
// erl's BIFs hand these encodings to unicode:characters_to_binary_int/2 (Erlang code:
// ml_map/3 over the chardata, binaries decoded 8192 bytes at a time). This emulates that
// code's results, its Rest shapes included; elements are checked only as they are reached.

enum class Wide { Utf16Big, Utf16Little, Utf32Big, Utf32Little };

bool get_wide_encoding(Term t, Wide& out) {
    static const Term utf16 = atoms().intern("utf16"), utf32 = atoms().intern("utf32");
    static const Term big = atoms().intern("big"), little = atoms().intern("little");
    Term kind = t, endian = big;
    if (t.is_tuple() && t.tuple_arity() == 2) {
        kind = t.tuple_elem(0);
        endian = t.tuple_elem(1);
        if (endian != big && endian != little) return false;
    }
    bool le = endian == little;
    if (kind == utf16) {
        out = le ? Wide::Utf16Little : Wide::Utf16Big;
    } else if (kind == utf32) {
        out = le ? Wide::Utf32Little : Wide::Utf32Big;
    } else {
        return false;
    }
    return true;
}

// unicode.erl's cbv/2: bytes still missing if `s` is the start of a character, else 0.
int wide_missing(Wide enc, const uint8_t* s, size_t n) {
    auto surrogate_hi = [](uint8_t b) { return (b >> 2) == 54; };  // D8..DB
    auto surrogate_lo = [](uint8_t b) { return (b >> 2) == 55; };  // DC..DF
    switch (enc) {
    case Wide::Utf16Big:
        if (n == 1) return s[0] <= 215 || s[0] >= 224 ? 1 : surrogate_hi(s[0]) ? 3 : 0;
        if (n == 2) return surrogate_hi(s[0]) ? 2 : 0;
        if (n == 3) return surrogate_hi(s[0]) && surrogate_lo(s[2]) ? 1 : 0;
        return 0;
    case Wide::Utf16Little:
        if (n == 1) return 1;
        if (n == 2) return surrogate_hi(s[1]) ? 2 : 0;
        if (n == 3) return surrogate_hi(s[1]) ? 1 : 0;
        return 0;
    case Wide::Utf32Big:
        if (n == 1) return s[0] == 0 ? 3 : 0;
        if (n == 2) return s[0] == 0 && s[1] <= 16 ? 2 : 0;
        if (n == 3) {
            return s[0] == 0 && s[1] <= 16 && (s[1] > 0 || s[2] <= 215 || s[2] >= 224) ? 1 : 0;
        }
        return 0;
    case Wide::Utf32Little:
        if (n == 1) return 3;
        if (n == 2) return 2;
        if (n == 3) {
            if (s[1] == 255 && s[2] == 0 && (s[0] == 254 || s[0] == 255)) return 0;
            return s[2] <= 16 && (s[2] > 0 || s[1] <= 215 || s[1] >= 224) ? 1 : 0;
        }
        return 0;
    }
    return 0;
}

// One character at s[0..n): its length, or 0 if there is none.
int wide_step(Wide enc, const uint8_t* s, size_t n, uint32_t& cp) {
    if (enc == Wide::Utf32Big || enc == Wide::Utf32Little) {
        if (n < 4) return 0;
        cp = enc == Wide::Utf32Big
                 ? uint32_t(s[0]) << 24 | uint32_t(s[1]) << 16 | uint32_t(s[2]) << 8 | s[3]
                 : uint32_t(s[3]) << 24 | uint32_t(s[2]) << 16 | uint32_t(s[1]) << 8 | s[0];
        return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : 4;
    }
    bool le = enc == Wide::Utf16Little;
    auto unit = [&](size_t i) {
        return le ? uint32_t(s[i + 1]) << 8 | s[i] : uint32_t(s[i]) << 8 | s[i + 1];
    };
    if (n < 2) return 0;
    uint32_t u = unit(0);
    if (u < 0xD800 || u > 0xDFFF) {
        cp = u;
        return 2;
    }
    if (u > 0xDBFF || n < 4) return 0;
    uint32_t w = unit(2);
    if (w < 0xDC00 || w > 0xDFFF) return 0;
    cp = 0x10000 + ((u - 0xD800) << 10) + (w - 0xDC00);
    return 4;
}

struct WideConverter {
    Process& p;
    Wide enc;
    Output out;
    std::string inc;  // an unfinished character's bytes, `missing` more wanted
    int missing = 0;
    std::vector<Term> outer;
    Term rest = Term::nil();
    bool bad = false;  // not chardata: badarg

    Term wrap(Term inner) {
        for (size_t i = outer.size(); i-- > 0;) inner = gc::make_cons(p.heap, inner, outer[i]);
        return inner;
    }
    Term bin(std::string_view bytes) { return make_binary_from(p.heap, bytes); }

    // Decodes one piece; Error with `used` at the undecodable bytes, Incomplete with `inc` set.
    Status decode(std::string_view piece, size_t& used) {
        auto s = reinterpret_cast<const uint8_t*>(piece.data());
        size_t i = 0, n = piece.size();
        uint32_t cp;
        while (i < n) {
            int len = wide_step(enc, s + i, n - i, cp);
            if (len == 0) break;
            out.put(cp);
            i += size_t(len);
        }
        used = i;
        if (i == n) return Status::Ok;
        int m = wide_missing(enc, s + i, n - i);
        if (m == 0) return Status::Error;
        inc.assign(piece.substr(i));
        missing = m;
        return Status::Incomplete;
    }

    // A binary element followed by `tail` in its list (ml_map's binary clauses).
    bool element(std::string_view data, Term tail) {
        while (!data.empty() || missing != 0) {
            std::string piece;
            size_t take;
            if (missing != 0) {
                if (data.size() < size_t(missing)) {
                    inc.append(data);
                    missing -= int(data.size());
                    return true;
                }
                take = size_t(missing);
                piece = inc + std::string(data.substr(0, take));
                inc.clear();
                missing = 0;
            } else {
                take = data.size() > 8192 ? 8192 : data.size();
                piece.assign(data.substr(0, take));
            }
            bool last = missing == 0 && take == data.size() && piece.size() == take;
            std::string_view after = data.substr(take);
            size_t used;
            if (decode(piece, used) == Status::Error) {
                Term r = bin(std::string_view(piece).substr(used));
                Term t = last ? tail : gc::make_cons(p.heap, bin(after), tail);
                rest = wrap(gc::make_cons(p.heap, r, t));
                return false;
            }
            data = after;
            if (data.empty()) break;
        }
        return true;
    }

    // A binary ending a list, or the whole argument (ml_map's last clauses).
    bool tail_binary(std::string_view data) {
        if (missing != 0 || data.size() > 8192) return element(data, Term::nil());
        size_t used;
        if (decode(data, used) == Status::Error) {
            rest = wrap(bin(data.substr(used)));
            return false;
        }
        return true;
    }

    Status run(Term data) {
        BitView v;
        if (!data.is_list() && !data.is_nil()) {
            if (!binary_view(data, v)) return bad = true, Status::Error;
            if (!tail_binary(view_bytes(v))) return Status::Error;
            return finish();
        }
        Term x = data;
        for (;;) {
            while (x.is_list()) {
                Term h = x.head();
                if (h.is_list()) {
                    outer.push_back(x.tail());
                    x = h;
                    continue;
                }
                if (h.is_integer()) {
                    if (missing != 0) {
                        rest = wrap(gc::make_cons(p.heap, bin(inc), x));
                        return Status::Error;
                    }
                    int64_t cp = h.is_small() ? h.small_value() : -1;
                    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        Term one = gc::make_cons(p.heap, h, Term::nil());
                        rest = wrap(gc::make_cons(p.heap, one, x.tail()));
                        return Status::Error;
                    }
                    out.put(uint32_t(cp));
                } else if (binary_view(h, v)) {
                    if (!element(view_bytes(v), x.tail())) return Status::Error;
                } else if (!h.is_nil()) {
                    return bad = true, Status::Error;
                }
                x = x.tail();
            }
            if (!x.is_nil()) {
                if (!binary_view(x, v)) return bad = true, Status::Error;
                if (!tail_binary(view_bytes(v))) return Status::Error;
            }
            if (outer.empty()) break;
            x = outer.back();
            outer.pop_back();
        }
        return finish();
    }

    Status finish() {
        if (missing == 0) return Status::Ok;
        rest = bin(inc);
        return Status::Incomplete;
    }
};

Term convert_wide(Process& p, Term data, Wide enc, bool to_list) {
    WideConverter c{p, enc, {}, {}, 0, {}, Term::nil(), false};
    c.out.to_list = to_list;
    Status st = c.run(data);
    if (c.bad) return p.badarg();
    Term done = c.out.make(p);
    if (st == Status::Ok) return done;
    Term tag = st == Status::Error ? am::error : atoms().intern("incomplete");
    return gc::make_tuple_of(p.heap, tag, done, c.rest);
}

// Latin-1 or UTF-8 input; false for any other encoding.
bool get_in_encoding(Term t, bool& latin1) {
    if (t == am::latin1) {
        latin1 = true;
        return true;
    }
    if (t == am::unicode || t == am::utf8) {
        latin1 = false;
        return true;
    }
    return false;
}

Term convert(Process& p, Term data, Term encoding, bool to_list) {
    bool latin1;
    Wide wide;
    if (get_wide_encoding(encoding, wide)) return convert_wide(p, data, wide, to_list);
    if (!get_in_encoding(encoding, latin1) || !is_chardata(data)) return p.badarg();
    Converter c{p, latin1, {}, {}, {}, Term::nil()};
    c.out.to_list = to_list;
    Status st = c.run(data);
    Term done = c.out.make(p);
    if (st == Status::Ok) return done;
    Term tag = st == Status::Error ? am::error : atoms().intern("incomplete");
    return gc::make_tuple_of(p.heap, tag, done, c.rest);
}

} // namespace

// unicode:characters_to_list/2
Term bif_unicode_characters_to_list_2(Process& p, const Term* args) {
    return convert(p, args[0], args[1], true);
}

// unicode:characters_to_binary/2
Term bif_unicode_characters_to_binary_2(Process& p, const Term* args) {
    return convert(p, args[0], args[1], false);
}

// unicode:bin_is_7bit/1
Term bif_unicode_bin_is_7bit_1(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v)) return am::false_;
    std::string bytes = view_bytes(v);
    for (char ch : bytes) {
        if (uint8_t(ch) >= 0x80) return am::false_;
    }
    return am::true_;
}

} // namespace joist
