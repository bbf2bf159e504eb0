// libFuzzer entry point for the .beam loader: arbitrary bytes must load (parse + translate into
// threaded code) or give an Error, never a crash, hang or huge allocation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vm/vm.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto result = joist::Vm::check_load(bytes, "fuzz.beam");
    (void)result.ok();
    return 0;
}
