// The global atom table (see atom_table.h).
#include "term/atom_table.h"

#include <cstdlib>

#include "base/assert.h"

namespace joist {

// The index array is calloc'd: untouched pages cost nothing until atoms reach them.
AtomTable::AtomTable()
    : m_names(static_cast<const std::string**>(std::calloc(kMaxAtoms, sizeof(std::string*)))) {
    JOIST_VERIFY(m_names);
    static const char* const kPreloaded[] = {
#define ATOM(id, text) text,
#include "term/atoms.def"
#undef ATOM
    };
    for (const char* t : kPreloaded) {
        Term a = intern(t);
        JOIST_VERIFY(a.is_atom());
    }
}

Term AtomTable::intern(std::string_view text) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_index.find(text); it != m_index.end()) return Term::atom(it->second);
    uint32_t n = m_count.load(std::memory_order_relaxed);
    if (n >= kMaxAtoms) return Term::none();
    auto* s = new std::string(text);  // owned by the table for the life of the process
    m_names.get()[n] = s;
    m_index.emplace(std::string_view(*s), n);
    m_count.store(n + 1, std::memory_order_release);  // publishes m_names[n]
    return Term::atom(n);
}

std::optional<Term> AtomTable::find(std::string_view text) const {
    std::lock_guard lock(m_mutex);
    if (auto it = m_index.find(text); it != m_index.end()) return Term::atom(it->second);
    return std::nullopt;
}

AtomTable& AtomTable::global() {
    static AtomTable table;
    return table;
}

} // namespace joist
