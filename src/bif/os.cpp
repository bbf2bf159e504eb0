// os module BIFs: the environment (names and values are strings of characters, UTF-8 in the
// process environment), the OS pid, and clocks.
#include <chrono>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "base/utf8.h"
#include "bif/bif.h"
#include "gc/build.h"

extern char** environ;

namespace joist {

namespace {

// A string argument as UTF-8 bytes; false if it is not a proper list of characters.
bool string_arg(Term t, std::string& out) {
    out.clear();
    for (; t.is_list(); t = t.tail()) {
        Term c = t.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 0x10FFFF) return false;
        append_utf8(out, uint32_t(c.small_value()));
    }
    return t.is_nil() && out.find('\0') == std::string::npos;
}

int64_t ns_since_epoch() {
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

// os:env/0 — [{Name, Value}] of the whole environment.
Term bif_os_env_0(Process& p, const Term*) {
    Term l = Term::nil();
    for (char** e = environ; e && *e; ++e) {
        std::string kv(*e);
        size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) continue;
        Term name = gc::make_codepoint_list(p.heap, kv.substr(0, eq));
        Term value = gc::make_codepoint_list(p.heap, kv.substr(eq + 1));
        l = gc::make_cons(p.heap, gc::make_tuple_of(p.heap, name, value), l);
    }
    return l;
}

// os:getenv/1 — the value as a string, or false.
Term bif_os_getenv_1(Process& p, const Term* args) {
    std::string name;
    if (!string_arg(args[0], name)) return p.badarg();
    const char* v = std::getenv(name.c_str());
    return v ? gc::make_codepoint_list(p.heap, v) : am::false_;
}

// os:putenv/2
Term bif_os_putenv_2(Process& p, const Term* args) {
    std::string name, value;
    if (!string_arg(args[0], name) || !string_arg(args[1], value) || name.empty() ||
        name.find('=') != std::string::npos)
        return p.badarg();
    if (::setenv(name.c_str(), value.c_str(), 1) != 0) return p.badarg();
    return am::true_;
}

// os:unsetenv/1
Term bif_os_unsetenv_1(Process& p, const Term* args) {
    std::string name;
    if (!string_arg(args[0], name)) return p.badarg();
    ::unsetenv(name.c_str());
    return am::true_;
}

// os:getpid/0 — the OS process id as a string.
Term bif_os_getpid_0(Process& p, const Term*) {
    return gc::make_byte_list(p.heap, std::to_string(::getpid()));
}

// os:timestamp/0 — {MegaSecs, Secs, MicroSecs} of the OS clock.
Term bif_os_timestamp_0(Process& p, const Term*) {
    int64_t us = ns_since_epoch() / 1000;
    return gc::make_tuple_of(p.heap, Term::small(us / 1000000000000),
                             Term::small((us / 1000000) % 1000000), Term::small(us % 1000000));
}

// os:system_time/0,1 — the OS clock in native units (nanoseconds) or a given unit.
Term bif_os_system_time_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, ns_since_epoch());
}
Term bif_os_system_time_1(Process& p, const Term* args) {
    return bif_erlang_system_time_1(p, args);  // the same clock; every time unit
}

// os:perf_counter/0 — a monotonic counter in native units.
Term bif_os_perf_counter_0(Process& p, const Term*) {
    using namespace std::chrono;
    return gc::make_integer(p.heap,
                            duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}

} // namespace joist
