// BIFs of module re over PCRE 8 (Debian's libpcre3, the library family erl bundles):
// compile/1,2, run/2,3, internal_run/4, inspect/2, version/0. As in erl, the BIFs handle
// byte-oriented matching themselves and continue in re.erl's Erlang code (a trap: the call
// goes on as a call of that function) where erl's do: re:grun/3 for global matching,
// re:urun/3 for unicode subjects that are not binaries (or captures as lists), re:ucompile/2
// for unicode patterns that are not binaries.
//
// A compiled pattern is {re_pattern, Groups, Unicode, UseCRLF, Bin} as in erl, but Bin is
// joist's own: a magic word, the PCRE compile options and the pattern text. Running it
// compiles that text again (through a per-thread cache of compiled patterns), so a binary
// made by hand can at worst fail to compile: it is never handed to PCRE as code. A pattern
// compiled by erl (PCRE's code bytes) is badarg here.
//
// Character tables are Latin-1's, as erl's bundled PCRE uses (\w, caseless and the POSIX
// classes know the Latin-1 letters without unicode). PCRE recurses on the C stack: the
// recursion limit of every match is capped by the stack left to the calling thread; a match
// that needs more runs again on a thread with a 512 MB stack, and past that ends in nomatch
// ({error, match_limit_recursion} with report_errors) where erl, recursing on its heap, goes
// on to its limit of 10 million.
//
// Where Debian's PCRE (8.39) differs from erl's (8.44): re:version/0 says 8.39; parentheses
// nest at most 250 deep (erl: 10000), deeper is "parentheses are too deeply nested"; a
// match runs to completion without yielding (re_loop_limit is kept but steers nothing).
// The 8.40-8.43 fixes that erl's tests notice are worked around below (the start-up
// optimizations for patterns that begin with an assertion or use subroutine calls, and a
// comment between a quantifier and + or ?).
#include <pcre.h>
#include <pthread.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "code/module.h"
#include "gc/build.h"
#include "gc/off_heap.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "vm/vm.h"

namespace joist {

using namespace binbif;

namespace {

Term atom(std::string_view text) { return atoms().intern(text); }

struct ReAtoms {
    Term re = atom("re"), re_pattern = atom("re_pattern"), match = atom("match"),
         nomatch = atom("nomatch"), match_limit = atom("match_limit"),
         match_limit_recursion = atom("match_limit_recursion"), compile = atom("compile"),
         capture = atom("capture"), offset = atom("offset"), newline = atom("newline"),
         cr = atom("cr"), crlf = atom("crlf"), lf = atom("lf"), anycrlf = atom("anycrlf"),
         any = atom("any"), anchored = atom("anchored"), notempty = atom("notempty"),
         notempty_atstart = atom("notempty_atstart"), notbol = atom("notbol"),
         noteol = atom("noteol"), no_start_optimize = atom("no_start_optimize"),
         caseless = atom("caseless"), dollar_endonly = atom("dollar_endonly"),
         dotall = atom("dotall"), extended = atom("extended"), firstline = atom("firstline"),
         multiline = atom("multiline"), no_auto_capture = atom("no_auto_capture"),
         dupnames = atom("dupnames"), ungreedy = atom("ungreedy"), ucp = atom("ucp"),
         never_utf = atom("never_utf"), report_errors = atom("report_errors"),
         unicode = atom("unicode"), global = atom("global"), bsr_anycrlf = atom("bsr_anycrlf"),
         bsr_unicode = atom("bsr_unicode"), index = atom("index"), list = atom("list"),
         binary = atom("binary"), all = atom("all"), none = atom("none"),
         all_but_first = atom("all_but_first"), first = atom("first"),
         all_names = atom("all_names"), namelist = atom("namelist"), badopt = atom("badopt"),
         grun = atom("grun"), urun = atom("urun"), ucompile = atom("ucompile"),
         internal_error = atom("internal_error");
};

const ReAtoms& ra() {
    static const ReAtoms a;
    return a;
}

// ---- character tables: Latin-1 (ISO 8859-1) ----

// PCRE's table layout (pcre_maketables): lower-casing, case-flipping, the class bitmaps
// (space, xdigit, digit, upper, lower, word, graph, print, punct, cntrl: 32 bytes each) and
// the character-type bytes.
constexpr size_t kLccOffset = 0, kFccOffset = 256, kCbitsOffset = 512, kCtypesOffset = 832,
                 kTablesLength = 1088;
enum : unsigned {
    kCbitSpace = 0, kCbitXdigit = 32, kCbitDigit = 64, kCbitUpper = 96, kCbitLower = 128,
    kCbitWord = 160, kCbitGraph = 192, kCbitPrint = 224, kCbitPunct = 256, kCbitCntrl = 288
};
enum : uint8_t {
    kCtypeSpace = 0x01, kCtypeLetter = 0x02, kCtypeDigit = 0x04, kCtypeXdigit = 0x08,
    kCtypeWord = 0x10, kCtypeMeta = 0x80
};

bool l1_upper(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool l1_lower(unsigned c) {
    return (c >= 'a' && c <= 'z') || c == 0xAA || c == 0xB5 || c == 0xBA ||
           (c >= 0xDF && c != 0xF7);
}
bool l1_alpha(unsigned c) { return l1_upper(c) || l1_lower(c); }
bool l1_digit(unsigned c) { return c >= '0' && c <= '9'; }
bool l1_xdigit(unsigned c) {
    return l1_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool l1_space(unsigned c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
bool l1_cntrl(unsigned c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }
bool l1_print(unsigned c) { return !l1_cntrl(c); }
bool l1_graph(unsigned c) { return l1_print(c) && c != ' '; }
bool l1_punct(unsigned c) { return l1_graph(c) && !l1_alpha(c) && !l1_digit(c); }
// The letters with a case partner in Latin-1 (ß, ÿ, ª, µ and º have none within it).
unsigned l1_tolower(unsigned c) { return l1_upper(c) ? c + 32 : c; }
unsigned l1_toupper(unsigned c) {
    return ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) ? c - 32 : c;
}

const unsigned char* latin1_tables() {
    static const std::array<unsigned char, kTablesLength> tables = [] {
        std::array<unsigned char, kTablesLength> t{};
        for (unsigned c = 0; c < 256; ++c) {
            t[kLccOffset + c] = uint8_t(l1_tolower(c));
            t[kFccOffset + c] = uint8_t(l1_lower(c) ? l1_toupper(c) : l1_tolower(c));
            auto set = [&](unsigned cls, bool on) {
                if (on) t[kCbitsOffset + cls + c / 8] |= uint8_t(1u << (c % 8));
            };
            set(kCbitSpace, l1_space(c));
            set(kCbitXdigit, l1_xdigit(c));
            set(kCbitDigit, l1_digit(c));
            set(kCbitUpper, l1_upper(c));
            set(kCbitLower, l1_lower(c));
            set(kCbitWord, l1_alpha(c) || l1_digit(c) || c == '_');
            set(kCbitGraph, l1_graph(c));
            set(kCbitPrint, l1_print(c));
            set(kCbitPunct, l1_punct(c));
            set(kCbitCntrl, l1_cntrl(c));
            uint8_t type = 0;
            if (l1_space(c)) type |= kCtypeSpace;
            if (l1_alpha(c)) type |= kCtypeLetter;
            if (l1_digit(c)) type |= kCtypeDigit;
            if (l1_xdigit(c)) type |= kCtypeXdigit;
            if (l1_alpha(c) || l1_digit(c) || c == '_') type |= kCtypeWord;
            if (c != 0 && std::strchr("\\*+?{^.$|()[", int(c))) type |= kCtypeMeta;
            t[kCtypesOffset + c] = type;
        }
        return t;
    }();
    return tables.data();
}

// ---- options ----

enum : int {
    kUniqueCompileOpt = 1,
    kUniqueExecOpt = 2,
    kUnicode = 4,
    kStartOffset = 8,
    kCaptureOpt = 16,
    kGlobal = 32,
    kReportErrors = 64,
    kMatchLimit = 128,
    kMatchLimitRecursion = 256,
};

struct Options {
    int compile = 0;  // PCRE compile options
    int exec = 0;     // PCRE exec options
    int flags = 0;    // k* above
    int offset = 0;
    int match_limit = 0;
    int match_limit_recursion = 0;
    Term cap_values = Term::nil();
    Term cap_type = Term::nil();
};

// A non-negative small integer that fits a C int.
bool to_int(Term t, int& out) {
    if (!t.is_small()) return false;
    int64_t v = t.small_value();
    if (v < 0 || v > INT_MAX) return false;
    out = int(v);
    return true;
}

// erl's option list for compile, run and internal_run (false: badopt).
bool parse_options(Term list, Options& o) {
    const ReAtoms& a = ra();
    for (; list.is_list(); list = list.tail()) {
        Term item = list.head();
        if (item.is_tuple()) {
            uint64_t arity = item.tuple_arity();
            if (arity != 2 || !item.tuple_elem(0).is_atom()) {
                if (arity == 3 && item.tuple_elem(0) == a.capture) {
                    o.cap_values = item.tuple_elem(1);
                    o.cap_type = item.tuple_elem(2);
                    o.flags |= kCaptureOpt | kUniqueExecOpt;
                    continue;
                }
                return false;
            }
            Term key = item.tuple_elem(0), val = item.tuple_elem(1);
            if (key == a.capture) {
                o.cap_values = val;
                o.cap_type = a.index;
                o.flags |= kCaptureOpt | kUniqueExecOpt;
            } else if (key == a.offset) {
                if (!to_int(val, o.offset)) return false;
                o.flags |= kUniqueExecOpt | kStartOffset;
            } else if (key == a.match_limit) {
                if (!to_int(val, o.match_limit)) return false;
                o.flags |= kUniqueExecOpt | kMatchLimit;
            } else if (key == a.match_limit_recursion) {
                if (!to_int(val, o.match_limit_recursion)) return false;
                o.flags |= kUniqueExecOpt | kMatchLimitRecursion;
            } else if (key == a.newline) {
                int nl;
                if (val == a.cr) {
                    nl = PCRE_NEWLINE_CR;
                } else if (val == a.crlf) {
                    nl = PCRE_NEWLINE_CRLF;
                } else if (val == a.lf) {
                    nl = PCRE_NEWLINE_LF;
                } else if (val == a.anycrlf) {
                    nl = PCRE_NEWLINE_ANYCRLF;
                } else if (val == a.any) {
                    nl = PCRE_NEWLINE_ANY;
                } else {
                    return false;
                }
                o.compile |= nl;
                o.exec |= nl;
            } else {
                return false;
            }
            continue;
        }
        if (!item.is_atom()) return false;
        struct Flag {
            Term name;
            int compile, exec, flags;
        };
        const Flag table[] = {
            {a.anchored, PCRE_ANCHORED, PCRE_ANCHORED, 0},
            {a.notempty, 0, PCRE_NOTEMPTY, kUniqueExecOpt},
            {a.notempty_atstart, 0, PCRE_NOTEMPTY_ATSTART, kUniqueExecOpt},
            {a.notbol, 0, PCRE_NOTBOL, kUniqueExecOpt},
            {a.noteol, 0, PCRE_NOTEOL, kUniqueExecOpt},
            {a.no_start_optimize, PCRE_NO_START_OPTIMIZE, 0, kUniqueCompileOpt},
            {a.caseless, PCRE_CASELESS, 0, kUniqueCompileOpt},
            {a.dollar_endonly, PCRE_DOLLAR_ENDONLY, 0, kUniqueCompileOpt},
            {a.dotall, PCRE_DOTALL, 0, kUniqueCompileOpt},
            {a.extended, PCRE_EXTENDED, 0, kUniqueCompileOpt},
            {a.firstline, PCRE_FIRSTLINE, 0, kUniqueCompileOpt},
            {a.multiline, PCRE_MULTILINE, 0, kUniqueCompileOpt},
            {a.no_auto_capture, PCRE_NO_AUTO_CAPTURE, 0, kUniqueCompileOpt},
            {a.dupnames, PCRE_DUPNAMES, 0, kUniqueCompileOpt},
            {a.ungreedy, PCRE_UNGREEDY, 0, kUniqueCompileOpt},
            {a.ucp, PCRE_UCP, 0, kUniqueCompileOpt},
            {a.never_utf, PCRE_NEVER_UTF, 0, kUniqueCompileOpt},
            {a.report_errors, 0, 0, kUniqueExecOpt | kReportErrors},
            {a.unicode, PCRE_UTF8, 0, kUniqueCompileOpt | kUnicode},
            {a.global, 0, 0, kUniqueExecOpt | kGlobal},
            {a.bsr_anycrlf, PCRE_BSR_ANYCRLF, PCRE_BSR_ANYCRLF, 0},
            {a.bsr_unicode, PCRE_BSR_UNICODE, PCRE_BSR_UNICODE, 0},
        };
        bool known = false;
        for (const Flag& f : table) {
            if (item == f.name) {
                o.compile |= f.compile;
                o.exec |= f.exec;
                o.flags |= f.flags;
                known = true;
                break;
            }
        }
        if (!known) return false;
    }
    return list.is_nil();
}

Term badopt(Process& p) {
    p.badarg();
    p.exc_cause = ra().badopt;
    return Term::none();
}

// ---- compiled patterns ----

// The binary of a compiled pattern: kMagic, the compile options (4 bytes, little-endian),
// then the pattern text (up to its first NUL, where PCRE's compile stops reading).
constexpr char kMagic[4] = {'J', 'R', 'E', '1'};
// The compile options parse_options can give: a binary with others was not made by joist.
constexpr uint32_t kCompileOptionMask =
    PCRE_ANCHORED | PCRE_NO_START_OPTIMIZE | PCRE_CASELESS | PCRE_DOLLAR_ENDONLY | PCRE_DOTALL |
    PCRE_EXTENDED | PCRE_FIRSTLINE | PCRE_MULTILINE | PCRE_NO_AUTO_CAPTURE | PCRE_DUPNAMES |
    PCRE_UNGREEDY | PCRE_UCP | PCRE_NEVER_UTF | PCRE_UTF8 | PCRE_BSR_ANYCRLF | PCRE_BSR_UNICODE |
    PCRE_NEWLINE_CR | PCRE_NEWLINE_LF | PCRE_NEWLINE_CRLF | PCRE_NEWLINE_ANY |
    PCRE_NEWLINE_ANYCRLF;
constexpr size_t kHeader = 8;

std::string pattern_key(int options, std::string_view text) {
    text = text.substr(0, std::min(text.size(), text.find('\0')));
    std::string key(kMagic, sizeof kMagic);
    for (int i = 0; i < 4; ++i) key += char((unsigned(options) >> (8 * i)) & 0xFF);
    key.append(text);
    return key;
}

struct Compiled {
    pcre* code = nullptr;
    int capture_count = 0;
    unsigned long options = 0;  // PCRE_INFO_OPTIONS: compile options, in-pattern ones too
    Compiled() = default;
    Compiled(const Compiled&) = delete;
    Compiled& operator=(const Compiled&) = delete;
    ~Compiled() {
        if (code) pcre_free(code);
    }
    bool utf() const { return (options & PCRE_UTF8) != 0; }
    bool dupnames() const { return (options & PCRE_DUPNAMES) != 0; }
    bool use_crlf() const {
        unsigned long nl = options & (PCRE_NEWLINE_CR | PCRE_NEWLINE_LF | PCRE_NEWLINE_CRLF |
                                      PCRE_NEWLINE_ANY | PCRE_NEWLINE_ANYCRLF);
        return nl == PCRE_NEWLINE_ANY || nl == PCRE_NEWLINE_CRLF || nl == PCRE_NEWLINE_ANYCRLF;
    }
};

struct CompileError {
    std::string message;
    int offset = 0;
};

// PCRE before 8.40 mis-optimizes the start of a match for patterns that begin with a
// lookaround assertion: (?=.*X)X$ is taken to need two X's, and an assertion starting with .*
// to confine matches to line starts, so "  Fred" gets no match for (?=.*[A-Z]). erl's 8.44
// has the fix; for such patterns joist compiles without the start-up optimizations, which
// finds the same matches. True if `s`, past its start-of-pattern settings ((*UTF8), (*CRLF),
// ...), group openings and option settings, begins with an assertion.
bool starts_with_assertion(std::string_view s) {
    static constexpr std::string_view kSettings[] = {
        "UTF8)", "UTF)", "UCP)", "CR)", "LF)", "CRLF)", "ANYCRLF)", "ANY)", "BSR_ANYCRLF)",
        "BSR_UNICODE)", "NO_START_OPT)", "NO_AUTO_POSSESS)", "LIMIT_MATCH=", "LIMIT_RECURSION="};
    size_t i = 0;
    auto at = [&](std::string_view prefix) { return s.substr(i).starts_with(prefix); };
    while (i < s.size()) {
        if (at("(*")) {
            bool setting = false;
            for (std::string_view k : kSettings) {
                if (s.substr(i + 2).starts_with(k)) setting = true;
            }
            size_t close = s.find(')', i);
            if (!setting || close == std::string_view::npos) return false;
            i = close + 1;
        } else if (at("(?=") || at("(?!") || at("(?<=") || at("(?<!")) {
            return true;
        } else if (at("(?:") || at("(?|") || at("(?>")) {
            i += 3;
        } else if (at("(?<") || at("(?P<") || at("(?'")) {  // a named group
            size_t close = s.find_first_of(">'", i + 3);
            if (close == std::string_view::npos) return false;
            i = close + 1;
        } else if (at("(?")) {  // option settings: (?i) or (?i:
            size_t j = i + 2;
            while (j < s.size() && std::strchr("imsxJUX-", s[j]) && s[j] != '\0') ++j;
            if (j >= s.size() || (s[j] != ')' && s[j] != ':')) return false;
            i = j + 1;
        } else if (s[i] == '(') {
            ++i;
        } else {
            return false;
        }
    }
    return false;
}

// PCRE before 8.41 rejects a (?#comment) between a quantifier and a following + or ?
// (X+(?#c)?: "nothing to repeat"); erl's 8.44 ignores it. Such comments are dropped from the
// text PCRE compiles; `removed` gets (offset in the result, length) of each, to map error
// offsets back. Escapes, \Q...\E and character classes are skipped over as PCRE reads them.
std::string drop_quantifier_comments(std::string_view s, std::vector<std::pair<size_t, size_t>>& removed) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    bool in_class = false;
    while (i < s.size()) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            if (s[i + 1] == 'Q') {  // literal up to \E
                size_t e = s.find("\\E", i + 2);
                size_t end = e == std::string_view::npos ? s.size() : e + 2;
                out.append(s.substr(i, end - i));
                i = end;
                continue;
            }
            out.append(s.substr(i, 2));
            i += 2;
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            out += c;
            ++i;
            continue;
        }
        if (c == '[') {
            in_class = true;
            out += c;
            ++i;
            if (i < s.size() && s[i] == '^') out += s[i++];
            if (i < s.size() && s[i] == ']') out += s[i++];  // a leading ] is literal
            continue;
        }
        if (s.substr(i).starts_with("(?#")) {
            size_t close = s.find(')', i);
            if (close == std::string_view::npos) break;  // PCRE reports the missing )
            char before = out.empty() ? '\0' : out.back();
            char after = close + 1 < s.size() ? s[close + 1] : '\0';
            if (std::strchr("*+?}", before) && before != '\0' && (after == '+' || after == '?')) {
                removed.emplace_back(out.size(), close + 1 - i);
                i = close + 1;
                continue;
            }
            out.append(s.substr(i, close + 1 - i));
            i = close + 1;
            continue;
        }
        out += c;
        ++i;
    }
    out.append(s.substr(std::min(i, s.size())));
    return out;
}

// PCRE before 8.43 could record a wrong first character for a pattern that starts with a
// subroutine call repeated zero or more times ((?(DEFINE)(?<w>\w+))(?&w)*\. expected "."
// first). True if the text has a subroutine call anywhere (a cheap, generous test).
bool has_subroutine_call(std::string_view s) {
    static constexpr std::string_view kCalls[] = {"(?&", "(?P>", "(?R)", "(?+", "\\g<", "\\g'"};
    for (std::string_view k : kCalls)
        if (s.find(k) != std::string_view::npos) return true;
    for (size_t i = s.find("(?"); i != std::string_view::npos; i = s.find("(?", i + 1)) {
        size_t j = i + 2;
        if (j < s.size() && s[j] == '-') ++j;
        if (j < s.size() && s[j] >= '0' && s[j] <= '9') return true;
    }
    return false;
}

// A backtracking control verb ((*COMMIT), (*PRUNE), ...), whose outcome may depend on where
// matching is tried: with one, the start-up optimizations are left on.
bool has_backtracking_verb(std::string_view s) {
    static constexpr std::string_view kVerbs[] = {"(*ACCEPT", "(*COMMIT", "(*PRUNE", "(*SKIP",
                                                  "(*THEN", "(*FAIL", "(*F)", "(*MARK", "(*:"};
    for (std::string_view k : kVerbs)
        if (s.find(k) != std::string_view::npos) return true;
    return false;
}

// Whether to compile without the start-up optimizations to avoid the bugs above.
bool avoid_start_optimizations(std::string_view s) {
    return (starts_with_assertion(s) || has_subroutine_call(s)) && !has_backtracking_verb(s);
}

// Compiled patterns by key, per thread (a pattern is compiled again on another scheduler).
// Emptied when full; an entry lives at least until the next compilation on its thread.
constexpr size_t kCacheEntries = 256;
thread_local std::unordered_map<std::string, std::unique_ptr<Compiled>> t_cache;

const Compiled* compile_key(const std::string& key, CompileError* err) {
    if (auto it = t_cache.find(key); it != t_cache.end()) return it->second.get();
    int options = 0;
    for (int i = 0; i < 4; ++i) options |= int(uint8_t(key[4 + size_t(i)])) << (8 * i);
    std::string text = key.substr(kHeader);  // NUL-terminated by std::string
    int code = 0, offset = 0;
    const char* message = "";
    int pcre_options = options;
    if (avoid_start_optimizations(text)) pcre_options |= PCRE_NO_START_OPTIMIZE;
    std::vector<std::pair<size_t, size_t>> removed;
    if (text.find("(?#") != std::string::npos) text = drop_quantifier_comments(text, removed);
    pcre* re =
        pcre_compile2(text.c_str(), pcre_options, &code, &message, &offset, latin1_tables());
    if (!re) {
        if (err) {
            err->message = message ? message : "";
            size_t original = size_t(std::max(offset, 0));
            for (const auto& [at, len] : removed)
                if (at <= size_t(std::max(offset, 0))) original += len;
            err->offset = int(original);
        }
        return nullptr;
    }
    auto c = std::make_unique<Compiled>();
    c->code = re;
    pcre_fullinfo(re, nullptr, PCRE_INFO_CAPTURECOUNT, &c->capture_count);
    pcre_fullinfo(re, nullptr, PCRE_INFO_OPTIONS, &c->options);
    if (t_cache.size() >= kCacheEntries) t_cache.clear();
    return t_cache.emplace(key, std::move(c)).first->second.get();
}

// {re_pattern, Groups, Unicode, UseCRLF, Bin}.
Term pattern_term(Process& p, const std::string& key, const Compiled& c, bool unicode) {
    return gc::make_tuple_of(p.heap, ra().re_pattern, Term::small(c.capture_count),
                             Term::small(unicode ? 1 : 0), Term::small(c.use_crlf() ? 1 : 0),
                             make_binary_from(p.heap, key));
}

// {Message, Offset} with the message as a list of its bytes.
Term error_term(Process& p, const CompileError& e) {
    return gc::make_tuple_of(p.heap, gc::make_byte_list(p.heap, e.message),
                             Term::small(e.offset));
}

// The parts of {re_pattern, N, U, C, Bin} that erl checks: the tag, three small integers
// and a binary.
bool is_pattern_tuple(Term t) {
    if (!t.is_tuple() || t.tuple_arity() != 5) return false;
    return t.tuple_elem(0) == ra().re_pattern && t.tuple_elem(1).is_small() &&
           t.tuple_elem(2).is_small() && t.tuple_elem(3).is_small() &&
           t.tuple_elem(4).is_binary_any();
}

// The compiled form of a pattern tuple's binary; nullptr if it is not one of joist's or does
// not compile.
const Compiled* pattern_of(Term tuple) {
    BitView v;
    if (!binary_view(tuple.tuple_elem(4), v) || v.byte_size() < kHeader) return nullptr;
    std::string key;
    key.resize(v.byte_size());
    for (size_t i = 0; i < key.size(); ++i) key[i] = char(v.byte_at(i));
    if (std::memcmp(key.data(), kMagic, sizeof kMagic) != 0) return nullptr;
    if (key.find('\0', kHeader) != std::string::npos) return nullptr;  // not made by joist
    uint32_t options = 0;
    for (int i = 0; i < 4; ++i) options |= uint32_t(uint8_t(key[4 + size_t(i)])) << (8 * i);
    if (options & ~kCompileOptionMask) return nullptr;  // (PCRE_NO_UTF8_CHECK, ...)
    return compile_key(key, nullptr);
}

// The name table: (group number, name) in PCRE's order (sorted by name).
struct NameEntry {
    int group;
    const char* name;
};
std::vector<NameEntry> name_table(const Compiled& c) {
    int count = 0, entry_size = 0;
    unsigned char* table = nullptr;
    std::vector<NameEntry> out;
    if (pcre_fullinfo(c.code, nullptr, PCRE_INFO_NAMECOUNT, &count) != 0 || count <= 0)
        return out;
    pcre_fullinfo(c.code, nullptr, PCRE_INFO_NAMEENTRYSIZE, &entry_size);
    pcre_fullinfo(c.code, nullptr, PCRE_INFO_NAMETABLE, &table);
    for (int i = 0; i < count; ++i) {
        const unsigned char* e = table + size_t(i) * size_t(entry_size);
        out.push_back({(int(e[0]) << 8) | int(e[1]), reinterpret_cast<const char*>(e + 2)});
    }
    return out;
}

// ---- traps into re.erl ----

Export* re_export(Process& p, Term function, uint32_t arity) {
    return p.vm->export_entry(ra().re, function, arity);
}

// ---- what to return (the capture option) ----

enum class RetType { Index, String, Bin, None };

struct ReturnInfo {
    RetType type = RetType::Index;
    // 0: all groups, -1: all but the first, > 0: the groups in v. In v, a value -n < -1
    // stands for a name given to n groups (dupnames): the n group numbers follow it, and
    // the first of them that matched is the one returned.
    int num_spec = 0;
    std::vector<int> v;
};

// One name of a capture list into ri.v.
void capture_name(const Compiled& c, ReturnInfo& ri, const char* name) {
    if (c.dupnames()) {
        char* first = nullptr;
        char* last = nullptr;
        int esize = pcre_get_stringtable_entries(c.code, name, &first, &last);
        if (esize == PCRE_ERROR_NOSUBSTRING) {
            ri.v.push_back(-1);
        } else if (first == last) {
            auto e = reinterpret_cast<const unsigned char*>(first);
            ri.v.push_back((int(e[0]) << 8) | int(e[1]));
        } else {
            int n = int((last - first) / esize) + 1;
            ri.v.push_back(-n);
            for (int i = 0; i < n; ++i) {
                auto e = reinterpret_cast<const unsigned char*>(first + i * esize);
                ri.v.push_back((int(e[0]) << 8) | int(e[1]));
            }
        }
    } else {
        int n = pcre_get_stringnumber(c.code, name);
        ri.v.push_back(n == PCRE_ERROR_NOSUBSTRING ? -1 : n);
    }
}

bool build_capture(const Options& o, const Compiled& c, ReturnInfo& ri) {
    const ReAtoms& a = ra();
    if (o.cap_type == a.index) {
        ri.type = RetType::Index;
    } else if (o.cap_type == a.list) {
        ri.type = RetType::String;
    } else if (o.cap_type == a.binary) {
        ri.type = RetType::Bin;
    } else {
        return false;
    }
    Term values = o.cap_values;
    if (values == a.all) {
        ri.num_spec = 0;
    } else if (values == a.none || values.is_nil()) {
        ri.num_spec = 0;
        ri.type = RetType::None;
    } else if (values == a.all_but_first) {
        ri.num_spec = -1;
    } else if (values == a.first) {
        ri.v.push_back(0);
    } else if (values == a.all_names) {
        std::vector<NameEntry> names = name_table(c);
        if (names.empty()) {
            ri.type = RetType::None;
            return true;
        }
        const char* last = nullptr;
        for (const NameEntry& e : names) {
            if (!last || !c.dupnames() || std::strcmp(last, e.name) != 0) {
                if (c.dupnames()) {
                    capture_name(c, ri, e.name);
                } else {
                    ri.v.push_back(e.group);
                }
            }
            last = e.name;
        }
    } else if (values.is_list()) {
        Term l = values;
        for (; l.is_list(); l = l.tail()) {
            Term val = l.head();
            int n;
            if (to_int(val, n)) {
                ri.v.push_back(n);
                continue;
            }
            std::string name;
            if (val.is_atom()) {
                name = std::string(atoms().name(val));
            } else if (val.is_binary_any() || val.is_list() || val.is_nil()) {
                BitWriter w;
                if (!flatten_iolist(val, w, true, false)) return false;
                name = w.bytes;
            } else {
                return false;
            }
            capture_name(c, ri, name.c_str());
        }
        if (!l.is_nil()) return false;
    } else {
        return false;
    }
    if (ri.type != RetType::None && ri.num_spec == 0 && !ri.v.empty())
        ri.num_spec = int(ri.v.size());
    return true;
}

// The subject's bytes: a binary's in place when byte-aligned, else a flattened copy.
struct Subject {
    const uint8_t* bytes = nullptr;
    size_t size = 0;
    std::string copy;
    bool in_binary = false;  // a byte-aligned binary over 64 bytes: captures share it
    Term base = Term::nil();  // what binary captures are parts of (set by build_match)
};

// True if the binary's bytes are the used part of a bigger buffer (a binary being built by
// appending). erl shrinks such a buffer to its contents before making parts of it.
bool has_spare_room(Term bin) {
    const Term* box = bin.boxed_ptr();
    if (box->header_subtag() == Subtag::SubBin) box = box[4].boxed_ptr();
    if (box->header_subtag() != Subtag::RefcBin) return false;
    return gc::refc_bin_block(box)->size != size_t(box[1].raw);
}

bool get_subject(Term t, Subject& s) {
    BitView v;
    if (binary_view(t, v) && v.bit_offset == 0) {
        s.bytes = v.bytes;
        s.size = v.byte_size();
        s.in_binary = s.size > 64;  // erl copies the parts of smaller ones
        return true;
    }
    BitWriter w;
    if (!flatten_iolist(t, w, true, false)) return false;
    s.copy = std::move(w.bytes);
    s.bytes = reinterpret_cast<const uint8_t*>(s.copy.data());
    s.size = s.copy.size();
    return true;
}

// One captured part as the return type asks (start < 0: an unset group).
Term capture_value(Process& p, RetType type, const Subject& s, Term subject, int start, int end) {
    if (type == RetType::Index) {
        return gc::make_tuple_of(p.heap, Term::small(start), Term::small(end - start));
    }
    size_t from = start < 0 ? 0 : size_t(start);
    size_t len = start < 0 ? 0 : size_t(end - start);
    if (type == RetType::String) {
        return gc::make_byte_list(
            p.heap, std::string_view(reinterpret_cast<const char*>(s.bytes) + from, len));
    }
    if (s.in_binary) return make_part(p.heap, s.base, 8 * from, 8 * len, false);
    return make_binary_from(p.heap,
                            std::string_view(reinterpret_cast<const char*>(s.bytes) + from, len));
}

Term build_match(Process& p, int rc, const std::vector<int>& ov, const ReturnInfo& ri,
                 Subject& s, Term subject) {
    if (ri.type == RetType::None) return ra().match;
    if (ri.type == RetType::Bin && s.in_binary) {
        s.base = has_spare_room(subject)
                     ? make_binary_from(p.heap, std::string_view(
                                                    reinterpret_cast<const char*>(s.bytes), s.size))
                     : subject;
    }
    auto ov_at = [&](int i) {
        return i >= 0 && size_t(2 * i + 1) < ov.size() ? ov[size_t(2 * i)] : -1;
    };
    std::vector<Term> parts;
    if (ri.num_spec <= 0) {
        for (int i = -ri.num_spec; i < rc; ++i)
            parts.push_back(capture_value(p, ri.type, s, subject, ov_at(i),
                                          ov_at(i) < 0 ? -1 : ov[size_t(2 * i + 1)]));
    } else {
        int n = int(ri.v.size());
        for (int i = 0; i < n; ++i) {
            int x = ri.v[size_t(i)];
            if (x < -1) {  // a name of several groups: the first of them that matched
                int end = i - x + 1;
                for (int j = i + 1; j < n && j < end; ++j) {
                    if (ov_at(ri.v[size_t(j)]) >= 0) {
                        x = ri.v[size_t(j)];
                        break;
                    }
                }
                i = end - 1;
            }
            if (x >= 0 && x < rc) {
                int start = ov_at(x);
                parts.push_back(capture_value(p, ri.type, s, subject, start,
                                              start < 0 ? -1 : ov[size_t(2 * x + 1)]));
            } else {
                parts.push_back(capture_value(p, ri.type, s, subject, -1, -1));
            }
        }
    }
    Term list = Term::nil();
    for (size_t i = parts.size(); i-- > 0;) list = gc::make_cons(p.heap, parts[i], list);
    return gc::make_tuple_of(p.heap, ra().match, list);
}

// ---- the C stack PCRE's recursion may use ----

// Bytes of stack below the caller's frame on this thread.
size_t stack_left() {
    thread_local uintptr_t low = [] {
        pthread_attr_t attr;
        void* addr = nullptr;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            pthread_attr_getstack(&attr, &addr, &size);
            pthread_attr_destroy(&attr);
        }
        return reinterpret_cast<uintptr_t>(addr);
    }();
    char here;
    auto sp = reinterpret_cast<uintptr_t>(&here);
    return low != 0 && sp > low ? size_t(sp - low) : 0;
}

// The deepest recursion the stack left allows (PCRE reports the size of its match frame).
int recursion_cap() {
    static const size_t frame = [] {
        int r = pcre_exec(nullptr, nullptr, nullptr, -999, -999, 0, nullptr, 0);
        return r < 0 ? size_t(-r) : size_t(1024);
    }();
    constexpr size_t kMargin = 256 * 1024;
    size_t left = stack_left();
    if (left <= kMargin) return 1;
    size_t cap = (left - kMargin) / (frame + frame / 2);
    return cap > size_t(INT_MAX) ? INT_MAX : std::max<int>(1, int(cap));
}

// erl's default recursion limit (its PCRE's MATCH_LIMIT_RECURSION).
constexpr int kDefaultDepth = 10000000;

// One pcre_exec call; run_on_big_stack makes it on a thread with a large stack (reserved, not
// committed until used), for matches that recurse deeper than a scheduler's stack allows.
struct Exec {
    const pcre* code;
    pcre_extra* extra;
    const char* subject;
    int length, offset, options;
    int* ovector;
    int ovsize;
    int wanted_depth;  // the recursion limit asked for
    int rc = PCRE_ERROR_RECURSIONLIMIT;

    int run() {
        rc = pcre_exec(code, extra, subject, length, offset, options, ovector, ovsize);
        return rc;
    }
    static void* thread_main(void* arg) {
        auto* job = static_cast<Exec*>(arg);
        job->extra->match_limit_recursion = std::min(job->wanted_depth, recursion_cap());
        job->run();
        return nullptr;
    }
    int run_on_big_stack() {
        constexpr size_t kBigStack = size_t(512) << 20;
        pthread_attr_t attr;
        if (pthread_attr_init(&attr) != 0) return rc;
        pthread_t thread;
        bool started = pthread_attr_setstacksize(&attr, kBigStack) == 0 &&
                       pthread_create(&thread, &attr, &Exec::thread_main, this) == 0;
        pthread_attr_destroy(&attr);
        if (started) pthread_join(thread, nullptr);
        return rc;
    }
};

// The subject last found to be valid UTF-8 on this thread: re:grun's later calls
// (internal_run with false) skip the check for it, as erl's do, without trusting a subject
// never checked (PCRE's behaviour on invalid UTF-8 it was told not to check is undefined).
struct Checked {
    const uint8_t* bytes = nullptr;
    size_t size = 0;
    uint64_t sample = 0;
};
thread_local Checked t_checked;

uint64_t sample_of(const uint8_t* b, size_t n) {
    uint64_t h = 1469598103934665603ull ^ n;
    size_t step = n / 64 + 1;
    for (size_t i = 0; i < n; i += step) h = (h ^ b[i]) * 1099511628211ull;
    if (n) h = (h ^ b[n - 1]) * 1099511628211ull;
    return h;
}

// re:run/2,3 and re:internal_run/4 (`first`: false when re:grun has checked the subject).
Term re_run(Process& p, Term subject, Term re, Term opts, bool first) {
    const ReAtoms& a = ra();
    Options o;
    if (!parse_options(opts, o)) return badopt(p);
    bool is_list_cap = (o.flags & kCaptureOpt) && o.cap_type == a.list;
    bool global = (o.flags & kGlobal) != 0;
    const Compiled* c = nullptr;
    int groups = 0;  // the ovector holds this many groups and the whole match
    if (!re.is_tuple() || re.tuple_arity() != 5) {
        if (!re.is_binary_any() && !re.is_list() && !re.is_nil()) return p.badarg();
        if ((o.flags & kUnicode) &&
            (!re.is_binary_any() || !subject.is_binary_any() || (is_list_cap && !global))) {
            return p.trap(re_export(p, a.urun, 3), {subject, re, opts});
        }
        BitWriter w;
        if (!flatten_iolist(re, w, true, false)) return p.badarg();
        std::string key = pattern_key(o.compile, w.bytes);
        CompileError err;
        c = compile_key(key, &err);
        if (!c) {
            if (!(o.flags & kReportErrors)) return p.badarg();
            Term inner = gc::make_tuple_of(p.heap, a.compile, error_term(p, err));
            return gc::make_tuple_of(p.heap, am::error, inner);
        }
        if (global) {
            Term compiled = pattern_term(p, key, *c, (o.flags & kUnicode) != 0);
            Term how = gc::make_tuple_of(
                p.heap, opts, (o.flags & kUniqueCompileOpt) ? am::true_ : am::false_, re);
            return p.trap(re_export(p, a.grun, 3), {subject, compiled, how});
        }
        groups = c->capture_count;
    } else {
        if (o.flags & kUniqueCompileOpt) return p.badarg();
        if (!is_pattern_tuple(re)) return p.badarg();
        if (re.tuple_elem(2).small_value() != 0 &&
            (!subject.is_binary_any() || (is_list_cap && !global))) {
            return p.trap(re_export(p, a.urun, 3), {subject, re, opts});
        }
        if (global) {
            Term how = gc::make_tuple_of(p.heap, opts, am::false_);
            return p.trap(re_export(p, a.grun, 3), {subject, re, how});
        }
        int64_t n = re.tuple_elem(1).small_value();
        if (n < 0 || n > 65535) return p.badarg();
        groups = int(n);
        c = pattern_of(re);
        if (!c) return p.badarg();
    }

    ReturnInfo ri;
    if ((o.flags & kCaptureOpt) && !build_capture(o, *c, ri)) return p.badarg();

    Subject s;
    if (!get_subject(subject, s) || s.size > size_t(INT_MAX)) return p.badarg();

    int exec_options = o.exec;
    bool check_utf = c->utf();
    if (check_utf && !first && t_checked.bytes == s.bytes && t_checked.size == s.size &&
        t_checked.sample == sample_of(s.bytes, s.size) &&
        (size_t(o.offset) >= s.size || (s.bytes[o.offset] & 0xC0) != 0x80)) {
        exec_options |= PCRE_NO_UTF8_CHECK;
        check_utf = false;
    }

    pcre_extra extra{};
    extra.flags = PCRE_EXTRA_TABLES | PCRE_EXTRA_MATCH_LIMIT_RECURSION;
    extra.tables = latin1_tables();
    int wanted = (o.flags & kMatchLimitRecursion) ? o.match_limit_recursion : kDefaultDepth;
    extra.match_limit_recursion = std::min(wanted, recursion_cap());
    if (o.flags & kMatchLimit) {
        extra.flags |= PCRE_EXTRA_MATCH_LIMIT;
        extra.match_limit = (unsigned long)o.match_limit;
    }
    std::vector<int> ov(size_t(3 * (groups + 1)), -1);
    Exec job{c->code, &extra, reinterpret_cast<const char*>(s.bytes), int(s.size), o.offset,
             exec_options, ov.data(), int(ov.size()), wanted};
    int rc = job.run();
    if (rc == PCRE_ERROR_RECURSIONLIMIT && int(extra.match_limit_recursion) < wanted) {
        std::fill(ov.begin(), ov.end(), -1);  // the stack ran short, not the limit: again on
        rc = job.run_on_big_stack();          // a stack of its own
    }
    switch (rc) {
    case PCRE_ERROR_SHORTUTF8:
    case PCRE_ERROR_BADUTF8:
    case PCRE_ERROR_BADUTF8_OFFSET:
    case PCRE_ERROR_BADMAGIC:
    case PCRE_ERROR_BADENDIANNESS:
        return p.badarg();
    default:
        break;
    }
    bool validated = rc >= 0 || rc == PCRE_ERROR_NOMATCH || rc == PCRE_ERROR_MATCHLIMIT ||
                     rc == PCRE_ERROR_RECURSIONLIMIT || rc == PCRE_ERROR_RECURSELOOP;
    if (check_utf && validated && s.bytes != nullptr)
        t_checked = {s.bytes, s.size, sample_of(s.bytes, s.size)};
    if (rc == 0 || rc == PCRE_ERROR_NOMATCH || rc == PCRE_ERROR_RECURSELOOP) return a.nomatch;
    if (rc == PCRE_ERROR_MATCHLIMIT || rc == PCRE_ERROR_RECURSIONLIMIT) {
        if (!(o.flags & kReportErrors)) return a.nomatch;
        return gc::make_tuple_of(
            p.heap, am::error, rc == PCRE_ERROR_MATCHLIMIT ? a.match_limit : a.match_limit_recursion);
    }
    if (rc < 0) return p.error(a.internal_error);  // erl: an internal error (bad offset ...)
    return build_match(p, rc, ov, ri, s, subject);
}

Term re_compile(Process& p, Term re, Term opts) {
    const ReAtoms& a = ra();
    Options o;
    if (!parse_options(opts, o) || (o.flags & kUniqueExecOpt)) return badopt(p);
    bool unicode = (o.flags & kUnicode) != 0;
    if (unicode && !re.is_binary_any()) return p.trap(re_export(p, a.ucompile, 2), {re, opts});
    BitWriter w;
    if (!flatten_iolist(re, w, true, false)) return p.badarg();
    std::string key = pattern_key(o.compile, w.bytes);
    CompileError err;
    const Compiled* c = compile_key(key, &err);
    if (!c) return gc::make_tuple_of(p.heap, am::error, error_term(p, err));
    return gc::make_tuple_of(p.heap, am::ok, pattern_term(p, key, *c, unicode));
}

} // namespace

// re:version/0: the PCRE library's version.
Term bif_re_version_0(Process& p, const Term*) { return make_binary_from(p.heap, pcre_version()); }

// re:compile/1
Term bif_re_compile_1(Process& p, const Term* args) {
    return re_compile(p, args[0], Term::nil());
}

// re:compile/2
Term bif_re_compile_2(Process& p, const Term* args) { return re_compile(p, args[0], args[1]); }

// re:run/2
Term bif_re_run_2(Process& p, const Term* args) {
    return re_run(p, args[0], args[1], Term::nil(), true);
}

// re:run/3
Term bif_re_run_3(Process& p, const Term* args) {
    return re_run(p, args[0], args[1], args[2], true);
}

// re:internal_run/4: run/3 for re.erl (FirstCall false: the subject was checked already).
Term bif_re_internal_run_4(Process& p, const Term* args) {
    if (args[3] != am::true_ && args[3] != am::false_) return p.badarg();
    return re_run(p, args[0], args[1], args[2], args[3] == am::true_);
}

// re:inspect/2: {namelist, Names}, the names of the groups (each once with dupnames).
Term bif_re_inspect_2(Process& p, const Term* args) {
    Term re = args[0];
    if (!is_pattern_tuple(re)) return p.badarg();
    BitView v;
    if (!binary_view(re.tuple_elem(4), v) || v.byte_size() < 4) return p.badarg();
    if (args[1] != ra().namelist) return p.badarg();
    const Compiled* c = pattern_of(re);
    if (!c) return p.badarg();
    std::vector<Term> names;
    const char* last = nullptr;
    for (const NameEntry& e : name_table(*c)) {
        if (!last || !c->dupnames() || std::strcmp(last, e.name) != 0)
            names.push_back(make_binary_from(p.heap, e.name));
        last = e.name;
    }
    Term list = Term::nil();
    for (size_t i = names.size(); i-- > 0;) list = gc::make_cons(p.heap, names[i], list);
    return gc::make_tuple_of(p.heap, ra().namelist, list);
}

} // namespace joist
