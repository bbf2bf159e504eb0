// The parsed form of a .beam file: its chunks decoded, its code as generic (genop) instructions
// with compact-term operands. Nothing here knows about terms on heaps or threaded code; the
// loader's later stages (literals, transform, emit) turn this into a code/ Module.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace joist::loader {

// One compact-term operand, as the compiler wrote it.
struct Operand {
    enum class Kind : uint8_t {
        Integer,   // tag i: `value` (fits int64) ...
        BigInteger,// ... or, when it does not fit, `bytes` (two's complement, little-endian)
        Atom,      // tag a: `value` = index into BeamFile::atoms (1-based as in the file; 0 = nil)
        Nil,       // tag a with index 0 ([] ), also the literal nil
        XReg,      // tag x: `value` = register number
        YReg,      // tag y: `value` = register number
        Label,     // tag f: `value` = label number (0 = no label)
        Char,      // tag h: `value` = code point
        Literal,   // extended literal: `value` = index into BeamFile::literals
        Float,     // extended float (old format): `fvalue`
        List,      // extended list: `list` holds the elements
        FReg,      // extended float register: `value`
        AllocList, // extended allocation list: `list` holds pairs (Integer kind, Integer count);
                   // kind 0 = words, 1 = floats, 2 = funs
        TypedReg,  // extended typed register: `list[0]` is the XReg/YReg, `value` = type index
        Unsigned,  // tag u: `value` (>= 0): arities, live counts, sizes, flags, import indices...
    };
    Kind kind{Kind::Integer};
    int64_t value = 0;
    double fvalue = 0;
    std::vector<uint8_t> bytes;  // BigInteger magnitude (two's complement, little-endian)
    std::vector<Operand> list;   // List / AllocList / TypedReg
};

struct GenOp {
    uint8_t opcode = 0;  // OTP generic opcode number (genop.def)
    std::vector<Operand> args;
};

struct ImportEntry { uint32_t module, function, arity; }; // atom indices (1-based)
struct ExportEntry { uint32_t function, arity, label; };
struct FunEntry {
    uint32_t function, arity, label, index, num_free, old_uniq;
};
struct LineRef {     // one entry of the Line chunk's table
    uint32_t file;   // index into BeamFile::line_files (0 = the module's own source file)
    uint32_t line;
};

struct BeamFile {
    std::string module_name;                 // == atoms[1]
    std::vector<std::string> atoms;          // atoms[0] is unused; atoms[1] is the module name
    std::vector<ImportEntry> imports;
    std::vector<ExportEntry> exports;
    std::vector<ExportEntry> locals;
    std::vector<FunEntry> funs;
    std::vector<std::vector<uint8_t>> literals;  // each literal's external term format bytes
                                                  // (without the leading 131 version byte)
    std::string strings;                          // StrT chunk
    std::vector<LineRef> lines;                   // Line chunk items; index 0 = "no line info"
    std::vector<std::string> line_files;          // Line chunk file names; [0] is "<module>.erl"
                                                  // (the compiler's implicit file 0)
    std::vector<uint8_t> attributes;              // Attr chunk (ETF, raw with 131)
    std::vector<uint8_t> compile_info;            // CInf chunk (ETF, raw with 131)
    std::vector<uint8_t> types;                   // Type chunk, raw
    uint32_t label_count = 0;
    uint32_t function_count = 0;
    uint32_t code_format = 0, max_opcode = 0;
    std::vector<GenOp> code;                      // every instruction, in file order
    uint8_t md5[16] = {};                         // the module checksum, as erl's
};

// Parses a whole .beam file. Errors name the chunk and reason, e.g.
// "lists.beam: chunk LitT: truncated".  Never crashes on corrupt input.
Result<BeamFile> parse_beam(std::string_view bytes, std::string_view name_for_errors);

// Generic opcode table (genop.def): name and arity of each opcode number; deprecated ones are
// refused by the loader, as erl refuses them.
struct GenOpInfo {
    const char* name;
    uint8_t arity;
    bool deprecated;
};
const GenOpInfo* genop_info(unsigned opcode);  // nullptr if unknown
unsigned genop_max();                          // highest opcode number of OTP 25 (180)

} // namespace joist::loader
