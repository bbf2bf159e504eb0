// Whether this build runs under AddressSanitizer: the per-thread caches of freed blocks
// (message nodes, message fragments) are off then, so that it sees every use after free.
#pragma once

namespace joist {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#    if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#    else
inline constexpr bool kAddressSanitizer = false;
#    endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

} // namespace joist
