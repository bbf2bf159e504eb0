// The global atom table: index <-> UTF-8 text. Indices of the atoms in atoms.def are fixed
// (am::badarg ...). Lookup by index never locks; interning takes a mutex.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "term/term.h"

namespace joist {

namespace am {
enum class Index : uint32_t {
#define ATOM(id, text) id,
#include "term/atoms.def"
#undef ATOM
    kCount
};
#define ATOM(id, text) inline constexpr Term id = Term::atom(uint32_t(Index::id));
#include "term/atoms.def"
#undef ATOM
} // namespace am

class AtomTable {
public:
    static constexpr uint32_t kMaxAtoms = 1048576;  // erl's default atom limit
    static constexpr size_t kMaxChars = 255;        // erl's limit on atom length (characters)

    AtomTable();
    // Interns `text` (UTF-8). Returns none() if the table is full.
    Term intern(std::string_view text);
    // Existing atom or nullopt.
    std::optional<Term> find(std::string_view text) const;
    std::string_view name(Term atom) const { return *m_names.get()[atom.atom_index()]; }
    std::string_view name(uint32_t index) const { return *m_names.get()[index]; }
    uint32_t size() const { return m_count.load(std::memory_order_acquire); }

    static AtomTable& global();

private:
    struct FreeDeleter {
        void operator()(const std::string** p) const { std::free(p); }
    };
    std::unique_ptr<const std::string*, FreeDeleter> m_names;  // index -> text; set once each
    std::atomic<uint32_t> m_count{0};
    mutable std::mutex m_mutex;
    std::unordered_map<std::string_view, uint32_t> m_index;  // guarded by m_mutex
};

inline AtomTable& atoms() { return AtomTable::global(); }

} // namespace joist
