// erlang:crc32/1,2, crc32_combine/3, adler32/1,2 and adler32_combine/3: zlib's CRC-32 and
// Adler-32 of iodata, continued from an earlier checksum or combined from two, as erl's.
#include <zlib.h>

#include "bif/bif.h"
#include "bif/binbif.h"
#include "gc/build.h"

namespace joist {

namespace {

using Update = uLong (*)(uLong, const Bytef*, uInt);
using Combine = uLong (*)(uLong, uLong, z_off_t);

// A checksum argument: an integer in [0, 2^32).
bool checksum_arg(Term t, uLong& out) {
    if (!t.is_small() || t.small_value() < 0 || t.small_value() > int64_t(0xFFFFFFFF)) return false;
    out = uLong(t.small_value());
    return true;
}

// The checksum of iodata `data`, continuing `start` (none(): from the initial value).
Term checksum(Process& p, Term start, Term data, Update update) {
    uLong sum = update(0, nullptr, 0);
    if (start.is_value() && !checksum_arg(start, sum)) return p.badarg();
    bool ok = binbif::iodata_bytes(data, [&sum, update](const uint8_t* b, size_t n) {
        while (n > 0) {  // zlib takes at most 4 GB at a time
            uInt chunk = n > 0x40000000 ? 0x40000000u : uInt(n);
            sum = update(sum, b, chunk);
            b += chunk;
            n -= chunk;
        }
    });
    if (!ok) return p.badarg();
    return gc::make_integer(p.heap, int64_t(sum));
}

Term combine(Process& p, const Term* args, Combine f) {
    uLong a, b;
    if (!checksum_arg(args[0], a) || !checksum_arg(args[1], b)) return p.badarg();
    Term len = args[2];
    if (!len.is_small() || len.small_value() < 0) return p.badarg();
    return gc::make_integer(p.heap, int64_t(f(a, b, z_off_t(len.small_value()))));
}

} // namespace

// erlang.html#crc32-1, #crc32-2, #crc32_combine-3, #adler32-1, #adler32-2, #adler32_combine-3
Term bif_erlang_crc32_1(Process& p, const Term* a) { return checksum(p, Term::none(), a[0], crc32); }
Term bif_erlang_crc32_2(Process& p, const Term* a) { return checksum(p, a[0], a[1], crc32); }
Term bif_erlang_crc32_combine_3(Process& p, const Term* a) { return combine(p, a, crc32_combine); }
Term bif_erlang_adler32_1(Process& p, const Term* a) { return checksum(p, Term::none(), a[0], adler32); }
Term bif_erlang_adler32_2(Process& p, const Term* a) { return checksum(p, a[0], a[1], adler32); }
Term bif_erlang_adler32_combine_3(Process& p, const Term* a) { return combine(p, a, adler32_combine); }

} // namespace joist
