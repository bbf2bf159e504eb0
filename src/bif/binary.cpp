// BIFs of module binary (those that are BIFs in erl 25; replace/3,4 and bin_to_list are
// Erlang code in binary.beam on top of these): searching (match, matches, split,
// compile_pattern), parts and bytes, unsigned integer encoding, common prefix/suffix.
// A compiled pattern is {bm, Patterns} or {ac, Patterns} (Patterns a list of binaries)
// where erl has {bm | ac, MagicRef}: the same shape, usable everywhere erl's is.
#include <algorithm>
#include <cstring>
#include <functional>
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

using namespace binbif;

namespace {

Term atom(std::string_view text) { return atoms().intern(text); }

// A binary's bytes in place when byte-aligned, else copied into `copy`.
std::string_view subject_bytes(const BitView& v, std::string& copy) {
    if (v.bit_offset == 0) return {reinterpret_cast<const char*>(v.bytes), v.byte_size()};
    copy = view_bytes(v);
    return copy;
}

// A non-empty list of non-empty binaries, a single non-empty binary, or a compiled pattern:
// compile_pattern/1 makes {bm, [One]} for one pattern and {ac, [Two, ...]} for more, so a tag
// that disagrees with its list (a bm tag on an ac pattern, ...) is badarg, as in erl.
bool get_patterns(Term t, std::vector<std::string>& out) {
    if (t.is_tuple() && t.tuple_arity() == 2 &&
        (t.tuple_elem(0) == atom("bm") || t.tuple_elem(0) == atom("ac"))) {
        bool single = t.tuple_elem(0) == atom("bm");
        t = t.tuple_elem(1);
        if (!t.is_list()) return false;
        if (!get_patterns(t, out)) return false;
        return single == (out.size() == 1);
    }
    BitView v;
    if (binary_view(t, v)) {
        if (v.byte_size() == 0) return false;
        out.push_back(view_bytes(v));
        return true;
    }
    if (!t.is_list()) return false;
    for (; t.is_list(); t = t.tail()) {
        if (!binary_view(t.head(), v) || v.byte_size() == 0) return false;
        out.push_back(view_bytes(v));
    }
    return t.is_nil();
}

// Options of match/3, matches/3 and split/3: {scope, {Start, Len}} and (split only) global,
// trim, trim_all. Scope is checked against the subject's size.
struct Options {
    uint64_t from = 0;
    uint64_t to = 0;
    bool global = false;
    bool trim = false;
    bool trim_all = false;
};

bool get_options(Term list, uint64_t size, bool split, Options& o) {
    o.from = 0;
    o.to = size;
    for (; list.is_list(); list = list.tail()) {
        Term opt = list.head();
        if (opt.is_tuple() && opt.tuple_arity() == 2 && opt.tuple_elem(0) == atom("scope")) {
            Term sc = opt.tuple_elem(1);
            uint64_t from, count;
            if (!sc.is_tuple() || sc.tuple_arity() != 2 ||
                !part_range(sc.tuple_elem(0), sc.tuple_elem(1), size, from, count)) {
                return false;
            }
            o.from = from;
            o.to = from + count;
        } else if (split && opt == atom("global")) {
            o.global = true;
        } else if (split && opt == atom("trim")) {
            o.trim = true;
        } else if (split && opt == atom("trim_all")) {
            o.trim_all = true;
        } else {
            return false;
        }
    }
    return true;  // erl ignores an improper tail
}

// The leftmost match in subject[from, to), longest among those starting there.
bool find_match(std::string_view subject, const std::vector<std::string>& pats, uint64_t from,
                uint64_t to, uint64_t& pos, uint64_t& len) {
    std::string_view s = subject.substr(0, to);
    if (pats.size() == 1) {
        if (pats[0].size() > to - from) return false;
        auto it = std::search(s.begin() + from, s.end(),
                              std::boyer_moore_horspool_searcher(pats[0].begin(), pats[0].end()));
        if (it == s.end()) return false;
        pos = uint64_t(it - s.begin());
        len = pats[0].size();
        return true;
    }
    bool first[256] = {};
    for (const auto& pat : pats) first[uint8_t(pat[0])] = true;
    for (uint64_t i = from; i < to; i++) {
        if (!first[uint8_t(s[i])]) continue;
        size_t best = 0;
        for (const auto& pat : pats) {
            if (pat.size() > best && pat.size() <= to - i && s.compare(i, pat.size(), pat) == 0) {
                best = pat.size();
            }
        }
        if (best != 0) {
            pos = i;
            len = best;
            return true;
        }
    }
    return false;
}

Term pos_len(Process& p, uint64_t pos, uint64_t len) {
    return gc::make_tuple_of(p.heap, Term::small(int64_t(pos)), Term::small(int64_t(len)));
}

// match/2,3 (all = false) and matches/2,3 (all = true).
Term do_match(Process& p, Term subject, Term pattern, Term options, bool all) {
    BitView v;
    std::vector<std::string> pats;
    Options o;
    if (!binary_view(subject, v) || !get_patterns(pattern, pats) ||
        !get_options(options, v.byte_size(), false, o)) {
        return p.badarg();
    }
    std::string copy;
    std::string_view bytes = subject_bytes(v, copy);
    uint64_t pos, len;
    if (!all) {
        if (!find_match(bytes, pats, o.from, o.to, pos, len)) return atom("nomatch");
        return pos_len(p, pos, len);
    }
    std::vector<std::pair<uint64_t, uint64_t>> found;
    for (uint64_t at = o.from; at < o.to && find_match(bytes, pats, at, o.to, pos, len);) {
        found.emplace_back(pos, len);
        at = pos + len;
    }
    Term list = Term::nil();
    for (size_t i = found.size(); i-- > 0;) {
        list = gc::make_cons(p.heap, pos_len(p, found[i].first, found[i].second), list);
    }
    return list;
}

Term do_split(Process& p, Term subject, Term pattern, Term options) {
    BitView v;
    std::vector<std::string> pats;
    Options o;
    if (!binary_view(subject, v) || !get_patterns(pattern, pats) ||
        !get_options(options, v.byte_size(), true, o)) {
        return p.badarg();
    }
    std::string copy;
    std::string_view bytes = subject_bytes(v, copy);
    std::vector<std::pair<uint64_t, uint64_t>> parts;  // [start, end)
    uint64_t start = 0, pos, len;
    for (uint64_t at = o.from; at < o.to && find_match(bytes, pats, at, o.to, pos, len);) {
        parts.emplace_back(start, pos);
        start = at = pos + len;
        if (!o.global) break;
    }
    parts.emplace_back(start, v.byte_size());
    if (o.trim_all) {
        std::erase_if(parts, [](const auto& r) { return r.first == r.second; });
    } else if (o.trim) {
        while (!parts.empty() && parts.back().first == parts.back().second) parts.pop_back();
    }
    Term list = Term::nil();
    for (size_t i = parts.size(); i-- > 0;) {
        Term part = sub_binary(p, subject, parts[i].first, parts[i].second - parts[i].first);
        list = gc::make_cons(p.heap, part, list);
    }
    return list;
}

// big | little; false for anything else.
bool get_endian(Term t, bool& little) {
    if (t == atom("big")) {
        little = false;
        return true;
    }
    if (t == atom("little")) {
        little = true;
        return true;
    }
    return false;
}

Term decode_unsigned(Process& p, Term bin, bool little) {
    BitView v;
    if (!binary_view(bin, v)) return p.badarg();
    uint64_t n = v.byte_size();
    std::vector<uint64_t> limbs((n + 7) / 8, 0);
    for (uint64_t k = 0; k < n; k++) {
        uint64_t significance = little ? k : n - 1 - k;  // byte index from the least significant
        limbs[significance / 8] |= uint64_t(view_byte(v, k)) << (8 * (significance % 8));
    }
    while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
    return big_from_limbs(p.heap, false, limbs.data(), limbs.size());
}

Term encode_unsigned(Process& p, Term integer, bool little) {
    if (!integer.is_integer()) return p.badarg();
    IntView iv(integer);
    if (iv.neg) return p.badarg();
    uint64_t n = std::max<uint64_t>(1, (iv.bit_length() + 7) / 8);
    uint8_t* data;
    Term bin = make_binary(p.heap, size_t(n), data);
    for (uint64_t k = 0; k < n; k++) {  // k: byte index from the least significant
        uint8_t b = k / 8 < iv.n ? uint8_t(iv.limbs[k / 8] >> (8 * (k % 8))) : 0;
        data[little ? k : n - 1 - k] = b;
    }
    return bin;
}

// longest_common_prefix/1 (suffix = false) and longest_common_suffix/1.
Term common_affix(Process& p, Term list, bool suffix) {
    std::vector<std::string> bins;
    BitView v;
    for (; list.is_list(); list = list.tail()) {
        if (!binary_view(list.head(), v)) return p.badarg();
        bins.push_back(view_bytes(v));
    }
    if (!list.is_nil() || bins.empty()) return p.badarg();
    size_t common = bins[0].size();
    for (const auto& b : bins) {
        common = std::min(common, b.size());
        const std::string& a = bins[0];
        for (size_t i = 0; i < common; i++) {
            char x = suffix ? a[a.size() - 1 - i] : a[i];
            char y = suffix ? b[b.size() - 1 - i] : b[i];
            if (x != y) {
                common = i;
                break;
            }
        }
    }
    return Term::small(int64_t(common));
}

} // namespace

// binary:at/2
Term bif_binary_at_2(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v) || !args[1].is_small()) return p.badarg();
    int64_t i = args[1].small_value();
    if (i < 0 || uint64_t(i) >= v.byte_size()) return p.badarg();
    return Term::small(view_byte(v, uint64_t(i)));
}

// binary:first/1
Term bif_binary_first_1(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v) || v.byte_size() == 0) return p.badarg();
    return Term::small(view_byte(v, 0));
}

// binary:last/1
Term bif_binary_last_1(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v) || v.byte_size() == 0) return p.badarg();
    return Term::small(view_byte(v, v.byte_size() - 1));
}

// binary:part/3 and part/2: erlang:binary_part/3,2 under another name.
Term bif_binary_part_3(Process& p, const Term* args) { return bif_erlang_binary_part_3(p, args); }
Term bif_binary_part_2(Process& p, const Term* args) { return bif_erlang_binary_part_2(p, args); }

// binary:copy/2
Term bif_binary_copy_2(Process& p, const Term* args) {
    BitView v;
    if (!binary_view(args[0], v) || !args[1].is_small() || args[1].small_value() < 0) {
        return p.badarg();
    }
    auto times = uint64_t(args[1].small_value());
    uint64_t size = v.byte_size();
    if (size != 0 && times > (uint64_t(1) << 40) / size) return p.error(am::system_limit);
    std::string one = view_bytes(v);
    uint8_t* data;
    Term bin = make_binary(p.heap, size_t(size * times), data);
    for (uint64_t i = 0; i < times && size != 0; i++) {
        std::memcpy(data + i * size, one.data(), size);
    }
    return bin;
}

// binary:copy/1
Term bif_binary_copy_1(Process& p, const Term* args) {
    Term a[2] = {args[0], Term::small(1)};
    return bif_binary_copy_2(p, a);
}

// binary:decode_unsigned/1
Term bif_binary_decode_unsigned_1(Process& p, const Term* args) {
    return decode_unsigned(p, args[0], false);
}

// binary:decode_unsigned/2
Term bif_binary_decode_unsigned_2(Process& p, const Term* args) {
    bool little;
    if (!get_endian(args[1], little)) return p.badarg();
    return decode_unsigned(p, args[0], little);
}

// binary:encode_unsigned/1
Term bif_binary_encode_unsigned_1(Process& p, const Term* args) {
    return encode_unsigned(p, args[0], false);
}

// binary:encode_unsigned/2
Term bif_binary_encode_unsigned_2(Process& p, const Term* args) {
    bool little;
    if (!get_endian(args[1], little)) return p.badarg();
    return encode_unsigned(p, args[0], little);
}

// binary:list_to_bin/1
Term bif_binary_list_to_bin_1(Process& p, const Term* args) {
    BitWriter w;
    if (!flatten_iolist(args[0], w, false, false)) return p.badarg();
    return make_binary_from(p.heap, w.bytes);
}

// binary:longest_common_prefix/1
Term bif_binary_longest_common_prefix_1(Process& p, const Term* args) {
    return common_affix(p, args[0], false);
}

// binary:longest_common_suffix/1
Term bif_binary_longest_common_suffix_1(Process& p, const Term* args) {
    return common_affix(p, args[0], true);
}

// binary:referenced_byte_size/1
// The size of the binary holding the bytes (a sub-binary's orig): an off-heap one's whole
// buffer, spare room of an append buffer included, as erl counts it.
Term bif_binary_referenced_byte_size_1(Process& p, const Term* args) {
    Term t = args[0];
    if (!t.is_binary_any()) return p.badarg();  // any bitstring, as in erl
    const Term* box = t.boxed_ptr();
    if (box->header_subtag() == Subtag::SubBin) box = box[4].boxed_ptr();
    if (box->header_subtag() == Subtag::RefcBin)
        return gc::make_integer_u64(p.heap, gc::refc_bin_block(box)->size);
    return gc::make_integer_u64(p.heap, box[1].raw);
}

// binary:compile_pattern/1
Term bif_binary_compile_pattern_1(Process& p, const Term* args) {
    std::vector<std::string> pats;
    if (!get_patterns(args[0], pats)) return p.badarg();
    Term list = Term::nil();
    for (size_t i = pats.size(); i-- > 0;) {
        list = gc::make_cons(p.heap, make_binary_from(p.heap, pats[i]), list);
    }
    return gc::make_tuple_of(p.heap, atom(pats.size() == 1 ? "bm" : "ac"), list);
}

// binary:match/2
Term bif_binary_match_2(Process& p, const Term* args) {
    return do_match(p, args[0], args[1], Term::nil(), false);
}

// binary:match/3
Term bif_binary_match_3(Process& p, const Term* args) {
    return do_match(p, args[0], args[1], args[2], false);
}

// binary:matches/2
Term bif_binary_matches_2(Process& p, const Term* args) {
    return do_match(p, args[0], args[1], Term::nil(), true);
}

// binary:matches/3
Term bif_binary_matches_3(Process& p, const Term* args) {
    return do_match(p, args[0], args[1], args[2], true);
}

// binary:split/2
Term bif_binary_split_2(Process& p, const Term* args) {
    return do_split(p, args[0], args[1], Term::nil());
}

// binary:split/3
Term bif_binary_split_3(Process& p, const Term* args) {
    return do_split(p, args[0], args[1], args[2]);
}

} // namespace joist
