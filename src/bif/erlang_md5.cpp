// erlang:md5/1 and the incremental md5_init/0, md5_update/2, md5_final/1 (RFC 1321).
// The incremental context is an 88-byte binary, laid out as erl's: the four state words, the
// message length in bits (64 bits), then the partial block (all little-endian).
#include <cmath>
#include <cstring>
#include <vector>

#include "base/md5.h"
#include "bif/bif.h"
#include "bif/binbif.h"
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
    if (!binbif::iodata_bytes(args[0], [&md5](const uint8_t* b, size_t n) { md5.update(b, n); })) return p.badarg();
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
    if (!restore(md5, args[0]) || !binbif::iodata_bytes(args[1], [&md5](const uint8_t* b, size_t n) { md5.update(b, n); })) return p.badarg();
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
