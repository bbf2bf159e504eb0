// External term format decoder (see decode.h). decoded_size() validates in one iterative pass
// (a count of terms still to read, never a stack); decode() builds iteratively, keeping the
// slots still to fill as a linked stack threaded through those unfilled heap words.
//
// Maps are built as flat maps whose pairs are sorted once the whole term exists (so that maps
// used as keys are themselves sorted first). A duplicate key is only seen then, so when a term
// holds a map with two or more pairs decoded_size() also builds it into a scratch heap.
#include "etf/decode.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "term/atom_table.h"
#include "term/binary.h"
#include "term/compare.h"
#include "term/external.h"
#include "term/map_ops.h"

namespace joist::etf {

namespace {

enum Tag : uint8_t {
    kDistHeader = 68,
    kDistFragHeader = 69,
    kNewFloat = 70,
    kBitBinary = 77,
    kCompressed = 80,
    kAtomCacheRef = 82,
    kNewPid = 88,
    kNewPort = 89,
    kNewerReference = 90,
    kSmallInteger = 97,
    kInteger = 98,
    kFloat = 99,
    kAtom = 100,
    kReference = 101,
    kPort = 102,
    kPid = 103,
    kSmallTuple = 104,
    kLargeTuple = 105,
    kNil = 106,
    kString = 107,
    kList = 108,
    kBinary = 109,
    kSmallBig = 110,
    kLargeBig = 111,
    kNewFun = 112,
    kExport = 113,
    kNewReference = 114,
    kSmallAtom = 115,
    kMap = 116,
    kFun = 117,
    kAtomUtf8 = 118,
    kSmallAtomUtf8 = 119,
    kV4Port = 120,
    kVersion = 131,
};

constexpr size_t kMaxUncompressed = size_t(1) << 30;  // 1 GiB
constexpr size_t kFloatExtBytes = 31;
constexpr uint32_t kMaxRefWords = 5;  // OTP 25 refs carry at most 5 32-bit numbers
constexpr std::string_view kLocalNode = "nonode@nohost";

Error fail(std::string what) { return make_error("binary_to_term: " + std::move(what)); }

// Bounds-checked big-endian reader. Callers check has(n) before taking n bytes.
struct Reader {
    const uint8_t* p;
    size_t left;

    bool has(size_t n) const { return left >= n; }
    uint8_t u8() {
        --left;
        return *p++;
    }
    uint32_t u16() {
        uint32_t v = (uint32_t(p[0]) << 8) | p[1];
        skip(2);
        return v;
    }
    uint32_t u32() {
        uint32_t v = (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
        skip(4);
        return v;
    }
    uint64_t u64() {
        uint64_t hi = u32();
        return (hi << 32) | u32();
    }
    const uint8_t* take(size_t n) {
        const uint8_t* r = p;
        skip(n);
        return r;
    }
    void skip(size_t n) {
        p += n;
        left -= n;
    }
};

// Validates UTF-8 (no overlongs, surrogates or code points past U+10FFFF); returns the number
// of characters, or -1.
long utf8_chars(const uint8_t* s, size_t n) {
    long chars = 0;
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return -1;
        }
        if (n - i < len) return -1;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static constexpr uint32_t kMinForLen[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMinForLen[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
        i += len;
        ++chars;
    }
    return chars;
}

// Reads an atom's body (after its tag) and returns its UTF-8 text; latin-1 atoms are converted
// into `buf`, UTF-8 ones point into the input.
Result<std::string_view> read_atom_body(Reader& r, uint8_t tag, std::string& buf) {
    size_t len;
    bool utf8;
    switch (tag) {
    case kAtom:
    case kAtomUtf8:
        if (!r.has(2)) return fail("truncated atom");
        len = r.u16();
        utf8 = tag == kAtomUtf8;
        break;
    case kSmallAtom:
    case kSmallAtomUtf8:
        if (!r.has(1)) return fail("truncated atom");
        len = r.u8();
        utf8 = tag == kSmallAtomUtf8;
        break;
    case kAtomCacheRef:
        return fail("atom cache references are not supported");
    default:
        return fail("expected an atom");
    }
    if (!r.has(len)) return fail("truncated atom");
    const uint8_t* s = r.take(len);
    if (utf8) {
        long chars = utf8_chars(s, len);
        if (chars < 0) return fail("atom is not valid UTF-8");
        if (size_t(chars) > AtomTable::kMaxChars) return fail("atom too long");
        return std::string_view(reinterpret_cast<const char*>(s), len);
    }
    if (len > AtomTable::kMaxChars) return fail("atom too long");
    buf.clear();
    for (size_t i = 0; i < len; ++i) {
        if (s[i] < 0x80) {
            buf.push_back(char(s[i]));
        } else {
            buf.push_back(char(0xC0 | (s[i] >> 6)));
            buf.push_back(char(0x80 | (s[i] & 0x3F)));
        }
    }
    return std::string_view(buf);
}

// Reads an atom, tag included.
Result<std::string_view> read_atom(Reader& r, std::string& buf) {
    if (!r.has(1)) return fail("truncated atom");
    uint8_t tag = r.u8();
    return read_atom_body(r, tag, buf);
}

// Old FLOAT_EXT: "%.20e"-style text padded with NULs. Accepts what erl accepts:
// [+-]digits[.,]digits[(e|E)[+-]digits], then NUL or the end of the 31 bytes; finite only.
bool parse_float_text(const uint8_t* s, double& out) {
    char text[kFloatExtBytes + 1];
    size_t n = 0;
    while (n < kFloatExtBytes && s[n] != 0) {
        text[n] = char(s[n]);
        ++n;
    }
    text[n] = 0;
    auto digit = [&](size_t i) { return i < n && text[i] >= '0' && text[i] <= '9'; };
    size_t i = 0;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
    if (i >= n || (text[i] != '.' && text[i] != ',')) return false;
    text[i++] = '.';
    if (!digit(i)) return false;
    while (digit(i)) ++i;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
        if (!digit(i)) return false;
        while (digit(i)) ++i;
    }
    if (i != n) return false;
    double d = std::strtod(text, nullptr);  // underflow to 0 is accepted, as erl does
    if (!std::isfinite(d)) return false;
    out = d;
    return true;
}

bool read_new_float(Reader& r, double& out) {
    uint64_t bits = r.u64();
    std::memcpy(&out, &bits, sizeof out);
    return std::isfinite(out);
}

// A bignum's digits (little-endian bytes) with high zero bytes stripped.
struct BigDigits {
    const uint8_t* bytes;
    size_t n;
    bool negative;

    // The value as a small integer, if it fits.
    bool as_small(int64_t& v) const {
        if (n > 8) return false;
        uint64_t m = 0;
        for (size_t i = 0; i < n; ++i) m |= uint64_t(bytes[i]) << (8 * i);
        if (!negative) {
            if (m > uint64_t(kMaxSmall)) return false;
            v = int64_t(m);
        } else {
            if (m > uint64_t(kMaxSmall) + 1) return false;
            v = -int64_t(m);
        }
        return true;
    }
    size_t limbs() const { return (n + 7) / 8; }
};

// Reads SMALL_BIG_EXT / LARGE_BIG_EXT (after the tag).
Result<BigDigits> read_big(Reader& r, bool large) {
    if (!r.has(large ? 5 : 2)) return fail("truncated bignum");
    size_t n = large ? r.u32() : r.u8();
    bool negative = r.u8() != 0;
    if (!r.has(n)) return fail("truncated bignum");
    const uint8_t* bytes = r.take(n);
    while (n > 0 && bytes[n - 1] == 0) --n;
    return BigDigits{bytes, n, negative};
}

size_t big_words(const BigDigits& b) {
    int64_t v;
    return b.as_small(v) ? 0 : 1 + b.limbs();
}

Term build_big(const BigDigits& b, Term*& hp) {
    int64_t v;
    if (b.as_small(v)) return Term::small(v);
    size_t limbs = b.limbs();
    Term* obj = hp;
    hp += 1 + limbs;
    obj[0] = Term::header(b.negative ? Subtag::NegBig : Subtag::PosBig, limbs);
    for (size_t i = 0; i < limbs; ++i) obj[1 + i].raw = 0;
    for (size_t i = 0; i < b.n; ++i) obj[1 + i / 8].raw |= Word(b.bytes[i]) << (8 * (i % 8));
    return Term::boxed(obj);
}

size_t binary_words(size_t bytes) { return 2 + (bytes + 7) / 8; }

// A binary of `n` bytes in binary_words(n) words at hp: a HeapBin, or with `off_heap` and over
// kHeapBinLimit bytes a RefcBin (listed in off_heap) followed by a filler object, an empty
// HeapBin whose arity covers the rest of the reserved words, so the heap stays a sequence of
// well-formed objects.
Term build_binary(const uint8_t* bytes, size_t n, Term*& hp, gc::OffHeap* off_heap) {
    size_t data_words = (n + 7) / 8;
    Term* obj = hp;
    hp += 2 + data_words;
    if (off_heap && n > kHeapBinLimit) {
        gc::BinBlock* b = gc::bin_block_new(n);
        std::memcpy(b->data, bytes, n);
        obj[0] = Term::header(Subtag::RefcBin, gc::kRefcBinWords - 1);
        obj[1] = Term::from_raw(n);
        obj[2] = Term::from_raw(reinterpret_cast<Word>(b));
        off_heap->add(obj);
        Term* filler = obj + gc::kRefcBinWords;
        size_t rest = size_t(hp - filler);  // data_words - 1 >= 8
        filler[0] = Term::header(Subtag::HeapBin, rest - 1);
        filler[1] = Term::from_raw(0);
        return Term::boxed(obj);
    }
    obj[0] = Term::header(Subtag::HeapBin, 1 + data_words);
    obj[1] = Term::from_raw(n);
    if (data_words > 0) obj[1 + data_words].raw = 0;  // zero the padding of the last word
    if (n > 0) std::memcpy(obj + 2, bytes, n);
    return Term::boxed(obj);
}

// A bitstring of `len` bytes whose last byte holds `bits` (1..7) bits: a heap binary with all
// the bytes (unused low bits of the last byte cleared, as erl does) and a sub binary over it
// (layout in term/term.h).
constexpr size_t kSubBinWords = 5;

size_t bitstring_words(size_t bytes) { return binary_words(bytes) + kSubBinWords; }

Term build_bitstring(const uint8_t* bytes, size_t len, unsigned bits, Term*& hp,
                     gc::OffHeap* off_heap) {
    Term orig = build_binary(bytes, len, hp, off_heap);
    auto* data = const_cast<uint8_t*>(orig_bytes(orig));
    data[len - 1] &= uint8_t(0xFF << (8 - bits));
    Term* sub = hp;
    hp += kSubBinWords;
    sub[0] = Term::header(Subtag::SubBin, kSubBinWords - 1);
    sub[1] = Term::small(int64_t((len - 1) * 8 + bits));  // size in bits
    sub[2] = Term::small(0);                               // bit offset into orig
    sub[3] = Term::small(0);                               // flags
    sub[4] = orig;
    return Term::boxed(sub);
}

// Flat map words for n pairs: [hdr, keys, values...] and the keys tuple [hdr, keys...].
size_t map_words(uint64_t n) { return (2 + n) + (1 + n); }

// Sorts a decoded flat map's pairs into exact key order; false if two keys are equal.
// Scratch vectors are reused across maps.
bool sort_map(Term* map, std::vector<uint32_t>& order, std::vector<Term>& tmp) {
    size_t n = map[0].header_arity() - 1;
    if (n < 2) return true;
    Term* keys = map[1].tuple_elems();
    Term* values = map + 2;
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; ++i) sorted = compare_terms_exact(keys[i - 1], keys[i]) < 0;
    if (sorted) return true;
    order.resize(n);
    for (size_t i = 0; i < n; ++i) order[i] = uint32_t(i);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return compare_terms_exact(keys[a], keys[b]) < 0;
    });
    for (size_t i = 1; i < n; ++i) {
        if (compare_terms_exact(keys[order[i - 1]], keys[order[i]]) == 0) return false;
    }
    tmp.resize(2 * n);
    for (size_t i = 0; i < n; ++i) {
        tmp[i] = keys[order[i]];
        tmp[n + i] = values[order[i]];
    }
    std::copy(tmp.begin(), tmp.begin() + ptrdiff_t(n), keys);
    std::copy(tmp.begin() + ptrdiff_t(n), tmp.end(), values);
    return true;
}

// The identity fields of a pid, port or reference.
struct NodeId {
    bool local;            // node 'nonode@nohost' with creation 0
    std::string_view node; // the node's name (valid until the atom buffer is reused)
    uint32_t creation;
    uint64_t id;           // pid/port number
    uint32_t serial;       // pid serial
    uint32_t ref_len;
    const uint8_t* ref_words;  // ref_len big-endian 32-bit words, least significant first
};

// Reads a pid/port/ref body (after the tag) with full validation.
Result<NodeId> read_node_id(Reader& r, uint8_t tag, std::string& buf) {
    NodeId out{};
    if (tag == kNewerReference || tag == kNewReference) {
        if (!r.has(2)) return fail("truncated reference");
        out.ref_len = r.u16();
        if (out.ref_len == 0 || out.ref_len > kMaxRefWords) return fail("bad reference length");
    }
    out.node = TRY(read_atom(r, buf));
    uint32_t creation = 0;
    switch (tag) {
    case kNewPid:
    case kPid:
        if (!r.has(tag == kNewPid ? 12 : 9)) return fail("truncated pid");
        out.id = r.u32();
        out.serial = r.u32();
        creation = tag == kNewPid ? r.u32() : r.u8();
        break;
    case kNewPort:
    case kPort:
        if (!r.has(tag == kNewPort ? 8 : 5)) return fail("truncated port");
        out.id = r.u32();
        creation = tag == kNewPort ? r.u32() : r.u8();
        break;
    case kV4Port:
        if (!r.has(12)) return fail("truncated port");
        out.id = r.u64();
        creation = r.u32();
        break;
    case kReference:
        if (!r.has(5)) return fail("truncated reference");
        out.ref_len = 1;
        out.ref_words = r.take(4);
        creation = r.u8();
        break;
    default:  // kNewerReference, kNewReference
        if (!r.has((tag == kNewerReference ? 4 : 1) + size_t(out.ref_len) * 4)) {
            return fail("truncated reference");
        }
        creation = tag == kNewerReference ? r.u32() : r.u8();
        out.ref_words = r.take(size_t(out.ref_len) * 4);
        break;
    }
    out.creation = creation;
    out.local = out.node == kLocalNode && creation == 0;
    return out;
}

uint32_t be32(const uint8_t* p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

bool is_pid_tag(uint8_t tag) { return tag == kNewPid || tag == kPid; }
bool is_port_tag(uint8_t tag) { return tag == kNewPort || tag == kPort || tag == kV4Port; }

// Heap words for a pid/port/ref, or an error if it cannot be represented. The local node's
// identifiers are the local forms (as erl's: a local reference of more than 3 words is
// badarg there too); other nodes' are ExtPid/ExtPort/ExtRef (term/external.h).
Result<size_t> node_id_words(uint8_t tag, const NodeId& n) {
    if (is_pid_tag(tag)) {
        if (!n.local) return size_t(kExtPidWords);
        if (n.serial != 0) return fail("unsupported: local pid with a serial");
        return size_t(0);
    }
    if (is_port_tag(tag)) {
        if (!n.local) return size_t(kExtPortWords);
        if (!Term::fits_small(int64_t(n.id >> 1))) return fail("local port id too large");
        return size_t(0);
    }
    if (!n.local) return size_t(ext_ref_words(n.ref_len));
    if (n.ref_len > 3) return fail("bad local reference");
    return size_t(4);
}

Term build_node_id(uint8_t tag, const NodeId& n, Term*& hp, bool& failed) {
    Term node = Term::none();
    if (!n.local) {
        node = atoms().intern(n.node);
        if (node.is_none()) {  // atom table full
            failed = true;
            node = Term::nil();
        }
    }
    if (is_pid_tag(tag)) {
        if (n.local) return Term::pid(n.id);
        Term t = make_ext_pid(hp, node, n.creation, uint32_t(n.id), n.serial);
        hp += kExtPidWords;
        return t;
    }
    if (is_port_tag(tag)) {
        if (n.local) return Term::from_raw((n.id << 4) | 0x7);
        Term t = make_ext_port(hp, node, n.creation, n.id);
        hp += kExtPortWords;
        return t;
    }
    uint32_t words[kMaxRefWords] = {};
    for (uint32_t i = 0; i < n.ref_len; ++i) words[i] = be32(n.ref_words + 4 * i);
    if (!n.local) {
        Term t = make_ext_ref(hp, node, n.creation, words, n.ref_len);
        hp += ext_ref_words(n.ref_len);
        return t;
    }
    Term* obj = hp;  // a local reference [hdr, ID[2], ID[1], ID[0]]: most significant first
    hp += 4;
    obj[0] = Term::header(Subtag::Ref, 3);
    for (uint32_t i = 0; i < 3; ++i) obj[3 - i].raw = words[i];  // missing words are 0
    return Term::boxed(obj);
}

// EXPORT_EXT arity: a non-negative small integer (erl accepts SMALL_INTEGER_EXT or INTEGER_EXT).
Result<uint32_t> read_export_arity(Reader& r) {
    if (!r.has(1)) return fail("truncated export");
    uint8_t tag = r.u8();
    if (tag == kSmallInteger) {
        if (!r.has(1)) return fail("truncated export");
        return uint32_t(r.u8());
    }
    if (tag == kInteger) {
        if (!r.has(4)) return fail("truncated export");
        int32_t a = int32_t(r.u32());
        if (a < 0) return fail("bad export arity");
        return uint32_t(a);
    }
    return fail("bad export arity");
}

struct ExportRef {
    Term module, function;
    uint32_t arity;
};

// Reads an EXPORT_EXT body (after the tag), interning its atoms.
Result<ExportRef> read_export(Reader& r, std::string& buf) {
    std::string_view m = TRY(read_atom(r, buf));
    Term module = atoms().intern(m);
    std::string_view f = TRY(read_atom(r, buf));
    Term function = atoms().intern(f);
    uint32_t arity = TRY(read_export_arity(r));
    if (module.is_none() || function.is_none()) return fail("atom table full");
    return ExportRef{module, function, arity};
}

// The fixed part of a NEW_FUN_EXT (after the tag, before the free variables).
struct FunRef {
    Term module;
    uint32_t arity, index, num_free;
    const uint8_t* uniq;  // 16 bytes: the module's checksum
    uint8_t creator_tag;  // NEW_PID_EXT or PID_EXT
    NodeId creator;
};

// An OldIndex / OldUniq field: SMALL_INTEGER_EXT or INTEGER_EXT.
Result<void> skip_fun_integer(Reader& r) {
    if (!r.has(1)) return fail("truncated fun");
    uint8_t tag = r.u8();
    size_t n = tag == kSmallInteger ? 1 : tag == kInteger ? 4 : 0;
    if (n == 0) return fail("bad fun");
    if (!r.has(n)) return fail("truncated fun");
    r.skip(n);
    return {};
}

// Reads a NEW_FUN_EXT up to its free variables.
Result<FunRef> read_new_fun(Reader& r, std::string& buf) {
    if (!r.has(4 + 1 + 16 + 4 + 4)) return fail("truncated fun");
    r.skip(4);  // total size
    FunRef f{};
    f.arity = r.u8();
    f.uniq = r.take(16);
    f.index = r.u32();
    f.num_free = r.u32();
    std::string_view m = TRY(read_atom(r, buf));
    f.module = atoms().intern(m);
    if (f.module.is_none()) return fail("atom table full");
    TRY_VOID(skip_fun_integer(r));
    TRY_VOID(skip_fun_integer(r));
    if (!r.has(1)) return fail("truncated fun");
    f.creator_tag = r.u8();
    if (f.creator_tag != kNewPid && f.creator_tag != kPid) return fail("bad fun creator");
    f.creator = TRY(read_node_id(r, f.creator_tag, buf));
    return f;
}

// Inflates a compressed term body (after tag 80) into `out`; `in_used` gets the bytes of
// input consumed (size word and zlib stream).
Result<void> inflate_body(Reader r, std::vector<uint8_t>& out, size_t* in_used) {
    if (!r.has(4)) return fail("truncated compressed term");
    size_t expect = r.u32();
    if (expect == 0) return fail("empty compressed term");
    if (expect > kMaxUncompressed) return fail("compressed term too large");
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) return fail("zlib initialisation failed");
    // The output buffer grows as data arrives (up to one byte past the declared size, to catch
    // overlong streams), so a lying size word cannot force a huge allocation.
    out.clear();
    out.resize(std::min(expect + 1, std::max<size_t>(4096, r.left * 4)));
    size_t produced = 0;
    int ret = Z_OK;
    for (;;) {
        if (zs.avail_in == 0 && r.left > 0) {
            size_t chunk = std::min<size_t>(r.left, UINT_MAX);
            zs.next_in = const_cast<Bytef*>(r.take(chunk));
            zs.avail_in = uInt(chunk);
        }
        if (produced == out.size()) {
            if (out.size() == expect + 1) break;
            out.resize(std::min(expect + 1, out.size() * 2));
        }
        size_t room = std::min<size_t>(out.size() - produced, UINT_MAX);
        zs.next_out = out.data() + produced;
        zs.avail_out = uInt(room);
        uInt in_before = zs.avail_in;
        ret = inflate(&zs, Z_NO_FLUSH);
        produced += room - zs.avail_out;
        if (ret == Z_STREAM_END) break;
        if (ret != Z_OK && ret != Z_BUF_ERROR) break;
        bool progress = zs.avail_in != in_before || zs.avail_out != room;
        if (!progress && zs.avail_in == 0 && r.left == 0) break;  // input ran out
    }
    size_t total_in = zs.total_in;
    inflateEnd(&zs);
    if (ret != Z_STREAM_END) {
        if (produced > expect) return fail("compressed term larger than declared");
        return fail("bad compressed term");
    }
    if (produced != expect) return fail("compressed term size mismatch");
    out.resize(produced);
    if (in_used) *in_used = 4 + total_in;
    return {};
}

// What size_term() learnt about a term.
struct SizeInfo {
    size_t words;
    bool has_multi_key_map;  // a map with two or more pairs: keys may be duplicates
};

// Validates one uncompressed term (all but duplicate map keys) and counts its heap words.
Result<SizeInfo> size_term(Reader r, const DecodeContext& ctx) {
    std::string buf;
    size_t words = 0;
    bool multi_key_map = false;
    size_t unknown_atoms = 0;  // atom occurrences not yet in the table (an upper bound)
    uint64_t todo = 1;         // terms still to read; never more than the bytes left
    auto note_atom = [&](std::string_view text) {
        if (!atoms().find(text)) ++unknown_atoms;
    };
    while (todo > 0) {
        --todo;
        if (!r.has(1)) return fail("truncated term");
        uint8_t tag = r.u8();
        switch (tag) {
        case kSmallInteger:
            if (!r.has(1)) return fail("truncated integer");
            r.skip(1);
            break;
        case kInteger:
            if (!r.has(4)) return fail("truncated integer");
            r.skip(4);
            break;
        case kNewFloat: {
            if (!r.has(8)) return fail("truncated float");
            double d;
            if (!read_new_float(r, d)) return fail("float is not finite");
            words += 2;
            break;
        }
        case kFloat: {
            if (!r.has(kFloatExtBytes)) return fail("truncated float");
            double d;
            if (!parse_float_text(r.take(kFloatExtBytes), d)) return fail("bad float text");
            words += 2;
            break;
        }
        case kAtom:
        case kSmallAtom:
        case kAtomUtf8:
        case kSmallAtomUtf8:
        case kAtomCacheRef: {
            std::string_view text = TRY(read_atom_body(r, tag, buf));
            note_atom(text);
            break;
        }
        case kSmallTuple:
        case kLargeTuple: {
            if (!r.has(tag == kSmallTuple ? 1 : 4)) return fail("truncated tuple");
            uint64_t arity = tag == kSmallTuple ? r.u8() : r.u32();
            todo += arity;
            words += 1 + arity;
            break;
        }
        case kNil:
            break;
        case kString: {
            if (!r.has(2)) return fail("truncated string");
            size_t len = r.u16();
            if (!r.has(len)) return fail("truncated string");
            r.skip(len);
            words += 2 * len;
            break;
        }
        case kList: {
            if (!r.has(4)) return fail("truncated list");
            uint64_t len = r.u32();
            todo += len + 1;  // the elements and the tail
            words += 2 * len;
            break;
        }
        case kBinary: {
            if (!r.has(4)) return fail("truncated binary");
            size_t len = r.u32();
            if (!r.has(len)) return fail("truncated binary");
            r.skip(len);
            words += binary_words(len);
            break;
        }
        case kBitBinary: {
            if (!r.has(5)) return fail("truncated bitstring");
            size_t len = r.u32();
            uint8_t bits = r.u8();
            if (len == 0 ? bits != 0 : (bits < 1 || bits > 8)) return fail("bad bitstring");
            if (!r.has(len)) return fail("truncated bitstring");
            r.skip(len);
            words += len != 0 && bits != 8 ? bitstring_words(len) : binary_words(len);
            break;
        }
        case kSmallBig:
        case kLargeBig: {
            BigDigits b = TRY(read_big(r, tag == kLargeBig));
            words += big_words(b);
            break;
        }
        case kExport: {
            ExportRef e = TRY(read_export(r, buf));
            if (!ctx.resolve_export || !ctx.resolve_export(e.module, e.function, e.arity)) {
                return fail("cannot resolve external fun");
            }
            words += 2;
            break;
        }
        case kNewPid:
        case kPid:
        case kNewPort:
        case kPort:
        case kV4Port:
        case kReference:
        case kNewReference:
        case kNewerReference: {
            NodeId n = TRY(read_node_id(r, tag, buf));
            if (!n.local) note_atom(n.node);
            words += TRY(node_id_words(tag, n));
            break;
        }
        case kMap: {
            if (!r.has(4)) return fail("truncated map");
            uint64_t pairs = r.u32();
            todo += 2 * pairs;
            words += map_words(pairs);
            if (pairs >= 2) multi_key_map = true;
            break;
        }
        case kNewFun: {
            FunRef f = TRY(read_new_fun(r, buf));
            if (!ctx.resolve_fun || !ctx.resolve_fun(f.module, f.index, f.uniq, f.arity, f.num_free))
                return fail("cannot resolve fun");
            if (!f.creator.local) note_atom(f.creator.node);
            words += TRY(node_id_words(f.creator_tag, f.creator));  // another node's: boxed
            todo += f.num_free;
            words += 3 + size_t(f.num_free);
            break;
        }
        case kFun:
            return fail("unsupported: old fun format");
        case kCompressed:
            return fail("nested compressed term");
        case kDistHeader:
        case kDistFragHeader:
            return fail("distribution headers are not supported");
        case kVersion:
            return fail("unexpected version byte");
        default:
            return fail("unknown tag " + std::to_string(tag));
        }
        if (todo > r.left) return fail("truncated term");  // every term takes at least 1 byte
    }
    if (size_t(atoms().size()) + unknown_atoms > AtomTable::kMaxAtoms) {
        return fail("atom table full");
    }
    return SizeInfo{words, multi_key_map};
}

enum class BuildStatus { kOk, kDuplicateKey, kFailed };

// Builds a term validated by size_term(). Returns none() if a map has a duplicate key
// (status kDuplicateKey), or if the atom table filled up or an export stopped resolving since
// validation (kFailed).
// Maps of over 32 pairs become hash maps once built as flat maps: their nodes come from
// `big_alloc` if given (validate_term's trial build counts them), else from hp after the rest.
Term build_term(Reader& r, Term*& hp, const DecodeContext& ctx, BuildStatus* status = nullptr,
                const MapAlloc* big_alloc = nullptr) {
    std::string buf;
    bool failed = false;
    std::vector<Term*> maps;  // flat maps with two or more pairs, in order of creation
    std::vector<Term*> map_slots;  // where each of them is referenced from
    Term result = Term::nil();
    // Slots still to fill, most recent first, linked through the slots themselves.
    Term* pending = nullptr;
    auto push = [&](Term* slot) {
        slot->raw = reinterpret_cast<Word>(pending);
        pending = slot;
    };
    push(&result);
    while (pending) {
        Term* dst = pending;
        pending = reinterpret_cast<Term*>(dst->raw);
        uint8_t tag = r.u8();
        switch (tag) {
        case kSmallInteger:
            *dst = Term::small(r.u8());
            break;
        case kInteger:
            *dst = Term::small(int32_t(r.u32()));
            break;
        case kNewFloat:
        case kFloat: {
            double d = 0;
            if (tag == kNewFloat) {
                read_new_float(r, d);
            } else {
                parse_float_text(r.take(kFloatExtBytes), d);
            }
            hp[0] = Term::header(Subtag::Float, 1);
            std::memcpy(hp + 1, &d, sizeof d);
            *dst = Term::boxed(hp);
            hp += 2;
            break;
        }
        case kAtom:
        case kSmallAtom:
        case kAtomUtf8:
        case kSmallAtomUtf8: {
            Term a = atoms().intern(read_atom_body(r, tag, buf).value());
            if (a.is_none()) failed = true;
            *dst = a.is_none() ? Term::nil() : a;
            break;
        }
        case kSmallTuple:
        case kLargeTuple: {
            size_t arity = tag == kSmallTuple ? r.u8() : r.u32();
            Term* t = hp;
            hp += 1 + arity;
            t[0] = Term::header(Subtag::Tuple, arity);
            *dst = Term::boxed(t);
            for (size_t i = arity; i > 0; --i) push(&t[i]);
            break;
        }
        case kNil:
            *dst = Term::nil();
            break;
        case kString: {
            size_t len = r.u16();
            const uint8_t* s = r.take(len);
            Term tail = Term::nil();
            Term* cells = hp;
            hp += 2 * len;
            for (size_t i = len; i > 0; --i) {
                cells[2 * (i - 1)] = Term::small(s[i - 1]);
                cells[2 * (i - 1) + 1] = tail;
                tail = Term::list(&cells[2 * (i - 1)]);
            }
            *dst = tail;
            break;
        }
        case kList: {
            size_t len = r.u32();
            if (len == 0) {  // just the tail
                push(dst);
                break;
            }
            Term* cells = hp;
            hp += 2 * len;
            for (size_t i = 0; i + 1 < len; ++i) cells[2 * i + 1] = Term::list(&cells[2 * i + 2]);
            *dst = Term::list(cells);
            push(&cells[2 * len - 1]);  // the tail comes last in the input
            for (size_t i = len; i > 0; --i) push(&cells[2 * (i - 1)]);
            break;
        }
        case kBinary: {
            size_t len = r.u32();
            *dst = build_binary(r.take(len), len, hp, ctx.off_heap);
            break;
        }
        case kBitBinary: {
            size_t len = r.u32();
            unsigned bits = r.u8();  // 1..8, or 0 for an empty binary (validated)
            const uint8_t* bytes = r.take(len);
            *dst = len != 0 && bits != 8 ? build_bitstring(bytes, len, bits, hp, ctx.off_heap)
                                         : build_binary(bytes, len, hp, ctx.off_heap);
            break;
        }
        case kMap: {
            // Built flat; over 32 pairs, rebuilt as a hash map at the end (as erl's).
            size_t n = r.u32();
            Term* map = hp;
            Term* keys = hp + 2 + n;
            hp += map_words(n);
            map[0] = Term::header(Subtag::FlatMap, n + 1);
            map[1] = Term::boxed(keys);
            keys[0] = Term::header(Subtag::Tuple, n);
            *dst = Term::boxed(map);
            for (size_t i = n; i > 0; --i) {  // k1 v1 k2 v2 ... in the input
                push(&map[1 + i]);
                push(&keys[i]);
            }
            if (n >= 2) {
                maps.push_back(map);
                map_slots.push_back(dst);
            }
            break;
        }
        case kSmallBig:
        case kLargeBig:
            *dst = build_big(read_big(r, tag == kLargeBig).value(), hp);
            break;
        case kExport: {
            ExportRef e = read_export(r, buf).value();
            Export* ep = ctx.resolve_export ? ctx.resolve_export(e.module, e.function, e.arity)
                                            : nullptr;
            if (!ep) failed = true;
            hp[0] = Term::header(Subtag::Export, 1);
            hp[1] = Term::from_raw(reinterpret_cast<Word>(ep));
            *dst = Term::boxed(hp);
            hp += 2;
            break;
        }
        case kNewFun: {
            FunRef f = read_new_fun(r, buf).value();
            FunEntry* fe = ctx.resolve_fun
                               ? ctx.resolve_fun(f.module, f.index, f.uniq, f.arity, f.num_free)
                               : nullptr;
            if (!fe) failed = true;  // the words are still laid out, so reading can go on
            Term* fun = hp;
            hp += 3 + size_t(f.num_free);
            fun[0] = Term::header(Subtag::Fun, 2 + uint64_t(f.num_free));
            fun[1] = Term::from_raw(reinterpret_cast<Word>(fe));
            fun[2 + f.num_free] = build_node_id(f.creator_tag, f.creator, hp, failed);  // term.h
            *dst = Term::boxed(fun);
            for (size_t i = f.num_free; i > 0; --i) push(&fun[1 + i]);
            break;
        }
        default: {  // pids and references (everything else failed validation)
            NodeId n = read_node_id(r, tag, buf).value();
            *dst = build_node_id(tag, n, hp, failed);
            break;
        }
        }
    }
    if (failed) {
        if (status) *status = BuildStatus::kFailed;
        return Term::none();
    }
    // Maps created later are nested inside earlier ones, so sorting from the last makes every
    // map used as a key sorted before it is compared.
    std::vector<uint32_t> order;
    std::vector<Term> tmp;
    MapAlloc tail_alloc{[](void* ctx, size_t words) {
                            Term*& top = *static_cast<Term**>(ctx);
                            Term* at = top;
                            top += words;
                            return at;
                        },
                        &hp};
    for (size_t i = maps.size(); i > 0; --i) {
        Term* map = maps[i - 1];
        size_t n = map[0].header_arity() - 1;
        if (n > kFlatMapLimit) {
            Term h = map_from_pairs(big_alloc ? *big_alloc : tail_alloc,
                                    map[1].tuple_elems(), map + 2, n, true);
            if (h.is_none()) {
                if (status) *status = BuildStatus::kDuplicateKey;
                return Term::none();
            }
            *map_slots[i - 1] = h;
            continue;
        }
        if (!sort_map(map, order, tmp)) {
            if (status) *status = BuildStatus::kDuplicateKey;
            return Term::none();
        }
    }
    if (status) *status = BuildStatus::kOk;
    return result;
}

// size_term(), then for terms with maps a trial build that rejects duplicate keys.
Result<size_t> validate_term(Reader r, const DecodeContext& ctx) {
    SizeInfo info = TRY(size_term(r, ctx));
    if (!info.has_multi_key_map) return info.words;
    std::vector<Term> scratch(info.words);
    Term* hp = scratch.data();
    BuildStatus status = BuildStatus::kOk;
    // Hash maps' nodes: counted (and kept alive) here; decode() puts them after the rest.
    struct Arena {
        std::vector<std::unique_ptr<Term[]>> blocks;
        size_t words = 0;
    } arena;
    MapAlloc counting{[](void* ctx, size_t words) {
                          auto* a = static_cast<Arena*>(ctx);
                          a->words += words;
                          a->blocks.push_back(std::make_unique<Term[]>(words ? words : 1));
                          return a->blocks.back().get();
                      },
                      &arena};
    DecodeContext trial = ctx;
    trial.off_heap = nullptr;  // the scratch copy is thrown away: nothing to list
    build_term(r, hp, trial, &status, &counting);
    if (status == BuildStatus::kDuplicateKey) return fail("duplicate map key");
    if (status != BuildStatus::kOk) return fail("atom table full or export not resolved");
    return info.words + arena.words;
}

} // namespace

Result<size_t> decoded_size(std::span<const uint8_t> bytes, const DecodeContext& ctx) {
    Reader r{bytes.data(), bytes.size()};
    if (r.has(1) && *r.p == kCompressed) {
        r.skip(1);
        std::vector<uint8_t> plain;
        TRY_VOID(inflate_body(r, plain, nullptr));
        return validate_term(Reader{plain.data(), plain.size()}, ctx);
    }
    return validate_term(r, ctx);
}

Term decode(std::span<const uint8_t> bytes, Term* hp, const DecodeContext& ctx, size_t* used) {
    Reader r{bytes.data(), bytes.size()};
    if (r.has(1) && *r.p == kCompressed) {
        r.skip(1);
        std::vector<uint8_t> plain;
        size_t body = 0;
        if (!inflate_body(r, plain, &body).ok()) return Term::none();
        Reader inner{plain.data(), plain.size()};
        Term t = build_term(inner, hp, ctx);
        if (used) *used = 1 + body;
        return t;
    }
    Term t = build_term(r, hp, ctx);
    if (used) *used = bytes.size() - r.left;
    return t;
}

} // namespace joist::etf
