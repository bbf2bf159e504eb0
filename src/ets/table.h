// ETS tables: storage outside every process heap, shared by all scheduler threads.
// See docs/internals/ets.md.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <vector>

#include "gc/off_heap.h"
#include "process/process.h"
#include "term/compare.h"
#include "term/term.h"

namespace joist {
class Vm;
}

namespace joist::ets {

enum class Type : uint8_t { Set, OrderedSet, Bag, DuplicateBag };
enum class Access : uint8_t { Public, Protected, Private };

// One stored term (an object, or a heir's data): a deep copy in words the table owns, its big
// binaries shared (their references listed in `binaries`).
struct Stored {
    Term term = Term::nil();
    size_t nwords = 0;
    std::unique_ptr<Term[]> words;
    gc::OffHeap binaries;
};
std::unique_ptr<Stored> store(Term t);
// A copy of `t` (a term in table storage, or any term) on p's heap, big binaries shared.
Term copy_out(Process& p, Term t);

// Key order: ordered_set compares keys with == (1 and 1.0 are one key), the other types with
// =:= (their order is joist's, not erl's hash order).
struct KeyLess {
    bool ordered = false;
    bool operator()(Term a, Term b) const {
        return ordered ? compare_terms(a, b) < 0 : compare_terms_exact(a, b) < 0;
    }
};

// The objects of one key, oldest first (a set or ordered_set has exactly one). The map's key
// points into objs[0]'s storage and is re-pointed whenever objs[0] changes.
using Bucket = std::vector<std::unique_ptr<Stored>>;
using Data = std::map<Term, Bucket, KeyLess>;

struct Table {
    Table(Type t, uint64_t i) : id(i), type(t), data(KeyLess{t == Type::OrderedSet}) {}

    const uint64_t id;  // reference number of the table identifier
    const Type type;
    uint32_t keypos = 1;
    bool named = false;
    // What info/2 reports, by erl's rules (a private table has neither kind of concurrency,
    // decentralized counters need write_concurrency). The table's locking is the same
    // whatever they say: see docs/internals/ets.md.
    bool read_concurrency = false, write_concurrency = false, write_concurrency_auto = false,
         compressed = false, decentralized_counters = false;
    uint32_t debug_fixed_locks = 0;  // {write_concurrency, {debug_hash_fixed_number_of_locks, N}}
    std::atomic<uint64_t> owner{0};  // pid number (written under `lock`, read anywhere)

    // Everything below is guarded by `lock` (shared for reads, exclusive for writes).
    mutable std::shared_mutex lock;
    bool dead = false;  // deleted: every operation now fails as on a missing table
    Term name = Term::nil();
    Access access = Access::Protected;
    uint64_t heir = 0;  // pid number; 0: none
    std::unique_ptr<Stored> heir_data;
    Data data;
    size_t size = 0;   // objects
    size_t words = 0;  // words of the stored copies
    std::vector<std::pair<uint64_t, int64_t>> fixes;  // safe_fixtable: pid number, count
    int64_t fix_monotonic_ns = 0;                     // when the first fix was made
    int64_t fix_system_us = 0;

    Term key_of(Term obj) const { return obj.tuple_elem(keypos - 1); }
    // Inserts a stored object (set types replace, bag skips an identical one).
    void insert(std::unique_ptr<Stored> obj);
    // Removes the bucket at `it` (or one object of it), keeping size, words and the key right.
    Data::iterator erase_bucket(Data::iterator it);
    void erase_object(Data::iterator it, size_t index);
    void clear();
};

// The table registry.
// Registers a table made with make_shared<Table>(type, new_ref_id()) and configured; false
// (not registered) if it is named and the name is taken.
bool register_table(const std::shared_ptr<Table>& t);
// The table `tab` (an atom naming a named table, or a table reference) names; nullptr with
// `bad_type` true if `tab` is neither an atom nor a reference.
std::shared_ptr<Table> find_table(Term tab, bool& bad_type);
// Takes the table out of the registry and empties it (its lock taken here).
void delete_table(const std::shared_ptr<Table>& t);
// Renames; false if `name` is taken by another named table.
bool rename_table(const std::shared_ptr<Table>& t, Term name);
// Every live table.
std::vector<std::shared_ptr<Table>> all_tables();
// The identifier a process sees: the name of a named table, else its reference.
Term table_id(gc::Heap& h, const Table& t);
Term table_ref(gc::Heap& h, const Table& t);
// The table number of a table reference; 0 for any other term.
uint64_t table_ref_id(Term ref);

// Called when `p` exits (before its links and monitors are signalled): its tables go to their
// heirs (an 'ETS-TRANSFER' message) or are deleted.
void process_exiting(Vm& vm, Process& p);

} // namespace joist::ets
