// The per-thread cache of Message nodes (see message.h).
#include "process/message.h"

#include <new>

#include "base/sanitizers.h"

namespace joist {

namespace {

struct FreeNode {
    FreeNode* next;
};

// Bounded, so a burst of messages does not pin memory in one thread forever. Off under
// AddressSanitizer, so that it sees every node's use after free.
constexpr size_t kCacheMax = kAddressSanitizer ? 0 : 4096;

struct Cache {
    FreeNode* head = nullptr;
    size_t count = 0;
    ~Cache() {
        while (head) {
            FreeNode* n = head->next;
            ::operator delete(static_cast<void*>(head));
            head = n;
        }
    }
};

thread_local Cache t_cache;

} // namespace

void* Message::operator new(size_t size) {
    static_assert(sizeof(Message) >= sizeof(FreeNode));
    if (size == sizeof(Message) && t_cache.head) {
        FreeNode* n = t_cache.head;
        t_cache.head = n->next;
        --t_cache.count;
        return n;
    }
    return ::operator new(size);
}

void Message::operator delete(void* p) noexcept {
    if (!p) return;
    if (t_cache.count < kCacheMax) {
        auto* n = static_cast<FreeNode*>(p);
        n->next = t_cache.head;
        t_cache.head = n;
        ++t_cache.count;
        return;
    }
    ::operator delete(p);
}

} // namespace joist
