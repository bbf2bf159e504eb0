// What loaded code is: threaded instruction words, export entries, fun entries, and the
// tables that map code addresses back to {Module, Function, Arity} and source lines.
//
// Instruction words (direct threading): each instruction is a handler address followed by
// its operands, all decoded at load time:
//   [handler][operand]...
// A source operand word is either a term (any tag but 00: immediates, or boxed/list pointers
// into the module's literal area) or a register reference with tag 00:
//   x register N:  N << 3 | 0b000        y register N:  N << 3 | 0b100
// Labels are absolute Instr* addresses; imports are Export*; BIFs are BifFn.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bif/bif.h"
#include "term/term.h"

namespace joist {

using Instr = uint64_t;
struct Module;

// An exported function {M, F, A}. `address` is where calls go: the function's code when its
// module is loaded, else this entry's own trampoline (which loads the module, or raises undef,
// or calls the BIF).
struct Export {
    Term module, function;
    uint32_t arity = 0;
    std::atomic<Instr*> address{nullptr};
    BifFn bif = nullptr;  // native implementation, if any
    uint32_t trap_args = 0;  // a trap export's x registers, if more than its arity (vm.h)
    Instr trampoline[3] = {0, 0, 0};  // [handler, this export, unused]
};

// A fun defined in a module (FunT chunk): make_fun creates closures pointing here.
struct FunEntry {
    Module* module = nullptr;
    Term function;            // the compiler's name for it ('-main/0-fun-0-')
    uint32_t arity = 0;       // arity of the code (includes free variables)
    uint32_t num_free = 0;
    uint32_t index = 0;       // index in the module's FunT
    uint32_t old_uniq = 0;
    Instr* address = nullptr;
};

// A closure's creator (the process that ran make_fun), after its num_free env words; erl's
// fun_info(F, pid) reports it, and the external format carries it.
inline Term fun_creator(Term fun) {
    const Term* box = fun.boxed_ptr();
    return box[2 + reinterpret_cast<const FunEntry*>(box[1].raw)->num_free];
}

struct FunctionInfo {     // one function's code range, for stack traces
    uint32_t start;       // code offset of its first instruction (after func_info)
    Term name;
    uint32_t arity;
};

struct LineInfo {         // `line` instruction at a code offset
    uint32_t offset;
    uint32_t line;
    uint32_t file;        // index into Module::files
};

struct Module {
    Term name;
    std::unique_ptr<Instr[]> code;
    size_t code_size = 0;
    std::unique_ptr<Term[]> literals;  // literal area (never collected, never copied)
    size_t literal_words = 0;
    std::vector<std::unique_ptr<Term[]>> extra_literals;  // bignum/float operands of instructions
    std::vector<Export*> exports;
    // The built-in NIFs (bif/nif.def) that replace stubs of this module: entries of their own
    // (not in the export table), which the call_nif at each such function's entry names.
    std::vector<std::unique_ptr<Export>> nif_entries;
    std::vector<Instr*> export_addresses;  // where each of `exports` enters this code
    std::vector<std::unique_ptr<FunEntry>> funs;
    std::vector<FunctionInfo> functions;  // sorted by start
    std::vector<LineInfo> lines;          // sorted by offset
    std::vector<std::string> files;       // files[0] is the module's own source file
    Term attributes = Term::nil();        // decoded Attr chunk (in the literal area)
    Term compile_info = Term::nil();
    uint8_t md5[16] = {};

    bool contains(const Instr* p) const { return p >= code.get() && p < code.get() + code_size; }
    const FunctionInfo* function_at(const Instr* p) const;
    const LineInfo* line_at(const Instr* p) const;
};

} // namespace joist
