// Lists built from C++ text: byte lists (latin-1 strings) and code point lists (from UTF-8).
// make_integer/make_integer_u64 live with the bignums (term/bignum.cpp).
#include "gc/build.h"

#include <cstdint>

namespace joist::gc {

namespace {

/* Decodes one UTF-8 sequence at s[i]. Returns its code point and advances i. A byte that does
 * not start a well-formed sequence (truncated, overlong, surrogate, > U+10FFFF, stray
 * continuation byte) stands for itself, as latin-1, and advances by one. */
uint32_t decode_utf8(std::string_view s, size_t& i) {
    const auto byte = [&](size_t k) { return uint8_t(s[k]); };
    uint8_t b0 = byte(i);
    if (b0 < 0x80) {
        i += 1;
        return b0;
    }
    size_t len;
    uint32_t cp, min;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        i += 1;
        return b0;
    }
    if (s.size() - i < len) {
        i += 1;
        return b0;
    }
    for (size_t k = 1; k < len; k++) {
        uint8_t b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            i += 1;
            return b0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        i += 1;
        return b0;
    }
    i += len;
    return cp;
}

} // namespace

/* Both builders allocate all cells at once (one contiguous run, in the heap or one fragment)
 * and fill them back to front, so each cell's tail is the cell after it. */
Term make_byte_list(Heap& h, std::string_view bytes, Term tail) {
    size_t n = bytes.size();
    if (n == 0) return tail;
    Term* cells = h.alloc(2 * n);
    for (size_t k = n; k-- > 0;) {
        cells[2 * k] = Term::small(uint8_t(bytes[k]));
        cells[2 * k + 1] = tail;
        tail = Term::list(&cells[2 * k]);
    }
    return tail;
}

Term make_codepoint_list(Heap& h, std::string_view utf8, Term tail) {
    size_t n = 0;
    for (size_t i = 0; i < utf8.size();) {
        decode_utf8(utf8, i);
        n++;
    }
    if (n == 0) return tail;
    Term* cells = h.alloc(2 * n);
    size_t k = 0;
    for (size_t i = 0; i < utf8.size(); k++) {
        cells[2 * k] = Term::small(decode_utf8(utf8, i));
    }
    for (size_t j = n; j-- > 0;) {
        cells[2 * j + 1] = tail;
        tail = Term::list(&cells[2 * j]);
    }
    return tail;
}

} // namespace joist::gc
