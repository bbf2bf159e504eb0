// erl's names of POSIX error numbers (bif/posix_errors.h).
#include "bif/posix_errors.h"

#include <cerrno>

namespace joist {

const char* posix_error_name(int err) {
    switch (err) {
#define E(name, text) \
    case name:        \
        return text;
        E(EPERM, "eperm") E(ENOENT, "enoent") E(ESRCH, "esrch") E(EINTR, "eintr")
        E(EIO, "eio") E(ENXIO, "enxio") E(E2BIG, "e2big") E(ENOEXEC, "enoexec")
        E(EBADF, "ebadf") E(ECHILD, "echild") E(EAGAIN, "eagain") E(ENOMEM, "enomem")
        E(EACCES, "eacces") E(EFAULT, "efault") E(ENOTBLK, "enotblk") E(EBUSY, "ebusy")
        E(EEXIST, "eexist") E(EXDEV, "exdev") E(ENODEV, "enodev") E(ENOTDIR, "enotdir")
        E(EISDIR, "eisdir") E(EINVAL, "einval") E(ENFILE, "enfile") E(EMFILE, "emfile")
        E(ENOTTY, "enotty") E(ETXTBSY, "etxtbsy") E(EFBIG, "efbig") E(ENOSPC, "enospc")
        E(ESPIPE, "espipe") E(EROFS, "erofs") E(EMLINK, "emlink") E(EPIPE, "epipe")
        E(EDOM, "edom") E(ERANGE, "erange") E(EDEADLK, "edeadlk")
        E(ENAMETOOLONG, "enametoolong") E(ENOLCK, "enolck") E(ENOSYS, "enosys")
        E(ENOTEMPTY, "enotempty") E(ELOOP, "eloop") E(ENOTSUP, "enotsup")
        E(EOVERFLOW, "eoverflow") E(EDQUOT, "edquot") E(ESTALE, "estale")
        E(ENOTSOCK, "enotsock") E(ECONNREFUSED, "econnrefused") E(ETIMEDOUT, "etimedout")
#undef E
    default:
        return "unknown";
    }
}

} // namespace joist
