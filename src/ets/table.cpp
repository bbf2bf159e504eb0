// ETS table storage and the table registry (ets/table.h).
#include "ets/table.h"

#include <mutex>
#include <unordered_map>

#include "gc/build.h"
#include "gc/copy_term.h"
#include "process/process_table.h"
#include "vm/vm.h"

namespace joist::ets {

std::unique_ptr<Stored> store(Term t) {
    auto s = std::make_unique<Stored>();
    s->nwords = gc::term_size_shared(t);
    if (s->nwords) s->words = std::make_unique_for_overwrite<Term[]>(s->nwords);
    Term* hp = s->words.get();
    s->term = gc::copy_term_shared(t, hp, s->binaries);
    return s;
}

Term copy_out(Process& p, Term t) {
    if (t.is_immed()) return t;
    size_t n = gc::term_size_shared(t);
    Term* hp = p.alloc(n);
    return gc::copy_term_shared(t, hp, p.heap.off_heap);
}

void Table::insert(std::unique_ptr<Stored> obj) {
    Term key = key_of(obj->term);
    auto it = data.find(key);
    if (it == data.end()) {
        size += 1;
        words += obj->nwords;
        Bucket b;
        b.push_back(std::move(obj));
        data.emplace(key, std::move(b));
        return;
    }
    Bucket& b = it->second;
    switch (type) {
    case Type::Set:
    case Type::OrderedSet: {
        words = words - b[0]->nwords + obj->nwords;
        // The map's key points into the old object: re-point it before the old one goes.
        auto node = data.extract(it);
        node.key() = key;
        std::unique_ptr<Stored> old = std::move(node.mapped()[0]);
        node.mapped()[0] = std::move(obj);
        data.insert(std::move(node));
        return;
    }
    case Type::Bag:
        for (const auto& o : b)
            if (terms_exact_eq(o->term, obj->term)) return;
        [[fallthrough]];
    case Type::DuplicateBag:
        size += 1;
        words += obj->nwords;
        b.push_back(std::move(obj));
        return;
    }
}

Data::iterator Table::erase_bucket(Data::iterator it) {
    for (const auto& o : it->second) {
        size -= 1;
        words -= o->nwords;
    }
    return data.erase(it);
}

void Table::erase_object(Data::iterator it, size_t index) {
    Bucket& b = it->second;
    if (b.size() == 1) {
        erase_bucket(it);
        return;
    }
    size -= 1;
    words -= b[index]->nwords;
    if (index != 0) {
        b.erase(b.begin() + ptrdiff_t(index));
        return;
    }
    auto node = data.extract(it);
    node.mapped().erase(node.mapped().begin());
    node.key() = key_of(node.mapped()[0]->term);
    data.insert(std::move(node));
}

void Table::clear() {
    data.clear();
    size = 0;
    words = 0;
}

namespace {

struct Registry {
    std::shared_mutex mutex;
    std::unordered_map<uint64_t, std::shared_ptr<Table>> by_id;
    std::unordered_map<uint32_t, std::shared_ptr<Table>> by_name;  // named tables
};

Registry& registry() {
    static Registry r;
    return r;
}

} // namespace

bool register_table(const std::shared_ptr<Table>& t) {
    Registry& r = registry();
    std::unique_lock lock(r.mutex);
    if (t->named) {
        if (r.by_name.count(t->name.atom_index())) return false;
        r.by_name[t->name.atom_index()] = t;
    }
    r.by_id[t->id] = t;
    return true;
}

std::shared_ptr<Table> find_table(Term tab, bool& bad_type) {
    Registry& r = registry();
    bad_type = false;
    if (tab.is_atom()) {
        std::shared_lock lock(r.mutex);
        auto it = r.by_name.find(tab.atom_index());
        return it == r.by_name.end() ? nullptr : it->second;
    }
    if (tab.is_ref()) {
        uint64_t id = table_ref_id(tab);
        if (id == 0) {
            bad_type = true;  // a reference, but never a table's
            return nullptr;
        }
        std::shared_lock lock(r.mutex);
        auto it = r.by_id.find(id);
        return it == r.by_id.end() ? nullptr : it->second;
    }
    bad_type = true;
    return nullptr;
}

void delete_table(const std::shared_ptr<Table>& t) {
    Registry& r = registry();
    Data doomed;
    std::unique_ptr<Stored> heir_data;
    {
        std::unique_lock rl(r.mutex);
        std::unique_lock tl(t->lock);
        if (t->dead) return;
        t->dead = true;
        r.by_id.erase(t->id);
        if (t->named) {
            auto it = r.by_name.find(t->name.atom_index());
            if (it != r.by_name.end() && it->second == t) r.by_name.erase(it);
        }
        doomed.swap(t->data);
        heir_data = std::move(t->heir_data);
        t->size = t->words = 0;
    }
    // The stored copies are freed here, outside both locks.
}

bool rename_table(const std::shared_ptr<Table>& t, Term name) {
    Registry& r = registry();
    std::unique_lock rl(r.mutex);
    std::unique_lock tl(t->lock);
    if (t->dead) return false;
    if (t->named) {
        auto it = r.by_name.find(name.atom_index());
        if (it != r.by_name.end() && it->second != t) return false;
        r.by_name.erase(t->name.atom_index());
        r.by_name[name.atom_index()] = t;
    }
    t->name = name;
    return true;
}

std::vector<std::shared_ptr<Table>> all_tables() {
    Registry& r = registry();
    std::shared_lock lock(r.mutex);
    std::vector<std::shared_ptr<Table>> v;
    v.reserve(r.by_id.size());
    for (const auto& [id, t] : r.by_id) v.push_back(t);
    return v;
}

// A table reference: [hdr(Ref, 3), kTableRefMark, id high, id low] — as make_ref_term's but
// for the first word, so a reference that never named a table is told apart (erl's
// "not a valid table identifier"). Printed #Ref<0.1.High.Low>.
namespace {
constexpr Word kTableRefMark = 1;
}

Term table_ref(gc::Heap& h, const Table& t) {
    Term* r = h.alloc(4);
    r[0] = Term::header(Subtag::Ref, 3);
    r[1] = Term::from_raw(kTableRefMark);
    r[2] = Term::from_raw(t.id >> 32);
    r[3] = Term::from_raw(t.id & 0xFFFFFFFF);
    return Term::boxed(r);
}

uint64_t table_ref_id(Term ref) {
    if (!ref.is_boxed_of(Subtag::Ref) || ref.box_header().header_arity() != 3) return 0;
    const Term* r = ref.boxed_ptr();
    if (r[1].raw != kTableRefMark) return 0;
    return (r[2].raw << 32) | (r[3].raw & 0xFFFFFFFF);
}

Term table_id(gc::Heap& h, const Table& t) {
    if (t.named) {
        std::shared_lock lock(t.lock);
        return t.name;
    }
    return table_ref(h, t);
}

void process_exiting(Vm& vm, Process& p) {
    std::vector<std::shared_ptr<Table>> owned;
    for (auto& t : all_tables())
        if (t->owner.load(std::memory_order_acquire) == p.number) owned.push_back(std::move(t));
    for (const auto& t : owned) {
        bool transferred = false;
        {
            std::unique_lock tl(t->lock);
            if (t->dead) continue;
            if (t->heir != 0 && t->heir != p.number) {
                if (Process* heir = vm.processes.find(t->heir)) {
                    t->owner.store(t->heir, std::memory_order_release);
                    heir->may_own_ets.store(true, std::memory_order_release);
                    gc::Heap tmp;
                    tmp.init(16);
                    Term id = t->named ? t->name : table_ref(tmp, *t);
                    Term data = t->heir_data ? t->heir_data->term : Term::nil();
                    Term msg = gc::make_tuple_of(tmp, atoms().intern("ETS-TRANSFER"), id, p.pid(), data);
                    send_message(*heir, msg);
                    transferred = true;
                }
            }
        }
        if (!transferred) delete_table(t);
    }
}

} // namespace joist::ets
