// libFuzzer entry for the external term format decoder: decoded_size() on arbitrary bytes, and
// when it accepts them, decode() into exactly the words it asked for (ASan catches overruns).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "code/module.h"
#include "etf/decode.h"

namespace {

// Every fun M:F/A resolves to one shared entry, so memory stays flat however many the fuzzer
// invents.
joist::Export* resolve_export(joist::Term module, joist::Term function, uint32_t arity) {
    static joist::Export entry;
    return &entry;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const joist::etf::DecodeContext ctx{resolve_export};
    std::span<const uint8_t> bytes(data, size);
    auto words = joist::etf::decoded_size(bytes, ctx);
    if (!words.ok()) return 0;
    auto heap = std::make_unique<joist::Term[]>(words.value());
    size_t used = 0;
    joist::Term t = joist::etf::decode(bytes, heap.get(), ctx, &used);
    if (t.is_none() || used == 0 || used > size) __builtin_trap();
    return 0;
}
