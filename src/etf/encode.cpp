// External term format encoder (see encode.h). One iterative walk over an explicit stack of
// pending items: terms, the rest of a list, and closures whose size field is patched once their
// free variables are written.
#include "etf/encode.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "code/module.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"
#include "term/compare.h"
#include "term/external.h"
#include "term/map.h"

namespace joist::etf {

namespace {

enum Tag : uint8_t {
    kNewFloat = 70,
    kBitBinary = 77,
    kCompressed = 80,
    kNewPid = 88,
    kNewPort = 89,
    kNewerReference = 90,
    kSmallInteger = 97,
    kInteger = 98,
    kFloat = 99,
    kAtom = 100,
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
    kMap = 116,
    kAtomUtf8 = 118,
    kSmallAtomUtf8 = 119,
    kV4Port = 120,
};

constexpr size_t kMaxStringExt = 0xFFFF;
constexpr size_t kFloatExtBytes = 31;
constexpr std::string_view kLocalNode = "nonode@nohost";

struct Item {
    enum Kind : uint8_t { kTerm, kListRest, kFunEnd } kind;
    Term term;
    size_t pos = 0;      // kFunEnd: where the closure's size field is in the output
    size_t logical = 0;  // kFunEnd: the same position counting split binaries
};

class Encoder {
public:
    Encoder(const EncodeOptions& opts, EncodeResult& out) : m_opts(opts), m_out(out) {}

    bool run(Term root) {
        m_out.bytes.clear();
        m_out.binaries.clear();
        m_stack.push_back({Item::kTerm, root});
        while (!m_stack.empty()) {
            Item it = m_stack.back();
            m_stack.pop_back();
            switch (it.kind) {
            case Item::kTerm:
                if (!term(it.term)) return false;
                break;
            case Item::kListRest:
                if (it.term.is_list()) {
                    m_stack.push_back({Item::kListRest, it.term.tail()});
                    m_stack.push_back({Item::kTerm, it.term.head()});
                } else if (!term(it.term)) {
                    return false;
                }
                break;
            case Item::kFunEnd:
                patch32(it.pos, uint32_t(logical_pos() - it.logical));
                break;
            }
        }
        m_out.total = logical_pos();
        return true;
    }

private:
    // Bytes written so far, counting split binaries.
    size_t logical_pos() const { return m_out.bytes.size() + m_split_bytes; }

    void u8(uint8_t v) { m_out.bytes.push_back(v); }
    void u16(uint32_t v) {
        u8(uint8_t(v >> 8));
        u8(uint8_t(v));
    }
    void u32(uint32_t v) {
        u16(v >> 16);
        u16(v & 0xFFFF);
    }
    void raw(const uint8_t* p, size_t n) { m_out.bytes.insert(m_out.bytes.end(), p, p + n); }
    void patch32(size_t pos, uint32_t v) {
        uint8_t* p = m_out.bytes.data() + pos;
        p[0] = uint8_t(v >> 24);
        p[1] = uint8_t(v >> 16);
        p[2] = uint8_t(v >> 8);
        p[3] = uint8_t(v);
    }

    void atom(Term a) {
        std::string_view s = atoms().name(a);
        bool latin1 = m_opts.minor_version < 2;
        size_t chars = 0;  // latin-1 text is ASCII and two-byte sequences led by C2 or C3
        for (char ch : s) {
            auto c = uint8_t(ch);
            if ((c & 0xC0) != 0x80) ++chars;
            if (c >= 0xC4) latin1 = false;
        }
        if (latin1) {
            u8(kAtom);
            u16(uint32_t(chars));
            for (size_t i = 0; i < s.size(); ++i) {
                auto c = uint8_t(s[i]);
                if (c < 0x80) {
                    u8(c);
                } else {  // a two-byte sequence C2/C3 xx
                    u8(uint8_t(((c & 0x03) << 6) | (uint8_t(s[i + 1]) & 0x3F)));
                    ++i;
                }
            }
            return;
        }
        if (s.size() < 256) {
            u8(kSmallAtomUtf8);
            u8(uint8_t(s.size()));
        } else {
            u8(kAtomUtf8);
            u16(uint32_t(s.size()));
        }
        raw(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    }

    void integer(Term t) {
        if (t.is_small()) {
            int64_t v = t.small_value();
            if (v >= 0 && v <= 255) {
                u8(kSmallInteger);
                u8(uint8_t(v));
                return;
            }
            if (v >= INT32_MIN && v <= INT32_MAX) {
                u8(kInteger);
                u32(uint32_t(int32_t(v)));
                return;
            }
        }
        IntView iv(t);
        size_t nbytes = (iv.bit_length() + 7) / 8;
        if (nbytes < 256) {
            u8(kSmallBig);
            u8(uint8_t(nbytes));
        } else {
            u8(kLargeBig);
            u32(uint32_t(nbytes));
        }
        u8(iv.neg ? 1 : 0);
        for (size_t i = 0; i < nbytes; ++i) u8(uint8_t(iv.limbs[i / 8] >> (8 * (i % 8))));
    }

    void float_(double d) {
        if (m_opts.minor_version == 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.20e", d);
            uint8_t text[kFloatExtBytes] = {};
            std::memcpy(text, buf, std::min(std::strlen(buf), kFloatExtBytes));
            u8(kFloat);
            raw(text, kFloatExtBytes);
            return;
        }
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        u8(kNewFloat);
        u32(uint32_t(bits >> 32));
        u32(uint32_t(bits));
    }

    void local_node() { atom(atoms().intern(kLocalNode)); }

    void pid(uint64_t number) {
        u8(kNewPid);
        local_node();
        u32(uint32_t(number));
        u32(0);  // serial
        u32(0);  // creation
    }

    // Any pid: erl 25 writes NEW_PID_EXT (node, number, serial, creation).
    void any_pid(Term t) {
        if (t.is_local_pid()) return pid(t.pid_number());
        u8(kNewPid);
        atom(ext_node(t));
        u32(ext_pid_number(t));
        u32(ext_pid_serial(t));
        u32(ext_creation(t));
    }

    // Ports: NEW_PORT_EXT, or V4_PORT_EXT when the id needs more than 32 bits (as erl 25).
    void port(Term node, uint64_t id, uint32_t creation) {
        bool wide = id > 0xFFFFFFFFu;
        u8(wide ? kV4Port : kNewPort);
        atom(node);
        if (wide) {
            u32(uint32_t(id >> 32));
        }
        u32(uint32_t(id));
        u32(creation);
    }

    bool bitstring(Term t) {
        BitView v;
        if (!bit_view(t, v)) return false;
        size_t whole = v.byte_size();
        unsigned rest = unsigned(v.bit_size % 8);
        unsigned sh = unsigned(v.bit_offset);
        // Byte i of the bitstring realigned, the unused bits of a last partial byte cleared.
        auto byte_at = [&](size_t i) {
            unsigned b = v.bytes[i];
            if (sh != 0) {
                unsigned lo = (i + 1) * 8 < v.bit_offset + v.bit_size ? v.bytes[i + 1] : 0;
                b = (b << sh) | (lo >> (8 - sh));
            }
            if (i == whole) b &= 0xFFu << (8 - rest);
            return uint8_t(b);
        };
        if (rest == 0) {
            u8(kBinary);
            u32(uint32_t(whole));
        } else {
            u8(kBitBinary);
            u32(uint32_t(whole + 1));
            u8(uint8_t(rest));
        }
        if (m_opts.split_binaries && whole > kIovecBinLimit) {
            // As erl: the whole bytes go by reference, a last partial byte in the next chunk.
            m_out.binaries.push_back({m_out.bytes.size(), t, whole});
            m_split_bytes += whole;
        } else if (sh == 0) {
            raw(v.bytes, whole);
        } else {
            for (size_t i = 0; i < whole; ++i) u8(byte_at(i));
        }
        if (rest != 0) u8(byte_at(whole));
        return true;
    }

    void list(Term t) {
        size_t n = 0;
        bool bytes = true;
        Term l = t;
        for (; l.is_list(); l = l.tail()) {
            ++n;
            Term h = l.head();
            if (!h.is_small() || h.small_value() < 0 || h.small_value() > 255) bytes = false;
        }
        if (bytes && l.is_nil() && n <= kMaxStringExt) {
            u8(kString);
            u16(uint32_t(n));
            for (l = t; l.is_list(); l = l.tail()) u8(uint8_t(l.head().small_value()));
            return;
        }
        u8(kList);
        u32(uint32_t(n));
        m_stack.push_back({Item::kListRest, t});
    }

    void map(Term t) {
        size_t n = map_size(t);
        u8(kMap);
        u32(uint32_t(n));
        std::vector<std::pair<Term, Term>> pairs;
        pairs.reserve(n);
        map_for_each(t, [&](Term k, Term v) { pairs.emplace_back(k, v); });
        if (m_opts.deterministic && t.box_header().header_subtag() != Subtag::FlatMap) {
            std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
                return compare_terms_exact(a.first, b.first) < 0;
            });
        }
        for (size_t i = pairs.size(); i > 0; --i) {
            m_stack.push_back({Item::kTerm, pairs[i - 1].second});
            m_stack.push_back({Item::kTerm, pairs[i - 1].first});
        }
    }

    void closure(Term t) {
        const Term* box = t.boxed_ptr();
        const auto* fe = reinterpret_cast<const FunEntry*>(box[1].raw);
        uint32_t num_free = fe->num_free;
        u8(kNewFun);
        size_t size_pos = m_out.bytes.size();
        size_t size_logical = logical_pos();
        u32(0);  // patched by kFunEnd
        u8(uint8_t(fe->arity - fe->num_free));
        raw(fe->module->md5, 16);
        u32(fe->index);
        u32(num_free);
        atom(fe->module->name);
        integer(Term::small(fe->index));
        integer(Term::small(fe->old_uniq));
        Term creator = fun_creator(t);
        if (creator.is_pid()) {
            any_pid(creator);
        } else {
            pid(0);
        }
        m_stack.push_back({Item::kFunEnd, Term::nil(), size_pos, size_logical});
        for (uint32_t i = num_free; i > 0; --i) m_stack.push_back({Item::kTerm, box[1 + i]});
    }

    bool term(Term t) {
        if (t.is_small()) {
            integer(t);
        } else if (t.is_atom()) {
            atom(t);
        } else if (t.is_nil()) {
            u8(kNil);
        } else if (t.is_list()) {
            list(t);
        } else if (t.is_local_pid()) {
            pid(t.pid_number());
        } else if ((t.raw & 0xF) == 0x7) {  // a local port
            port(atoms().intern(kLocalNode), t.raw >> 4, 0);
        } else if (t.is_boxed()) {
            const Term* box = t.boxed_ptr();
            switch (box->header_subtag()) {
            case Subtag::Tuple: {
                uint64_t arity = box->header_arity();
                if (arity < 256) {
                    u8(kSmallTuple);
                    u8(uint8_t(arity));
                } else {
                    u8(kLargeTuple);
                    u32(uint32_t(arity));
                }
                for (uint64_t i = arity; i > 0; --i) m_stack.push_back({Item::kTerm, box[i]});
                break;
            }
            case Subtag::PosBig:
            case Subtag::NegBig:
                integer(t);
                break;
            case Subtag::Float:
                float_(t.float_value());
                break;
            case Subtag::HeapBin:
            case Subtag::RefcBin:
            case Subtag::SubBin:
                return bitstring(t);
            case Subtag::FlatMap:
            case Subtag::HashMap:
                map(t);
                break;
            case Subtag::Export: {
                const auto* e = reinterpret_cast<const Export*>(box[1].raw);
                u8(kExport);
                atom(e->module);
                atom(e->function);
                u8(kSmallInteger);
                u8(uint8_t(e->arity));
                break;
            }
            case Subtag::Fun:
                closure(t);
                break;
            case Subtag::Ref: {
                u8(kNewerReference);
                u16(uint32_t(box->header_arity()));
                local_node();
                u32(0);  // creation
                // The least significant word first: the last one here (term/term.h).
                for (uint64_t i = box->header_arity(); i > 0; --i) u32(uint32_t(box[i].raw));
                break;
            }
            case Subtag::ExtPid:
                any_pid(t);
                break;
            case Subtag::ExtPort:
                port(ext_node(t), ext_port_id(t), ext_creation(t));
                break;
            case Subtag::ExtRef: {  // NEWER_REFERENCE_EXT, as erl 25 writes every reference
                uint32_t n = ext_ref_len(t);
                u8(kNewerReference);
                u16(n);
                atom(ext_node(t));
                u32(ext_creation(t));
                for (uint32_t i = 0; i < n; ++i) u32(ext_ref_word(t, i));
                break;
            }
            default:
                return false;
            }
        } else {
            return false;
        }
        return true;
    }

    const EncodeOptions& m_opts;
    EncodeResult& m_out;
    std::vector<Item> m_stack;
    size_t m_split_bytes = 0;
};

} // namespace

bool encode(Term t, const EncodeOptions& opts, EncodeResult& out) {
    Encoder e(opts, out);
    return e.run(t);
}

bool compress(std::span<const uint8_t> body, int level, std::vector<uint8_t>& out) {
    // erl gives zlib room for the uncompressed size less 5 bytes; if the stream does not fit,
    // the term is sent uncompressed.
    if (body.size() <= 5) return false;
    uLongf room = uLongf(body.size() - 5);
    out.assign(5 + room, 0);
    if (compress2(out.data() + 5, &room, body.data(), uLong(body.size()), level) != Z_OK) {
        return false;
    }
    out.resize(5 + room);
    out[0] = kCompressed;
    auto n = uint32_t(body.size());
    out[1] = uint8_t(n >> 24);
    out[2] = uint8_t(n >> 16);
    out[3] = uint8_t(n >> 8);
    out[4] = uint8_t(n);
    return true;
}

} // namespace joist::etf
