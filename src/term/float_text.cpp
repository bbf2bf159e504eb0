// Float to text (see float_text.h). Shortest digits come from std::to_chars (Ryu-style shortest
// round trip); fixed notation follows erl: its own scaled rounding for modest floats and
// decimals, glibc's exact "%.*f" beyond.
#include "term/float_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace joist {

namespace {

// erl's own fixed notation covers up to 18 decimals of floats below 2^53; beyond, it uses C's.
constexpr int kMaxFastDecimals = 18;
constexpr double kFastLimit = 9007199254740992.0;  // 2^53
constexpr double kPow10[kMaxFastDecimals + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                                 1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                                 1e14, 1e15, 1e16, 1e17, 1e18};

} // namespace

std::string float_text_scientific(double d, int digits) {
    char buf[512];
    int n = std::snprintf(buf, sizeof buf, "%.*e", digits, d);
    return std::string(buf, size_t(n));
}

std::string float_text_decimals(double d, int decimals, bool compact) {
    if (decimals > kMaxFastDecimals || !(std::fabs(d) < kFastLimit)) {
        // erl's fallback: C's "%.*f" (ties to even), and `compact` strips every trailing zero,
        // integer digits included when there is no point, keeping one after a point.
        std::string out(size_t(320 + decimals), '\0');
        int n = std::snprintf(out.data(), out.size(), "%.*f", decimals, d);
        out.resize(size_t(n));
        if (compact) {
            while (out.size() > 1 && out.back() == '0') out.pop_back();
            if (out.back() == '.') out += '0';
        }
        return out;
    }
    // erl's fast path: the integer part exactly, the fraction scaled by 10^decimals in double
    // arithmetic and rounded half up.
    double a = std::fabs(d);
    double ip = std::floor(a);
    double y = (a - ip) * kPow10[decimals];
    double n = std::floor(y);
    if (y - n >= 0.5) n += 1;
    auto int_part = uint64_t(ip);
    auto frac = uint64_t(n);
    if (frac >= uint64_t(kPow10[decimals])) {
        ++int_part;
        frac -= uint64_t(kPow10[decimals]);
    }
    std::string out;
    if (std::signbit(d)) out += '-';
    out += std::to_string(int_part);
    if (decimals > 0) {
        std::string digits = std::to_string(frac);
        std::string text = std::string(size_t(decimals) - digits.size(), '0') + digits;
        if (compact) {
            size_t keep = text.find_last_not_of('0');
            text.resize(keep == std::string::npos ? 1 : keep + 1);
        }
        out += '.';
        out += text;
    }
    return out;
}

std::string float_text_short(double d) {
    std::string out;
    if (std::signbit(d)) out += '-';
    double a = std::fabs(d);
    if (a == 0.0) return out + "0.0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    std::string_view sci(buf, size_t(res.ptr - buf));  // d[.ddd]e[+-]XX
    size_t e = sci.find('e');
    std::string s;  // the significant digits
    for (char c : sci.substr(0, e)) {
        if (c != '.') s += c;
    }
    int exp10 = std::atoi(std::string(sci.substr(e + 1)).c_str());
    long place = exp10 + 1;  // value = 0.S * 10^place
    long len = long(s.size());
    auto with_exponent = [&](const std::string& exp_text) {
        std::string r(1, s[0]);
        r += '.';
        r += len == 1 ? std::string("0") : s.substr(1);
        r += 'e';
        r += exp_text;
        return r;
    };
    if (place == 0) return out + "0." + s;
    if (place < 0 || place >= len) {
        std::string exp_text = std::to_string(place - 1);
        long exp_cost = long(exp_text.size()) + 1 + (len == 1 ? 2 : 1);
        if (place < 0) {
            if (2 - place <= exp_cost) return out + "0." + std::string(size_t(-place), '0') + s;
            return out + with_exponent(exp_text);
        }
        // Floats from 2^53 up always take the exponent form in erl.
        if (a < kFastLimit && place - len + 2 <= exp_cost) {
            return out + s + std::string(size_t(place - len), '0') + ".0";
        }
        return out + with_exponent(exp_text);
    }
    return out + s.substr(0, size_t(place)) + "." + s.substr(size_t(place));
}

} // namespace joist
