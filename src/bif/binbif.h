// Binary helpers that bif/erlang_binary.cpp defines and the other BIF files share (binary,
// unicode, re, file, prim_file, prim_buffer, zlib, erlang_load).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "bif/bif.h"
#include "term/binary.h"

namespace joist::binbif {

// Bits appended one bitstring at a time; whole bytes go in with memcpy when aligned.
struct BitWriter {
    std::string bytes;
    uint64_t bits = 0;
    void byte(uint8_t b);
    void append(const BitView& v);
    static unsigned byte_at(const BitView& v, uint64_t k);
};

std::string view_bytes(const BitView& v);
bool binary_view(Term t, BitView& v);
bool flatten_iolist(Term t, BitWriter& out, bool top_binary, bool bits);
// Hands the bytes of iodata `t` (bytes, binaries, nested lists) to `sink` in order, a run at a
// time; false when `t` is not iodata (the sink may then have had part of it).
bool iodata_bytes(Term t, const std::function<void(const uint8_t*, size_t)>& sink);
Term sub_binary(Process& p, Term bin, uint64_t start, uint64_t len);
bool part_range(Term start, Term len, uint64_t size, uint64_t& from, uint64_t& count);
unsigned view_byte(const BitView& v, uint64_t k);

} // namespace joist::binbif
