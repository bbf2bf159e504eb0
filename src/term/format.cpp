// erlang:display/1's printer (see format.h): the runtime's own term syntax, not io_lib's.
// Iterative (explicit work stack), so long lists and deep nesting never recurse.
#include "term/format.h"

#include <charconv>
#include <cstdio>
#include <string_view>
#include <vector>

#include "base/assert.h"
#include "code/module.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/external.h"
#include "term/binary.h"
#include "term/map_ops.h"

namespace joist {
namespace {

template <class T> void append_number(std::string& out, T v) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

// Decodes one code point of (valid) UTF-8 at s[i], advancing i.
uint32_t next_code_point(std::string_view s, size_t& i) {
    auto b = uint8_t(s[i++]);
    if (b < 0x80) return b;
    int extra = b >= 0xF0 ? 3 : (b >= 0xE0 ? 2 : 1);
    uint32_t c = b & (0x3F >> extra);
    for (int k = 0; k < extra && i < s.size(); ++k) c = (c << 6) | (uint8_t(s[i++]) & 0x3F);
    return c;
}

void append_utf8(std::string& out, uint32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

// Latin-1 letters as erlang:display classifies them for unquoted atoms.
bool is_lower_start(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}
bool is_atom_char(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

bool atom_needs_quotes(std::string_view text) {
    if (text.empty()) return true;
    size_t i = 0;
    if (!is_lower_start(next_code_point(text, i))) return true;
    while (i < text.size()) {
        if (!is_atom_char(next_code_point(text, i))) return true;
    }
    return false;
}

void append_octal_escape(std::string& out, uint32_t c) {
    out += '\\';
    out += char('0' + ((c >> 6) & 7));
    out += char('0' + ((c >> 3) & 7));
    out += char('0' + (c & 7));
}

void append_atom(std::string& out, Term atom) {
    std::string_view text = atoms().name(atom);
    if (!atom_needs_quotes(text)) {
        out += text;
        return;
    }
    out += '\'';
    for (size_t i = 0; i < text.size();) {
        uint32_t c = next_code_point(text, i);
        switch (c) {
        case '\'': out += "\\'"; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\v': out += "\\v"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || (c >= 0x80 && c < 0xA0)) {
                append_octal_escape(out, c);
            } else {
                append_utf8(out, c);  // DEL (0x7F) and everything from 0xA0 up print as is
            }
        }
    }
    out += '\'';
}

// Characters that let a list print as "...": tab, newline, return, and printable latin-1.
bool is_string_char(Term t) {
    if (!t.is_small()) return false;
    int64_t c = t.small_value();
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) ||
           (c >= 0xA0 && c <= 0xFF);
}

bool is_printable_list(Term list) {
    Term t = list;
    for (; t.is_list(); t = t.tail()) {
        if (!is_string_char(t.head())) return false;
    }
    return t.is_nil();
}

// Printable lists print their characters as latin-1 bytes (not UTF-8); only '\n' and '"' are
// escaped (a backslash prints as itself, as erl does).
void append_string(std::string& out, Term list) {
    out += '"';
    for (Term t = list; t.is_list(); t = t.tail()) {
        auto c = char(t.head().small_value());
        if (c == '\n') {
            out += "\\n";
        } else {
            if (c == '"') out += '\\';
            out += c;
        }
    }
    out += '"';
}

// Binaries print as <<"...">> when every byte is printable ASCII; only '"' is escaped there.
// Otherwise, and always for bitstrings, bytes print as numbers and the trailing bits as
// value:size (<<1,2:4>>).
void append_binary(std::string& out, Term bin) {
    BitView v;
    if (!bit_view(bin, v)) {
        out += "<<>>";
        JOIST_ASSERT(!"format: unsupported binary kind");
        return;
    }
    uint64_t size = v.bit_size / 8;
    unsigned rest = unsigned(v.bit_size % 8);
    bool printable = size > 0 && rest == 0;
    for (uint64_t k = 0; k < size && printable; ++k) {
        unsigned c = v.byte_at(k);
        printable = c >= 0x20 && c <= 0x7E;
    }
    out += "<<";
    if (printable) {
        out += '"';
        for (uint64_t k = 0; k < size; ++k) {
            auto c = char(v.byte_at(k));
            if (c == '"') out += '\\';
            out += c;
        }
        out += '"';
    } else {
        for (uint64_t k = 0; k < size; ++k) {
            if (k > 0) out += ',';
            append_number(out, v.byte_at(k));
        }
        if (rest != 0) {
            if (size > 0) out += ',';
            append_number(out, v.byte_at(size) >> (8 - rest));
            out += ':';
            append_number(out, rest);
        }
    }
    out += ">>";
}

void append_float(std::string& out, double d) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.6e", d);
    out.append(buf, size_t(n));
}

void append_fun(std::string& out, Term fun) {
    const Term* box = fun.boxed_ptr();
    if (box->header_subtag() == Subtag::Export) {
        const auto* e = reinterpret_cast<const Export*>(box[1].raw);
        out += "fun ";
        append_atom(out, e->module);
        out += ':';
        append_atom(out, e->function);
        out += '/';
        append_number(out, e->arity);
        return;
    }
    // Local funs: the module's name unquoted, the FunT index and the old uniq.
    const auto* f = reinterpret_cast<const FunEntry*>(box[1].raw);
    out += "#Fun<";
    out += atoms().name(f->module->name);
    out += '.';
    append_number(out, f->index);
    out += '.';
    append_number(out, f->old_uniq);
    out += '>';
}

// The number erl prints first in another node's pid, port or reference: its node's entry
// number there; here the node name's atom index (0 for the local node's name, whose other
// creations erl prints as 0 too).
uint64_t ext_node_number(Term t) {
    Term node = ext_node(t);
    return node == am::nonode_nohost ? 0 : node.atom_index();
}

// Local refs [hdr, w0, w1, w2] print as #Ref<0.w0.w1.w2>; another node's as
// #Ref<N.wn-1....w0> (the most significant id word first).
void append_ref(std::string& out, Term ref) {
    const Term* box = ref.boxed_ptr();
    if (box->header_subtag() != Subtag::Ref) {
        out += "#Ref<";
        append_number(out, ext_node_number(ref));
        for (uint32_t i = ext_ref_len(ref); i > 0; --i) {
            out += '.';
            append_number(out, ext_ref_word(ref, i - 1));
        }
        out += '>';
        return;
    }
    out += "#Ref<0";
    for (size_t k = 1; k <= box->header_arity(); ++k) {
        out += '.';
        append_number(out, box[k].raw);
    }
    out += '>';
}

// Pending output: a term to print, fixed text, or the rest of a tuple or list.
struct Item {
    enum Kind : uint8_t { kTerm, kText, kTupleRest, kListRest } kind;
    Term term;            // kTerm: the term; kListRest: the list's remaining tail
    const Term* next;     // kTupleRest: next element
    size_t remaining;     // kTupleRest: elements left
    const char* text;     // kText
};

class Printer {
public:
    explicit Printer(std::string& out) : m_out(out) {}

    void run(Term t) {
        push_term(t);
        while (!m_stack.empty()) {
            Item it = m_stack.back();
            m_stack.pop_back();
            switch (it.kind) {
            case Item::kTerm:
                print(it.term);
                break;
            case Item::kText:
                m_out += it.text;
                break;
            case Item::kTupleRest:
                if (it.remaining == 0) {
                    m_out += '}';
                } else {
                    m_out += ',';
                    m_stack.push_back(Item{Item::kTupleRest, Term::nil(), it.next + 1,
                                           it.remaining - 1, nullptr});
                    push_term(*it.next);
                }
                break;
            case Item::kListRest:
                list_rest(it.term);
                break;
            }
        }
    }

private:
    void push_term(Term t) { m_stack.push_back(Item{Item::kTerm, t, nullptr, 0, nullptr}); }
    void push_text(const char* s) {
        m_stack.push_back(Item{Item::kText, Term::nil(), nullptr, 0, s});
    }
    void push_list_rest(Term tail) {
        m_stack.push_back(Item{Item::kListRest, tail, nullptr, 0, nullptr});
    }

    void list_rest(Term tail) {
        if (tail.is_nil()) {
            m_out += ']';
        } else if (tail.is_list()) {
            m_out += ',';
            push_list_rest(tail.tail());
            push_term(tail.head());
        } else {
            m_out += '|';
            push_text("]");
            push_term(tail);
        }
    }

    void print(Term t) {
        switch (t.primary()) {
        case 1:
            if (is_printable_list(t)) {
                append_string(m_out, t);
            } else {
                m_out += '[';
                push_list_rest(t.tail());
                push_term(t.head());
            }
            return;
        case 2:
            print_boxed(t);
            return;
        case 3:
            if (t.is_small()) {
                append_number(m_out, t.small_value());
            } else if (t.is_atom()) {
                append_atom(m_out, t);
            } else if (t.is_nil()) {
                m_out += "[]";
            } else if (t.is_local_pid()) {
                m_out += "<0.";
                append_number(m_out, t.pid_number());
                m_out += ".0>";
            } else if ((t.raw & 0xF) == 0x7) {
                m_out += "#Port<0.";
                append_number(m_out, t.raw >> 4);
                m_out += '>';
            } else {
                m_out += t.is_none() ? "THE_NON_VALUE" : "#Catch<>";
            }
            return;
        default:
            m_out += "#Header<>";
            return;
        }
    }

    void print_boxed(Term t) {
        const Term* box = t.boxed_ptr();
        switch (box->header_subtag()) {
        case Subtag::Tuple: {
            uint64_t n = box->header_arity();
            if (n == 0) {
                m_out += "{}";
                return;
            }
            m_out += '{';
            m_stack.push_back(Item{Item::kTupleRest, Term::nil(), box + 2, n - 1, nullptr});
            push_term(box[1]);
            return;
        }
        case Subtag::PosBig:
        case Subtag::NegBig:
            m_out += integer_to_string(t);
            return;
        case Subtag::Float:
            append_float(m_out, t.float_value());
            return;
        case Subtag::Fun:
        case Subtag::Export:
            append_fun(m_out, t);
            return;
        case Subtag::Ref:
        case Subtag::ExtRef:
            append_ref(m_out, t);
            return;
        case Subtag::RefcBin:
        case Subtag::HeapBin:
        case Subtag::SubBin:
            append_binary(m_out, t);
            return;
        case Subtag::FlatMap: {
            // [hdr(FlatMap, n + 1), keys tuple, values...]: keys are kept in map order.
            uint64_t n = box->header_arity() - 1;
            const Term* keys = box[1].tuple_elems();
            m_out += "#{";
            push_text("}");
            for (uint64_t i = n; i > 0; --i) {
                push_term(box[1 + i]);
                push_text("=>");
                push_term(keys[i - 1]);
                if (i > 1) push_text(",");
            }
            return;
        }
        case Subtag::HashMap: {
            // erl prints a hash map's HAMT: the head as #<bitmap>{...}, interior nodes as
            // <bitmap>{...}, leaves as the cons cells [K|V].
            HashNodeView v = hashmap_node(t);
            char buf[16];
            if (v.head) {
                std::snprintf(buf, sizeof buf, "#<%x>{", unsigned(v.bitmap));
            } else {
                std::snprintf(buf, sizeof buf, "<%x>{", unsigned(v.bitmap));
            }
            m_out += buf;
            if (v.count == 0) {
                m_out += '}';
                return;
            }
            m_stack.push_back(
                Item{Item::kTupleRest, Term::nil(), v.children + 1, v.count - 1, nullptr});
            push_term(v.children[0]);
            return;
        }
        case Subtag::ExtPid:
            m_out += '<';
            append_number(m_out, ext_node_number(t));
            m_out += '.';
            append_number(m_out, ext_pid_number(t));
            m_out += '.';
            append_number(m_out, ext_pid_serial(t));
            m_out += '>';
            return;
        case Subtag::ExtPort:
            m_out += "#Port<";
            append_number(m_out, ext_node_number(t));
            m_out += '.';
            append_number(m_out, ext_port_id(t));
            m_out += '>';
            return;
        case Subtag::MatchCtx:
            m_out += "#MatchState";
            return;
        }
    }

    std::string& m_out;
    std::vector<Item> m_stack;
};

} // namespace

std::string format_display(Term t) {
    std::string out;
    Printer(out).run(t);
    return out;
}

std::string format_atom(Term atom) {
    std::string out;
    append_atom(out, atom);
    return out;
}

} // namespace joist
