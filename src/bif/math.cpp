// BIFs of module math: C library functions on doubles. Arguments are any numbers (badarg
// otherwise); an integer too big for a double, or a result that is not finite (a domain
// error's NaN, an overflow's or a pole's infinity), raises badarith, as in erl.
#include <cmath>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/bignum.h"

namespace joist {

namespace {

// `t` as a double. False with the exception recorded: badarg for a non-number, badarith for
// an integer beyond the double range.
bool arg_double(Process& p, Term t, double& out) {
    if (t.is_float()) {
        out = t.float_value();
        return true;
    }
    if (t.is_small()) {
        out = double(t.small_value());
        return true;
    }
    if (t.is_bignum()) {
        out = integer_to_double(t);
        if (std::isfinite(out)) return true;
        p.badarith();
        return false;
    }
    p.badarg();
    return false;
}

Term result(Process& p, double d) {
    if (!std::isfinite(d)) return p.badarith();
    return gc::make_float(p.heap, d);
}

Term call1(Process& p, const Term* args, double (*fn)(double)) {
    double x;
    if (!arg_double(p, args[0], x)) return Term::none();
    return result(p, fn(x));
}

Term call2(Process& p, const Term* args, double (*fn)(double, double)) {
    double x, y;
    if (!arg_double(p, args[0], x) || !arg_double(p, args[1], y)) return Term::none();
    return result(p, fn(x, y));
}

// Plain function pointers to the double overloads (std:: names are overload sets).
double c_sin(double x) { return std::sin(x); }
double c_cos(double x) { return std::cos(x); }
double c_tan(double x) { return std::tan(x); }
double c_asin(double x) { return std::asin(x); }
double c_acos(double x) { return std::acos(x); }
double c_atan(double x) { return std::atan(x); }
double c_atan2(double y, double x) { return std::atan2(y, x); }
double c_sinh(double x) { return std::sinh(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_exp(double x) { return std::exp(x); }
double c_log(double x) { return std::log(x); }
double c_log2(double x) { return std::log2(x); }
double c_log10(double x) { return std::log10(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_pow(double x, double y) { return std::pow(x, y); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_floor(double x) { return std::floor(x); }
double c_fmod(double x, double y) { return std::fmod(x, y); }

} // namespace

// math:sin/1 — math.html#sin-1
Term bif_math_sin_1(Process& p, const Term* args) { return call1(p, args, c_sin); }

// math:cos/1 — math.html#cos-1
Term bif_math_cos_1(Process& p, const Term* args) { return call1(p, args, c_cos); }

// math:tan/1 — math.html#tan-1
Term bif_math_tan_1(Process& p, const Term* args) { return call1(p, args, c_tan); }

// math:asin/1 — math.html#asin-1
Term bif_math_asin_1(Process& p, const Term* args) { return call1(p, args, c_asin); }

// math:acos/1 — math.html#acos-1
Term bif_math_acos_1(Process& p, const Term* args) { return call1(p, args, c_acos); }

// math:atan/1 — math.html#atan-1
Term bif_math_atan_1(Process& p, const Term* args) { return call1(p, args, c_atan); }

// math:atan2/2 — math.html#atan2-2
Term bif_math_atan2_2(Process& p, const Term* args) { return call2(p, args, c_atan2); }

// math:sinh/1 — math.html#sinh-1
Term bif_math_sinh_1(Process& p, const Term* args) { return call1(p, args, c_sinh); }

// math:cosh/1 — math.html#cosh-1
Term bif_math_cosh_1(Process& p, const Term* args) { return call1(p, args, c_cosh); }

// math:tanh/1 — math.html#tanh-1
Term bif_math_tanh_1(Process& p, const Term* args) { return call1(p, args, c_tanh); }

// math:asinh/1 — math.html#asinh-1
Term bif_math_asinh_1(Process& p, const Term* args) { return call1(p, args, c_asinh); }

// math:acosh/1 — math.html#acosh-1
Term bif_math_acosh_1(Process& p, const Term* args) { return call1(p, args, c_acosh); }

// math:atanh/1 — math.html#atanh-1
Term bif_math_atanh_1(Process& p, const Term* args) { return call1(p, args, c_atanh); }

// math:exp/1 — math.html#exp-1
Term bif_math_exp_1(Process& p, const Term* args) { return call1(p, args, c_exp); }

// math:log/1 — math.html#log-1
Term bif_math_log_1(Process& p, const Term* args) { return call1(p, args, c_log); }

// math:log2/1 — math.html#log2-1
Term bif_math_log2_1(Process& p, const Term* args) { return call1(p, args, c_log2); }

// math:log10/1 — math.html#log10-1
Term bif_math_log10_1(Process& p, const Term* args) { return call1(p, args, c_log10); }

// math:sqrt/1 — math.html#sqrt-1
Term bif_math_sqrt_1(Process& p, const Term* args) { return call1(p, args, c_sqrt); }

// math:pow/2 — math.html#pow-2
Term bif_math_pow_2(Process& p, const Term* args) { return call2(p, args, c_pow); }

// math:erf/1 — math.html#erf-1
Term bif_math_erf_1(Process& p, const Term* args) { return call1(p, args, c_erf); }

// math:erfc/1 — math.html#erfc-1
Term bif_math_erfc_1(Process& p, const Term* args) { return call1(p, args, c_erfc); }

// math:ceil/1 — math.html#ceil-1 (a float, unlike erlang:ceil/1)
Term bif_math_ceil_1(Process& p, const Term* args) { return call1(p, args, c_ceil); }

// math:floor/1 — math.html#floor-1 (a float, unlike erlang:floor/1)
Term bif_math_floor_1(Process& p, const Term* args) { return call1(p, args, c_floor); }

// math:fmod/2 — math.html#fmod-2 (a zero divisor gives NaN: badarith)
Term bif_math_fmod_2(Process& p, const Term* args) { return call2(p, args, c_fmod); }

} // namespace joist
