// The table of native resources (process/resource.h).
#include "process/resource.h"

#include <atomic>
#include <unordered_map>
#include <vector>

#include "process/process_table.h"

namespace joist {

namespace {

struct ResourceTable {
    std::mutex mutex;
    std::unordered_map<uint64_t, std::shared_ptr<Resource>> by_id;
    std::unordered_map<uint64_t, std::vector<uint64_t>> by_owner;  // pid number -> ids
    std::atomic<size_t> count{0};

    void forget_owned(uint64_t owner, uint64_t id) {
        auto it = by_owner.find(owner);
        if (it == by_owner.end()) return;
        std::erase(it->second, id);
        if (it->second.empty()) by_owner.erase(it);
    }
};

ResourceTable& table() {
    static ResourceTable* t = new ResourceTable;  // never destroyed: exits may race teardown
    return *t;
}

} // namespace

Term register_resource(gc::Heap& h, uint64_t owner, std::shared_ptr<Resource> r) {
    uint64_t id = new_ref_id();
    r->owner = owner;
    ResourceTable& t = table();
    {
        std::lock_guard lock(t.mutex);
        t.by_id.emplace(id, std::move(r));
        t.by_owner[owner].push_back(id);
        t.count.store(t.by_id.size(), std::memory_order_relaxed);
    }
    return make_ref_term(h, id);
}

std::shared_ptr<Resource> find_resource(Term ref) {
    uint64_t id = ref_id_of(ref);
    if (id == 0) return nullptr;
    ResourceTable& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.by_id.find(id);
    return it == t.by_id.end() ? nullptr : it->second;
}

void release_resource(Term ref) {
    uint64_t id = ref_id_of(ref);
    std::shared_ptr<Resource> dead;  // destroyed outside the lock
    ResourceTable& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.by_id.find(id);
    if (it == t.by_id.end()) return;
    dead = std::move(it->second);
    t.by_id.erase(it);
    t.forget_owned(dead->owner, id);
    t.count.store(t.by_id.size(), std::memory_order_relaxed);
}

bool set_resource_owner(Term ref, uint64_t owner) {
    uint64_t id = ref_id_of(ref);
    ResourceTable& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.by_id.find(id);
    if (it == t.by_id.end()) return false;
    t.forget_owned(it->second->owner, id);
    it->second->owner = owner;
    t.by_owner[owner].push_back(id);
    return true;
}

void release_resources_of(uint64_t owner) {
    ResourceTable& t = table();
    if (t.count.load(std::memory_order_relaxed) == 0) return;
    std::vector<std::shared_ptr<Resource>> dead;  // destroyed outside the lock
    {
        std::lock_guard lock(t.mutex);
        auto owned = t.by_owner.find(owner);
        if (owned == t.by_owner.end()) return;
        for (uint64_t id : owned->second) {
            auto it = t.by_id.find(id);
            if (it == t.by_id.end()) continue;
            dead.push_back(std::move(it->second));
            t.by_id.erase(it);
        }
        t.by_owner.erase(owned);
        t.count.store(t.by_id.size(), std::memory_order_relaxed);
    }
}

} // namespace joist
