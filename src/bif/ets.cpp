// BIFs of module ets (OTP's ets.erl builds the rest on them). Tables and their storage are in
// ets/table.h, match specifications in ets/match_spec.h; docs/internals/ets.md has the design.
// Every operation finds the table through the registry, then takes the table's lock (shared
// to read, exclusive to write) for the rest of the call; terms are copied into storage before
// the lock is taken where possible, and copied out onto the caller's heap under it.
#include <algorithm>
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "bif/bif.h"
#include "bif/erlang_time.h"
#include "bif/sched_info.h"
#include "ets/match_spec.h"
#include "ets/table.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "process/process_table.h"
#include "term/compare.h"
#include "vm/vm.h"

namespace joist {

using ets::Access;
using ets::Data;
using ets::MatchSpec;
using ets::Stored;
using ets::Table;
using ets::Type;

namespace {

Term atom(const char* s) { return atoms().intern(s); }

struct EtsAtoms {
    Term set = atom("set"), ordered_set = atom("ordered_set"), bag = atom("bag"),
         duplicate_bag = atom("duplicate_bag");
    Term public_ = atom("public"), protected_ = atom("protected"), private_ = atom("private");
    Term named_table = atom("named_table"), keypos = atom("keypos"), heir = atom("heir"),
         none = atom("none"), read_concurrency = atom("read_concurrency"),
         write_concurrency = atom("write_concurrency"), compressed = atom("compressed"),
         decentralized_counters = atom("decentralized_counters"), auto_ = atom("auto");
    Term id = atom("id"), memory = atom("memory"), owner = atom("owner"), name = atom("name"),
         size = atom("size"), node = atom("node"), type = atom("type"),
         protection = atom("protection"), fixed = atom("fixed"), safe_fixed = atom("safe_fixed"),
         safe_fixed_monotonic_time = atom("safe_fixed_monotonic_time"), stats = atom("stats"),
         binary = atom("binary");
    Term end_of_table = atom("$end_of_table"), cont = atom("$joist_ets_cont"),
         transfer = atom("ETS-TRANSFER"), access = atom("access"), badkey = atom("badkey"),
         already_exists = atom("already_exists"), not_owner = atom("not_owner"),
         undefined = atom("undefined"),
         dollar_dollar = atom("$$"), dollar_underscore = atom("$_"), underscore = atom("_");
};

const EtsAtoms& E() {
    static const EtsAtoms a;
    return a;
}

Term badarg(Process& p, Term cause = Term::none()) {
    Term r = p.badarg();
    p.exc_cause = cause;
    return r;
}

bool is_bool(Term t) { return t == am::true_ || t == am::false_; }

// The table `tab` names, or nullptr after raising badarg (type: not a table identifier;
// id: no such table).
std::shared_ptr<Table> get_table(Process& p, Term tab) {
    bool bad_type = false;
    auto t = ets::find_table(tab, bad_type);
    if (!t) badarg(p, bad_type ? atom("type") : E().id);
    return t;
}

// Under the table's lock: false after raising badarg if it was deleted or `p` may not
// read (write) it.
bool usable(Process& p, const Table& t, bool write) {
    if (t.dead) return badarg(p, E().id), false;
    if (t.owner.load(std::memory_order_relaxed) == p.number) return true;
    if (t.access == Access::Public) return true;
    if (t.access == Access::Protected && !write) return true;
    return badarg(p, E().access), false;
}

#define TABLE_READ(t, tab)                                                                        \
    auto t = get_table(p, tab);                                                                   \
    if (!t) return Term::none();                                                                  \
    std::shared_lock lock_(t->lock);                                                              \
    if (!usable(p, *t, false)) return Term::none()

#define TABLE_WRITE(t, tab)                                                                       \
    auto t = get_table(p, tab);                                                                   \
    if (!t) return Term::none();                                                                  \
    std::unique_lock lock_(t->lock);                                                              \
    if (!usable(p, *t, true)) return Term::none()

bool is_set_type(const Table& t) { return t.type == Type::Set || t.type == Type::OrderedSet; }

// A list of `terms`, in order, on p's heap.
Term list_of(Process& p, const std::vector<Term>& terms) {
    Term l = Term::nil();
    for (size_t i = terms.size(); i-- > 0;) l = gc::make_cons(p.heap, terms[i], l);
    return l;
}

// Copies of the objects of a bucket, oldest first.
Term bucket_list(Process& p, const ets::Bucket& b) {
    std::vector<Term> v;
    v.reserve(b.size());
    for (const auto& o : b) v.push_back(ets::copy_out(p, o->term));
    return list_of(p, v);
}

// An object for a table: a tuple with at least keypos elements.
bool valid_object(const Table& t, Term obj) { return obj.is_tuple() && obj.tuple_arity() >= t.keypos; }

// The objects of insert/insert_new's second argument, stored; false if any is invalid.
bool stored_objects(const Table& t, Term arg, std::vector<std::unique_ptr<Stored>>& out) {
    if (arg.is_tuple()) {
        if (!valid_object(t, arg)) return false;
        out.push_back(ets::store(arg));
        return true;
    }
    Term l = arg;
    for (; l.is_list(); l = l.tail())
        if (!valid_object(t, l.head())) return false;
    if (!l.is_nil()) return false;
    for (l = arg; l.is_list(); l = l.tail()) out.push_back(ets::store(l.head()));
    return true;
}

Term type_atom(Type t) {
    switch (t) {
    case Type::Set: return E().set;
    case Type::OrderedSet: return E().ordered_set;
    case Type::Bag: return E().bag;
    case Type::DuplicateBag: return E().duplicate_bag;
    }
    return E().set;
}

Term access_atom(Access a) {
    switch (a) {
    case Access::Public: return E().public_;
    case Access::Protected: return E().protected_;
    case Access::Private: return E().private_;
    }
    return E().protected_;
}

// erl reports memory in words: the stored copies plus a fixed cost per table and object.
size_t memory_words(const Table& t) { return 150 + t.words + 6 * t.size; }

Term fix_list(Process& p, const Table& t) {
    std::vector<Term> v;
    for (auto it = t.fixes.rbegin(); it != t.fixes.rend(); ++it)
        v.push_back(gc::make_tuple_of(p.heap, Term::pid(it->first), gc::make_integer(p.heap, it->second)));
    return list_of(p, v);
}

// One info item of a table (under its lock), or none() for an unknown item.
Term info_item(Process& p, const Table& t, Term item) {
    const EtsAtoms& a = E();
    if (item == a.id) return t.named ? t.name : ets::table_ref(p.heap, t);
    if (item == a.decentralized_counters) return t.decentralized_counters ? am::true_ : am::false_;
    if (item == a.read_concurrency) return t.read_concurrency ? am::true_ : am::false_;
    if (item == a.write_concurrency && t.debug_fixed_locks)
        return gc::make_tuple_of(p.heap, atom("debug_hash_fixed_number_of_locks"),
                                 Term::small(t.debug_fixed_locks));
    if (item == a.write_concurrency)
        return t.write_concurrency_auto ? a.auto_ : t.write_concurrency ? am::true_ : am::false_;
    if (item == a.compressed) return t.compressed ? am::true_ : am::false_;
    if (item == a.memory) return gc::make_integer_u64(p.heap, memory_words(t));
    if (item == a.owner) return Term::pid(t.owner.load(std::memory_order_relaxed));
    if (item == a.heir)  // a heir that has exited is none, as in erl
        return t.heir && p.vm && p.vm->processes.find(t.heir) ? Term::pid(t.heir) : a.none;
    if (item == a.name) return t.name;
    if (item == a.size) return gc::make_integer_u64(p.heap, t.size);
    if (item == a.node) return am::nonode_nohost;
    if (item == a.named_table) return t.named ? am::true_ : am::false_;
    if (item == a.type) return type_atom(t.type);
    if (item == a.keypos) return Term::small(t.keypos);
    if (item == a.protection) return access_atom(t.access);
    if (item == a.binary) {
        // [{BlockAddress, Size, RefCount}] for each big binary the stored objects reference.
        Term all = Term::nil();
        for (const auto& [key, b] : t.data)
            for (const auto& o : b) {
                Term l = gc::binary_info(p.heap, o->binaries);
                for (; l.is_list(); l = l.tail()) all = gc::make_cons(p.heap, l.head(), all);
            }
        return all;
    }
    if (item == a.fixed) return t.fixes.empty() ? am::false_ : am::true_;
    if (item == a.safe_fixed || item == a.safe_fixed_monotonic_time) {
        if (t.fixes.empty()) return am::false_;
        Term when;
        if (item == a.safe_fixed) {
            int64_t us = t.fix_system_us;
            when = gc::make_tuple_of(p.heap, Term::small(us / 1000000000000), Term::small(us / 1000000 % 1000000),
                                     Term::small(us % 1000000));
        } else {
            when = gc::make_integer(p.heap, t.fix_monotonic_ns);
        }
        return gc::make_tuple_of(p.heap, when, fix_list(p, t));
    }
    return Term::none();
}

// --- match specifications and scans ---

// A scan's position: resume after `after` (none(): from the first object).
struct ScanResult {
    std::vector<Term> results;  // on p's heap
    bool more = false;           // objects remain after the last bucket scanned
    Term last_key = Term::none();  // the last bucket's key, on p's heap (when `more`)
};

// Runs `ms` over the table (under its lock) in key order, or reversed; stops after a bucket
// that brings the results to `limit` (0: no limit). Uses only the matching keys when every
// clause's head fixes the key.
ScanResult scan(Process& p, const Table& t, const MatchSpec& ms, bool reverse, Term after, size_t limit) {
    ScanResult r;
    auto visit = [&](const ets::Bucket& b) {
        for (const auto& o : b) {
            Term res;
            if (ets::ms_run(p, ms, o->term, res) == ets::MsOutcome::Match)
                r.results.push_back(ets::copy_out(p, res));
        }
    };
    std::vector<Term> keys;
    if (limit == 0 && after.is_none() && ets::ms_bound_keys(ms, t.keypos, keys)) {
        ets::KeyLess less{t.type == Type::OrderedSet};
        std::sort(keys.begin(), keys.end(), less);
        keys.erase(std::unique(keys.begin(), keys.end(),
                               [&](Term a, Term b) { return !less(a, b) && !less(b, a); }),
                   keys.end());
        if (reverse && t.type == Type::OrderedSet) std::reverse(keys.begin(), keys.end());
        for (Term k : keys) {
            auto it = t.data.find(k);
            if (it != t.data.end()) visit(it->second);
        }
        return r;
    }
    bool backwards = reverse && t.type == Type::OrderedSet;
    if (!backwards) {
        auto it = after.is_none() ? t.data.begin() : t.data.upper_bound(after);
        for (; it != t.data.end(); ++it) {
            visit(it->second);
            if (limit && r.results.size() >= limit) {
                if (std::next(it) != t.data.end()) {
                    r.more = true;
                    r.last_key = ets::copy_out(p, it->first);
                }
                break;
            }
        }
    } else {
        auto it = after.is_none() ? t.data.end() : t.data.lower_bound(after);
        while (it != t.data.begin()) {
            --it;
            visit(it->second);
            if (limit && r.results.size() >= limit) {
                if (it != t.data.begin()) {
                    r.more = true;
                    r.last_key = ets::copy_out(p, it->first);
                }
                break;
            }
        }
    }
    return r;
}

// [{Pattern, [], [Body]}] on p's heap: match/2 uses '$$', match_object/2 '$_'.
Term pattern_spec(Process& p, Term pattern, Term body) {
    Term clause = gc::make_tuple_of(p.heap, pattern, Term::nil(), gc::make_cons(p.heap, body, Term::nil()));
    return gc::make_cons(p.heap, clause, Term::nil());
}

// select/2 and its relatives: the list of results.
Term select_all(Process& p, Term tab, Term spec, bool reverse) {
    TABLE_READ(t, tab);
    MatchSpec ms;
    if (!ets::ms_parse(spec, ms)) return badarg(p);
    return list_of(p, scan(p, *t, ms, reverse, Term::none(), 0).results);
}

// select/3 and continuations: {Results, Continuation} or '$end_of_table'.
Term select_chunk(Process& p, Term tab, Term spec, Term limit_term, bool reverse, Term after) {
    if (!limit_term.is_small() || limit_term.small_value() <= 0) return badarg(p);
    TABLE_READ(t, tab);
    MatchSpec ms;
    if (!ets::ms_parse(spec, ms)) return badarg(p);
    ScanResult r = scan(p, *t, ms, reverse, after, size_t(limit_term.small_value()));
    if (r.results.empty()) return E().end_of_table;
    Term cont = E().end_of_table;
    if (r.more)
        // The table's reference, not its name: a table made later under the same name is
        // another table, and the continuation is badarg on it, as in erl.
        cont = gc::make_tuple_of(p.heap, E().cont, ets::table_ref(p.heap, *t), spec, limit_term,
                                 reverse ? am::true_ : am::false_, r.last_key);
    return gc::make_tuple_of(p.heap, list_of(p, r.results), cont);
}

// select/1, match/1, match_object/1, select_reverse/1.
Term select_continue(Process& p, Term cont) {
    if (cont == E().end_of_table) return cont;
    if (!cont.is_tuple() || cont.tuple_arity() != 6 || cont.tuple_elem(0) != E().cont ||
        !is_bool(cont.tuple_elem(4)))
        return badarg(p);
    return select_chunk(p, cont.tuple_elem(1), cont.tuple_elem(2), cont.tuple_elem(3),
                        cont.tuple_elem(4) == am::true_, cont.tuple_elem(5));
}

// Compiled match specs (match_spec_compile/1): kept for the VM's lifetime, one per distinct
// spec (erl frees them with the last reference to them; joist has no such hook for
// references yet, so equal specs share one entry to bound what is kept).
struct CompiledSpecs {
    std::mutex mutex;
    std::unordered_map<uint64_t, std::unique_ptr<MatchSpec>> by_id;
    std::vector<std::pair<uint64_t, MatchSpec*>> all;
};

CompiledSpecs& compiled() {
    static CompiledSpecs c;
    return c;
}

const MatchSpec* find_compiled(Term ref) {
    uint64_t id = ref_id_of(ref);
    if (id == 0) return nullptr;
    CompiledSpecs& c = compiled();
    std::lock_guard lock(c.mutex);
    auto it = c.by_id.find(id);
    return it == c.by_id.end() ? nullptr : it->second.get();
}

BifFn plus_bif() {
    static const BifFn fn = [] {
        size_t n = 0;
        const BifInfo* bifs = bif_table(n);
        for (size_t i = 0; i < n; ++i)
            if (std::string_view(bifs[i].module) == "erlang" && std::string_view(bifs[i].name) == "+" &&
                bifs[i].arity == 2)
                return bifs[i].fn;
        return BifFn(nullptr);
    }();
    return fn;
}

bool is_negative(Term i) { return i.is_small() ? i.small_value() < 0 : i.is_boxed_of(Subtag::NegBig); }

// One update_counter operation on `obj` (a fresh tuple on p's heap); the new value, or none()
// for a bad operation (p.exc_cause set to erl's cause when it names one).
Term apply_counter_op(Process& p, const Table& t, Term obj, Term op) {
    Term pos_t, incr, threshold = Term::none(), setvalue = Term::none();
    if (op.is_integer()) {
        pos_t = Term::small(t.keypos + 1);
        incr = op;
    } else if (op.is_tuple() && (op.tuple_arity() == 2 || op.tuple_arity() == 4)) {
        pos_t = op.tuple_elem(0);
        incr = op.tuple_elem(1);
        if (op.tuple_arity() == 4) {
            threshold = op.tuple_elem(2);
            setvalue = op.tuple_elem(3);
            if (!threshold.is_integer() || !setvalue.is_integer()) return Term::none();
        }
    } else {
        return Term::none();
    }
    if (!pos_t.is_small() || !incr.is_integer()) return Term::none();
    int64_t pos = pos_t.small_value();
    if (uint64_t(pos) == t.keypos) return p.exc_cause = E().keypos, Term::none();
    if (pos >= 1 && uint64_t(pos) > obj.tuple_arity()) return p.exc_cause = atom("position"), Term::none();
    if (pos < 1) return Term::none();
    Term old = obj.tuple_elem(uint64_t(pos - 1));
    if (!old.is_integer()) return Term::none();
    Term args[2] = {old, incr};
    Term v = plus_bif()(p, args);
    if (v.is_none()) return v;
    if (threshold.is_value()) {
        int c = compare_terms(v, threshold);
        if (is_negative(incr) ? c < 0 : c > 0) v = setvalue;
    }
    obj.tuple_elems()[pos - 1] = v;
    return v;
}

// A fresh copy of tuple `t` on p's heap (its elements shared).
Term fresh_tuple(Process& p, Term t) {
    uint64_t n = t.tuple_arity();
    Term c = gc::make_tuple(p.heap, n);
    for (uint64_t i = 0; i < n; ++i) c.tuple_elems()[i] = t.tuple_elem(i);
    return c;
}

Term update_counter(Process& p, Term tab, Term key, Term ops, Term dflt) {
    TABLE_WRITE(t, tab);
    if (!is_set_type(*t)) return badarg(p, atom("table_type"));
    auto it = t->data.find(key);
    Term obj;
    if (it != t->data.end()) {
        obj = fresh_tuple(p, it->second[0]->term);
    } else {
        if (dflt.is_none()) return badarg(p, E().badkey);
        if (!valid_object(*t, dflt)) return badarg(p);
        obj = fresh_tuple(p, dflt);
        obj.tuple_elems()[t->keypos - 1] = key;
    }
    Term result;
    if (ops.is_list() || ops.is_nil()) {
        std::vector<Term> vals;
        Term l = ops;
        for (; l.is_list(); l = l.tail()) {
            p.exc_cause = Term::none();
            Term v = apply_counter_op(p, *t, obj, l.head());
            if (v.is_none()) return badarg(p, p.exc_cause);
            vals.push_back(v);
        }
        if (!l.is_nil()) return badarg(p);
        result = list_of(p, vals);
    } else {
        p.exc_cause = Term::none();
        result = apply_counter_op(p, *t, obj, ops);
        if (result.is_none()) return badarg(p, p.exc_cause);
    }
    // The values may share words with the stored object (an increment of 0 can return the
    // old bignum itself): copy them before the old object is freed.
    result = ets::copy_out(p, result);
    t->insert(ets::store(obj));
    return result;
}

} // namespace

// ets:new/2 — ets.html#new-2
Term bif_ets_new_2(Process& p, const Term* args) {
    Term name = args[0], opts = args[1];
    if (!name.is_atom()) return badarg(p);
    const EtsAtoms& a = E();
    Type type = Type::Set;
    Access access = Access::Protected;
    int64_t keypos = 1;
    bool named = false, rc = false, fine = false, wc_auto = false, comp = false, dc = false;
    int dc_opt = -1;
    int64_t fixed_locks = 0;  // erl's debug option; 0: none
    Term heir = Term::none(), heir_data = Term::nil();
    Term l = opts;
    for (; l.is_list(); l = l.tail()) {
        Term o = l.head();
        if (o == a.set) type = Type::Set;
        else if (o == a.ordered_set) {
            type = Type::OrderedSet;
            dc = true;
        }
        else if (o == a.bag) type = Type::Bag;
        else if (o == a.duplicate_bag) type = Type::DuplicateBag;
        else if (o == a.public_) access = Access::Public;
        else if (o == a.protected_) access = Access::Protected;
        else if (o == a.private_) access = Access::Private;
        else if (o == a.named_table) named = true;
        else if (o == a.compressed) comp = true;
        else if (o.is_tuple() && o.tuple_arity() == 2) {
            Term k = o.tuple_elem(0), v = o.tuple_elem(1);
            if (k == a.keypos && v.is_small() && v.small_value() >= 1) keypos = v.small_value();
            else if (k == a.heir && v == a.none) heir = Term::none();
            else if (k == a.read_concurrency && is_bool(v)) rc = v == am::true_;
            else if (k == a.write_concurrency && v == a.auto_) {
                dc = fine = wc_auto = true;
                fixed_locks = 0;
            } else if (k == a.write_concurrency && v.is_tuple() && v.tuple_arity() == 2 &&
                       v.tuple_elem(0) == atom("debug_hash_fixed_number_of_locks") &&
                       v.tuple_elem(1).is_small() && v.tuple_elem(1).small_value() >= 1 &&
                       v.tuple_elem(1).small_value() <= 32768) {
                dc = fine = true;
                wc_auto = false;
                fixed_locks = v.tuple_elem(1).small_value();
            }
            else if (k == a.write_concurrency && v == am::true_) {
                if (type != Type::OrderedSet) dc = false;
                fine = true;
                wc_auto = false;
                fixed_locks = 0;
            } else if (k == a.write_concurrency && v == am::false_) {
                fine = wc_auto = false;
                fixed_locks = 0;
            }
            else if (k == a.decentralized_counters && is_bool(v)) dc_opt = v == am::true_;
            else return badarg(p);
        } else if (o.is_tuple() && o.tuple_arity() == 3 && o.tuple_elem(0) == a.heir &&
                   o.tuple_elem(1).is_local_pid()) {
            heir = o.tuple_elem(1);
            heir_data = o.tuple_elem(2);
        } else {
            return badarg(p);
        }
    }
    if (!l.is_nil()) return badarg(p);
    if (fixed_locks && type == Type::OrderedSet) return badarg(p);  // hash tables only, as erl
    auto t = std::make_shared<Table>(type, new_ref_id());
    t->keypos = uint32_t(std::min<int64_t>(keypos, 1 << 30));
    t->named = named;
    t->name = name;
    t->access = access;
    if (dc_opt != -1) dc = dc_opt == 1;
    bool is_private = access == Access::Private;
    t->read_concurrency = rc && !is_private;
    t->write_concurrency = fine && !is_private;
    t->write_concurrency_auto = t->write_concurrency && wc_auto;
    t->debug_fixed_locks = t->write_concurrency ? uint32_t(fixed_locks) : 0;
    t->compressed = comp;
    t->decentralized_counters = dc && t->write_concurrency;
    if (heir.is_value()) {
        t->heir = heir.pid_number();
        t->heir_data = ets::store(heir_data);
    }
    t->owner.store(p.number, std::memory_order_relaxed);
    p.may_own_ets.store(true, std::memory_order_release);
    if (!ets::register_table(t)) return badarg(p, a.already_exists);
    return named ? name : ets::table_ref(p.heap, *t);
}

// ets:insert/2 — ets.html#insert-2 (a list is inserted atomically)
Term bif_ets_insert_2(Process& p, const Term* args) {
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    std::vector<std::unique_ptr<Stored>> objs;
    if (!stored_objects(*t, args[1], objs)) return badarg(p);
    std::unique_lock lock(t->lock);
    if (!usable(p, *t, true)) return Term::none();
    for (auto& o : objs) t->insert(std::move(o));
    return am::true_;
}

// ets:insert_new/2 — ets.html#insert_new-2 (nothing is inserted if any key exists)
Term bif_ets_insert_new_2(Process& p, const Term* args) {
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    std::vector<std::unique_ptr<Stored>> objs;
    if (!stored_objects(*t, args[1], objs)) return badarg(p);
    std::unique_lock lock(t->lock);
    if (!usable(p, *t, true)) return Term::none();
    for (const auto& o : objs)
        if (t->data.count(t->key_of(o->term))) return am::false_;
    for (auto& o : objs) t->insert(std::move(o));
    return am::true_;
}

// ets:lookup/2 — ets.html#lookup-2
Term bif_ets_lookup_2(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    auto it = t->data.find(args[1]);
    if (it == t->data.end()) return Term::nil();
    return bucket_list(p, it->second);
}

// ets:lookup_element/3 — ets.html#lookup_element-3
Term bif_ets_lookup_element_3(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    Term pos = args[2];
    if (!pos.is_small() || pos.small_value() < 1) return badarg(p);
    auto it = t->data.find(args[1]);
    if (it == t->data.end()) return badarg(p, E().badkey);
    uint64_t i = uint64_t(pos.small_value());
    for (const auto& o : it->second)
        if (o->term.tuple_arity() < i) return badarg(p);
    if (is_set_type(*t)) return ets::copy_out(p, it->second[0]->term.tuple_elem(i - 1));
    std::vector<Term> v;
    for (const auto& o : it->second) v.push_back(ets::copy_out(p, o->term.tuple_elem(i - 1)));
    return list_of(p, v);
}

// ets:member/2 — ets.html#member-2
Term bif_ets_member_2(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    return t->data.count(args[1]) ? am::true_ : am::false_;
}

// ets:delete/1 — ets.html#delete-1 (the owner, or anyone for a public table)
Term bif_ets_delete_1(Process& p, const Term* args) {
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    {
        std::shared_lock lock(t->lock);
        if (!usable(p, *t, true)) return Term::none();
    }
    ets::delete_table(t);
    return am::true_;
}

// ets:delete/2 — ets.html#delete-2
Term bif_ets_delete_2(Process& p, const Term* args) {
    TABLE_WRITE(t, args[0]);
    auto it = t->data.find(args[1]);
    if (it != t->data.end()) t->erase_bucket(it);
    return am::true_;
}

// ets:delete_object/2 — ets.html#delete_object-2 (every object =:= Object)
Term bif_ets_delete_object_2(Process& p, const Term* args) {
    TABLE_WRITE(t, args[0]);
    Term obj = args[1];
    if (!valid_object(*t, obj)) return badarg(p);
    auto it = t->data.find(t->key_of(obj));
    if (it == t->data.end()) return am::true_;
    for (size_t i = it->second.size(); i-- > 0;) {
        if (terms_exact_eq(it->second[i]->term, obj)) {
            bool last = it->second.size() == 1;
            t->erase_object(it, i);
            if (last) break;
            it = t->data.find(t->key_of(obj));
        }
    }
    return am::true_;
}

// ets:internal_delete_all/2 (ets:delete_all_objects/1, select_delete/2 with a match-all spec):
// the number of objects deleted.
Term bif_ets_internal_delete_all_2(Process& p, const Term* args) {
    Data doomed;
    size_t n;
    {
        TABLE_WRITE(t, args[0]);
        n = t->size;
        doomed.swap(t->data);
        t->data = Data(ets::KeyLess{t->type == Type::OrderedSet});
        t->size = t->words = 0;
    }
    return gc::make_integer_u64(p.heap, n);
}

// ets:take/2 — ets.html#take-2
Term bif_ets_take_2(Process& p, const Term* args) {
    TABLE_WRITE(t, args[0]);
    auto it = t->data.find(args[1]);
    if (it == t->data.end()) return Term::nil();
    Term l = bucket_list(p, it->second);
    t->erase_bucket(it);
    return l;
}

// ets:first/1 — ets.html#first-1 (for the unordered types, joist's order)
Term bif_ets_first_1(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    if (t->data.empty()) return E().end_of_table;
    return ets::copy_out(p, t->data.begin()->first);
}

// ets:last/1 — ets.html#last-1 (for the unordered types, the same as first/1, as in erl)
Term bif_ets_last_1(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    if (t->data.empty()) return E().end_of_table;
    if (t->type != Type::OrderedSet) return ets::copy_out(p, t->data.begin()->first);
    return ets::copy_out(p, std::prev(t->data.end())->first);
}

// ets:next/2 — ets.html#next-2 (an unordered table's Key must be in it unless the table is
// fixed; '$end_of_table' is badarg)
Term bif_ets_next_2(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    Data::const_iterator it;
    if (args[1] == E().end_of_table) return badarg(p);  // erl's ordered_set says so too
    if (t->type == Type::OrderedSet) {
        it = t->data.upper_bound(args[1]);
    } else {
        it = t->data.find(args[1]);
        if (it != t->data.end()) {
            ++it;
        } else if (!t->fixes.empty()) {
            // A fixed table: the key may have been deleted since the caller got it, and the
            // walk goes on (erl keeps deleted objects of a fixed table until it is unfixed).
            it = t->data.upper_bound(args[1]);
        } else {
            return badarg(p);
        }
    }
    if (it == t->data.end()) return E().end_of_table;
    return ets::copy_out(p, it->first);
}

// ets:prev/2 — ets.html#prev-2 (for the unordered types, the same as next/2, as in erl)
Term bif_ets_prev_2(Process& p, const Term* args) {
    Term tab = args[0];
    {
        bool bad = false;
        auto t = ets::find_table(tab, bad);
        if (t && t->type != Type::OrderedSet) return bif_ets_next_2(p, args);
    }
    TABLE_READ(t, tab);
    if (args[1] == E().end_of_table) return badarg(p);
    auto it = t->data.lower_bound(args[1]);
    if (it == t->data.begin()) return E().end_of_table;
    return ets::copy_out(p, std::prev(it)->first);
}

// ets:update_counter/3 — ets.html#update_counter-3
Term bif_ets_update_counter_3(Process& p, const Term* args) {
    return update_counter(p, args[0], args[1], args[2], Term::none());
}

// ets:update_counter/4 — ets.html#update_counter-4 (Default's key is replaced by Key)
Term bif_ets_update_counter_4(Process& p, const Term* args) {
    return update_counter(p, args[0], args[1], args[2], args[3]);
}

// ets:update_element/3 — ets.html#update_element-3 (false if Key is missing)
Term bif_ets_update_element_3(Process& p, const Term* args) {
    TABLE_WRITE(t, args[0]);
    if (!is_set_type(*t)) return badarg(p, atom("table_type"));
    std::vector<Term> ops;
    Term l = args[2];
    if (l.is_tuple()) {
        ops.push_back(l);
    } else {
        for (; l.is_list(); l = l.tail()) ops.push_back(l.head());
        if (!l.is_nil()) return badarg(p);
    }
    for (Term op : ops)
        if (!op.is_tuple() || op.tuple_arity() != 2 || !op.tuple_elem(0).is_small()) return badarg(p);
    auto it = t->data.find(args[1]);
    if (it == t->data.end()) return am::false_;
    Term obj = fresh_tuple(p, it->second[0]->term);
    for (Term op : ops) {
        int64_t pos = op.tuple_elem(0).small_value();
        if (uint64_t(pos) == t->keypos) return badarg(p, E().keypos);
        if (pos < 1 || uint64_t(pos) > obj.tuple_arity()) return badarg(p);
        obj.tuple_elems()[pos - 1] = op.tuple_elem(1);
    }
    t->insert(ets::store(obj));
    return am::true_;
}

// ets:give_away/3 — ets.html#give_away-3 ({'ETS-TRANSFER', Tab, FromPid, GiftData} to Pid)
Term bif_ets_give_away_3(Process& p, const Term* args) {
    Term pid = args[1];
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    std::unique_lock lock(t->lock);
    if (t->dead) return badarg(p, E().id);
    if (!pid.is_local_pid()) return badarg(p);
    if (t->owner.load(std::memory_order_relaxed) != p.number) return badarg(p, E().not_owner);
    if (pid.pid_number() == p.number) return badarg(p, E().owner);
    Process* to = p.vm->processes.find(pid);
    if (!to) return badarg(p);
    t->owner.store(pid.pid_number(), std::memory_order_release);
    to->may_own_ets.store(true, std::memory_order_release);
    Term id = t->named ? t->name : ets::table_ref(p.heap, *t);
    send_message(*to, gc::make_tuple_of(p.heap, E().transfer, id, p.pid(), args[2]));
    return am::true_;
}

// ets:setopts/2 — ets.html#setopts-2 ({heir, Pid, Data}, {heir, none}, {protection, P})
Term bif_ets_setopts_2(Process& p, const Term* args) {
    std::vector<Term> opts;
    Term l = args[1];
    if (l.is_tuple()) {
        opts.push_back(l);
    } else {
        for (; l.is_list(); l = l.tail()) opts.push_back(l.head());
        if (!l.is_nil()) return badarg(p);
    }
    const EtsAtoms& a = E();
    for (Term o : opts) {
        bool ok = o.is_tuple() &&
                  ((o.tuple_arity() == 2 && o.tuple_elem(0) == a.heir && o.tuple_elem(1) == a.none) ||
                   (o.tuple_arity() == 3 && o.tuple_elem(0) == a.heir && o.tuple_elem(1).is_local_pid()) ||
                   (o.tuple_arity() == 2 && o.tuple_elem(0) == a.protection &&
                    (o.tuple_elem(1) == a.public_ || o.tuple_elem(1) == a.protected_ ||
                     o.tuple_elem(1) == a.private_)));
        if (!ok) return badarg(p);
    }
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    std::unique_lock lock(t->lock);
    if (t->dead) return badarg(p, E().id);
    if (t->owner.load(std::memory_order_relaxed) != p.number) return badarg(p, E().owner);
    for (Term o : opts) {
        if (o.tuple_elem(0) == a.heir) {
            if (o.tuple_arity() == 2) {
                t->heir = 0;
                t->heir_data.reset();
            } else {
                t->heir = o.tuple_elem(1).pid_number();
                t->heir_data = ets::store(o.tuple_elem(2));
            }
        } else {
            Term v = o.tuple_elem(1);
            t->access = v == a.public_ ? Access::Public : v == a.private_ ? Access::Private : Access::Protected;
        }
    }
    return am::true_;
}

// ets:rename/2 — ets.html#rename-2
Term bif_ets_rename_2(Process& p, const Term* args) {
    Term name = args[1];
    auto t = get_table(p, args[0]);
    if (!t) return Term::none();
    if (!name.is_atom()) return badarg(p);
    {
        std::shared_lock lock(t->lock);
        if (!usable(p, *t, true)) return Term::none();
    }
    if (!ets::rename_table(t, name)) return badarg(p);
    return t->named ? name : args[0];
}

// ets:whereis/1 — ets.html#whereis-1 (the reference of a named table, or undefined)
Term bif_ets_whereis_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return badarg(p);
    bool bad = false;
    auto t = ets::find_table(args[0], bad);
    if (!t) return E().undefined;
    std::shared_lock lock(t->lock);
    if (t->dead) return E().undefined;
    return ets::table_ref(p.heap, *t);
}

// ets:internal_request_all/0 (ets:all/0): a reference Ref, and one {Ref, Tables} message to
// the caller per scheduler (here the first holds every table, the others []).
Term bif_ets_internal_request_all_0(Process& p, const Term* args) {
    uint64_t id = new_ref_id();
    Term ref = make_ref_term(p.heap, id);
    std::vector<Term> ids;
    for (const auto& t : ets::all_tables()) {
        std::shared_lock lock(t->lock);
        if (t->dead) continue;
        ids.push_back(t->named ? t->name : ets::table_ref(p.heap, *t));
    }
    Term n = scheduler_system_info(p, atom("schedulers"));
    int64_t count = n.is_small() ? n.small_value() : 1;
    send_message(p, gc::make_tuple_of(p.heap, ref, list_of(p, ids)));
    for (int64_t i = 1; i < count; ++i) send_message(p, gc::make_tuple_of(p.heap, ref, Term::nil()));
    return ref;
}

// ets:info/1 — ets.html#info-1 (undefined for a table that does not exist)
Term bif_ets_info_1(Process& p, const Term* args) {
    bool bad = false;
    auto t = ets::find_table(args[0], bad);
    if (bad) return badarg(p, atom("type"));
    if (!t) return E().undefined;
    std::shared_lock lock(t->lock);
    if (t->dead) return E().undefined;
    const EtsAtoms& a = E();
    const Term items[] = {a.id,   a.decentralized_counters, a.read_concurrency, a.write_concurrency,
                          a.compressed, a.memory, a.owner, a.heir, a.name, a.size, a.node,
                          a.named_table, a.type, a.keypos, a.protection};
    std::vector<Term> v;
    for (Term item : items) v.push_back(gc::make_tuple_of(p.heap, item, info_item(p, *t, item)));
    return list_of(p, v);
}

// ets:info/2 — ets.html#info-2
Term bif_ets_info_2(Process& p, const Term* args) {
    bool bad = false;
    auto t = ets::find_table(args[0], bad);
    if (bad) return badarg(p, atom("type"));
    if (!args[1].is_atom()) return badarg(p);
    if (!t) return E().undefined;
    std::shared_lock lock(t->lock);
    if (t->dead) return E().undefined;
    if (args[1] == E().stats)
        return p.error(gc::make_tuple_of(p.heap, atom("unsupported"),
                                         gc::make_tuple_of(p.heap, atom("ets"), atom("info"), E().stats)));
    Term v = info_item(p, *t, args[1]);
    if (v.is_none()) return badarg(p);
    return v;
}

// ets:slot/2 — ets.html#slot-2 (a slot is a key here: its objects)
Term bif_ets_slot_2(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    Term i = args[1];
    if (!i.is_small() || i.small_value() < 0) return badarg(p);
    uint64_t n = uint64_t(i.small_value());
    if (n == t->data.size()) return E().end_of_table;
    if (n > t->data.size()) return badarg(p);
    auto it = t->data.begin();
    std::advance(it, ptrdiff_t(n));
    return bucket_list(p, it->second);
}

// ets:safe_fixtable/2 — ets.html#safe_fixtable-2 (recorded for info/2; joist's iteration
// is safe without it: next/2 on an ordered key works whatever changed)
Term bif_ets_safe_fixtable_2(Process& p, const Term* args) {
    Term on = args[1];
    TABLE_READ(t, args[0]);
    if (!is_bool(on)) return badarg(p);
    lock_.unlock();
    std::unique_lock lock(t->lock);
    if (t->dead) return badarg(p, E().id);
    auto it = std::find_if(t->fixes.begin(), t->fixes.end(), [&](const auto& f) { return f.first == p.number; });
    if (on == am::true_) {
        if (t->fixes.empty()) {
            t->fix_monotonic_ns = erl_monotonic_ns(*p.vm);
            t->fix_system_us = std::chrono::duration_cast<std::chrono::microseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count();
        }
        if (it != t->fixes.end()) it->second += 1;
        else t->fixes.emplace_back(p.number, 1);
    } else if (it != t->fixes.end()) {
        if (--it->second == 0) t->fixes.erase(it);
    }
    return am::true_;
}

// ets:match/2 — ets.html#match-2
Term bif_ets_match_2(Process& p, const Term* args) {
    return select_all(p, args[0], pattern_spec(p, args[1], E().dollar_dollar), false);
}

// ets:match/3 — ets.html#match-3
Term bif_ets_match_3(Process& p, const Term* args) {
    return select_chunk(p, args[0], pattern_spec(p, args[1], E().dollar_dollar), args[2], false, Term::none());
}

// ets:match/1 — ets.html#match-1
Term bif_ets_match_1(Process& p, const Term* args) { return select_continue(p, args[0]); }

// ets:match_object/2 — ets.html#match_object-2
Term bif_ets_match_object_2(Process& p, const Term* args) {
    return select_all(p, args[0], pattern_spec(p, args[1], E().dollar_underscore), false);
}

// ets:match_object/3 — ets.html#match_object-3
Term bif_ets_match_object_3(Process& p, const Term* args) {
    return select_chunk(p, args[0], pattern_spec(p, args[1], E().dollar_underscore), args[2], false,
                        Term::none());
}

// ets:match_object/1 — ets.html#match_object-1
Term bif_ets_match_object_1(Process& p, const Term* args) { return select_continue(p, args[0]); }

// ets:select/2 — ets.html#select-2
Term bif_ets_select_2(Process& p, const Term* args) { return select_all(p, args[0], args[1], false); }

// ets:select/3 — ets.html#select-3
Term bif_ets_select_3(Process& p, const Term* args) {
    return select_chunk(p, args[0], args[1], args[2], false, Term::none());
}

// ets:select/1 — ets.html#select-1
Term bif_ets_select_1(Process& p, const Term* args) { return select_continue(p, args[0]); }

// ets:select_reverse/2 — ets.html#select_reverse-2 (an unordered table: as select/2)
Term bif_ets_select_reverse_2(Process& p, const Term* args) { return select_all(p, args[0], args[1], true); }

// ets:select_reverse/3 — ets.html#select_reverse-3
Term bif_ets_select_reverse_3(Process& p, const Term* args) {
    return select_chunk(p, args[0], args[1], args[2], true, Term::none());
}

// ets:select_reverse/1 — ets.html#select_reverse-1
Term bif_ets_select_reverse_1(Process& p, const Term* args) { return select_continue(p, args[0]); }

// ets:select_count/2 — ets.html#select_count-2 (objects whose result is true)
Term bif_ets_select_count_2(Process& p, const Term* args) {
    TABLE_READ(t, args[0]);
    MatchSpec ms;
    if (!ets::ms_parse(args[1], ms)) return badarg(p);
    uint64_t n = 0;
    for (const auto& [key, b] : t->data)
        for (const auto& o : b) {
            Term r;
            if (ets::ms_run(p, ms, o->term, r) == ets::MsOutcome::Match && r == am::true_) ++n;
        }
    return gc::make_integer_u64(p.heap, n);
}

// ets:internal_select_delete/2 (ets:select_delete/2): deletes the objects whose result is true.
Term bif_ets_internal_select_delete_2(Process& p, const Term* args) {
    std::vector<std::unique_ptr<Stored>> doomed;
    TABLE_WRITE(t, args[0]);
    MatchSpec ms;
    if (!ets::ms_parse(args[1], ms)) return badarg(p);
    uint64_t n = 0;
    for (auto it = t->data.begin(); it != t->data.end();) {
        ets::Bucket kept;
        for (auto& o : it->second) {
            Term r;
            if (ets::ms_run(p, ms, o->term, r) == ets::MsOutcome::Match && r == am::true_) {
                ++n;
                t->size -= 1;
                t->words -= o->nwords;
                doomed.push_back(std::move(o));
            } else {
                kept.push_back(std::move(o));
            }
        }
        if (kept.empty()) {
            it = t->data.erase(it);
            continue;
        }
        auto node = t->data.extract(it++);
        node.mapped() = std::move(kept);
        node.key() = t->key_of(node.mapped()[0]->term);
        t->data.insert(it, std::move(node));
    }
    return gc::make_integer_u64(p.heap, n);
}

// select_replace/2's check of a clause, as erl's: its body must visibly keep the key — be
// '$_', or build a tuple whose key element is the head's key (the same variable or
// constant), {const, Key} or {element, Keypos, '$_'}.
// Whether body expression `b` builds exactly the head's key term `a` (erl's comparison: `{{...}}`
// builds a tuple, `{const, T}` is T, lists element by element, anything else as is).
bool builds_same(Term a, Term b, int depth = 0) {
    static const Term const_ = atom("const");
    if (depth > 1000) return false;
    if (b.is_tuple()) {
        if (b.tuple_arity() == 2 && b.tuple_elem(0) == const_) return terms_exact_eq(a, b.tuple_elem(1));
        if (b.tuple_arity() != 1 || !b.tuple_elem(0).is_tuple()) return false;  // a call
        Term built = b.tuple_elem(0);
        if (!a.is_tuple() || a.tuple_arity() != built.tuple_arity()) return false;
        for (uint64_t i = 0; i < a.tuple_arity(); ++i)
            if (!builds_same(a.tuple_elem(i), built.tuple_elem(i), depth + 1)) return false;
        return true;
    }
    if (b.is_list()) {
        if (!a.is_list()) return false;
        return builds_same(a.head(), b.head(), depth + 1) && builds_same(a.tail(), b.tail(), depth + 1);
    }
    return terms_exact_eq(a, b);
}

bool keeps_key(const MatchSpec::Clause& c, uint32_t keypos) {
    if (c.body.size() != 1) return false;
    Term b = c.body[0];
    if (b == E().dollar_underscore) return true;
    if (!b.is_tuple() || !c.head.is_tuple() || c.head.tuple_arity() < keypos) return false;
    Term head_key = c.head.tuple_elem(keypos - 1);
    static const Term const_ = atom("const"), element = atom("element");
    bool const_mode = b.tuple_arity() == 2 && b.tuple_elem(0) == const_;
    Term built;
    if (const_mode) built = b.tuple_elem(1);
    else if (b.tuple_arity() == 1 && b.tuple_elem(0).is_tuple()) built = b.tuple_elem(0);
    else return false;
    if (!built.is_tuple() || built.tuple_arity() < keypos) return false;
    Term k = built.tuple_elem(keypos - 1);
    if (terms_exact_eq(k, head_key)) return true;
    if (const_mode) return false;
    if (builds_same(head_key, k)) return true;
    if (k.is_tuple() && k.tuple_arity() == 2 && k.tuple_elem(0) == const_)
        return terms_exact_eq(k.tuple_elem(1), head_key);
    return k.is_tuple() && k.tuple_arity() == 3 && k.tuple_elem(0) == element &&
           k.tuple_elem(1) == Term::small(keypos) && k.tuple_elem(2) == E().dollar_underscore;
}

// ets:select_replace/2 — ets.html#select_replace-2 (each replacement must keep the key;
// not for bags)
Term bif_ets_select_replace_2(Process& p, const Term* args) {
    TABLE_WRITE(t, args[0]);
    MatchSpec ms;
    if (!ets::ms_parse(args[1], ms)) return badarg(p);
    if (t->type == Type::Bag) return badarg(p, atom("table_type"));
    for (const MatchSpec::Clause& c : ms.clauses)
        if (!keeps_key(c, t->keypos)) return badarg(p);
    struct Replacement {
        Stored* old;
        Term with;
    };
    std::vector<Replacement> todo;
    for (const auto& [key, b] : t->data)
        for (const auto& o : b) {
            Term r;
            if (ets::ms_run(p, ms, o->term, r) != ets::MsOutcome::Match) continue;
            if (!valid_object(*t, r) || !terms_exact_eq(t->key_of(r), t->key_of(o->term))) return badarg(p);
            todo.push_back({o.get(), r});
        }
    for (const Replacement& r : todo) {
        auto it = t->data.find(t->key_of(r.old->term));
        auto& b = it->second;
        size_t i = size_t(std::find_if(b.begin(), b.end(), [&](const auto& o) { return o.get() == r.old; }) - b.begin());
        std::unique_ptr<Stored> s = ets::store(r.with);  // copied before the old object goes
        t->words = t->words - r.old->nwords + s->nwords;
        auto node = t->data.extract(it);
        std::unique_ptr<Stored> old = std::move(node.mapped()[i]);
        node.mapped()[i] = std::move(s);
        node.key() = t->key_of(node.mapped()[0]->term);
        t->data.insert(std::move(node));
    }
    return gc::make_integer_u64(p.heap, todo.size());
}

// ets:match_spec_compile/1 — ets.html#match_spec_compile-1 (a reference to the compiled spec)
Term bif_ets_match_spec_compile_1(Process& p, const Term* args) {
    MatchSpec check;
    if (!ets::ms_parse(args[0], check)) return badarg(p);
    CompiledSpecs& c = compiled();
    std::lock_guard lock(c.mutex);
    for (const auto& [id, ms] : c.all)
        if (terms_exact_eq(ms->source, args[0])) return make_ref_term(p.heap, id);
    auto ms = std::make_unique<MatchSpec>();
    ms->source = args[0];
    ets::ms_make_persistent(*ms);
    uint64_t id = new_ref_id();
    c.all.emplace_back(id, ms.get());
    c.by_id[id] = std::move(ms);
    return make_ref_term(p.heap, id);
}

// ets:is_compiled_ms/1 — ets.html#is_compiled_ms-1
Term bif_ets_is_compiled_ms_1(Process& p, const Term* args) {
    return find_compiled(args[0]) ? am::true_ : am::false_;
}

// ets:match_spec_run_r/3 (ets:match_spec_run/2): each match's result prepended to Acc.
Term bif_ets_match_spec_run_r_3(Process& p, const Term* args) {
    const MatchSpec* ms = find_compiled(args[1]);
    if (!ms) return badarg(p);
    Term l = args[0];
    Term acc = args[2];
    for (; l.is_list(); l = l.tail()) {
        Term r;
        if (ets::ms_run(p, *ms, l.head(), r) == ets::MsOutcome::Match)
            acc = gc::make_cons(p.heap, ets::copy_out(p, r), acc);
    }
    if (!l.is_nil()) return badarg(p);
    return acc;
}

} // namespace joist
