// erlang:md5/1 and the incremental md5_init/0, md5_update/2, md5_final/1 (RFC 1321).
// The incremental context is an 88-byte binary, laid out as erl's: the four state words, the
// message length in bits (64 bits), then the partial block (all little-endian).
#include <cmath>
#include <cstring>
#include <vector>

#include "base/md5.h"
#include "bif/bif.h"
#include "term/binary.h"

namespace joist {

namespace {

constexpr size_t kBlock = Md5::kBlock;
constexpr size_t kContextSize = 16 + 8 + kBlock;

// From a context binary; false when `t` is not one.
bool restore(Md5& md5, Term t) {
    BitView v;
    if (!bit_view(t, v) || v.bit_offset != 0 || v.bit_size != kContextSize * 8) return false;
    for (int i = 0; i < 4; ++i) md5.state[i] = md5_detail::load_le32(v.bytes + 4 * i);
    md5.bits = 0;
    for (int i = 0; i < 8; ++i) md5.bits |= uint64_t(v.bytes[16 + i]) << (8 * i);
    std::memcpy(md5.block, v.bytes + 24, kBlock);
    return true;
}


// Feeds the bytes of iodata `t` (bytes, binaries, nested lists) to `md5`; false when `t` is
// not iodata (the context may then have taken part of it).
bool feed_iodata(Md5& md5, Term t) {
    BitView v;
    auto add_binary = [&](Term b) {
        if (!bit_view(b, v) || v.bit_size % 8 != 0) return false;
        if (v.bit_offset == 0) {
            md5.update(v.bytes, v.byte_size());
            return true;
        }
        for (uint64_t i = 0; i < v.byte_size(); ++i) {  // an unaligned sub-binary
            uint8_t byte = uint8_t(v.bytes[i] << v.bit_offset | v.bytes[i + 1] >> (8 - v.bit_offset));
            md5.update(&byte, 1);
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
                md5.update(&byte, 1);
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

Term context_binary(Process& p, const Md5& md5) {
    uint8_t* data;
    Term bin = make_binary(p.heap, kContextSize, data);
    md5.save(data);
    return bin;
}

} // namespace

// erlang:md5/1
Term bif_erlang_md5_1(Process& p, const Term* args) {
    Md5 md5;
    if (!feed_iodata(md5, args[0])) return p.badarg();
    uint8_t* out;
    Term bin = make_binary(p.heap, 16, out);
    md5.digest(out);
    return bin;
}

// erlang:md5_init/0
Term bif_erlang_md5_init_0(Process& p, const Term*) { return context_binary(p, Md5{}); }

// erlang:md5_update/2
Term bif_erlang_md5_update_2(Process& p, const Term* args) {
    Md5 md5;
    if (!restore(md5, args[0]) || !feed_iodata(md5, args[1])) return p.badarg();
    return context_binary(p, md5);
}

// erlang:md5_final/1
Term bif_erlang_md5_final_1(Process& p, const Term* args) {
    Md5 md5;
    if (!restore(md5, args[0])) return p.badarg();
    uint8_t* out;
    Term bin = make_binary(p.heap, 16, out);
    md5.digest(out);
    return bin;
}

} // namespace joist
