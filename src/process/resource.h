// Native resources: objects of built-in NIFs (an open file, a prim_buffer, a zlib stream) that
// Erlang code holds as a reference term, as erl's NIF resources are references. The term is
// an ordinary reference (make_ref_term) whose number keys this table; the object lives until
// its NIF releases it or its owner process exits (process_exited calls release_resources_of),
// whichever comes first. Unlike erl, an unreferenced resource is not freed by a collection.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "gc/heap.h"
#include "term/term.h"

namespace joist {

struct Resource {
    virtual ~Resource() = default;
    std::atomic<uint64_t> owner{0};  // pid number of the process whose exit releases it (set
                                     // by register_resource, set_resource_owner)
    std::mutex mutex;    // held by a NIF while it uses the object
};

// Registers `r` for process `owner` and returns its reference term, built on `h`.
Term register_resource(gc::Heap& h, uint64_t owner, std::shared_ptr<Resource> r);
// The live resource a reference term stands for, or nullptr.
std::shared_ptr<Resource> find_resource(Term ref);
template <class T> std::shared_ptr<T> find_resource_as(Term ref) {
    return std::dynamic_pointer_cast<T>(find_resource(ref));
}
// Forgets the resource (freed when the last NIF using it lets go).
void release_resource(Term ref);
// Makes process `owner` the resource's owner (zlib's controlling process); false if unknown.
bool set_resource_owner(Term ref, uint64_t owner);
// Forgets every resource process `owner` owns; cheap when there are none at all.
void release_resources_of(uint64_t owner);

} // namespace joist
