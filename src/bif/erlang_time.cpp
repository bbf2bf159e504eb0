// erlang BIFs for time: monotonic and system clocks and time-unit conversion. The native
// unit is the nanosecond, as erl's on Linux.
#include <chrono>

#include "bif/bif.h"
#include "gc/build.h"

namespace joist {

namespace {

// Parts per second of a time unit term, or 0 if it is not one.
int64_t unit_parts(Term unit) {
    if (unit.is_small() && unit.small_value() > 0) return unit.small_value();
    if (!unit.is_atom()) return 0;
    std::string_view n = atoms().name(unit);
    if (n == "second" || n == "seconds") return 1;
    if (n == "millisecond" || n == "milli_seconds") return 1000;
    if (n == "microsecond" || n == "micro_seconds") return 1000000;
    if (n == "nanosecond" || n == "nano_seconds" || n == "native" || n == "perf_counter")
        return 1000000000;
    return 0;
}

// floor(value * to / from), as erl converts (rounding towards negative infinity).
// (erlang:convert_time_unit/3 itself is Erlang code in erlang.beam.)
int64_t convert(int64_t value, int64_t from, int64_t to) {
    __int128 v = __int128(value) * to;
    __int128 q = v / from;
    if ((v % from != 0) && ((v < 0) != (from < 0))) --q;
    return int64_t(q);
}

int64_t monotonic_ns() {
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

int64_t system_ns() {
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

Term in_unit(Process& p, int64_t ns, Term unit) {
    int64_t parts = unit_parts(unit);
    if (parts == 0) return p.badarg();
    return gc::make_integer(p.heap, convert(ns, 1000000000, parts));
}

} // namespace

// erlang:monotonic_time/0,1 — erlang.html#monotonic_time-0
Term bif_erlang_monotonic_time_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, monotonic_ns());
}
Term bif_erlang_monotonic_time_1(Process& p, const Term* args) {
    return in_unit(p, monotonic_ns(), args[0]);
}

// erlang:system_time/0,1 — erlang.html#system_time-0
Term bif_erlang_system_time_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, system_ns());
}
Term bif_erlang_system_time_1(Process& p, const Term* args) {
    return in_unit(p, system_ns(), args[0]);
}

// erlang:time_offset/0,1 — system time minus monotonic time.
Term bif_erlang_time_offset_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, system_ns() - monotonic_ns());
}
Term bif_erlang_time_offset_1(Process& p, const Term* args) {
    return in_unit(p, system_ns() - monotonic_ns(), args[0]);
}

} // namespace joist
