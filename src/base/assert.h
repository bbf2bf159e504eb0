// JOIST_VERIFY (always checked) and JOIST_ASSERT (debug only): broken invariants abort with a message.
#pragma once
#include <cstdio>
#include <cstdlib>

#define JOIST_VERIFY(cond)                                                                         \
    do {                                                                                           \
        if (!(cond)) [[unlikely]] {                                                                \
            std::fprintf(stderr, "joist: invariant failed: %s at %s:%d\n", #cond, __FILE__,        \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)
#ifdef NDEBUG
#    define JOIST_ASSERT(cond) ((void)0)
#else
#    define JOIST_ASSERT(cond) JOIST_VERIFY(cond)
#endif
