// What a term is: a tagged 64-bit word, laid out as in the BEAM.
//
//   bits 1..0  primary tag
//     00  HEADER   first word of a boxed object on a heap (never a value in a register);
//                  in an instruction operand the same tag marks a register reference
//     01  LIST     pointer to a cons cell (two words: head, tail) | 01
//     10  BOXED    pointer to a header word | 10
//     11  IMMED1   immediate, bits 3..2:
//           00 PID    (local pid: number << 4 | 0x3)
//           01 PORT
//           10 IMMED2, bits 5..4:
//                 00 ATOM   (index << 6 | 0x0B)
//                 01 CATCH  (index << 6 | 0x1B)  catch tag on the stack
//                 10 NONE   (0x2B) THE_NON_VALUE: no term / an exception is pending
//                 11 NIL    (0x3B) []
//           11 SMALL  (value << 4 | 0xF): 60-bit signed integer
//
//   Header word:  arity (bits 63..6) | subtag (bits 5..2) | 00
//   arity = number of words that follow the header (tuple: its element count).
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>

namespace joist {

using Word = uint64_t;

enum class Subtag : uint8_t {
    Tuple = 0,
    Fun = 1,       // closure: [hdr, FunEntry*, env..., creator pid]  (arity = 2 + num_free)
    PosBig = 2,    // [hdr, limbs...] little-endian mp_limb_t magnitude
    NegBig = 3,
    Ref = 4,       // [hdr, 3 words of id], most significant first (ETF order reversed)
    Float = 5,     // [hdr, double]
    Export = 6,    // external fun: [hdr, Export*]
    RefcBin = 7,   // off-heap binary (issue 3)
    HeapBin = 8,   // [hdr, byte size, bytes...] (issue 3)
    SubBin = 9,    // bitstring over part of another binary (layout below)
    MatchCtx = 10, // (issue 3)
    FlatMap = 11,  // [hdr(n + 1), keys tuple {k1..kn}, v1..vn], keys in exact term order
    HashMap = 12,  // hash map (HAMT) node, over 32 keys: layout below
    ExtPid = 13,   // pid of another node: [hdr(3), node atom, creation, number | serial << 32]
    ExtPort = 14,  // port of another node: [hdr(3), node atom, creation, 64-bit id]
    ExtRef = 15,   // reference of another node: [hdr, node atom, creation | n << 32, id words]
};

// ExtPid, ExtPort, ExtRef (term/external.h): identifiers of other nodes, decoded from the
// external term format. Word [1] is the node name, an atom (an immediate, so the GC may copy
// all the words verbatim: the subtags are raw); [2] the node's creation (raw, low 32 bits;
// a reference's id word count n in the high ones); then raw data: a pid's number and serial
// (32 bits each, in one word), a port's 64-bit id, or a reference's 1..5 32-bit id words in
// external-format order (word 0 first, the least significant) packed two to a word. Sizes
// are erl's (erts_debug:flat_size/1 agrees). An identifier of the local node
// ('nonode@nohost', creation 0) is never one of these.

// SubBin layout: header arity 4, and every word after it is a term (the GC traces them all).
//   [0] header(SubBin, 4)
//   [1] small: size in bits (any bit count, not only whole bytes)
//   [2] small: offset in bits of the first bit within orig's bytes
//   [3] small: flags: 0, or 1 = writable (made by appending: orig has spare capacity past
//       its byte count, and a sub-binary ending exactly there may be appended to in place;
//       term/binary.h bs_append_prepare)
//   [4] boxed: orig, the HeapBin or RefcBin holding the bytes (never another SubBin)
// Bits are numbered from the most significant bit of each byte, as in the bit syntax; the
// unused low bits of a bitstring's last byte are zero when the decoder makes one.
//
// RefcBin layout (raw: the GC copies it verbatim): header arity 2.
//   [1] raw: size in bytes   [2] raw: gc::BinBlock* (off-heap bytes, atomic refcount)
// Every RefcBin is listed in its heap's gc::OffHeap; a collection releases the dead ones.
//
// MatchCtx layout (bit syntax matching): header arity 4, every word a term (GC traces them).
//   [1] small: end, bit position in orig's bytes where the matched bitstring ends
//   [2] small: current bit position in orig's bytes
//   [3] boxed: orig, the HeapBin or RefcBin   [4] small: 0 (reserved)
// Positions are absolute in orig (the bytes are found through orig whenever they are read,
// so a collection moving a HeapBin needs no fix-up).

// HashMap layout (term/map.cpp): a map of over 32 keys is a HAMT as erl's (16-way nodes
// indexed by 4 bits per level of ERTS's internal hash of the key). Every word after the
// header is a term, so the GC traces nodes as it does tuples.
//   head node:     [hdr(HashMap, 2 + n), small(bitmap | 1 << 16), small(map size), child...]
//   interior node: [hdr(HashMap, 1 + n), small(bitmap), child...]
// n = popcount(bitmap) children in bitmap order; a child is a leaf, the cons [Key | Value],
// or a boxed interior node. Only the head is ever a map value; erl's full (16-child) nodes
// are simply nodes with bitmap 0xFFFF here.

// Subtags whose words after the header are raw data, not terms (the GC copies them verbatim).
constexpr bool subtag_is_raw(Subtag s) {
    switch (s) {
    case Subtag::PosBig:
    case Subtag::NegBig:
    case Subtag::Ref:
    case Subtag::Float:
    case Subtag::Export:
    case Subtag::RefcBin:
    case Subtag::HeapBin:
    case Subtag::ExtPid:
    case Subtag::ExtPort:
    case Subtag::ExtRef:
        return true;
    default:
        return false;
    }
}

constexpr int kSmallBits = 60;
constexpr int64_t kMaxSmall = (int64_t(1) << (kSmallBits - 1)) - 1;
constexpr int64_t kMinSmall = -(int64_t(1) << (kSmallBits - 1));

struct Term {
    Word raw;

    // --- construction ---
    static constexpr Term from_raw(Word w) { return Term{w}; }
    static constexpr Term none() { return Term{0x2B}; }
    static constexpr Term nil() { return Term{0x3B}; }
    static constexpr Term small(int64_t v) { return Term{(Word(v) << 4) | 0xF}; }
    static constexpr Term atom(uint32_t index) { return Term{(Word(index) << 6) | 0x0B}; }
    static constexpr Term catch_tag(uint32_t index) { return Term{(Word(index) << 6) | 0x1B}; }
    static constexpr Term pid(uint64_t number) { return Term{(number << 4) | 0x3}; }
    static Term list(const Term* cell) { return Term{reinterpret_cast<Word>(cell) | 1}; }
    static Term boxed(const Term* hdr) { return Term{reinterpret_cast<Word>(hdr) | 2}; }
    static constexpr Term header(Subtag s, uint64_t arity) {
        return Term{(arity << 6) | (Word(s) << 2)};
    }
    static constexpr bool fits_small(int64_t v) { return v >= kMinSmall && v <= kMaxSmall; }

    // --- tests ---
    constexpr unsigned primary() const { return raw & 3; }
    constexpr bool is_none() const { return raw == 0x2B; }
    constexpr bool is_value() const { return raw != 0x2B; }
    constexpr bool is_nil() const { return raw == 0x3B; }
    constexpr bool is_small() const { return (raw & 0xF) == 0xF; }
    constexpr bool is_atom() const { return (raw & 0x3F) == 0x0B; }
    constexpr bool is_catch() const { return (raw & 0x3F) == 0x1B; }
    constexpr bool is_local_pid() const { return (raw & 0xF) == 0x3; }
    constexpr bool is_list() const { return (raw & 3) == 1; }  // non-empty list (cons)
    constexpr bool is_boxed() const { return (raw & 3) == 2; }
    constexpr bool is_immed() const { return (raw & 3) == 3; }
    constexpr bool is_header() const { return (raw & 3) == 0; }

    // --- access ---
    constexpr int64_t small_value() const { return int64_t(raw) >> 4; }
    constexpr uint32_t atom_index() const { return uint32_t(raw >> 6); }
    constexpr uint32_t catch_index() const { return uint32_t(raw >> 6); }
    constexpr uint64_t pid_number() const { return raw >> 4; }
    Term* list_ptr() const { return reinterpret_cast<Term*>(raw - 1); }
    Term* boxed_ptr() const { return reinterpret_cast<Term*>(raw - 2); }
    Term head() const { return list_ptr()[0]; }
    Term tail() const { return list_ptr()[1]; }

    // header words
    constexpr Subtag header_subtag() const { return Subtag((raw >> 2) & 0xF); }
    constexpr uint64_t header_arity() const { return raw >> 6; }

    // boxed object's header
    Term box_header() const { return boxed_ptr()[0]; }
    bool is_boxed_of(Subtag s) const { return is_boxed() && box_header().header_subtag() == s; }
    bool is_tuple() const { return is_boxed() && (boxed_ptr()->raw & 0x3F) == 0; }
    bool is_float() const { return is_boxed_of(Subtag::Float); }
    bool is_bignum() const {
        if (!is_boxed()) return false;
        Subtag s = box_header().header_subtag();
        return s == Subtag::PosBig || s == Subtag::NegBig;
    }
    bool is_integer() const { return is_small() || is_bignum(); }
    bool is_number() const { return is_small() || is_bignum() || is_float(); }
    bool is_fun() const {
        if (!is_boxed()) return false;
        Subtag s = box_header().header_subtag();
        return s == Subtag::Fun || s == Subtag::Export;
    }
    bool is_ref() const {
        if (!is_boxed()) return false;
        Subtag s = box_header().header_subtag();
        return s == Subtag::Ref || s == Subtag::ExtRef;
    }
    bool is_pid() const { return is_local_pid() || is_boxed_of(Subtag::ExtPid); }
    bool is_binary_any() const {
        if (!is_boxed()) return false;
        Subtag s = box_header().header_subtag();
        return s == Subtag::HeapBin || s == Subtag::RefcBin || s == Subtag::SubBin;
    }
    // A binary: a bitstring whose bit size is a multiple of 8.
    bool is_binary() const {
        if (!is_binary_any()) return false;
        if (box_header().header_subtag() != Subtag::SubBin) return true;
        return (boxed_ptr()[1].small_value() & 7) == 0;
    }
    bool is_map() const {
        if (!is_boxed()) return false;
        Subtag s = box_header().header_subtag();
        return s == Subtag::FlatMap || s == Subtag::HashMap;
    }

    // tuples
    uint64_t tuple_arity() const { return box_header().header_arity(); }
    Term* tuple_elems() const { return boxed_ptr() + 1; }  // element i (0-based)
    Term tuple_elem(uint64_t i) const { return boxed_ptr()[1 + i]; }

    // floats
    double float_value() const {
        double d;
        std::memcpy(&d, boxed_ptr() + 1, sizeof d);
        return d;
    }

    constexpr bool operator==(const Term& o) const { return raw == o.raw; }  // identity, not =:=
    constexpr bool operator!=(const Term& o) const { return raw != o.raw; }
};

static_assert(sizeof(Term) == 8);
static_assert(std::is_trivially_copyable_v<Term>);

} // namespace joist
