// The match specification engine (ets/match_spec.h).
#include "ets/match_spec.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "bif/bif.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "term/compare.h"
#include "term/map.h"

namespace joist::ets {

namespace {

// Nesting deeper than this in a head or an expression makes the spec invalid (the walks
// below recurse on structure; erl's compiler has its own limits).
constexpr int kMaxDepth = 2000;

// The guard and body functions erl 25 allows in match specs for ETS, all erlang BIFs
// (not tuple_size, is_boolean, is_bitstring or is_function/2, as in erl 25).
const char* const kMsFunctions[][2] = {
    {"is_atom", "1"},     {"is_float", "1"},     {"is_integer", "1"},   {"is_list", "1"},
    {"is_number", "1"},   {"is_pid", "1"},       {"is_port", "1"},      {"is_reference", "1"},
    {"is_tuple", "1"},    {"is_map", "1"},       {"is_map_key", "2"},   {"is_binary", "1"},
    {"is_function", "1"}, {"is_record", "3"},   {"abs", "1"},          {"element", "2"},      {"hd", "1"},
    {"tl", "1"},          {"length", "1"},       {"map_get", "2"},      {"map_size", "1"},
    {"node", "0"},        {"node", "1"},         {"round", "1"},        {"size", "1"},
    {"trunc", "1"},       {"float", "1"},        {"binary_part", "2"},  {"binary_part", "3"},
    {"bit_size", "1"},    {"byte_size", "1"},    {"self", "0"},
    {"+", "1"},           {"+", "2"},            {"-", "1"},            {"-", "2"},
    {"*", "2"},           {"/", "2"},            {"div", "2"},          {"rem", "2"},
    {"band", "2"},        {"bor", "2"},          {"bxor", "2"},         {"bnot", "1"},
    {"bsl", "2"},         {"bsr", "2"},          {">", "2"},            {">=", "2"},
    {"<", "2"},           {"=<", "2"},           {"=:=", "2"},          {"==", "2"},
    {"=/=", "2"},         {"/=", "2"},           {"not", "1"},          {"xor", "2"},
};

uint64_t fn_key(uint32_t atom_index, uint64_t arity) { return (uint64_t(atom_index) << 8) | arity; }

const std::unordered_map<uint64_t, BifFn>& ms_functions() {
    static const std::unordered_map<uint64_t, BifFn> table = [] {
        std::unordered_map<uint64_t, BifFn> t;
        size_t n = 0;
        const BifInfo* bifs = bif_table(n);
        for (const auto& f : kMsFunctions) {
            uint32_t arity = uint32_t(f[1][0] - '0');
            for (size_t i = 0; i < n; ++i) {
                if (std::strcmp(bifs[i].module, "erlang") == 0 && bifs[i].name == std::string_view(f[0]) &&
                    bifs[i].arity == arity) {
                    t[fn_key(atoms().intern(f[0]).atom_index(), arity)] = bifs[i].fn;
                    break;
                }
            }
        }
        return t;
    }();
    return table;
}

struct Atoms {
    Term underscore = atoms().intern("_");
    Term dollar_underscore = atoms().intern("$_");
    Term dollar_dollar = atoms().intern("$$");
    Term const_ = atoms().intern("const");
    Term and_ = atoms().intern("and");
    Term or_ = atoms().intern("or");
    Term andalso = atoms().intern("andalso");
    Term orelse = atoms().intern("orelse");
    Term exit = atoms().intern("EXIT");
};

const Atoms& A() {
    static const Atoms a;
    return a;
}

// The N of a '$N' atom, or -1.
int64_t var_number(Term t) {
    if (!t.is_atom()) return -1;
    std::string_view s = atoms().name(t);
    if (s.size() < 2 || s[0] != '$' || s.size() > 11) return -1;
    int64_t n = 0;
    for (size_t i = 1; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

bool proper_list(Term l) {
    while (l.is_list()) l = l.tail();
    return l.is_nil();
}

// Collects the variables of a head; false if it nests too deep.
bool collect_head_vars(Term t, std::vector<uint32_t>& vars, int depth) {
    if (depth > kMaxDepth) return false;
    for (;;) {
        if (t.is_atom()) {
            if (var_number(t) >= 0 &&
                std::find(vars.begin(), vars.end(), t.atom_index()) == vars.end())
                vars.push_back(t.atom_index());
            return true;
        }
        if (t.is_list()) {
            if (!collect_head_vars(t.head(), vars, depth + 1)) return false;
            t = t.tail();
            continue;
        }
        if (t.is_tuple()) {
            for (uint64_t i = 0; i < t.tuple_arity(); ++i)
                if (!collect_head_vars(t.tuple_elem(i), vars, depth + 1)) return false;
            return true;
        }
        if (t.is_map()) {
            bool ok = true;
            map_for_each(t, [&](Term, Term v) { ok = ok && collect_head_vars(v, vars, depth + 1); });
            return ok;
        }
        return true;
    }
}

// Validates a guard or body expression against the variables its head binds.
bool valid_expr(Term e, const std::vector<uint32_t>& bound, int depth) {
    if (depth > kMaxDepth) return false;
    if (e.is_atom()) {
        if (e == A().dollar_underscore || e == A().dollar_dollar) return true;
        if (var_number(e) >= 0)
            return std::find(bound.begin(), bound.end(), e.atom_index()) != bound.end();
        return true;
    }
    if (e.is_list()) {
        for (; e.is_list(); e = e.tail())
            if (!valid_expr(e.head(), bound, depth + 1)) return false;
        return e.is_nil() || valid_expr(e, bound, depth + 1);
    }
    if (e.is_tuple()) {
        uint64_t n = e.tuple_arity();
        if (n == 0) return false;
        Term first = e.tuple_elem(0);
        if (n == 1 && first.is_tuple()) {
            for (uint64_t i = 0; i < first.tuple_arity(); ++i)
                if (!valid_expr(first.tuple_elem(i), bound, depth + 1)) return false;
            return true;
        }
        if (n == 2 && first == A().const_) return true;
        if (!first.is_atom()) return false;
        bool variadic = first == A().and_ || first == A().or_ || first == A().andalso ||
                        first == A().orelse;
        if (variadic) {
            if (n < 2) return false;
        } else if (!ms_functions().count(fn_key(first.atom_index(), n - 1))) {
            return false;
        }
        for (uint64_t i = 1; i < n; ++i)
            if (!valid_expr(e.tuple_elem(i), bound, depth + 1)) return false;
        return true;
    }
    if (e.is_map()) {
        bool ok = true;
        map_for_each(e, [&](Term, Term v) { ok = ok && valid_expr(v, bound, depth + 1); });
        return ok;
    }
    return true;
}

struct Ctx {
    Process& p;
    const MatchSpec& ms;
    Term obj;
    std::vector<Term>& vals;  // by position in ms.var_atoms; none(): unbound

    size_t slot(Term var) const {
        const auto& v = ms.var_atoms;
        return size_t(std::find(v.begin(), v.end(), var.atom_index()) - v.begin());
    }
};

bool match(Ctx& c, Term pat, Term t) {
    for (;;) {
        if (pat.is_atom()) {
            if (pat == A().underscore) return true;
            if (var_number(pat) >= 0) {
                Term& v = c.vals[c.slot(pat)];
                if (v.is_none()) {
                    v = t;
                    return true;
                }
                return terms_exact_eq(v, t);
            }
            return pat == t;
        }
        if (pat.is_list()) {
            if (!t.is_list()) return false;
            if (!match(c, pat.head(), t.head())) return false;
            pat = pat.tail();
            t = t.tail();
            continue;
        }
        if (pat.is_tuple()) {
            if (!t.is_tuple() || t.tuple_arity() != pat.tuple_arity()) return false;
            uint64_t n = pat.tuple_arity();
            for (uint64_t i = 0; i < n; ++i)
                if (!match(c, pat.tuple_elem(i), t.tuple_elem(i))) return false;
            return true;
        }
        if (pat.is_map()) {
            if (!t.is_map()) return false;
            bool ok = true;
            map_for_each(pat, [&](Term k, Term vp) {
                if (!ok) return;
                Term v = map_get(t, k);
                ok = v.is_value() && match(c, vp, v);
            });
            return ok;
        }
        return terms_exact_eq(pat, t);
    }
}

Term eval(Ctx& c, Term e);

Term call_bif(Ctx& c, BifFn fn, const Term* args) {
    Term r = fn(c.p, args);
    if (r.is_none()) c.p.exc_cause = Term::none();
    return r;
}

Term eval_call(Ctx& c, Term e) {
    uint64_t n = e.tuple_arity();
    Term f = e.tuple_elem(0);
    const Atoms& a = A();
    if (f == a.andalso || f == a.orelse) {
        Term stop = f == a.andalso ? am::false_ : am::true_;
        for (uint64_t i = 1; i < n; ++i) {
            Term v = eval(c, e.tuple_elem(i));
            if (v.is_none()) return v;
            if (i == n - 1) return v;
            if (v == stop) return v;
            if (v != am::true_ && v != am::false_) return Term::none();
        }
        return Term::none();
    }
    if (f == a.and_ || f == a.or_) {
        bool is_and = f == a.and_;
        bool acc = is_and;
        for (uint64_t i = 1; i < n; ++i) {
            Term v = eval(c, e.tuple_elem(i));
            if (v != am::true_ && v != am::false_) return Term::none();
            bool b = v == am::true_;
            acc = is_and ? (acc && b) : (acc || b);
        }
        return acc ? am::true_ : am::false_;
    }
    auto it = ms_functions().find(fn_key(f.atom_index(), n - 1));
    if (it == ms_functions().end()) return Term::none();
    Term args[3];
    for (uint64_t i = 1; i < n; ++i) {
        args[i - 1] = eval(c, e.tuple_elem(i));
        if (args[i - 1].is_none()) return Term::none();
    }
    return call_bif(c, it->second, args);
}

Term eval(Ctx& c, Term e) {
    if (e.is_atom()) {
        if (e == A().dollar_underscore) return c.obj;
        if (e == A().dollar_dollar) {
            Term list = Term::nil();
            for (size_t i = c.vals.size(); i-- > 0;)
                if (c.vals[i].is_value()) list = gc::make_cons(c.p.heap, c.vals[i], list);
            return list;
        }
        if (var_number(e) >= 0) {
            Term v = c.vals[c.slot(e)];
            return v;  // bound: the parser checked
        }
        return e;
    }
    if (e.is_list()) {
        // Evaluate the elements in order, then build the list back to front.
        std::vector<Term> elems;
        Term t = e;
        for (; t.is_list(); t = t.tail()) {
            Term v = eval(c, t.head());
            if (v.is_none()) return v;
            elems.push_back(v);
        }
        Term tail = Term::nil();
        if (!t.is_nil()) {
            tail = eval(c, t);
            if (tail.is_none()) return tail;
        }
        for (size_t i = elems.size(); i-- > 0;) tail = gc::make_cons(c.p.heap, elems[i], tail);
        return tail;
    }
    if (e.is_tuple()) {
        Term first = e.tuple_elem(0);
        if (e.tuple_arity() == 1 && first.is_tuple()) {
            uint64_t n = first.tuple_arity();
            std::vector<Term> elems(n);
            for (uint64_t i = 0; i < n; ++i) {
                elems[i] = eval(c, first.tuple_elem(i));
                if (elems[i].is_none()) return Term::none();
            }
            Term t = gc::make_tuple(c.p.heap, n);
            for (uint64_t i = 0; i < n; ++i) t.tuple_elems()[i] = elems[i];
            return t;
        }
        if (e.tuple_arity() == 2 && first == A().const_) return e.tuple_elem(1);
        return eval_call(c, e);
    }
    if (e.is_boxed_of(Subtag::FlatMap)) {
        // Keys are constants; values are expressions.
        const Term* m = e.boxed_ptr();
        uint64_t words = m[0].header_arity();
        std::vector<Term> vals(words - 1);
        for (uint64_t i = 0; i + 1 < words; ++i) {
            vals[i] = eval(c, m[2 + i]);
            if (vals[i].is_none()) return Term::none();
        }
        Term* out = c.p.alloc(1 + words);
        out[0] = m[0];
        out[1] = m[1];
        for (uint64_t i = 0; i + 1 < words; ++i) out[2 + i] = vals[i];
        return Term::boxed(out);
    }
    return e;
}

bool parse_from(Term spec, MatchSpec& out) {
    out.clauses.clear();
    out.var_atoms.clear();
    if (!proper_list(spec)) return false;
    std::vector<uint32_t> all_vars;
    for (Term l = spec; l.is_list(); l = l.tail()) {
        Term c = l.head();
        if (!c.is_tuple() || c.tuple_arity() != 3) return false;
        Term head = c.tuple_elem(0), guards = c.tuple_elem(1), body = c.tuple_elem(2);
        if (!proper_list(guards) || !proper_list(body) || body.is_nil()) return false;
        std::vector<uint32_t> bound;
        if (!collect_head_vars(head, bound, 0)) return false;
        MatchSpec::Clause clause;
        clause.head = head;
        for (Term g = guards; g.is_list(); g = g.tail()) {
            if (!valid_expr(g.head(), bound, 0)) return false;
            clause.guards.push_back(g.head());
        }
        for (Term b = body; b.is_list(); b = b.tail()) {
            if (!valid_expr(b.head(), bound, 0)) return false;
            clause.body.push_back(b.head());
        }
        for (uint32_t v : bound)
            if (std::find(all_vars.begin(), all_vars.end(), v) == all_vars.end()) all_vars.push_back(v);
        out.clauses.push_back(std::move(clause));
    }
    std::sort(all_vars.begin(), all_vars.end(), [](uint32_t a, uint32_t b) {
        return var_number(Term::atom(a)) < var_number(Term::atom(b));
    });
    out.var_atoms = std::move(all_vars);
    out.source = spec;
    return true;
}

} // namespace

bool ms_parse(Term spec, MatchSpec& out) { return parse_from(spec, out); }

void ms_make_persistent(MatchSpec& out) {
    size_t words = gc::term_size_shared(out.source);
    out.words = words ? std::make_unique_for_overwrite<Term[]>(words) : nullptr;
    Term* hp = out.words.get();
    Term copy = gc::copy_term_shared(out.source, hp, out.binaries);
    parse_from(copy, out);
}

MsOutcome ms_run(Process& p, const MatchSpec& ms, Term obj, Term& result) {
    // The bindings, reused by every run on this thread (ms_run never nests).
    thread_local std::vector<Term> vals;
    vals.assign(ms.var_atoms.size(), Term::none());
    Ctx c{p, ms, obj, vals};
    for (const MatchSpec::Clause& clause : ms.clauses) {
        std::fill(vals.begin(), vals.end(), Term::none());
        if (!match(c, clause.head, obj)) continue;
        bool pass = true;
        for (Term g : clause.guards) {
            if (eval(c, g) != am::true_) {
                pass = false;
                break;
            }
        }
        if (!pass) continue;
        Term r = Term::none();
        for (Term b : clause.body) {
            r = eval(c, b);
            if (r.is_none()) break;
        }
        result = r.is_none() ? A().exit : r;
        return MsOutcome::Match;
    }
    return MsOutcome::NoMatch;
}

bool ms_is_ground(Term t) {
    std::vector<Term> stack{t};
    while (!stack.empty()) {
        Term x = stack.back();
        stack.pop_back();
        if (x.is_atom()) {
            if (x == A().underscore || var_number(x) >= 0) return false;
        } else if (x.is_list()) {
            stack.push_back(x.head());
            stack.push_back(x.tail());
        } else if (x.is_tuple()) {
            for (uint64_t i = 0; i < x.tuple_arity(); ++i) stack.push_back(x.tuple_elem(i));
        } else if (x.is_map()) {
            map_for_each(x, [&](Term k, Term v) {
                stack.push_back(k);
                stack.push_back(v);
            });
        }
    }
    return true;
}

bool ms_bound_keys(const MatchSpec& ms, uint32_t keypos, std::vector<Term>& keys) {
    if (ms.clauses.empty()) return false;
    for (const MatchSpec::Clause& c : ms.clauses) {
        if (!c.head.is_tuple() || c.head.tuple_arity() < keypos) return false;
        Term k = c.head.tuple_elem(keypos - 1);
        if (!ms_is_ground(k)) return false;
    }
    for (const MatchSpec::Clause& c : ms.clauses) keys.push_back(c.head.tuple_elem(keypos - 1));
    return true;
}

} // namespace joist::ets
