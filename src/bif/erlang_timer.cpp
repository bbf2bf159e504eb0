// erlang BIFs for message timers: send_after, start_timer, cancel_timer, read_timer. They
// check arguments as erl does and use the Vm's timer service (sched/timers.h); the scheduler
// delivers the messages when the timers expire. A timer reference is a reference whose number
// is the timer's id in the service.
#include "bif/bif.h"
#include "bif/erlang_time.h"
#include "gc/build.h"
#include "process/process_table.h"
#include "vm/vm.h"

namespace joist {

namespace {

constexpr int64_t kNanosPerMs = 1'000'000;
// The longest timeout (ms): its deadline in ns must fit a signed 64-bit word. (erl's limit is
// a few seconds shorter.)
constexpr int64_t kMaxTimeoutMs = INT64_MAX / kNanosPerMs;

struct Atoms {
    Term abs = atoms().intern("abs");
    Term async = atoms().intern("async");
    Term info = atoms().intern("info");
    Term timeout = atoms().intern("timeout");
    Term cancel_timer = atoms().intern("cancel_timer");
    Term read_timer = atoms().intern("read_timer");
};
const Atoms& names() {
    static const Atoms a;
    return a;
}

bool is_boolean(Term t) { return t == am::true_ || t == am::false_; }

// One {Key, Bool} option of an option list; the last occurrence of a key wins, as in erl.
// Returns false on anything else than a proper list of such options with known keys.
template <size_t N>
bool read_options(Term opts, const Term (&keys)[N], bool (&values)[N]) {
    for (; opts.is_list(); opts = opts.tail()) {
        Term o = opts.head();
        if (!o.is_tuple() || o.tuple_arity() != 2 || !is_boolean(o.tuple_elem(1))) return false;
        size_t k = 0;
        while (k < N && keys[k] != o.tuple_elem(0)) ++k;
        if (k == N) return false;
        values[k] = o.tuple_elem(1) == am::true_;
    }
    return opts.is_nil();
}

// Starts a timer: the checks and the work shared by send_after and start_timer.
// `wrap` makes the message {timeout, TRef, Msg} (start_timer).
Term start(Process& p, Term time, Term dest, Term msg, Term opts, bool wrap) {
    const Term keys[] = {names().abs};
    bool values[] = {false};
    if (!read_options(opts, keys, values)) return p.badarg();
    bool abs = values[0];
    if (!dest.is_local_pid() && !dest.is_atom()) return p.badarg();
    if (!time.is_small()) return p.badarg();  // bignums are out of range either way
    int64_t ms = time.small_value();
    uint64_t now = steady_now_ns();
    __int128 deadline;  // steady ns
    if (abs) {
        __int128 erl_ns = __int128(ms) * kNanosPerMs;
        if (erl_ns < kMonotonicStartNs) return p.badarg();  // before the VM started
        deadline = steady_ns_of_erl_monotonic(*p.vm, erl_ns);
        if (deadline > __int128(now) + __int128(kMaxTimeoutMs) * kNanosPerMs)
            return p.badarg();
    } else {
        if (ms < 0 || ms > kMaxTimeoutMs) return p.badarg();
        // From the next ms boundary, as erl: read_timer at once gives Time, not Time - 1.
        uint64_t now_ms_up = (now + kNanosPerMs - 1) / kNanosPerMs * kNanosPerMs;
        deadline = __int128(now_ms_up) + __int128(ms) * kNanosPerMs;
    }

    uint64_t id = new_ref_id();
    Term ref = make_ref_term(p.heap, id);
    if (wrap) msg = gc::make_tuple_of(p.heap, names().timeout, ref, msg);
    if (dest.is_local_pid() && !p.vm->processes.find(dest)) return ref;  // dead: no timer
    p.vm->timers.insert_message(uint64_t(deadline), id, dest, msg);
    return ref;
}

// The result term of cancel/read: remaining ms or false.
Term result_term(Process& p, std::optional<uint64_t> left) {
    return left ? gc::make_integer_u64(p.heap, *left) : am::false_;
}

// The timer id of a timer reference argument; nullopt if `ref` is not a reference (badarg).
// A reference that never named a timer gives id 0, which no timer has.
std::optional<uint64_t> timer_id(Term ref) {
    if (!ref.is_boxed_of(Subtag::Ref)) return std::nullopt;
    return ref_id_of(ref);
}

// Sends {Tag, TRef, Result} to the caller: the reply of an async cancel or read.
void reply_async(Process& p, Term tag, Term ref, Term result) {
    send_message(p, gc::make_tuple_of(p.heap, tag, ref, result));
}

Term cancel(Process& p, Term ref, Term opts) {
    auto id = timer_id(ref);
    const Term keys[] = {names().async, names().info};
    bool values[] = {false, true};
    if (!id || !read_options(opts, keys, values)) return p.badarg();
    auto [async, info] = values;
    Term result = result_term(p, p.vm->timers.cancel(*id, steady_now_ns()));
    if (!info) return am::ok;
    if (!async) return result;
    reply_async(p, names().cancel_timer, ref, result);
    return am::ok;
}

Term read(Process& p, Term ref, Term opts) {
    auto id = timer_id(ref);
    const Term keys[] = {names().async};
    bool values[] = {false};
    if (!id || !read_options(opts, keys, values)) return p.badarg();
    Term result = result_term(p, p.vm->timers.read(*id, steady_now_ns()));
    if (!values[0]) return result;
    reply_async(p, names().read_timer, ref, result);
    return am::ok;
}

} // namespace

// erlang:send_after/3,4 — erlang.html#send_after-4
Term bif_erlang_send_after_3(Process& p, const Term* args) {
    return start(p, args[0], args[1], args[2], Term::nil(), false);
}
Term bif_erlang_send_after_4(Process& p, const Term* args) {
    return start(p, args[0], args[1], args[2], args[3], false);
}

// erlang:start_timer/3,4 — erlang.html#start_timer-4: the message is {timeout, TRef, Msg}.
Term bif_erlang_start_timer_3(Process& p, const Term* args) {
    return start(p, args[0], args[1], args[2], Term::nil(), true);
}
Term bif_erlang_start_timer_4(Process& p, const Term* args) {
    return start(p, args[0], args[1], args[2], args[3], true);
}

// erlang:cancel_timer/1,2 — erlang.html#cancel_timer-2. Cancelling is synchronous here, so
// {async, true} only changes how the result comes back: as {cancel_timer, TRef, Result}.
Term bif_erlang_cancel_timer_1(Process& p, const Term* args) {
    return cancel(p, args[0], Term::nil());
}
Term bif_erlang_cancel_timer_2(Process& p, const Term* args) {
    return cancel(p, args[0], args[1]);
}

// erlang:read_timer/1,2 — erlang.html#read_timer-2
Term bif_erlang_read_timer_1(Process& p, const Term* args) {
    return read(p, args[0], Term::nil());
}
Term bif_erlang_read_timer_2(Process& p, const Term* args) { return read(p, args[0], args[1]); }

} // namespace joist
