// Float to text as erlang:float_to_list/2 writes it: scientific ({scientific, N}: C's "%.*e"),
// fixed ({decimals, N}: for up to 18 decimals of floats below 2^53 the integer part and the
// fraction times 10^N in double arithmetic rounded half up, as erl; beyond, C's exact "%.*f";
// optionally `compact`), and the shortest text that reads back as the same float (`short`,
// io_lib's ~p form; from 2^53 up always with an exponent).
#pragma once
#include <string>

namespace joist {

constexpr int kMaxFloatDecimals = 253;    // {decimals, N} limit
constexpr int kMaxFloatScientific = 249;  // {scientific, N} limit
constexpr size_t kMaxFloatText = 255;     // longer texts are badarg in erl

// d.ddde+XX with `digits` digits after the point (C's "%.*e").
std::string float_text_scientific(double d, int digits);
// Fixed notation with `decimals` digits after the point (none and no point for 0); `compact`
// drops trailing zeros after the point but keeps one digit. May exceed kMaxFloatText.
std::string float_text_decimals(double d, int decimals, bool compact);
// The shortest round-trip text: "1.0", "0.1", "1.0e20", "1.2345e-5" (io_lib_format's rules for
// choosing between plain and exponent notation).
std::string float_text_short(double d);

} // namespace joist
