// Terms -> external term format, byte-identical with erl 25's term_to_binary/1,2: atoms as
// ATOM_EXT when latin-1 (minor versions 0 and 1) else SMALL_ATOM_UTF8_EXT/ATOM_UTF8_EXT,
// floats as NEW_FLOAT_EXT (FLOAT_EXT text for minor version 0), byte lists up to 65535 long as
// STRING_EXT, maps in iteration order (sorted keys when deterministic), local pids, references
// and closures as from node nonode@nohost with creation 0. Encoding is iterative.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "term/term.h"

namespace joist::etf {

struct EncodeOptions {
    int minor_version = 1;
    bool deterministic = false;
    // For term_to_iovec: binaries of over kIovecBinLimit bytes are not copied but listed in
    // EncodeResult::binaries.
    bool split_binaries = false;
};

constexpr size_t kIovecBinLimit = 64;  // erl's ERL_ONHEAP_BIN_LIMIT

struct SplitBinary {
    size_t offset;  // where in `bytes` the bitstring's whole bytes belong
    Term binary;    // the bitstring term (any alignment; a last partial byte stays in `bytes`)
    size_t bytes;   // its whole bytes
};

struct EncodeResult {
    std::vector<uint8_t> bytes;        // the encoding (no version byte), minus split binaries
    std::vector<SplitBinary> binaries;  // only with split_binaries, in order
    size_t total = 0;                  // encoded size including split binaries' bytes
};

// Encodes `t` (which must not hold match contexts). Returns false for terms that cannot be
// encoded (none in practice: only match contexts, which no term reachable by Erlang code holds).
bool encode(Term t, const EncodeOptions& opts, EncodeResult& out);

// term_to_binary's compression of an encoding `body` (no version byte) at zlib `level` 1..9:
// fills `out` with [80, size:32, zlib stream] and returns true, or returns false when the
// compressed form would not be smaller, as erl decides (the term then goes uncompressed).
bool compress(std::span<const uint8_t> body, int level, std::vector<uint8_t>& out);

} // namespace joist::etf
