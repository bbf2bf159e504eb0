// Pids, ports and references of other nodes (ExtPid, ExtPort, ExtRef; layouts in term.h).
// joist runs as the node 'nonode@nohost' with creation 0: an identifier of that node name and
// creation is always the local (immediate or Ref) form, as erl maps its own node's
// identifiers back to local ones.
#pragma once
#include <cstdint>

#include "term/term.h"

namespace joist {

constexpr uint32_t kExtRefMaxWords = 5;  // NEWER_REFERENCE_EXT's limit in OTP 25

// Sizes in words (header included) match erl's external things', so that
// erts_debug:flat_size/1 and memory accounting agree: three words, then the data packed in
// 64-bit words.
// ExtPid:  [hdr(ExtPid, 3),  node atom, raw creation, raw number | serial << 32]
constexpr uint64_t kExtPidWords = 4;
// ExtPort: [hdr(ExtPort, 3), node atom, raw creation, raw 64-bit id]
constexpr uint64_t kExtPortWords = 4;
// ExtRef:  [hdr(ExtRef, 3 + n / 2), node atom, raw creation | n << 32, raw id words
//          packed two to a word: id word i in word 3 + i / 2, the low half when i is even;
//          erl's size has room for a count besides, so an even n leaves one word zero]
constexpr uint64_t ext_ref_words(uint32_t n) { return 4 + uint64_t(n) / 2; }

inline bool is_external(Term t) {
    if (!t.is_boxed()) return false;
    Subtag s = t.box_header().header_subtag();
    return s == Subtag::ExtPid || s == Subtag::ExtPort || s == Subtag::ExtRef;
}

// Fields shared by the three kinds (t must be one of them).
inline Term ext_node(Term t) { return t.boxed_ptr()[1]; }
inline uint32_t ext_creation(Term t) { return uint32_t(t.boxed_ptr()[2].raw); }
inline uint32_t ext_pid_number(Term t) { return uint32_t(t.boxed_ptr()[3].raw); }
inline uint32_t ext_pid_serial(Term t) { return uint32_t(t.boxed_ptr()[3].raw >> 32); }
inline uint64_t ext_port_id(Term t) { return t.boxed_ptr()[3].raw; }
inline uint32_t ext_ref_len(Term t) { return uint32_t(t.boxed_ptr()[2].raw >> 32); }
// Id word i (0 = the first one in the external format, the least significant).
inline uint32_t ext_ref_word(Term t, uint32_t i) {
    return uint32_t(t.boxed_ptr()[3 + i / 2].raw >> (i % 2 ? 32 : 0));
}

// Writes one at hp (the words counted above) and returns it.
inline Term make_ext_pid(Term* hp, Term node, uint32_t creation, uint32_t number, uint32_t serial) {
    hp[0] = Term::header(Subtag::ExtPid, kExtPidWords - 1);
    hp[1] = node;
    hp[2].raw = creation;
    hp[3].raw = number | (uint64_t(serial) << 32);
    return Term::boxed(hp);
}
inline Term make_ext_port(Term* hp, Term node, uint32_t creation, uint64_t id) {
    hp[0] = Term::header(Subtag::ExtPort, kExtPortWords - 1);
    hp[1] = node;
    hp[2].raw = creation;
    hp[3].raw = id;
    return Term::boxed(hp);
}
inline Term make_ext_ref(Term* hp, Term node, uint32_t creation, const uint32_t* words, uint32_t n) {
    uint64_t size = ext_ref_words(n);
    hp[0] = Term::header(Subtag::ExtRef, size - 1);
    hp[1] = node;
    hp[2].raw = creation | (uint64_t(n) << 32);
    for (uint64_t k = 3; k < size; ++k) hp[k].raw = 0;
    for (uint32_t i = 0; i < n; ++i) hp[3 + i / 2].raw |= uint64_t(words[i]) << (i % 2 ? 32 : 0);
    return Term::boxed(hp);
}

} // namespace joist
