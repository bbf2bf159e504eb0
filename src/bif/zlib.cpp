// Built-in NIFs of the zlib module, on Debian's zlib. A stream is a native resource
// (process/resource.h) used only by its controlling process; zlib.erl feeds it input with
// enqueue_nif and runs deflate/inflate a chunk at a time, as erl's NIF does: each call
// consumes at most an input chunk and produces at most an output chunk, answering
// {continue, Out} or {finished, Out} (or {need_dictionary, Adler, Out}). Errors are erl's:
// data_error and stream_error raised, other zlib codes returned as atoms.
#include <cstring>
#include <string>
#include <vector>
#include <zlib.h>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "process/resource.h"
#include "term/atom_table.h"
#include "term/binary.h"

namespace joist {

namespace {

enum class State { None, Deflate, Inflate, Closed };
enum Eos { kEosError = 0, kEosReset = 1, kEosCut = 2 };

struct Stream : Resource {
    z_stream s{};
    State state = State::None;
    int eos_behavior = kEosCut;
    bool eos_seen = false;
    bool raw = false;
    uLong input_crc = crc32(0L, Z_NULL, 0);
    uLong output_crc = crc32(0L, Z_NULL, 0);
    bool want_input_crc = false, want_output_crc = false;
    int chunk_buffer_size = 4000;  // inflateChunk's (deprecated)
    std::string input;  // queued input from `head` on
    size_t head = 0;
    std::vector<Term> stash;  // a flat copy of the stashed term (empty: none)
    Term stash_term = Term::none();

    size_t queued() const { return input.size() - head; }
    // Just initialised to deflate or inflate. A raw stream (negative window bits) has no zlib
    // trailer, so the crc of its uncompressed side is kept here (zlib:crc32/1 reads it).
    void start(State st, bool raw_stream) {
        state = st;
        eos_seen = false;
        raw = raw_stream;
        want_input_crc = raw && st == State::Deflate;
        want_output_crc = raw && st == State::Inflate;
        output_crc = input_crc = crc32(0L, Z_NULL, 0);
    }
    void reset_input() {
        input.clear();
        head = 0;
        stash.clear();
        stash_term = Term::none();
    }
    void end() {
        if (state == State::Deflate) deflateEnd(&s);
        else if (state == State::Inflate) inflateEnd(&s);
    }
    ~Stream() override { end(); }
};

Term atom(const char* name) { return atoms().intern(name); }

// The stream argument, checked as erl checks it: badarg if it is none, and
// not_on_controlling_process if another process asks. nullptr after raising.
std::shared_ptr<Stream> stream_arg(Process& p, Term t) {
    auto z = find_resource_as<Stream>(t);
    if (!z) {
        p.badarg();
        return nullptr;
    }
    if (z->owner != p.number) {
        p.error(atom("not_on_controlling_process"));
        return nullptr;
    }
    return z;
}

bool int_arg(Term t, int& v) {
    if (!t.is_small() || t.small_value() < INT32_MIN || t.small_value() > INT32_MAX) return false;
    v = int(t.small_value());
    return true;
}

// A zlib return code as erl's NIF answers it.
Term zlib_return(Process& p, int code) {
    switch (code) {
    case Z_OK: return am::ok;
    case Z_STREAM_END: return atom("stream_end");
    case Z_ERRNO: return Term::small(errno);
    case Z_STREAM_ERROR: return p.error(atom("stream_error"));
    case Z_DATA_ERROR: return p.error(atom("data_error"));
    case Z_MEM_ERROR: return atom("mem_error");
    case Z_BUF_ERROR: return atom("buf_error");
    case Z_VERSION_ERROR: return atom("version_error");
    default: return atom("unknown_error");
    }
}

Term not_initialized(Process& p) { return p.error(atom("not_initialized")); }

// One step of deflate or inflate over the queued input.
Term codec(Process& p, Stream& z, bool deflating, int in_chunk, int out_chunk, int flush) {
    if (in_chunk <= 0 || out_chunk <= 0) return p.badarg();
    auto run = [&](int f) { return deflating ? deflate(&z.s, f) : inflate(&z.s, f); };
    std::string out(size_t(out_chunk), '\0');
    z.s.next_out = reinterpret_cast<Bytef*>(out.data());
    z.s.avail_out = uInt(out_chunk);
    int res = Z_OK;
    size_t consumed = 0;
    if (z.queued() > 0) {
        size_t block = std::min(z.queued(), size_t(in_chunk));
        z.s.next_in = reinterpret_cast<Bytef*>(z.input.data() + z.head);
        z.s.avail_in = uInt(block);
        res = run(Z_NO_FLUSH);
        consumed = block - z.s.avail_in;
        if (z.want_input_crc)
            z.input_crc = crc32(z.input_crc, reinterpret_cast<const Bytef*>(z.input.data() + z.head),
                                uInt(consumed));
        z.head += consumed;
        if (z.head == z.input.size()) {
            z.input.clear();
            z.head = 0;
        }
    }
    size_t remaining = z.queued();
    if (res == Z_OK && remaining == 0 && z.s.avail_out > 0) {
        z.s.next_in = nullptr;
        z.s.avail_in = 0;
        res = run(flush);
    }
    size_t produced = size_t(out_chunk) - z.s.avail_out;
    if (res < 0 && res != Z_BUF_ERROR) return zlib_return(p, res);
    if (res == Z_STREAM_END) z.eos_seen = true;
    if (z.want_output_crc)
        z.output_crc = crc32(z.output_crc, reinterpret_cast<const Bytef*>(out.data()), uInt(produced));
    if (consumed == 0 && produced == 0 && remaining != 0) return zlib_return(p, Z_DATA_ERROR);
    out.resize(produced);
    Term output = produced > 0 ? gc::make_cons(p.heap, make_binary_from(p.heap, out), Term::nil())
                               : Term::nil();
    if (remaining == 0 && produced < size_t(out_chunk))
        return gc::make_tuple_of(p.heap, atom("finished"), output);
    if (res != Z_NEED_DICT) return gc::make_tuple_of(p.heap, atom("continue"), output);
    return gc::make_tuple_of(p.heap, atom("need_dictionary"),
                             gc::make_integer_u64(p.heap, uint32_t(z.s.adler)), output);
}

} // namespace

Term nif_zlib_open_nif_0(Process& p, const Term*) {
    auto z = std::make_shared<Stream>();
    z->s.data_type = Z_BINARY;
    return register_resource(p.heap, p.number, std::move(z));
}

Term nif_zlib_close_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->state == State::Closed) return not_initialized(p);
    z->end();
    z->state = State::Closed;
    z->stash.clear();
    z->stash_term = Term::none();
    return am::ok;
}

Term nif_zlib_set_controller_nif_2(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    if (!z || !args[1].is_local_pid()) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    set_resource_owner(args[0], args[1].pid_number());
    return am::ok;
}

Term nif_zlib_deflateInit_nif_6(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    int level, method, bits, mem, strategy;
    if (!z || !int_arg(args[1], level) || !int_arg(args[2], method) || !int_arg(args[3], bits) ||
        !int_arg(args[4], mem) || !int_arg(args[5], strategy))
        return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::None) return p.error(atom("already_initialized"));
    int res = deflateInit2(&z->s, level, method, bits, mem, strategy);
    if (res == Z_OK) z->start(State::Deflate, bits < 0);
    return zlib_return(p, res);
}

Term nif_zlib_deflateSetDictionary_nif_2(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    binbif::BitWriter dict;
    if (!z || !binbif::flatten_iolist(args[1], dict, true, false)) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::Deflate) return not_initialized(p);
    const Bytef* d = reinterpret_cast<const Bytef*>(dict.bytes.data());
    int res = deflateSetDictionary(&z->s, d, uInt(dict.bytes.size()));
    if (res != Z_OK) return zlib_return(p, res);
    uLong sum = z->raw ? adler32(0, d, uInt(dict.bytes.size())) : z->s.adler;
    return gc::make_integer(p.heap, int32_t(sum));
}

// deflateReset_nif/inflateReset_nif: the stream starts over (in the state `want`).
static Term reset_stream(Process& p, Term arg, State want) {
    auto z = stream_arg(p, arg);
    if (!z) return Term::none();
    if (z->state != want) return not_initialized(p);
    int res;
    if (want == State::Deflate) {
        res = deflateReset(&z->s);
        z->input_crc = crc32(0L, Z_NULL, 0);
    } else {
        res = inflateReset(&z->s);
        z->output_crc = crc32(0L, Z_NULL, 0);
    }
    z->eos_seen = false;
    z->reset_input();
    return zlib_return(p, res);
}

// deflateEnd_nif/inflateEnd_nif: the stream ends; input left over (or, inflating, a stream
// that never reached its end) is a data error, as in erl.
static Term end_stream(Process& p, Term arg, State want) {
    auto z = stream_arg(p, arg);
    if (!z) return Term::none();
    if (z->state != want) return not_initialized(p);
    bool inflating = want == State::Inflate;
    int res = inflating ? inflateEnd(&z->s) : deflateEnd(&z->s);
    if (res == Z_OK && ((inflating && !z->eos_seen) || z->queued() > 0)) res = Z_DATA_ERROR;
    z->reset_input();
    z->state = State::None;
    return zlib_return(p, res);
}

Term nif_zlib_deflateReset_nif_1(Process& p, const Term* args) {
    return reset_stream(p, args[0], State::Deflate);
}

Term nif_zlib_deflateEnd_nif_1(Process& p, const Term* args) {
    return end_stream(p, args[0], State::Deflate);
}

Term nif_zlib_deflateParams_nif_3(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    int level, strategy;
    if (!z || !int_arg(args[1], level) || !int_arg(args[2], strategy)) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::Deflate) return not_initialized(p);
    Bytef dummy;  // zlib.erl flushed everything first: nothing may come out
    z->s.next_out = &dummy;
    z->s.avail_out = 1;
    int res = deflateParams(&z->s, level, strategy);
    if (z->s.avail_out == 0) return zlib_return(p, Z_STREAM_ERROR);
    return zlib_return(p, res);
}

Term nif_zlib_deflate_nif_4(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    int in_chunk, out_chunk, flush;
    if (!z || !int_arg(args[1], in_chunk) || !int_arg(args[2], out_chunk) ||
        !int_arg(args[3], flush))
        return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::Deflate) return not_initialized(p);
    return codec(p, *z, true, in_chunk, out_chunk, flush);
}

Term nif_zlib_inflateInit_nif_3(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    int bits, eos;
    if (!z || !int_arg(args[1], bits) || !int_arg(args[2], eos)) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::None) return p.error(atom("already_initialized"));
    int res = inflateInit2(&z->s, bits);
    if (res == Z_OK) {
        z->start(State::Inflate, bits < 0);
        z->eos_behavior = eos;
    }
    return zlib_return(p, res);
}

Term nif_zlib_inflateSetDictionary_nif_2(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    binbif::BitWriter dict;
    if (!z || !binbif::flatten_iolist(args[1], dict, true, false)) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::Inflate) return not_initialized(p);
    return zlib_return(p, inflateSetDictionary(&z->s,
                                               reinterpret_cast<const Bytef*>(dict.bytes.data()),
                                               uInt(dict.bytes.size())));
}

Term nif_zlib_inflateGetDictionary_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->state != State::Inflate) return not_initialized(p);
    std::string dict(32768, '\0');
    uInt len = 0;
    int res = inflateGetDictionary(&z->s, reinterpret_cast<Bytef*>(dict.data()), &len);
    if (res < 0) return zlib_return(p, res);
    dict.resize(len);
    return make_binary_from(p.heap, dict);
}

Term nif_zlib_inflateReset_nif_1(Process& p, const Term* args) {
    return reset_stream(p, args[0], State::Inflate);
}

Term nif_zlib_inflateEnd_nif_1(Process& p, const Term* args) {
    return end_stream(p, args[0], State::Inflate);
}

Term nif_zlib_inflate_nif_4(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    int in_chunk, out_chunk, flush;
    if (!z || !int_arg(args[1], in_chunk) || !int_arg(args[2], out_chunk) ||
        !int_arg(args[3], flush))
        return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    if (z->state != State::Inflate) return not_initialized(p);
    if (z->eos_seen && z->queued() > 0) {  // more input after the end of the stream
        if (z->eos_behavior == kEosError) return zlib_return(p, Z_DATA_ERROR);
        if (z->eos_behavior == kEosReset) {
            int res = inflateReset(&z->s);
            if (res != Z_OK) return zlib_return(p, res);
            z->eos_seen = false;
        } else {
            z->reset_input();
        }
    }
    return codec(p, *z, false, in_chunk, out_chunk, flush);
}

Term nif_zlib_crc32_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->state == State::Deflate) return gc::make_integer_u64(p.heap, z->input_crc);
    if (z->state == State::Inflate) return gc::make_integer_u64(p.heap, z->output_crc);
    return not_initialized(p);
}

Term nif_zlib_getStash_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->stash_term.is_none()) return atom("empty");
    Term* hp = p.heap.alloc(gc::term_size(z->stash_term));
    Term copy = gc::copy_term(z->stash_term, hp);
    return gc::make_tuple_of(p.heap, am::ok, copy);
}

Term nif_zlib_clearStash_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->stash_term.is_none()) return p.error(am::error);
    z->stash.clear();
    z->stash_term = Term::none();
    return am::ok;
}

Term nif_zlib_setStash_nif_2(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->stash_term.is_value()) return p.error(am::error);
    z->stash.assign(gc::term_size(args[1]) + 1, Term::nil());
    Term* hp = z->stash.data();
    z->stash_term = gc::copy_term(args[1], hp);
    return am::ok;
}

Term nif_zlib_getBufSize_nif_1(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    return Term::small(z->chunk_buffer_size);
}

Term nif_zlib_setBufSize_nif_2(Process& p, const Term* args) {
    auto z = find_resource_as<Stream>(args[0]);
    if (!z) return p.badarg();
    if (z->owner != p.number) return p.error(atom("not_on_controlling_process"));
    int size;
    if (!int_arg(args[1], size)) return p.badarg();
    z->chunk_buffer_size = size;
    return am::ok;
}

// enqueue_nif(Z, IOVec): the whole list of binaries joins the input queue.
Term nif_zlib_enqueue_nif_2(Process& p, const Term* args) {
    auto z = stream_arg(p, args[0]);
    if (!z) return Term::none();
    if (z->state != State::Deflate && z->state != State::Inflate) return not_initialized(p);
    std::string add;
    BitView v;
    Term t = args[1];
    for (; t.is_list(); t = t.tail()) {
        if (!binbif::binary_view(t.head(), v)) return p.badarg();
        add += binbif::view_bytes(v);
    }
    if (!t.is_nil()) return p.badarg();
    z->input += add;
    return am::ok;
}

} // namespace joist
