// Loading code from a binary, as erlang:load_module/2 does it: erts_internal:prepare_loading/2
// checks the .beam bytes and returns a reference to the prepared code (a native resource,
// process/resource.h), and erlang:finish_loading/1 makes the prepared modules current.
// joist loads a module once (Vm::load_binary): one already loaded cannot be replaced yet, and
// finish_loading says so for it. On_load functions are not run (has_prepared_code_on_load/1
// answers false).
#include <string>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "loader/beam_file.h"
#include "process/resource.h"
#include "term/atom_table.h"
#include "term/binary.h"
#include "vm/vm.h"

namespace joist {

namespace {

struct PreparedCode : Resource {
    Term module;
    std::string bytes;
    bool done = false;  // finish_loading used it
};

} // namespace

// erts_internal:prepare_loading(Module, Code) -> Prepared | {error, badfile}
Term bif_erts_internal_prepare_loading_2(Process& p, const Term* args) {
    BitView v;
    if (!args[0].is_atom() || !binbif::binary_view(args[1], v)) return p.badarg();
    auto code = std::make_shared<PreparedCode>();
    code->module = args[0];
    code->bytes = binbif::view_bytes(v);
    auto parsed = loader::parse_beam(code->bytes, atoms().name(args[0]));
    if (!parsed.ok() || parsed.value().module_name != atoms().name(args[0]))
        return gc::make_tuple_of(p.heap, am::error, atoms().intern("badfile"));
    return register_resource(p.heap, p.number, std::move(code));
}

// erts_internal:beamfile_chunk(Beam, Id) — the contents of chunk Id (a 4-character string) of
// the .beam bytes, or undefined if the file has no such (non-empty) chunk or is not a .beam.
Term bif_erts_internal_beamfile_chunk_2(Process& p, const Term* args) {
    std::string id;
    Term t = args[1];
    for (; t.is_list() && id.size() < 5; t = t.tail()) {
        Term c = t.head();
        if (!c.is_small() || c.small_value() < 0 || c.small_value() > 255) return p.badarg();
        id.push_back(char(c.small_value()));
    }
    BitView v;
    if (!t.is_nil() || id.size() != 4 || !binbif::binary_view(args[0], v)) return p.badarg();
    std::string b = binbif::view_bytes(v);
    auto u32 = [&](size_t at) {
        return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
               (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
    };
    if (b.size() < 12 || b.compare(0, 4, "FOR1") != 0 || b.compare(8, 4, "BEAM") != 0)
        return am::undefined;
    size_t end = std::min(b.size(), size_t(8) + u32(4));
    for (size_t at = 12; at + 8 <= end;) {
        size_t size = u32(at + 4);
        if (at + 8 + size > end) break;
        if (b.compare(at, 4, id) == 0)
            return size > 0 ? make_binary_from(p.heap, std::string_view(b).substr(at + 8, size))
                            : am::undefined;
        at += 8 + ((size + 3) & ~size_t(3));
    }
    return am::undefined;
}

// erlang:finish_loading([Prepared]) -> ok | {Reason, [Module]}
Term bif_erlang_finish_loading_1(Process& p, const Term* args) {
    std::vector<std::shared_ptr<PreparedCode>> codes;
    Term t = args[0];
    for (; t.is_list(); t = t.tail()) {
        auto c = find_resource_as<PreparedCode>(t.head());
        if (!c || c->done) return p.badarg();
        codes.push_back(std::move(c));
    }
    if (!t.is_nil()) return p.badarg();
    Term failed = Term::nil();
    Term reason = Term::none();
    for (auto& c : codes) {
        if (p.vm->find_module(c->module)) {  // no code replacement in joist yet
            reason = atoms().intern("joist_cannot_replace_loaded_code");
            failed = gc::make_cons(p.heap, c->module, failed);
            continue;
        }
        auto r = p.vm->load_binary(c->module, c->bytes, atoms().name(c->module));
        c->done = true;
        if (!r.ok()) {
            reason = atoms().intern("badfile");
            failed = gc::make_cons(p.heap, c->module, failed);
        }
    }
    for (Term e = args[0]; e.is_list(); e = e.tail()) release_resource(e.head());
    if (reason.is_none()) return am::ok;
    return gc::make_tuple_of(p.heap, reason, failed);
}

// erlang:delete_module(Module) -> true | undefined (not loaded)
Term bif_erlang_delete_module_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    return p.vm->delete_module(args[0]) ? am::true_ : am::undefined;
}

// erlang:check_old_code(Module) -> boolean()
Term bif_erlang_check_old_code_1(Process& p, const Term* args) {
    if (!args[0].is_atom()) return p.badarg();
    return p.vm->has_old_code(args[0]) ? am::true_ : am::false_;
}

// erts_internal:purge_module(Module, Op): joist keeps old code's memory (a process may still
// run it), so every Op just forgets the old code: true if there was some.
Term bif_erts_internal_purge_module_2(Process& p, const Term* args) {
    if (!args[0].is_atom() || !args[1].is_atom()) return p.badarg();
    return p.vm->purge_module(args[0]) ? am::true_ : am::false_;
}

Term bif_erlang_has_prepared_code_on_load_1(Process& p, const Term* args) {
    auto c = find_resource_as<PreparedCode>(args[0]);
    if (!c) return p.badarg();
    return am::false_;
}

} // namespace joist
