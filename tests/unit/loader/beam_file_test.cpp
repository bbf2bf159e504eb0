// Tests for parse_beam and the genop table: real OTP (and Elixir) beams checked against what
// erl itself reports, hand-built beams for every compact-term form, and corrupt inputs.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>

#include "loader/beam_file.h"
#include "otp_beams.h"

namespace joist::loader {
namespace {

namespace fs = std::filesystem;
using Kind = Operand::Kind;

using test::otp_beam;
using test::read_file;

std::vector<fs::path> beams_under(const fs::path& root) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(
             root, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && it->path().extension() == ".beam") out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// ---- IFF helpers: split a beam into chunks and put it back together ------------------------

struct RawChunk {
    std::string id;
    std::string data;
};

std::vector<RawChunk> split_chunks(const std::string& beam) {
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(beam[at])) << 24) | (uint32_t(uint8_t(beam[at + 1])) << 16) |
               (uint32_t(uint8_t(beam[at + 2])) << 8) | uint32_t(uint8_t(beam[at + 3]));
    };
    std::vector<RawChunk> out;
    size_t pos = 12;
    while (pos + 8 <= beam.size()) {
        uint32_t size = be32(pos + 4);
        out.push_back({beam.substr(pos, 4), beam.substr(pos + 8, size)});
        pos += 8 + (size + 3) / 4 * 4;
    }
    return out;
}

void put32(std::string& s, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += char((v >> shift) & 0xff);
}

std::string build_beam(const std::vector<RawChunk>& chunks) {
    std::string body = "BEAM";
    for (const RawChunk& c : chunks) {
        body += c.id;
        put32(body, uint32_t(c.data.size()));
        body += c.data;
        body.append((4 - c.data.size() % 4) % 4, '\0');
    }
    std::string out = "FOR1";
    put32(out, uint32_t(body.size()));
    return out + body;
}

// ---- hand-built beams -----------------------------------------------------------------------

std::string atom_chunk(const std::vector<std::string>& atoms) {
    std::string s;
    put32(s, uint32_t(atoms.size()));
    for (const std::string& a : atoms) s += char(a.size()) + a;
    return s;
}

std::string code_chunk(uint32_t labels, uint32_t functions, const std::string& code) {
    std::string s;
    put32(s, 16);
    put32(s, 0);
    put32(s, 180);
    put32(s, labels);
    put32(s, functions);
    return s + code;
}

// LitT holding the given ETF terms (each given without its 131 byte); compressed unless `raw`.
std::string literal_chunk(const std::vector<std::string>& terms, bool raw = false) {
    std::string table;
    put32(table, uint32_t(terms.size()));
    for (const std::string& t : terms) {
        put32(table, uint32_t(t.size() + 1));
        table += char(131) + t;
    }
    std::string s;
    if (raw) {
        put32(s, 0);
        return s + table;
    }
    put32(s, uint32_t(table.size()));
    std::string packed(compressBound(table.size()), '\0');
    uLongf len = packed.size();
    compress(reinterpret_cast<Bytef*>(packed.data()), &len,
             reinterpret_cast<const Bytef*>(table.data()), table.size());
    packed.resize(len);
    return s + packed;
}

std::string bytes(std::initializer_list<int> b) {
    std::string s;
    for (int c : b) s += char(c);
    return s;
}

// A module `t` with atoms t, f, ok; three labels; `body` goes after label 2 and before
// `return` + int_code_end.
std::string synthetic(const std::string& body, std::vector<RawChunk> extra = {}) {
    std::string code = bytes({1, 0x10, 2, 0x12, 0x22, 0x00, 1, 0x20}) + body + bytes({19, 3});
    std::vector<RawChunk> chunks = {{"AtU8", atom_chunk({"t", "f", "ok"})},
                                    {"Code", code_chunk(3, 1, code)}};
    for (RawChunk& c : extra) chunks.push_back(std::move(c));
    return build_beam(chunks);
}

Result<BeamFile> parse_synthetic(const std::string& body) {
    return parse_beam(synthetic(body, {{"LitT", literal_chunk({bytes({97, 42})})}}), "t.beam");
}

// The instructions between label 2 and return.
std::vector<GenOp> body_of(const BeamFile& beam) {
    return std::vector<GenOp>(beam.code.begin() + 3, beam.code.end() - 2);
}

// ---- genop table ----------------------------------------------------------------------------

TEST(GenOp, TableMatchesOtp25) {
    EXPECT_EQ(genop_max(), 180u);
    EXPECT_EQ(genop_info(0), nullptr);
    EXPECT_EQ(genop_info(181), nullptr);
    EXPECT_EQ(genop_info(255), nullptr);
    ASSERT_NE(genop_info(1), nullptr);
    EXPECT_STREQ(genop_info(1)->name, "label");
    EXPECT_EQ(genop_info(1)->arity, 1);
    EXPECT_STREQ(genop_info(64)->name, "move");
    EXPECT_EQ(genop_info(64)->arity, 2);
    EXPECT_STREQ(genop_info(62)->name, "catch");
    EXPECT_STREQ(genop_info(134)->name, "bs_append");
    EXPECT_EQ(genop_info(134)->arity, 8);
    EXPECT_STREQ(genop_info(177)->name, "bs_create_bin");
    EXPECT_EQ(genop_info(177)->arity, 6);
    EXPECT_STREQ(genop_info(180)->name, "badrecord");
    unsigned deprecated = 0;
    for (unsigned op = 1; op <= genop_max(); ++op) {
        ASSERT_NE(genop_info(op), nullptr) << op;
        deprecated += genop_info(op)->deprecated;
    }
    EXPECT_EQ(deprecated, 36u);
    EXPECT_TRUE(genop_info(116)->deprecated);   // bs_start_match2
    EXPECT_TRUE(genop_info(130)->deprecated);   // bs_context_to_binary
    EXPECT_TRUE(genop_info(70)->deprecated);    // put_tuple
    EXPECT_FALSE(genop_info(117)->deprecated);  // bs_get_integer2
    EXPECT_FALSE(genop_info(103)->deprecated);  // make_fun2
    EXPECT_FALSE(genop_info(94)->deprecated);   // fclearerror
}

// ---- real beams -----------------------------------------------------------------------------

const ExportEntry* find_export(const BeamFile& b, const std::string& f, uint32_t arity) {
    for (const ExportEntry& e : b.exports)
        if (e.function < b.atoms.size() && b.atoms[e.function] == f && e.arity == arity) return &e;
    return nullptr;
}

TEST(ParseBeam, Lists) {
    fs::path path = otp_beam("stdlib", "lists");
    if (path.empty()) GTEST_SKIP() << "no stdlib lists.beam";
    Result<BeamFile> r = parse_beam(read_file(path), "lists.beam");
    ASSERT_TRUE(r.ok()) << r.error().message;
    const BeamFile& b = r.value();
    EXPECT_EQ(b.module_name, "lists");
    EXPECT_EQ(b.atoms[1], "lists");
    EXPECT_NE(find_export(b, "reverse", 2), nullptr);
    EXPECT_NE(find_export(b, "foldl", 3), nullptr);
    EXPECT_NE(find_export(b, "module_info", 0), nullptr);
    EXPECT_EQ(find_export(b, "reverse", 7), nullptr);
    EXPECT_EQ(b.code_format, 0u);
    EXPECT_LE(b.max_opcode, 180u);
    ASSERT_FALSE(b.code.empty());
    EXPECT_EQ(b.code.back().opcode, 3);  // int_code_end
    EXPECT_FALSE(b.literals.empty());
    EXPECT_FALSE(b.lines.empty());
    ASSERT_FALSE(b.line_files.empty());
    EXPECT_EQ(b.line_files[0], "lists.erl");
    EXPECT_EQ(b.attributes.at(0), 131);
    EXPECT_EQ(b.compile_info.at(0), 131);
    EXPECT_FALSE(b.types.empty());
}

// Structural invariants every compiler-produced beam satisfies.
void check_invariants(const BeamFile& b, const std::string& name) {
    size_t labels = 0, functions = 0;
    for (const GenOp& op : b.code) {
        const GenOpInfo* info = genop_info(op.opcode);
        ASSERT_NE(info, nullptr) << name;
        ASSERT_EQ(op.args.size(), info->arity) << name << " " << info->name;
        if (op.opcode == 1) ++labels;
        if (op.opcode == 2) ++functions;
        for (const Operand& a : op.args) {
            if (a.kind == Kind::Literal) {
                EXPECT_LT(size_t(a.value), b.literals.size()) << name;
            }
            if (a.kind == Kind::Atom) {
                EXPECT_LT(size_t(a.value), b.atoms.size()) << name;
            }
        }
    }
    EXPECT_EQ(labels + 1, b.label_count) << name;
    EXPECT_EQ(functions, b.function_count) << name;
    for (const auto& lit : b.literals) {
        ASSERT_FALSE(lit.empty()) << name;
        EXPECT_NE(lit[0], 131) << name;  // the version byte was stripped
    }
    for (const LineRef& l : b.lines) EXPECT_LT(l.file, std::max<size_t>(b.line_files.size(), 1));
}

// What erl says about some modules: atom, export, import, local, literal, fun and line-item
// counts, plus the sum of the export labels.
struct ErlFacts {
    std::string path;
    size_t atoms, exports, imports, locals, literals, funs, lines;
    uint64_t export_label_sum;
};

std::map<std::string, ErlFacts> ask_erl(const std::vector<std::string>& modules) {
    std::string mods;
    for (const std::string& m : modules) mods += (mods.empty() ? "" : ",") + m;
    std::string cmd =
        "ERL_CRASH_DUMP_SECONDS=0 erl -noshell -eval '"
        "[try F = code:which(M),"
        " {ok,{_,[{atoms,A},{labeled_exports,E},{imports,I},{labeled_locals,L}]}} ="
        "   beam_lib:chunks(F, [atoms,labeled_exports,imports,labeled_locals]),"
        " {ok,{_,[{_,LT},{_,FT},{_,LN}]}} ="
        "   beam_lib:chunks(F, [\"LitT\",\"FunT\",\"Line\"], [allow_missing_chunks]),"
        " NLit = case LT of <<_:32,Z/binary>> -> <<N:32,_/binary>> = zlib:uncompress(Z), N;"
        "   _ -> 0 end,"
        " NFun = case FT of <<NF:32,_/binary>> -> NF; _ -> 0 end,"
        " <<_:96,NLine:32,_/binary>> = LN,"
        " Sum = lists:sum([Lbl || {_,_,Lbl} <- E]),"
        " io:format(\"~s ~s ~b ~b ~b ~b ~b ~b ~b ~b~n\","
        "   [M,F,length(A),length(E),length(I),length(L),NLit,NFun,NLine,Sum])"
        " catch _:_ -> skipped end || M <- [" + mods + "]], halt().' 2>/dev/null";
    std::map<std::string, ErlFacts> out;
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return out;
    char line[4096];
    while (fgets(line, sizeof line, p) != nullptr) {
        std::istringstream in(line);
        std::string mod;
        ErlFacts f{};
        if (in >> mod >> f.path >> f.atoms >> f.exports >> f.imports >> f.locals >> f.literals >>
            f.funs >> f.lines >> f.export_label_sum)
            out[mod] = f;
    }
    pclose(p);
    return out;
}

TEST(ParseBeam, AgreesWithErl) {
    std::vector<std::string> modules = {"lists", "gen_server", "ets", "erl_lint", "maps",
                                        "binary", "io_lib_format", "compile", "beam_asm",
                                        "proplists", "sets", "unicode_util", "re", "string"};
    std::map<std::string, ErlFacts> facts = ask_erl(modules);
    if (facts.empty()) GTEST_SKIP() << "erl not available";
    EXPECT_EQ(facts.size(), modules.size());
    for (const auto& [mod, f] : facts) {
        SCOPED_TRACE(mod);
        Result<BeamFile> r = parse_beam(read_file(f.path), mod + ".beam");
        ASSERT_TRUE(r.ok()) << r.error().message;
        const BeamFile& b = r.value();
        EXPECT_EQ(b.module_name, mod);
        EXPECT_EQ(b.atoms.size() - 1, f.atoms);
        EXPECT_EQ(b.exports.size(), f.exports);
        EXPECT_EQ(b.imports.size(), f.imports);
        EXPECT_EQ(b.locals.size(), f.locals);
        EXPECT_EQ(b.literals.size(), f.literals);
        EXPECT_EQ(b.funs.size(), f.funs);
        EXPECT_EQ(b.lines.size(), f.lines + 1);
        uint64_t sum = 0;
        for (const ExportEntry& e : b.exports) sum += e.label;
        EXPECT_EQ(sum, f.export_label_sum);
        check_invariants(b, mod);
    }
}

TEST(ParseBeam, AllInstalledBeams) {
    size_t total = 0;
    for (const char* root : {"/usr/lib/erlang/lib", "/usr/lib/elixir"}) {
        std::vector<fs::path> beams = beams_under(root);
        size_t ok = 0, instructions = 0;
        std::vector<std::string> failures;
        for (const fs::path& p : beams) {
            Result<BeamFile> r = parse_beam(read_file(p), p.filename().string());
            if (!r.ok()) {
                failures.push_back(r.error().message);
                continue;
            }
            ++ok;
            instructions += r.value().code.size();
            check_invariants(r.value(), p.string());
        }
        std::cout << "[ beams    ] " << root << ": " << ok << " of " << beams.size()
                  << " parsed (" << instructions << " instructions)\n";
        for (size_t i = 0; i < failures.size() && i < 20; ++i)
            ADD_FAILURE() << failures[i];
        EXPECT_EQ(ok, beams.size());
        total += beams.size();
    }
    if (total == 0) GTEST_SKIP() << "no installed beams";
}

// ---- compact terms, on hand-built beams ------------------------------------------------------

TEST(CompactTerms, EveryForm) {
    std::string body;
    // move Src, x0 for several integer forms.
    body += bytes({64, 0x19, 0xff, 0xff, 0x03});  // i -1 (2-byte form)
    body += bytes({64, 0x69, 0xe8, 0x03});        // i 1000 (medium form)
    body += bytes({64, 0x71, 0x03});              // i 7 (small form)
    body += bytes({64, 0xd9, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x03});  // i INT64_MIN (8 bytes)
    body += bytes({64, 0xd9, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x03});  // INT64_MAX
    body += bytes({64, 0xf9, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x03});  // i 2^64 (9 bytes)
    body += bytes({64, 0xf9, 0x00, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                   0x03});  // i -2^63-1
    std::string twenty = bytes({0xf9, 0xb0, 0x40});  // nested length u11 -> 20 bytes
    twenty.append(19, '\0');
    body += char(64) + twenty + char(0x03);
    body += bytes({64, 0x07, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x03});  // old float 1.5
    body += bytes({64, 0x47, 0x00, 0x03});                           // literal 0
    body += bytes({64, 0x02, 0x34});                                 // nil -> y3
    body += bytes({64, 0x0e, 0x41, 0x57, 0x23, 0x70});               // h 65 -> typed x2, type 7
    body += bytes({96, 0x03, 0x27, 0x10});                           // fmove x0, fr1
    body += bytes({59, 0x03, 0x25, 0x17, 0x40, 0x11, 0x25, 0x22, 0x25});  // select_val
    body += bytes({16, 0x37, 0x20, 0x00, 0x30, 0x10, 0x10, 0x10});    // test_heap alloc, 1
    body += bytes({64, 0x32, 0x03});                                  // a3 (ok)
    Result<BeamFile> r = parse_synthetic(body);
    ASSERT_TRUE(r.ok()) << r.error().message;
    std::vector<GenOp> ops = body_of(r.value());
    ASSERT_EQ(ops.size(), 16u);

    EXPECT_EQ(ops[0].args[0].kind, Kind::Integer);
    EXPECT_EQ(ops[0].args[0].value, -1);
    EXPECT_EQ(ops[0].args[1].kind, Kind::XReg);
    EXPECT_EQ(ops[0].args[1].value, 0);
    EXPECT_EQ(ops[1].args[0].value, 1000);
    EXPECT_EQ(ops[2].args[0].value, 7);
    EXPECT_EQ(ops[3].args[0].value, std::numeric_limits<int64_t>::min());
    EXPECT_EQ(ops[4].args[0].kind, Kind::Integer);
    EXPECT_EQ(ops[4].args[0].value, std::numeric_limits<int64_t>::max());
    EXPECT_EQ(ops[5].args[0].kind, Kind::BigInteger);
    EXPECT_EQ(ops[5].args[0].bytes, (std::vector<uint8_t>{0, 0, 0, 0, 0, 0, 0, 0, 1}));
    EXPECT_EQ(ops[6].args[0].kind, Kind::BigInteger);
    EXPECT_EQ(ops[6].args[0].bytes,
              (std::vector<uint8_t>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff}));
    EXPECT_EQ(ops[7].args[0].kind, Kind::BigInteger);
    EXPECT_EQ(ops[7].args[0].bytes.size(), 20u);
    EXPECT_EQ(ops[7].args[0].bytes.back(), 0x40);
    EXPECT_EQ(ops[8].args[0].kind, Kind::Float);
    EXPECT_EQ(ops[8].args[0].fvalue, 1.5);
    EXPECT_EQ(ops[9].args[0].kind, Kind::Literal);
    EXPECT_EQ(ops[9].args[0].value, 0);
    EXPECT_EQ(ops[10].args[0].kind, Kind::Nil);
    EXPECT_EQ(ops[10].args[1].kind, Kind::YReg);
    EXPECT_EQ(ops[10].args[1].value, 3);
    EXPECT_EQ(ops[11].args[0].kind, Kind::Char);
    EXPECT_EQ(ops[11].args[0].value, 65);
    const Operand& typed = ops[11].args[1];
    EXPECT_EQ(typed.kind, Kind::TypedReg);
    EXPECT_EQ(typed.value, 7);
    ASSERT_EQ(typed.list.size(), 1u);
    EXPECT_EQ(typed.list[0].kind, Kind::XReg);
    EXPECT_EQ(typed.list[0].value, 2);
    EXPECT_EQ(ops[12].args[1].kind, Kind::FReg);
    EXPECT_EQ(ops[12].args[1].value, 1);
    const Operand& list = ops[13].args[2];
    EXPECT_EQ(ops[13].args[1].kind, Kind::Label);
    EXPECT_EQ(ops[13].args[1].value, 2);
    ASSERT_EQ(list.kind, Kind::List);
    ASSERT_EQ(list.list.size(), 4u);
    EXPECT_EQ(list.list[0].kind, Kind::Integer);
    EXPECT_EQ(list.list[0].value, 1);
    EXPECT_EQ(list.list[2].kind, Kind::Atom);
    EXPECT_EQ(list.list[2].value, 2);
    const Operand& alloc = ops[14].args[0];
    ASSERT_EQ(alloc.kind, Kind::AllocList);
    ASSERT_EQ(alloc.list.size(), 4u);
    EXPECT_EQ(alloc.list[0].value, 0);
    EXPECT_EQ(alloc.list[1].value, 3);
    EXPECT_EQ(alloc.list[2].value, 1);
    EXPECT_EQ(alloc.list[3].value, 1);
    EXPECT_EQ(ops[14].args[1].kind, Kind::Unsigned);
    EXPECT_EQ(ops[15].args[0].kind, Kind::Atom);
    EXPECT_EQ(r.value().atoms[ops[15].args[0].value], "ok");
    EXPECT_EQ(r.value().literals.at(0), (std::vector<uint8_t>{97, 42}));
}

void expect_error(const Result<BeamFile>& r, const std::string& part) {
    ASSERT_FALSE(r.ok()) << "expected an error containing '" << part << "'";
    EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
}

TEST(CompactTerms, Errors) {
    expect_error(parse_synthetic(bytes({64, 0x42, 0x03})), "t.beam: chunk Code: ");
    expect_error(parse_synthetic(bytes({64, 0x42, 0x03})), "atom index 4 out of range");
    expect_error(parse_synthetic(bytes({64, 0x47, 0x10, 0x03})), "literal index 1 out of range");
    expect_error(parse_synthetic(bytes({61, 0x35})), "label 3 out of range");
    expect_error(parse_synthetic(bytes({1, 0x30})), "label 3 out of range");
    expect_error(parse_synthetic(bytes({0})), "unknown opcode 0");
    expect_error(parse_synthetic(bytes({200})), "unknown opcode 200");
    expect_error(parse_synthetic(bytes({70, 0x10, 0x03})), "deprecated opcode put_tuple");
    expect_error(parse_synthetic(bytes({116})), "please re-compile this module with an "
                                                "Erlang/OTP 25 compiler");
    expect_error(parse_synthetic(bytes({64, 0x17, 0x10, 0x17, 0x00, 0x03})), "nested list");
    expect_error(parse_synthetic(bytes({64, 0x87, 0x03})), "bad extended tag 8");
    expect_error(parse_synthetic(bytes({64, 0x57, 0x10, 0x00, 0x03})), "typed register");
    expect_error(parse_synthetic(bytes({16, 0x37, 0x10, 0x30, 0x10, 0x10})), "allocation kind");
    // A length whose length is nested again.
    expect_error(parse_synthetic(bytes({64, 0xf9, 0xf8, 0xf8, 0xf8, 0x03})), "nested length");
    expect_error(parse_synthetic(bytes({64, 0xf9, 0xf0, 0x03})), "truncated");
    // Negative register numbers, and u numbers past int64.
    expect_error(parse_synthetic(bytes({64, 0x03, 0x1c, 0xff, 0xff})), "bad number");
    expect_error(parse_synthetic(bytes({16, 0xf8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x10})),
                 "bad number");
    // Running off the end of the code.
    std::string no_end = build_beam(
        {{"AtU8", atom_chunk({"t"})}, {"Code", code_chunk(2, 0, bytes({1, 0x10, 64, 0x03}))}});
    expect_error(parse_beam(no_end, "t.beam"), "t.beam: chunk Code: op move: truncated");
    std::string no_icend = build_beam(
        {{"AtU8", atom_chunk({"t"})}, {"Code", code_chunk(2, 0, bytes({1, 0x10}))}});
    expect_error(parse_beam(no_icend, "t.beam"), "int_code_end");
}

TEST(Chunks, Literals) {
    // An uncompressed literal table (size 0) is accepted too.
    Result<BeamFile> raw =
        parse_beam(synthetic("", {{"LitT", literal_chunk({bytes({106})}, true)}}), "t.beam");
    ASSERT_TRUE(raw.ok()) << raw.error().message;
    EXPECT_EQ(raw.value().literals.at(0), std::vector<uint8_t>{106});

    std::string bad_zlib;
    put32(bad_zlib, 100);
    bad_zlib += "not zlib at all";
    expect_error(parse_beam(synthetic("", {{"LitT", bad_zlib}}), "t.beam"),
                 "t.beam: chunk LitT: zlib error");
    std::string huge;
    put32(huge, 0xffffffff);
    huge += "x";
    expect_error(parse_beam(synthetic("", {{"LitT", huge}}), "t.beam"), "out of range");
    std::string no_version;
    for (uint32_t v : {0u, 1u, 1u}) put32(no_version, v);  // uncompressed, 1 literal, 1 byte
    no_version += char(97);
    expect_error(parse_beam(synthetic("", {{"LitT", no_version}}), "t.beam"),
                 "literal 0: missing external format version byte");
}

TEST(Chunks, Atoms) {
    std::string code = code_chunk(2, 0, bytes({1, 0x10, 3}));
    // Old latin-1 Atom chunk: converted to UTF-8.
    Result<BeamFile> latin1 =
        parse_beam(build_beam({{"Atom", atom_chunk({"caf\xe9"})}, {"Code", code}}), "a.beam");
    ASSERT_TRUE(latin1.ok()) << latin1.error().message;
    EXPECT_EQ(latin1.value().module_name, "caf\xc3\xa9");
    // AtU8 must be UTF-8.
    expect_error(parse_beam(build_beam({{"AtU8", atom_chunk({"caf\xe9"})}, {"Code", code}}),
                            "a.beam"),
                 "a.beam: chunk AtU8: atom 1 is not valid UTF-8");
    // AtU8 wins over Atom when both are present.
    Result<BeamFile> both = parse_beam(
        build_beam({{"Atom", atom_chunk({"old"})}, {"AtU8", atom_chunk({"new"})}, {"Code", code}}),
        "a.beam");
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_EQ(both.value().module_name, "new");
    // Compact-term lengths (a negative count), as newer compilers write for long atoms.
    std::string compact;
    put32(compact, uint32_t(-2));
    compact += bytes({0x10}) + "m" + bytes({0x20}) + "ab";
    Result<BeamFile> c = parse_beam(build_beam({{"AtU8", compact}, {"Code", code}}), "a.beam");
    ASSERT_TRUE(c.ok()) << c.error().message;
    EXPECT_EQ(c.value().atoms, (std::vector<std::string>{"", "m", "ab"}));

    expect_error(parse_beam(build_beam({{"AtU8", atom_chunk({})}, {"Code", code}}), "a.beam"),
                 "chunk AtU8: no atoms");
    expect_error(parse_beam(build_beam({{"Code", code}}), "a.beam"), "chunk AtU8: missing");
    expect_error(parse_beam(build_beam({{"AtU8", atom_chunk({"m"})}}), "a.beam"),
                 "chunk Code: missing");
    expect_error(parse_beam(build_beam({{"AtU8", atom_chunk({"m"})}, {"AtU8", atom_chunk({"m"})},
                                        {"Code", code}}),
                            "a.beam"),
                 "chunk AtU8: duplicate chunk");
}

TEST(Chunks, TablesAndLines) {
    std::string code = code_chunk(3, 1, bytes({1, 0x10, 2, 0x12, 0x22, 0x00, 1, 0x20,
                                               153, 0x10, 153, 0x20, 19, 3}));
    std::string imp, exp, loc, fun, line;
    put32(imp, 1);
    for (uint32_t v : {3u, 2u, 1u}) put32(imp, v);
    put32(exp, 1);
    for (uint32_t v : {2u, 0u, 2u}) put32(exp, v);
    put32(loc, 0);
    put32(fun, 1);
    for (uint32_t v : {2u, 1u, 2u, 0u, 1u, 12345u}) put32(fun, v);
    for (uint32_t v : {0u, 0u, 2u, 3u, 1u}) put32(line, v);
    line += bytes({0x11, 0x51, 0x12, 0x71});  // i1, i5, a1, i7
    line += bytes({0, 3}) + "x.h";
    std::vector<RawChunk> chunks = {{"AtU8", atom_chunk({"t", "f", "m"})}, {"Code", code},
                                    {"ImpT", imp}, {"ExpT", exp}, {"LocT", loc}, {"FunT", fun},
                                    {"Line", line}, {"StrT", "abc"}, {"Xtra", "ignored"}};
    Result<BeamFile> r = parse_beam(build_beam(chunks), "t.beam");
    ASSERT_TRUE(r.ok()) << r.error().message;
    const BeamFile& b = r.value();
    ASSERT_EQ(b.imports.size(), 1u);
    EXPECT_EQ(b.imports[0].module, 3u);
    EXPECT_EQ(b.imports[0].function, 2u);
    EXPECT_EQ(b.imports[0].arity, 1u);
    ASSERT_EQ(b.exports.size(), 1u);
    EXPECT_EQ(b.exports[0].label, 2u);
    EXPECT_TRUE(b.locals.empty());
    ASSERT_EQ(b.funs.size(), 1u);
    EXPECT_EQ(b.funs[0].old_uniq, 12345u);
    EXPECT_EQ(b.strings, "abc");
    ASSERT_EQ(b.lines.size(), 4u);
    EXPECT_EQ(b.lines[0].line, 0u);
    EXPECT_EQ(b.lines[1].file, 0u);
    EXPECT_EQ(b.lines[1].line, 1u);
    EXPECT_EQ(b.lines[2].line, 5u);
    EXPECT_EQ(b.lines[3].file, 1u);
    EXPECT_EQ(b.lines[3].line, 7u);
    EXPECT_EQ(b.line_files, (std::vector<std::string>{"t.erl", "x.h"}));

    // Out-of-range indices in each table.
    auto with = [&](const std::string& id, const std::string& data) {
        std::vector<RawChunk> c = chunks;
        for (RawChunk& x : c)
            if (x.id == id) x.data = data;
        return parse_beam(build_beam(c), "t.beam");
    };
    std::string bad_imp;
    put32(bad_imp, 1);
    for (uint32_t v : {4u, 2u, 1u}) put32(bad_imp, v);
    expect_error(with("ImpT", bad_imp), "chunk ImpT: atom index 4 out of range");
    std::string bad_exp;
    put32(bad_exp, 1);
    for (uint32_t v : {2u, 0u, 3u}) put32(bad_exp, v);
    expect_error(with("ExpT", bad_exp), "chunk ExpT: label 3 out of range");
    std::string many;
    put32(many, 0x10000000);
    expect_error(with("LocT", many), "chunk LocT: truncated");
    std::string bad_line = line;
    bad_line[22] = 0x22;  // a2: no such file
    expect_error(with("Line", bad_line), "chunk Line: file index 2 out of range");
    expect_error(with("Line", line.substr(0, 22)), "chunk Line: truncated");
}

TEST(Container, BadHeaders) {
    expect_error(parse_beam("", "e.beam"), "e.beam: chunk FOR1: truncated");
    expect_error(parse_beam("FOR2xxxxBEAM", "e.beam"), "not a BEAM file");
    std::string beam = synthetic("");
    std::string wrong_form = beam;
    wrong_form[8] = 'X';
    expect_error(parse_beam(wrong_form, "e.beam"), "not a BEAM file");
    std::string chunk_too_long = beam;
    chunk_too_long[12 + 4] = 0x7f;  // AtU8 size
    expect_error(parse_beam(chunk_too_long, "e.beam"), "e.beam: chunk AtU8: truncated");
    std::string bad_set = synthetic("");
    // instruction set field of the Code chunk header
    size_t code_at = bad_set.find("Code");
    bad_set[code_at + 8 + 7] = 1;
    expect_error(parse_beam(bad_set, "e.beam"), "unsupported instruction set 1");
    std::string newer = synthetic("");
    newer[code_at + 8 + 11] = char(181);
    expect_error(parse_beam(newer, "e.beam"), "later version");
}

// ---- corrupt real beams ---------------------------------------------------------------------

// proplists.beam without its debug-info chunk: small, and has every chunk the parser reads.
std::string small_real_beam() {
    fs::path path = otp_beam("stdlib", "proplists");
    if (path.empty()) return {};
    std::vector<RawChunk> chunks = split_chunks(read_file(path));
    std::erase_if(chunks, [](const RawChunk& c) { return c.id == "Dbgi"; });
    return build_beam(chunks);
}

TEST(Corrupt, EveryPrefixFails) {
    std::string beam = small_real_beam();
    if (beam.empty()) GTEST_SKIP() << "no proplists.beam";
    ASSERT_TRUE(parse_beam(beam, "p.beam").ok());
    for (size_t n = 0; n < beam.size(); ++n) {
        Result<BeamFile> r = parse_beam(std::string_view(beam).substr(0, n), "p.beam");
        ASSERT_FALSE(r.ok()) << n;
        ASSERT_EQ(r.error().message.rfind("p.beam: chunk ", 0), 0u) << r.error().message;
    }
}

TEST(Corrupt, EveryTruncatedChunkFails) {
    std::string beam = small_real_beam();
    if (beam.empty()) GTEST_SKIP() << "no proplists.beam";
    std::vector<RawChunk> chunks = split_chunks(beam);
    const std::vector<std::string> checked = {"AtU8", "Code", "ImpT", "ExpT", "LocT",
                                              "FunT", "LitT", "Line"};
    size_t variants = 0;
    for (size_t i = 0; i < chunks.size(); ++i) {
        bool must_fail = std::find(checked.begin(), checked.end(), chunks[i].id) != checked.end();
        for (size_t n = 0; n < chunks[i].data.size(); ++n) {
            std::vector<RawChunk> c = chunks;
            c[i].data.resize(n);
            Result<BeamFile> r = parse_beam(build_beam(c), "p.beam");
            ++variants;
            if (must_fail) {
                ASSERT_FALSE(r.ok()) << chunks[i].id << " cut to " << n;
                ASSERT_NE(r.error().message.find("chunk " + chunks[i].id), std::string::npos)
                    << r.error().message;
            }
        }
    }
    EXPECT_GT(variants, 1000u);
}

TEST(Corrupt, RandomByteFlips) {
    std::string beam = small_real_beam();
    if (beam.empty()) GTEST_SKIP() << "no proplists.beam";
    std::mt19937 rng(12345);
    size_t failures = 0;
    const int rounds = 4000;
    for (int round = 0; round < rounds; ++round) {
        std::string m = beam;
        int flips = 1 + int(rng() % 4);
        for (int k = 0; k < flips; ++k) m[rng() % m.size()] ^= char(1 + rng() % 255);
        Result<BeamFile> r = parse_beam(m, "p.beam");
        if (!r.ok()) ++failures;
    }
    // Flips in raw chunks (Attr, CInf, Type...) still parse; most others are caught.
    EXPECT_GT(failures, 0u);
    std::cout << "[ flips    ] " << failures << " of " << rounds << " mutants rejected\n";
}

TEST(Corrupt, RandomCodeBytes) {
    // Random instruction streams through the compact-term decoder.
    std::mt19937 rng(99);
    for (int round = 0; round < 20000; ++round) {
        std::string body;
        size_t len = rng() % 24;
        for (size_t i = 0; i < len; ++i) body += char(rng() % 256);
        (void)parse_synthetic(body);
    }
}

} // namespace
} // namespace joist::loader
