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

thread_local Cache t_messages;
thread_local Cache t_signal_infos;

template <class T> void* cached_new(Cache& cache, size_t size) {
    static_assert(sizeof(T) >= sizeof(FreeNode));
    if (size == sizeof(T) && cache.head) {
        FreeNode* n = cache.head;
        cache.head = n->next;
        --cache.count;
        return n;
    }
    return ::operator new(size);
}

void cached_delete(Cache& cache, void* p) noexcept {
    if (!p) return;
    if (cache.count < kCacheMax) {
        auto* n = static_cast<FreeNode*>(p);
        n->next = cache.head;
        cache.head = n;
        ++cache.count;
        return;
    }
    ::operator delete(p);
}

} // namespace

void* Message::operator new(size_t size) { return cached_new<Message>(t_messages, size); }
void Message::operator delete(void* p) noexcept { cached_delete(t_messages, p); }
void* SignalInfo::operator new(size_t size) { return cached_new<SignalInfo>(t_signal_infos, size); }
void SignalInfo::operator delete(void* p) noexcept { cached_delete(t_signal_infos, p); }

} // namespace joist
