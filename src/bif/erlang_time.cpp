// erlang BIFs for time: the monotonic and system clocks, time units, calendar time (local and
// universal, through the C library's time zone) and unique integers. The clocks themselves are
// described in bif/erlang_time.h. (erlang:convert_time_unit/3 is Erlang code in erlang.beam; it
// asks erts_internal:time_unit/0 and perf_counter_unit/0 below for the native units.)
#include "bif/erlang_time.h"

#include <atomic>
#include <chrono>
#include <climits>
#include <ctime>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/bignum.h"
#include "vm/vm.h"

namespace joist {

int64_t erl_monotonic_ns(const Vm& vm) {
    return int64_t(steady_now_ns() - vm.stats.start_ns) + kMonotonicStartNs;
}

__int128 steady_ns_of_erl_monotonic(const Vm& vm, __int128 erl_ns) {
    return erl_ns - kMonotonicStartNs + __int128(vm.stats.start_ns);
}

int64_t erl_system_ns() {
    using namespace std::chrono;
    return duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t time_unit_parts(Term unit) {
    if (unit.is_small()) return unit.small_value() > 0 ? unit.small_value() : 0;
    if (!unit.is_atom()) return 0;
    std::string_view n = atoms().name(unit);
    if (n == "second" || n == "seconds") return 1;
    if (n == "millisecond" || n == "milli_seconds") return 1000;
    if (n == "microsecond" || n == "micro_seconds") return 1000000;
    if (n == "nanosecond" || n == "nano_seconds" || n == "native" || n == "perf_counter")
        return kNanosPerSecond;
    return 0;
}

namespace {

// An integer term for any 128-bit value (a bignum beyond the small range).
Term make_int128(gc::Heap& h, __int128 v) {
    if (v >= INT64_MIN && v <= INT64_MAX) return gc::make_integer(h, int64_t(v));
    bool negative = v < 0;
    unsigned __int128 mag = negative ? -static_cast<unsigned __int128>(v) : v;
    uint64_t limbs[2] = {uint64_t(mag), uint64_t(mag >> 64)};
    return big_from_limbs(h, negative, limbs, 2);
}

// floor(value * to / from): erl rounds time conversions towards negative infinity.
__int128 convert(__int128 value, int64_t from, int64_t to) {
    __int128 v = value * to;
    __int128 q = v / from;
    if (v % from != 0 && v < 0) --q;
    return q;
}

Term in_unit(Process& p, int64_t ns, Term unit) {
    int64_t parts = time_unit_parts(unit);
    if (parts == 0) return p.badarg();
    return make_int128(p.heap, convert(ns, kNanosPerSecond, parts));
}

Term make_timestamp(Process& p, int64_t us) {
    return gc::make_tuple_of(p.heap, Term::small(us / 1000000000000),
                             Term::small(us / 1000000 % 1000000), Term::small(us % 1000000));
}

// --- calendar time: {{Y, Mo, D}, {H, Mi, S}} ---

struct DateTime {
    int64_t year, month, day, hour, minute, second;
};

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int64_t days_in_month(int64_t y, int64_t m) {
    static constexpr int64_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays[m - 1] + (m == 2 && is_leap(y));
}

// Reads {{Y, Mo, D}, {H, Mi, S}} of small integers; false if it is not that shape.
bool read_datetime(Term t, DateTime& dt) {
    if (!t.is_tuple() || t.tuple_arity() != 2) return false;
    Term date = t.tuple_elem(0), time = t.tuple_elem(1);
    if (!date.is_tuple() || date.tuple_arity() != 3 || !time.is_tuple() ||
        time.tuple_arity() != 3)
        return false;
    int64_t* out[6] = {&dt.year, &dt.month, &dt.day, &dt.hour, &dt.minute, &dt.second};
    for (int i = 0; i < 6; ++i) {
        Term v = i < 3 ? date.tuple_elem(i) : time.tuple_elem(i - 3);
        if (!v.is_small()) return false;
        *out[i] = v.small_value();
    }
    return true;
}

// A valid date and time (no leap second) with the year in [min_year, INT_MAX - 1], as erl
// checks them before converting.
bool valid_datetime(const DateTime& dt, int64_t min_year) {
    return dt.year >= min_year && dt.year <= INT_MAX - 1 && dt.month >= 1 && dt.month <= 12 &&
           dt.day >= 1 && dt.day <= days_in_month(dt.year, dt.month) && dt.hour >= 0 &&
           dt.hour <= 23 && dt.minute >= 0 && dt.minute <= 59 && dt.second >= 0 &&
           dt.second <= 59;
}

// erl's earliest year for local-time conversions ("sure to work on every platform").
constexpr int64_t kLocalMinYear = 1902;
// And for universal time <-> POSIX seconds.
constexpr int64_t kPosixMinYear = 1600;

// Days from 1970-01-01 to a valid proleptic Gregorian date (year >= 1600).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;  // years start in March, so the leap day ends them
    int64_t era = y / 400;  // y >= 1599 here: no negative division
    int64_t year_of_era = y - era * 400;
    int64_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

int64_t seconds_of(const DateTime& dt) {
    return days_from_civil(dt.year, dt.month, dt.day) * 86400 + dt.hour * 3600 +
           dt.minute * 60 + dt.second;
}

// The universal time of POSIX seconds. The year comes from a day-count estimate with C's
// truncating division, as erl computes it: for dates before year 0 erl's (and so joist's)
// result is off by a day or so from the proleptic Gregorian calendar.
DateTime datetime_of_seconds(int64_t secs) {
    DateTime dt;
    int64_t days = secs / 86400, rest = secs % 86400;
    if (rest < 0) {
        --days;
        rest += 86400;
    }
    dt.hour = rest / 3600;
    dt.minute = rest % 3600 / 60;
    dt.second = rest % 60;
    int64_t z = days + 719468;  // days since 0000-03-01
    auto days_before_year = [](int64_t y) { return 365 * y + y / 4 - y / 100 + y / 400; };
    int64_t y = (10000 * z + 14780) / 3652425;
    int64_t day_of_year = z - days_before_year(y);
    if (day_of_year < 0) {
        --y;
        day_of_year = z - days_before_year(y);
    }
    int64_t mp = (100 * day_of_year + 52) / 3060;  // month from March = 0
    dt.month = (mp + 2) % 12 + 1;
    dt.year = y + (mp + 2) / 12;
    dt.day = day_of_year - (mp * 306 + 5) / 10 + 1;
    return dt;
}

DateTime datetime_of_tm(const std::tm& tm) {
    return {tm.tm_year + 1900LL, tm.tm_mon + 1LL, tm.tm_mday + 0LL,
            tm.tm_hour + 0LL,    tm.tm_min + 0LL, tm.tm_sec + 0LL};
}

Term make_date(Process& p, const DateTime& dt) {
    return gc::make_tuple_of(p.heap, gc::make_integer(p.heap, dt.year), Term::small(dt.month),
                             Term::small(dt.day));
}
Term make_time(Process& p, const DateTime& dt) {
    return gc::make_tuple_of(p.heap, Term::small(dt.hour), Term::small(dt.minute),
                             Term::small(dt.second));
}
Term make_datetime(Process& p, const DateTime& dt) {
    Term date = make_date(p, dt);
    Term time = make_time(p, dt);
    return gc::make_tuple_of(p.heap, date, time);
}

DateTime local_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return datetime_of_tm(tm);
}

DateTime universal_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return datetime_of_tm(tm);
}

// mktime, retried as erl does: -1 is both the error value and 23:59:59 on 1969-12-31.
bool make_time_t(std::tm tm, std::time_t& out) {
    std::tm copy = tm;
    out = std::mktime(&copy);
    if (out != -1) return true;
    copy = tm;
    copy.tm_sec -= 1;
    return std::mktime(&copy) == -2;  // one second earlier: so -1 was the real answer
}

constexpr int64_t kSmallMin = -(int64_t(1) << 59);  // the smallest small integer
std::atomic<int64_t> g_unique{0};
std::atomic<int64_t> g_last_now_us{0};

} // namespace

// erlang:monotonic_time/0,1 — erlang.html#monotonic_time-0
Term bif_erlang_monotonic_time_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, erl_monotonic_ns(*p.vm));
}
Term bif_erlang_monotonic_time_1(Process& p, const Term* args) {
    return in_unit(p, erl_monotonic_ns(*p.vm), args[0]);
}

// erlang:system_time/0,1 — erlang.html#system_time-0
Term bif_erlang_system_time_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, erl_system_ns());
}
Term bif_erlang_system_time_1(Process& p, const Term* args) {
    return in_unit(p, erl_system_ns(), args[0]);
}

// erlang:time_offset/0,1 — system time minus monotonic time.
Term bif_erlang_time_offset_0(Process& p, const Term*) {
    return gc::make_integer(p.heap, erl_system_ns() - erl_monotonic_ns(*p.vm));
}
Term bif_erlang_time_offset_1(Process& p, const Term* args) {
    return in_unit(p, erl_system_ns() - erl_monotonic_ns(*p.vm), args[0]);
}

// erts_internal:time_unit/0, perf_counter_unit/0 — parts per second of native and
// perf_counter (for erlang:convert_time_unit/3).
Term bif_erts_internal_time_unit_0(Process&, const Term*) {
    return Term::small(kNanosPerSecond);
}
Term bif_erts_internal_perf_counter_unit_0(Process&, const Term*) {
    return Term::small(kNanosPerSecond);
}

// erlang:timestamp/0 — {MegaSecs, Secs, MicroSecs} of system time.
Term bif_erlang_timestamp_0(Process& p, const Term*) {
    return make_timestamp(p, erl_system_ns() / 1000);
}

// erlang:now/0 (deprecated) — as timestamp/0, but strictly increasing between calls.
Term bif_erlang_now_0(Process& p, const Term*) {
    int64_t us = erl_system_ns() / 1000;
    int64_t last = g_last_now_us.load(std::memory_order_relaxed);
    do {
        if (us <= last) us = last + 1;
    } while (!g_last_now_us.compare_exchange_weak(last, us, std::memory_order_relaxed));
    return make_timestamp(p, us);
}

// erlang:time/0, date/0, localtime/0, universaltime/0 — erlang.html#localtime-0
Term bif_erlang_time_0(Process& p, const Term*) { return make_time(p, local_now()); }
Term bif_erlang_date_0(Process& p, const Term*) { return make_date(p, local_now()); }
Term bif_erlang_localtime_0(Process& p, const Term*) { return make_datetime(p, local_now()); }
Term bif_erlang_universaltime_0(Process& p, const Term*) {
    return make_datetime(p, universal_now());
}

// erlang:localtime_to_universaltime/2 — erlang.html#localtime_to_universaltime-2. IsDst:
// true, false or undefined (let the C library decide).
Term bif_erlang_localtime_to_universaltime_2(Process& p, const Term* args) {
    DateTime dt;
    if (!read_datetime(args[0], dt) || !valid_datetime(dt, kLocalMinYear)) return p.badarg();
    int isdst;
    if (args[1] == am::true_) isdst = 1;
    else if (args[1] == am::false_) isdst = 0;
    else if (args[1] == am::undefined) isdst = -1;
    else return p.badarg();
    std::tm tm{};
    tm.tm_year = int(dt.year - 1900);
    tm.tm_mon = int(dt.month - 1);
    tm.tm_mday = int(dt.day);
    tm.tm_hour = int(dt.hour);
    tm.tm_min = int(dt.minute);
    tm.tm_sec = int(dt.second);
    tm.tm_isdst = isdst;
    std::time_t clock;
    if (!make_time_t(tm, clock)) {
        // A zone without summer time may refuse a DST time: read it as standard time.
        tm.tm_isdst = 0;
        if (isdst == 0 || !make_time_t(tm, clock)) return p.badarg();
    }
    std::tm out{};
    if (!gmtime_r(&clock, &out)) return p.badarg();
    return make_datetime(p, datetime_of_tm(out));
}

// erlang:universaltime_to_localtime/1 — erlang.html#universaltime_to_localtime-1
Term bif_erlang_universaltime_to_localtime_1(Process& p, const Term* args) {
    DateTime dt;
    if (!read_datetime(args[0], dt) || !valid_datetime(dt, kLocalMinYear)) return p.badarg();
    std::time_t clock = std::time_t(seconds_of(dt));
    std::tm out{};
    if (!localtime_r(&clock, &out)) return p.badarg();
    return make_datetime(p, datetime_of_tm(out));
}

// erlang:universaltime_to_posixtime/1, posixtime_to_universaltime/1 (undocumented; used by
// calendar).
Term bif_erlang_universaltime_to_posixtime_1(Process& p, const Term* args) {
    DateTime dt;
    if (!read_datetime(args[0], dt) || !valid_datetime(dt, kPosixMinYear)) return p.badarg();
    return gc::make_integer(p.heap, seconds_of(dt));
}
Term bif_erlang_posixtime_to_universaltime_1(Process& p, const Term* args) {
    int64_t secs;
    if (!args[0].is_integer() || !integer_to_int64(args[0], secs)) return p.badarg();
    return make_datetime(p, datetime_of_seconds(secs));
}

// erlang:unique_integer/0,1 — erlang.html#unique_integer-1. One VM-wide counter makes every
// value unique and, read in order, monotonic; positive ones start at 1, the others at the
// smallest small integer, as erl's.
Term bif_erlang_unique_integer_0(Process& p, const Term*) {
    int64_t n = g_unique.fetch_add(1, std::memory_order_relaxed);
    return gc::make_integer(p.heap, kSmallMin + n);
}
Term bif_erlang_unique_integer_1(Process& p, const Term* args) {
    bool positive = false;
    Term l = args[0];
    static const Term kPositive = atoms().intern("positive");
    static const Term kMonotonic = atoms().intern("monotonic");
    for (; l.is_list(); l = l.tail()) {
        if (l.head() == kPositive) positive = true;
        else if (l.head() != kMonotonic) return p.badarg();
    }
    if (!l.is_nil()) return p.badarg();
    int64_t n = g_unique.fetch_add(1, std::memory_order_relaxed);
    return gc::make_integer(p.heap, positive ? n + 1 : kSmallMin + n);
}

} // namespace joist
