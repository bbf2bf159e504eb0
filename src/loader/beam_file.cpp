// parse_beam: the IFF container, every chunk OTP 25 writes, and the Code chunk's compact-term
// operands decoded into GenOps. All reads go through Reader::take, which checks bounds, so
// corrupt input yields an Error naming the chunk, never a crash or a size-driven allocation.
#include "loader/beam_file.h"

#include "base/md5.h"

#include <zlib.h>

#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <utility>

namespace joist::loader {
namespace {

using Bytes = std::span<const uint8_t>;

constexpr uint8_t k_tag_u = 0, k_tag_i = 1, k_tag_a = 2, k_tag_x = 3, k_tag_y = 4, k_tag_f = 5,
                  k_tag_h = 6, k_tag_z = 7;
constexpr uint8_t k_op_label = 1, k_op_int_code_end = 3;
constexpr uint32_t k_max_arity = 255;
constexpr size_t k_max_atom_chars = 255;
// zlib cannot expand data by more than about 1032:1; a larger claimed size is corrupt.
constexpr uint64_t k_zlib_max_ratio = 1032;
constexpr const char* k_recompile = "please re-compile this module with an Erlang/OTP 25 compiler";

Error fail(std::string reason) { return Error{std::move(reason)}; }

// A bounds-checked cursor. take() is the one primitive every other read is built on.
class Reader {
public:
    explicit Reader(Bytes bytes) : m_bytes(bytes) {}

    size_t remaining() const { return m_bytes.size() - m_pos; }
    bool at_end() const { return m_pos == m_bytes.size(); }

    Result<Bytes> take(size_t n) {
        if (n > remaining()) return fail("truncated");
        Bytes out = m_bytes.subspan(m_pos, n);
        m_pos += n;
        return out;
    }
    Result<uint8_t> u8() {
        Bytes b = TRY(take(1));
        return b[0];
    }
    Result<uint16_t> u16() {
        Bytes b = TRY(take(2));
        return static_cast<uint16_t>((b[0] << 8) | b[1]);
    }
    Result<uint32_t> u32() {
        Bytes b = TRY(take(4));
        return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
    }
    Result<Bytes> rest() { return take(remaining()); }

private:
    Bytes m_bytes;
    size_t m_pos = 0;
};

std::string to_string(Bytes b) {
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
}
std::vector<uint8_t> to_vector(Bytes b) { return std::vector<uint8_t>(b.begin(), b.end()); }
template <class T> std::string num(T n) { return std::to_string(n); }

// ---- compact terms -------------------------------------------------------------------------

// One compact term before its tag is interpreted: a tag and a signed number, which for large
// numbers that do not fit int64 is kept as minimal little-endian two's-complement bytes.
struct RawTerm {
    uint8_t tag = 0;
    bool big = false;
    int64_t value = 0;
    std::vector<uint8_t> bytes;
};

// Interprets `b` (big-endian two's complement, non-empty) as a number.
void set_number(RawTerm& t, Bytes b) {
    // Drop redundant sign bytes so the length says whether it fits int64.
    size_t start = 0;
    while (b.size() - start > 1 && ((b[start] == 0x00 && (b[start + 1] & 0x80) == 0) ||
                                    (b[start] == 0xff && (b[start + 1] & 0x80) != 0)))
        ++start;
    Bytes m = b.subspan(start);
    if (m.size() <= 8) {
        uint64_t v = (m[0] & 0x80) ? ~uint64_t{0} : 0;
        for (uint8_t byte : m) v = (v << 8) | byte;
        t.value = static_cast<int64_t>(v);
        return;
    }
    t.big = true;
    t.bytes.assign(m.rbegin(), m.rend());
}

// Reads one compact term's tag and number. `allow_nested_length` is false while reading the
// nested length of a large number, so a chain of nested lengths cannot recurse.
Result<RawTerm> read_compact(Reader& r, bool allow_nested_length = true) {
    uint8_t first = TRY(r.u8());
    RawTerm t;
    t.tag = first & 0x07;
    if ((first & 0x08) == 0) {
        t.value = first >> 4;
    } else if ((first & 0x10) == 0) {
        uint8_t low = TRY(r.u8());
        t.value = (int64_t{first >> 5} << 8) | low;
    } else {
        size_t count = first >> 5;
        if (count < 7) {
            count += 2;
        } else {
            if (!allow_nested_length) return fail("bad tag: nested length of a length");
            RawTerm len = TRY(read_compact(r, false));
            if (len.tag != k_tag_u || len.big || len.value < 0) return fail("bad tag in length");
            if (static_cast<uint64_t>(len.value) > r.remaining()) return fail("truncated");
            count = static_cast<size_t>(len.value) + 9;
        }
        Bytes b = TRY(r.take(count));
        set_number(t, b);
    }
    return t;
}

// Reads a term that must be a non-negative u-tagged number.
Result<int64_t> read_unsigned(Reader& r) {
    RawTerm t = TRY(read_compact(r));
    if (t.tag != k_tag_u) return fail("bad tag " + num(t.tag) + ", expected u");
    if (t.big || t.value < 0) return fail("bad unsigned number");
    return t.value;
}

Operand make_operand(Operand::Kind kind, int64_t value) {
    Operand op;
    op.kind = kind;
    op.value = value;
    return op;
}

// Decodes the Code chunk's operands, checking indices against the tables already parsed.
class OperandDecoder {
public:
    OperandDecoder(Reader& r, const BeamFile& beam) : m_r(r), m_beam(beam) {}

    // `depth` is 0 for an instruction's operand, 1 inside a list (lists do not nest).
    Result<Operand> operand(int depth = 0) {
        RawTerm t = TRY(read_compact(m_r));
        if (t.tag == k_tag_i) {
            if (!t.big) return make_operand(Operand::Kind::Integer, t.value);
            Operand op;
            op.kind = Operand::Kind::BigInteger;
            op.bytes = std::move(t.bytes);
            return op;
        }
        if (t.big || t.value < 0) return fail("bad number for tag " + num(t.tag));
        const int64_t v = t.value;
        switch (t.tag) {
        case k_tag_u: return make_operand(Operand::Kind::Unsigned, v);
        case k_tag_a:
            if (static_cast<uint64_t>(v) >= m_beam.atoms.size())
                return fail("atom index " + num(v) + " out of range");
            return make_operand(v == 0 ? Operand::Kind::Nil : Operand::Kind::Atom, v);
        case k_tag_x: return make_operand(Operand::Kind::XReg, v);
        case k_tag_y: return make_operand(Operand::Kind::YReg, v);
        case k_tag_f:
            if (static_cast<uint64_t>(v) >= m_beam.label_count)
                return fail("label " + num(v) + " out of range");
            return make_operand(Operand::Kind::Label, v);
        case k_tag_h: return make_operand(Operand::Kind::Char, v);
        case k_tag_z: return extended(v, depth);
        }
        return fail("bad tag " + num(t.tag));
    }

private:
    Result<Operand> extended(int64_t subtag, int depth) {
        switch (subtag) {
        case 0: { // old-style float: 8 bytes, IEEE double, big-endian
            Bytes b = TRY(m_r.take(8));
            uint64_t bits = 0;
            for (uint8_t byte : b) bits = (bits << 8) | byte;
            Operand op;
            op.kind = Operand::Kind::Float;
            op.fvalue = std::bit_cast<double>(bits);
            return op;
        }
        case 1: { // list: length, then the elements
            if (depth > 0) return fail("bad tag: nested list");
            int64_t n = TRY(read_unsigned(m_r));
            if (static_cast<uint64_t>(n) > m_r.remaining()) return fail("truncated");
            Operand op;
            op.kind = Operand::Kind::List;
            op.list.reserve(static_cast<size_t>(n));
            for (int64_t i = 0; i < n; ++i) op.list.push_back(TRY(operand(depth + 1)));
            return op;
        }
        case 2: { // float register
            int64_t n = TRY(read_unsigned(m_r));
            return make_operand(Operand::Kind::FReg, n);
        }
        case 3: { // allocation list: count, then (kind, amount) pairs
            if (depth > 0) return fail("bad tag: allocation list inside a list");
            int64_t n = TRY(read_unsigned(m_r));
            if (static_cast<uint64_t>(n) > m_r.remaining() / 2) return fail("truncated");
            Operand op;
            op.kind = Operand::Kind::AllocList;
            op.list.reserve(static_cast<size_t>(n) * 2);
            for (int64_t i = 0; i < n; ++i) {
                int64_t kind = TRY(read_unsigned(m_r));
                if (kind > 2) return fail("bad allocation kind " + num(kind));
                int64_t amount = TRY(read_unsigned(m_r));
                op.list.push_back(make_operand(Operand::Kind::Integer, kind));
                op.list.push_back(make_operand(Operand::Kind::Integer, amount));
            }
            return op;
        }
        case 4: { // literal
            int64_t n = TRY(read_unsigned(m_r));
            if (static_cast<uint64_t>(n) >= m_beam.literals.size())
                return fail("literal index " + num(n) + " out of range");
            return make_operand(Operand::Kind::Literal, n);
        }
        case 5: { // typed register: an x or y register, then a type index
            RawTerm reg = TRY(read_compact(m_r));
            if ((reg.tag != k_tag_x && reg.tag != k_tag_y) || reg.big || reg.value < 0)
                return fail("bad tag " + num(reg.tag) + " in typed register");
            int64_t type = TRY(read_unsigned(m_r));
            Operand op = make_operand(Operand::Kind::TypedReg, type);
            op.list.push_back(make_operand(
                reg.tag == k_tag_x ? Operand::Kind::XReg : Operand::Kind::YReg, reg.value));
            return op;
        }
        }
        return fail("bad extended tag " + num(subtag));
    }

    Reader& m_r;
    const BeamFile& m_beam;
};

// ---- chunks ---------------------------------------------------------------------------------

// Appends the UTF-8 encoding of a latin-1 byte.
void append_latin1(std::string& out, uint8_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else {
        out += static_cast<char>(0xc0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

// Number of code points in valid UTF-8 (no overlongs, surrogates or values past U+10FFFF),
// or nullopt if `s` is not valid.
std::optional<size_t> utf8_length(Bytes s) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++chars) {
        uint8_t c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t extra;
        uint32_t cp;
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (s.size() - i - 1 < extra) return std::nullopt;
        for (size_t k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xc0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return std::nullopt;
        i += extra + 1;
    }
    return chars;
}

// AtU8 (UTF-8) or the old Atom (latin-1) chunk. A negative AtU8 count (newer compilers) means
// each length is a compact term rather than one byte.
Result<void> parse_atoms(BeamFile& beam, Bytes data, bool utf8) {
    Reader r(data);
    uint32_t raw_count = TRY(r.u32());
    bool compact_lengths = utf8 && (raw_count & 0x80000000u) != 0;
    uint32_t count = compact_lengths ? ~raw_count + 1 : raw_count;
    if (count == 0) return fail("no atoms (module name missing)");
    if (count > r.remaining()) return fail("truncated");
    beam.atoms.reserve(size_t{count} + 1);
    beam.atoms.emplace_back();
    for (uint32_t i = 0; i < count; ++i) {
        size_t len;
        if (compact_lengths) {
            len = static_cast<size_t>(TRY(read_unsigned(r)));  // take() bounds it below
        } else {
            len = TRY(r.u8());
        }
        Bytes name = TRY(r.take(len));
        if (utf8) {
            std::optional<size_t> chars = utf8_length(name);
            if (!chars) return fail("atom " + num(i + 1) + " is not valid UTF-8");
            if (*chars > k_max_atom_chars) return fail("atom " + num(i + 1) + " too long");
            beam.atoms.push_back(to_string(name));
        } else {
            std::string s;
            for (uint8_t c : name) append_latin1(s, c);
            beam.atoms.push_back(std::move(s));
        }
    }
    beam.module_name = beam.atoms[1];
    return {};
}

Result<void> check_atom(const BeamFile& beam, uint32_t index) {
    if (index == 0 || index >= beam.atoms.size())
        return fail("atom index " + num(index) + " out of range");
    return {};
}

Result<void> check_label(const BeamFile& beam, uint32_t label) {
    if (label == 0 || label >= beam.label_count)
        return fail("label " + num(label) + " out of range");
    return {};
}

Result<void> check_arity(uint32_t arity) {
    if (arity > k_max_arity) return fail("arity " + num(arity) + " out of range");
    return {};
}

// Reads a u32 entry count whose entries are `entry_size` bytes each, checked against the data.
Result<uint32_t> read_count(Reader& r, size_t entry_size) {
    uint32_t count = TRY(r.u32());
    if (count > r.remaining() / entry_size) return fail("truncated");
    return count;
}

Result<void> parse_imports(BeamFile& beam, Bytes data) {
    Reader r(data);
    uint32_t count = TRY(read_count(r, 12));
    beam.imports.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        ImportEntry e{};
        e.module = TRY(r.u32());
        e.function = TRY(r.u32());
        e.arity = TRY(r.u32());
        TRY_VOID(check_atom(beam, e.module));
        TRY_VOID(check_atom(beam, e.function));
        TRY_VOID(check_arity(e.arity));
        beam.imports.push_back(e);
    }
    return {};
}

// ExpT and LocT share one layout.
Result<void> parse_exports(const BeamFile& beam, std::vector<ExportEntry>& out, Bytes data) {
    Reader r(data);
    uint32_t count = TRY(read_count(r, 12));
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        ExportEntry e{};
        e.function = TRY(r.u32());
        e.arity = TRY(r.u32());
        e.label = TRY(r.u32());
        TRY_VOID(check_atom(beam, e.function));
        TRY_VOID(check_arity(e.arity));
        TRY_VOID(check_label(beam, e.label));
        out.push_back(e);
    }
    return {};
}

Result<void> parse_funs(BeamFile& beam, Bytes data) {
    Reader r(data);
    uint32_t count = TRY(read_count(r, 24));
    beam.funs.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        FunEntry e{};
        e.function = TRY(r.u32());
        e.arity = TRY(r.u32());
        e.label = TRY(r.u32());
        e.index = TRY(r.u32());
        e.num_free = TRY(r.u32());
        e.old_uniq = TRY(r.u32());
        TRY_VOID(check_atom(beam, e.function));
        TRY_VOID(check_arity(e.arity));
        TRY_VOID(check_label(beam, e.label));
        if (e.num_free > k_max_arity) return fail("fun " + num(i) + ": too many free variables");
        beam.funs.push_back(e);
    }
    return {};
}

// LitT: the uncompressed size, then (zlib) the count and each literal as size + ETF bytes.
// A size of 0 means the table that follows is stored uncompressed.
Result<void> parse_literals(BeamFile& beam, Bytes data) {
    Reader r(data);
    uint32_t size = TRY(r.u32());
    Bytes packed = TRY(r.rest());
    std::vector<uint8_t> unpacked;
    Bytes table = packed;
    if (size != 0) {
        if (size > packed.size() * k_zlib_max_ratio + 64)
            return fail("uncompressed size " + num(size) + " out of range");
        unpacked.resize(size);
        uLongf out_len = size;
        int rc = uncompress(unpacked.data(), &out_len, packed.data(), packed.size());
        if (rc != Z_OK) return fail(std::string("zlib error: ") + zError(rc));
        if (out_len != size) return fail("zlib error: uncompressed size mismatch");
        table = Bytes(unpacked);
    }
    Reader t(table);
    uint32_t count = TRY(read_count(t, 4));
    beam.literals.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t len = TRY(t.u32());
        Bytes term = TRY(t.take(len));
        if (term.empty() || term[0] != 131)
            return fail("literal " + num(i) + ": missing external format version byte");
        beam.literals.push_back(to_vector(term.subspan(1)));
    }
    return {};
}

constexpr uint32_t kMaxLocationFiles = 255;
constexpr int64_t kMaxLocationLine = (int64_t{1} << 24) - 1;

// Line: header, then items (tag a = switch file, tag i = a line in the current file), then the
// file names. lines[0] is the compiler's predefined "no location"; an unknown version is
// ignored, as erl does.
Result<void> parse_lines(BeamFile& beam, Bytes data) {
    Reader r(data);
    uint32_t version = TRY(r.u32());
    if (version != 0) return {};
    TRY_VOID(r.u32());  // flags
    TRY_VOID(r.u32());  // number of line instructions
    uint32_t num_items = TRY(r.u32());
    uint32_t num_names = TRY(r.u32());
    if (num_items > r.remaining()) return fail("truncated");
    beam.lines.reserve(size_t{num_items} + 1);
    beam.lines.push_back(LineRef{0, 0});
    uint32_t file = 0;
    while (beam.lines.size() <= num_items) {
        RawTerm t = TRY(read_compact(r));
        if (t.big || t.value < 0 || t.value > std::numeric_limits<uint32_t>::max())
            return fail("bad line item");
        if (t.tag == k_tag_a) {
            if (t.value > num_names) return fail("file index " + num(t.value) + " out of range");
            file = static_cast<uint32_t>(t.value);
        } else if (t.tag == k_tag_i) {
            // erl keeps a location in 32 bits (8 for the file, 24 for the line) and silently
            // drops those that do not fit: they become "no location", line 0.
            bool fits = file < kMaxLocationFiles && t.value < kMaxLocationLine;
            beam.lines.push_back(fits ? LineRef{file, static_cast<uint32_t>(t.value)} : LineRef{0, 0});
        } else {
            return fail("bad tag " + num(t.tag) + " in line item");
        }
    }
    if (num_names > r.remaining() / 2) return fail("truncated");
    beam.line_files.reserve(size_t{num_names} + 1);
    beam.line_files.push_back(beam.module_name + ".erl");
    for (uint32_t i = 0; i < num_names; ++i) {
        uint16_t len = TRY(r.u16());
        Bytes name = TRY(r.take(len));
        beam.line_files.push_back(to_string(name));
    }
    return {};
}

// Code chunk header (sub-size, instruction set, max opcode, label and function counts).
// Returns the instruction bytes.
Result<Bytes> parse_code_header(BeamFile& beam, Bytes data) {
    Reader r(data);
    uint32_t header_size = TRY(r.u32());
    if (header_size < 16) return fail("header size " + num(header_size) + " too small");
    Bytes header = TRY(r.take(header_size));
    Reader h(header);
    beam.code_format = TRY(h.u32());
    beam.max_opcode = TRY(h.u32());
    beam.label_count = TRY(h.u32());
    beam.function_count = TRY(h.u32());
    if (beam.code_format != 0)
        return fail("unsupported instruction set " + num(beam.code_format));
    if (beam.max_opcode > genop_max())
        return fail("max opcode " + num(beam.max_opcode) +
                    ": compiled for a later version of the runtime system than Erlang/OTP 25");
    Bytes code = TRY(r.rest());
    // Every label but 0 and every function needs at least one instruction of its own.
    if (beam.label_count > code.size() + 1)
        return fail("label count " + num(beam.label_count) + " out of range");
    if (beam.function_count > code.size())
        return fail("function count " + num(beam.function_count) + " out of range");
    return code;
}

Result<void> parse_code(BeamFile& beam, Bytes code) {
    Reader r(code);
    OperandDecoder decoder(r, beam);
    for (;;) {
        if (r.at_end()) return fail("truncated (no int_code_end)");
        uint8_t opcode = TRY(r.u8());
        const GenOpInfo* info = genop_info(opcode);
        if (info == nullptr) return fail("unknown opcode " + num(opcode));
        if (info->deprecated)
            return fail(std::string("deprecated opcode ") + info->name + ": " + k_recompile);
        GenOp op;
        op.opcode = opcode;
        op.args.reserve(info->arity);
        for (unsigned i = 0; i < info->arity; ++i) {
            Result<Operand> arg = decoder.operand();
            if (!arg) return fail(std::string("op ") + info->name + ": " + arg.error().message);
            op.args.push_back(std::move(arg).value());
        }
        if (opcode == k_op_label) {
            const Operand& l = op.args[0];
            if (l.kind != Operand::Kind::Unsigned || l.value == 0 ||
                static_cast<uint64_t>(l.value) >= beam.label_count)
                return fail("op label: label " + num(l.value) + " out of range");
        }
        beam.code.push_back(std::move(op));
        if (opcode == k_op_int_code_end) return {};
    }
}

// ---- container ------------------------------------------------------------------------------

struct Chunk {
    const char* id;
    std::optional<Bytes> data;
};

enum ChunkIndex : size_t {
    k_atu8, k_atom, k_code, k_strt, k_impt, k_expt, k_loct, k_funt, k_litt, k_line, k_attr,
    k_cinf, k_type, k_meta, k_num_chunks
};

// A printable form of a chunk id for error messages.
std::string chunk_name(Bytes id) {
    std::string s;
    for (uint8_t c : id) s += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    return s;
}

// The module checksum as erl computes it (module_info(md5), and the new_uniq of every fun, so
// funs in external format match erl's): MD5 over the atom, code, string, import and export
// chunks, the fun table with each OldUniq zeroed (an old endian-dependent hash), then the
// literal and Meta chunks as stored.
void module_checksum(const std::array<Chunk, k_num_chunks>& chunks, uint8_t out[16]) {
    Md5 md5;
    auto feed = [&](const std::optional<Bytes>& c) {
        if (c) md5.update(c->data(), c->size());
    };
    feed(chunks[k_atu8].data ? chunks[k_atu8].data : chunks[k_atom].data);
    feed(chunks[k_code].data);
    feed(chunks[k_strt].data);
    feed(chunks[k_impt].data);
    feed(chunks[k_expt].data);
    if (const auto& funt = chunks[k_funt].data; funt && funt->size() >= 4) {
        static const uint8_t zero[4] = {};
        md5.update(funt->data(), 4);  // the count
        for (size_t at = 4; at + 24 <= funt->size(); at += 24) {
            md5.update(funt->data() + at, 20);  // function, arity, label, index, num_free
            md5.update(zero, 4);
        }
    }
    feed(chunks[k_litt].data);
    feed(chunks[k_meta].data);
    md5.digest(out);
}

} // namespace

Result<BeamFile> parse_beam(std::string_view bytes, std::string_view name_for_errors) {
    const std::string name(name_for_errors);
    auto error_in = [&](std::string_view chunk, const Error& e) {
        return Error{name + ": chunk " + std::string(chunk) + ": " + e.message};
    };
    // Runs one chunk parser, prefixing its error with the file and chunk names.
    auto in_chunk = [&](std::string_view chunk, Result<void> r) -> Result<void> {
        if (!r) return error_in(chunk, r.error());
        return {};
    };

    std::array<Chunk, k_num_chunks> chunks{{{"AtU8", {}}, {"Atom", {}}, {"Code", {}}, {"StrT", {}},
                                         {"ImpT", {}}, {"ExpT", {}}, {"LocT", {}}, {"FunT", {}},
                                         {"LitT", {}}, {"Line", {}}, {"Attr", {}}, {"CInf", {}},
                                         {"Type", {}}, {"Meta", {}}}};

    // The IFF container: "FOR1", size, "BEAM", then chunks (id, size, data) padded to 4 bytes.
    // `where` names the part being read, for errors.
    std::string where = "FOR1";
    Reader file(Bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
    Result<void> container = [&]() -> Result<void> {
        Bytes magic = TRY(file.take(4));
        if (std::memcmp(magic.data(), "FOR1", 4) != 0) return fail("not a BEAM file");
        uint32_t form_size = TRY(file.u32());
        Bytes form_bytes = TRY(file.take(form_size));
        Reader form(form_bytes);
        Bytes form_type = TRY(form.take(4));
        if (std::memcmp(form_type.data(), "BEAM", 4) != 0) return fail("not a BEAM file");
        while (!form.at_end()) {
            Bytes id = TRY(form.take(4));
            where = chunk_name(id);
            uint32_t size = TRY(form.u32());
            Bytes data = TRY(form.take(size));
            size_t pad = (4 - size % 4) % 4;
            TRY_VOID(form.take(std::min(pad, form.remaining())));
            for (Chunk& c : chunks) {
                if (std::memcmp(id.data(), c.id, 4) != 0) continue;
                if (c.data) return fail("duplicate chunk");
                c.data = data;
            }
            where = "FOR1";
        }
        return {};
    }();
    if (!container) return error_in(where, container.error());

    BeamFile beam;
    if (chunks[k_atu8].data) {
        TRY_VOID(in_chunk("AtU8", parse_atoms(beam, *chunks[k_atu8].data, true)));
    } else if (chunks[k_atom].data) {
        TRY_VOID(in_chunk("Atom", parse_atoms(beam, *chunks[k_atom].data, false)));
    } else {
        return error_in("AtU8", Error{"missing"});
    }

    if (!chunks[k_code].data) return error_in("Code", Error{"missing"});
    Result<Bytes> code = parse_code_header(beam, *chunks[k_code].data);
    if (!code) return error_in("Code", code.error());

    if (chunks[k_litt].data) TRY_VOID(in_chunk("LitT", parse_literals(beam, *chunks[k_litt].data)));
    if (chunks[k_strt].data) beam.strings = to_string(*chunks[k_strt].data);
    if (chunks[k_impt].data) TRY_VOID(in_chunk("ImpT", parse_imports(beam, *chunks[k_impt].data)));
    if (chunks[k_expt].data)
        TRY_VOID(in_chunk("ExpT", parse_exports(beam, beam.exports, *chunks[k_expt].data)));
    if (chunks[k_loct].data)
        TRY_VOID(in_chunk("LocT", parse_exports(beam, beam.locals, *chunks[k_loct].data)));
    if (chunks[k_funt].data) TRY_VOID(in_chunk("FunT", parse_funs(beam, *chunks[k_funt].data)));
    if (chunks[k_line].data) TRY_VOID(in_chunk("Line", parse_lines(beam, *chunks[k_line].data)));
    if (chunks[k_attr].data) beam.attributes = to_vector(*chunks[k_attr].data);
    if (chunks[k_cinf].data) beam.compile_info = to_vector(*chunks[k_cinf].data);
    if (chunks[k_type].data) beam.types = to_vector(*chunks[k_type].data);

    TRY_VOID(in_chunk("Code", parse_code(beam, code.value())));
    module_checksum(chunks, beam.md5);
    return beam;
}

} // namespace joist::loader
