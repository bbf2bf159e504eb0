// File name encoding BIFs. joist, as erl on a UTF-8 system, uses utf8 file names: a name
// given as a list of characters becomes UTF-8 bytes, a binary name is taken as it is, and
// native names (bytes from the OS) that are not valid UTF-8 cannot become character lists.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"

namespace joist {

namespace {

// A (possibly deep) list of characters as UTF-8; false on anything else or a NUL.
bool name_chars(Term t, std::string& out) {
    std::vector<Term> stack{t};  // lists still to walk, innermost last
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        while (x.is_list()) {
            Term h = x.head();
            x = x.tail();
            if (h.is_list() || h.is_nil()) {  // walk the sublist, then the rest
                stack.push_back(x);
                x = h;
                continue;
            }
            if (!h.is_small() || h.small_value() <= 0 || h.small_value() > 0x10FFFF ||
                (h.small_value() >= 0xD800 && h.small_value() <= 0xDFFF))
                return false;
            append_utf8(out, uint32_t(h.small_value()));
        }
        if (!x.is_nil()) return false;
    }
    return true;
}

// Decodes UTF-8; false if invalid.
bool decode_utf8(const std::string& s, std::vector<uint32_t>& out) {
    for (size_t i = 0; i < s.size();) {
        uint8_t b = uint8_t(s[i]);
        uint32_t cp;
        size_t n;
        if (b < 0x80) { cp = b; n = 1; }
        else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; n = 2; }
        else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; n = 3; }
        else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; n = 4; }
        else return false;
        if (i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k) {
            uint8_t c = uint8_t(s[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.push_back(cp);
        i += n;
    }
    return true;
}

Term codepoints(Process& p, const std::vector<uint32_t>& cps) {
    Term l = Term::nil();
    for (size_t i = cps.size(); i-- > 0;) l = gc::make_cons(p.heap, Term::small(cps[i]), l);
    return l;
}

} // namespace

Term bif_file_native_name_encoding_0(Process&, const Term*) { return atoms().intern("utf8"); }

// A file name (characters or a binary) as the OS's bytes with a terminating NUL.
Term bif_prim_file_internal_name2native_1(Process& p, const Term* args) {
    std::string bytes;
    BitView v;
    if (binbif::binary_view(args[0], v)) {
        bytes = binbif::view_bytes(v);
        if (bytes.find('\0') != std::string::npos) return p.badarg();
    } else if (!name_chars(args[0], bytes)) {
        return p.badarg();
    }
    bytes.push_back('\0');
    return make_binary_from(p.heap, bytes);
}

// The OS's bytes as a list of characters, or {error, warning} if they are not UTF-8.
Term bif_prim_file_internal_native2name_1(Process& p, const Term* args) {
    BitView v;
    if (!binbif::binary_view(args[0], v)) return p.badarg();
    std::vector<uint32_t> cps;
    if (!decode_utf8(binbif::view_bytes(v), cps))
        return gc::make_tuple_of(p.heap, am::error, atoms().intern("warning"));
    return codepoints(p, cps);
}

// UTF-8 bytes as a list of characters (no normalisation is needed on this OS).
Term bif_prim_file_internal_normalize_utf8_1(Process& p, const Term* args) {
    BitView v;
    std::vector<uint32_t> cps;
    if (!binbif::binary_view(args[0], v) || !decode_utf8(binbif::view_bytes(v), cps))
        return p.badarg();
    return codepoints(p, cps);
}

Term bif_prim_file_is_translatable_1(Process& p, const Term* args) {
    BitView v;
    if (!binbif::binary_view(args[0], v)) return p.badarg();
    std::vector<uint32_t> cps;
    return decode_utf8(binbif::view_bytes(v), cps) ? am::true_ : am::false_;
}

} // namespace joist
