// BIFs of module persistent_term: a VM-wide table of Key => Value whose entries are deep
// copies (gc/copy_term.h) in malloc'd blocks outside every process heap. get/1 hands out the
// stored term itself; the collector never copies what lies outside the heap, as in erl.
// Big binaries are shared with the stored copy (each block counts its references to them).
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "bif/bif.h"
#include "gc/build.h"
#include "gc/copy_term.h"
#include "term/compare.h"

namespace joist {

namespace {

// The words of one stored copy and the off-heap binaries it references.
struct Block {
    std::unique_ptr<Term[]> words;
    gc::OffHeap binaries;
};

// One stored {Key, Value}: both copied into `block`.
struct Entry {
    Term value;
    std::unique_ptr<Block> block;
    size_t words = 0;
};

struct ExactLess {
    bool operator()(Term a, Term b) const { return compare_terms_exact(a, b) < 0; }
};

/* The table. Keys (the map's Term keys) live in their entry's block. A replaced or erased
 * entry's block is retired, never freed: processes may still hold terms pointing into it.
 * FIXME: erl copies such terms into the holders' heaps (a global literal GC) and then frees
 * the block; joist keeps every retired block until the VM exits. */
struct Table {
    std::mutex mutex;
    std::map<Term, Entry, ExactLess> entries;  // guarded by mutex
    std::vector<std::unique_ptr<Block>> retired;  // guarded by mutex
};

Table& table() {
    static Table t;
    return t;
}

Term atom_count() {
    static const Term a = atoms().intern("count");
    return a;
}

Term atom_memory() {
    static const Term a = atoms().intern("memory");
    return a;
}

} // namespace

// persistent_term:put/2 — persistent_term.html#put-2
// Storing a value =:= the one already stored under Key changes nothing.
Term bif_persistent_term_put_2(Process& p, const Term* args) {
    Term key = args[0], value = args[1];
    Table& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.entries.find(key);
    if (it != t.entries.end() && terms_exact_eq(it->second.value, value)) return am::ok;

    Entry e;
    e.words = gc::term_size_shared(key) + gc::term_size_shared(value);
    e.block = std::make_unique<Block>();
    if (e.words) e.block->words = std::make_unique_for_overwrite<Term[]>(e.words);
    Term* hp = e.block->words.get();
    Term stored_key = gc::copy_term_shared(key, hp, e.block->binaries);
    e.value = gc::copy_term_shared(value, hp, e.block->binaries);
    if (it != t.entries.end()) {
        if (it->second.block) t.retired.push_back(std::move(it->second.block));
        t.entries.erase(it);
    }
    t.entries.emplace(stored_key, std::move(e));
    return am::ok;
}

// persistent_term:get/0 — persistent_term.html#get-0
// A list of {Key, Value} for every entry (order unspecified; here in exact term order).
Term bif_persistent_term_get_0(Process& p, const Term* args) {
    Table& t = table();
    std::lock_guard lock(t.mutex);
    size_t n = t.entries.size();
    if (n == 0) return Term::nil();
    Term* hp = p.alloc(5 * n);  // per entry: a 2-tuple and a cons cell
    Term list = Term::nil();
    for (auto it = t.entries.rbegin(); it != t.entries.rend(); ++it) {
        hp[0] = Term::header(Subtag::Tuple, 2);
        hp[1] = it->first;
        hp[2] = it->second.value;
        hp[3] = Term::boxed(hp);
        hp[4] = list;
        list = Term::list(hp + 3);
        hp += 5;
    }
    return list;
}

// persistent_term:get/1 — persistent_term.html#get-1 (a missing Key is badarg)
Term bif_persistent_term_get_1(Process& p, const Term* args) {
    Table& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.entries.find(args[0]);
    if (it == t.entries.end()) return p.badarg();
    return it->second.value;
}

// persistent_term:get/2 — persistent_term.html#get-2 (Default if Key is missing)
Term bif_persistent_term_get_2(Process& p, const Term* args) {
    Table& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.entries.find(args[0]);
    if (it == t.entries.end()) return args[1];
    return it->second.value;
}

// persistent_term:erase/1 — persistent_term.html#erase-1 (true if Key was there)
Term bif_persistent_term_erase_1(Process& p, const Term* args) {
    Table& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.entries.find(args[0]);
    if (it == t.entries.end()) return am::false_;
    if (it->second.block) t.retired.push_back(std::move(it->second.block));
    t.entries.erase(it);
    return am::true_;
}

// persistent_term:info/0 — persistent_term.html#info-0
// #{count => Entries, memory => Bytes}; memory counts the stored copies and a table node each.
Term bif_persistent_term_info_0(Process& p, const Term* args) {
    size_t count = 0, bytes = 0;
    {
        Table& t = table();
        std::lock_guard lock(t.mutex);
        count = t.entries.size();
        for (const auto& [key, e] : t.entries) {
            bytes += e.words * sizeof(Term) + sizeof(key) + sizeof(e) + 4 * sizeof(void*);
        }
    }
    // A flat map: [hdr(FlatMap, 3), keys tuple {count, memory}, Count, Memory].
    Term keys = gc::make_tuple_of(p.heap, atom_count(), atom_memory());
    Term* m = p.alloc(4);
    m[0] = Term::header(Subtag::FlatMap, 3);
    m[1] = keys;
    m[2] = gc::make_integer_u64(p.heap, count);
    m[3] = gc::make_integer_u64(p.heap, bytes);
    return Term::boxed(m);
}

} // namespace joist
