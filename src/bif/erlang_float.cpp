// BIFs of module erlang writing floats as text with options: float_to_list/2 and
// float_to_binary/1,2 (the formatting itself is in term/float_text.cpp; float_to_list/1 is in
// erlang_arith.cpp).
#include <optional>
#include <string>

#include "bif/bif.h"
#include "gc/build.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "term/float_text.h"

namespace joist {

namespace {

// A {Name, N} option with 0 <= N <= max.
bool int_option(Term opt, std::string_view name, int max, int& out) {
    if (!opt.is_tuple() || opt.tuple_arity() != 2 || !opt.tuple_elem(0).is_atom()) return false;
    if (atoms().name(opt.tuple_elem(0)) != name) return false;
    Term n = opt.tuple_elem(1);
    if (!n.is_small() || n.small_value() < 0 || n.small_value() > max) return false;
    out = int(n.small_value());
    return true;
}

// The text float_to_list/2 makes of `f` with `options`, or nullopt for badarg. The last of
// {decimals, N}, {scientific, N} and short decides the form; the default is {scientific, 20}.
std::optional<std::string> float_text(Term f, Term options) {
    if (!f.is_float()) return std::nullopt;
    enum class Form { kScientific, kDecimals, kShort } form = Form::kScientific;
    int digits = 20;
    bool compact = false;
    Term l = options;
    for (; l.is_list(); l = l.tail()) {
        Term opt = l.head();
        int n;
        if (opt.is_atom() && atoms().name(opt) == "compact") {
            compact = true;
        } else if (opt.is_atom() && atoms().name(opt) == "short") {
            form = Form::kShort;
        } else if (int_option(opt, "decimals", kMaxFloatDecimals, n)) {
            form = Form::kDecimals;
            digits = n;
        } else if (int_option(opt, "scientific", kMaxFloatScientific, n)) {
            form = Form::kScientific;
            digits = n;
        } else {
            return std::nullopt;
        }
    }
    if (!l.is_nil()) return std::nullopt;
    double d = f.float_value();
    // erl's buffer is 256 bytes; `compact` only shortens a text that fitted.
    std::string s = form == Form::kShort        ? float_text_short(d)
                    : form == Form::kScientific ? float_text_scientific(d, digits)
                                                : float_text_decimals(d, digits, false);
    if (s.size() > kMaxFloatText) return std::nullopt;
    if (form == Form::kDecimals && compact) return float_text_decimals(d, digits, true);
    return s;
}

} // namespace

// erlang:float_to_list/2
Term bif_erlang_float_to_list_2(Process& p, const Term* args) {
    std::optional<std::string> s = float_text(args[0], args[1]);
    if (!s) return p.badarg();
    return gc::make_byte_list(p.heap, *s);
}

// erlang:float_to_binary/1
Term bif_erlang_float_to_binary_1(Process& p, const Term* args) {
    if (!args[0].is_float()) return p.badarg();
    return make_binary_from(p.heap, float_text_scientific(args[0].float_value(), 20));
}

// erlang:float_to_binary/2
Term bif_erlang_float_to_binary_2(Process& p, const Term* args) {
    std::optional<std::string> s = float_text(args[0], args[1]);
    if (!s) return p.badarg();
    return make_binary_from(p.heap, *s);
}

} // namespace joist
