// Built-in NIFs of prim_buffer: a queue of bytes held as a native resource
// (process/resource.h). prim_file keeps its read-ahead in one.
#include <cstring>
#include <string>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "gc/build.h"
#include "process/resource.h"
#include "term/atom_table.h"
#include "term/binary.h"

namespace joist {

namespace {

struct Buffer : Resource {
    std::string bytes;
    size_t head = 0;  // bytes before it were read already
    bool locked = false;
    size_t size() const { return bytes.size() - head; }
    void drop(size_t n) {
        head += n;
        if (head == bytes.size()) {
            bytes.clear();
            head = 0;
        } else if (head > 4096 && head > bytes.size() / 2) {
            bytes.erase(0, head);
            head = 0;
        }
    }
};

std::shared_ptr<Buffer> buffer_arg(Term t) { return find_resource_as<Buffer>(t); }

// A non-negative integer that fits in size_t.
bool size_arg(Term t, size_t& n) {
    if (!t.is_small() || t.small_value() < 0) return false;
    n = size_t(t.small_value());
    return true;
}

} // namespace

Term nif_prim_buffer_new_0(Process& p, const Term*) {
    return register_resource(p.heap, p.number, std::make_shared<Buffer>());
}

Term nif_prim_buffer_size_1(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    if (!b) return p.badarg();
    std::lock_guard lock(b->mutex);
    return gc::make_integer_u64(p.heap, b->size());
}

Term nif_prim_buffer_peek_head_1(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    if (!b) return p.badarg();
    std::lock_guard lock(b->mutex);
    if (b->size() == 0) return p.badarg();
    return make_binary_from(p.heap, std::string_view(b->bytes).substr(b->head));
}

Term nif_prim_buffer_copying_read_2(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    size_t n;
    if (!b || !size_arg(args[1], n)) return p.badarg();
    std::lock_guard lock(b->mutex);
    if (n > b->size()) return p.badarg();
    Term r = make_binary_from(p.heap, std::string_view(b->bytes).substr(b->head, n));
    b->drop(n);
    return r;
}

// write(Buffer, IOVec): IOVec a list of binaries.
Term nif_prim_buffer_write_2(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    if (!b) return p.badarg();
    std::string add;
    Term t = args[1];
    BitView v;
    for (; t.is_list(); t = t.tail()) {
        if (!binbif::binary_view(t.head(), v)) return p.badarg();
        add += binbif::view_bytes(v);
    }
    if (!t.is_nil()) return p.badarg();
    std::lock_guard lock(b->mutex);
    b->bytes += add;
    return am::ok;
}

Term nif_prim_buffer_skip_2(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    size_t n;
    if (!b || !size_arg(args[1], n)) return p.badarg();
    std::lock_guard lock(b->mutex);
    if (n > b->size()) return p.badarg();
    b->drop(n);
    return am::ok;
}

Term nif_prim_buffer_find_byte_index_2(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    size_t needle;
    if (!b || !size_arg(args[1], needle) || needle > 255) return p.badarg();
    std::lock_guard lock(b->mutex);
    size_t at = b->bytes.find(char(needle), b->head);
    if (at == std::string::npos) return atoms().intern("not_found");
    return gc::make_tuple_of(p.heap, am::ok, gc::make_integer_u64(p.heap, at - b->head));
}

Term nif_prim_buffer_try_lock_1(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    if (!b) return p.badarg();
    std::lock_guard lock(b->mutex);
    if (b->locked) return atoms().intern("busy");
    b->locked = true;
    return atoms().intern("acquired");
}

Term nif_prim_buffer_unlock_1(Process& p, const Term* args) {
    auto b = buffer_arg(args[0]);
    if (!b) return p.badarg();
    std::lock_guard lock(b->mutex);
    if (!b->locked) return p.error(atoms().intern("lock_order_violation"));
    b->locked = false;
    return am::ok;
}

} // namespace joist
