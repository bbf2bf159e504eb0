// Built-in NIFs of prim_file (the file handle and file system operations under OTP's `file`
// module), on POSIX calls, with erl's results: {error, Posix} tuples, #file_info{} records as
// tuples of POSIX times, {ok, Ref} handles. A file handle is a native resource
// (process/resource.h) owned by the opening process: its exit closes the file, as erl's
// monitor on the controlling process does. Paths arrive encoded by
// prim_file:internal_name2native/1 (bif/file.cpp): binaries ending in a NUL byte.
#include <cerrno>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <utime.h>
#include <vector>

#include "bif/binbif.h"
#include "bif/bif.h"
#include "bif/posix_errors.h"
#include "gc/build.h"
#include "process/resource.h"
#include "term/atom_table.h"
#include "term/bignum.h"
#include "term/binary.h"

namespace joist {

namespace {

struct File : Resource {
    int fd = -1;
    ~File() override {
        if (fd >= 0) ::close(fd);
    }
};

Term atom(const char* name) { return atoms().intern(name); }

Term error_tuple(Process& p, int err) {
    return gc::make_tuple_of(p.heap, am::error, atom(posix_error_name(err)));
}

Term ok_tuple(Process& p, Term v) { return gc::make_tuple_of(p.heap, am::ok, v); }

// A path from internal_name2native: a binary whose only NUL is its last byte. Else EINVAL.
int path_arg(Term t, std::string& out) {
    BitView v;
    if (!binbif::binary_view(t, v)) return EINVAL;
    out = binbif::view_bytes(v);
    size_t nul = out.find('\0');
    if (nul == std::string::npos || out.find_first_not_of('\0', nul) != std::string::npos)
        return EINVAL;
    out.resize(nul);
    return 0;
}

// An integer argument in int64 range (enif_get_int64).
bool int64_arg(Term t, int64_t& v) {
    if (t.is_small()) {
        v = t.small_value();
        return true;
    }
    return false;  // bignums are out of the 60-bit small range only past int64 here
}

// An offset and a size (or length) argument: both must be numbers (else badarg, as erl's
// NIFs) and non-negative 64-bit integers (else {error, einval}). False with `r` set to what
// the NIF returns.
bool offset_size_args(Process& p, Term a, Term b, int64_t& offset, int64_t& size, Term& r) {
    if (!a.is_number() || !b.is_number()) {
        r = p.badarg();
        return false;
    }
    if (!int64_arg(a, offset) || !int64_arg(b, size) || offset < 0 || size < 0) {
        r = error_tuple(p, EINVAL);
        return false;
    }
    return true;
}

// The file of a handle term; nullptr (badarg) if it is not one. A closed file has fd < 0.
std::shared_ptr<File> file_arg(Term t) { return find_resource_as<File>(t); }

int64_t clamp_time(int64_t t) { return t < -(int64_t(1) << 62) ? -(int64_t(1) << 62) : t; }

Term file_info(Process& p, const struct stat& st, int access_bits) {
    const char* type = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "device"
                       : S_ISDIR(st.st_mode)                      ? "directory"
                       : S_ISREG(st.st_mode)                      ? "regular"
                       : S_ISLNK(st.st_mode)                      ? "symlink"
                                                                  : "other";
    static const char* const kAccess[] = {"none", "read", "write", "read_write"};
    auto u = [&](uint64_t v) { return gc::make_integer_u64(p.heap, v); };
    auto i = [&](int64_t v) { return gc::make_integer(p.heap, clamp_time(v)); };
    Term t = gc::make_tuple(p.heap, 14);
    Term* e = t.tuple_elems();
    e[0] = atom("file_info");
    e[1] = u(uint64_t(st.st_size));
    e[2] = atom(type);
    e[3] = atom(kAccess[access_bits & 3]);
    e[4] = i(st.st_atime);
    e[5] = i(st.st_mtime);
    e[6] = i(st.st_ctime);
    e[7] = u(uint32_t(st.st_mode));
    e[8] = u(uint32_t(st.st_nlink));
    e[9] = u(uint32_t(st.st_dev));
    e[10] = u(uint32_t(st.st_rdev));
    e[11] = u(uint32_t(st.st_ino));
    e[12] = u(uint32_t(st.st_uid));
    e[13] = u(uint32_t(st.st_gid));
    return t;
}

// The bytes of an iovec (a list of binaries); false if it is not one.
bool iovec_arg(Term t, std::string& out) {
    out.clear();
    BitView v;
    if (binbif::binary_view(t, v)) {
        out = binbif::view_bytes(v);
        return true;
    }
    for (; t.is_list(); t = t.tail()) {
        if (!binbif::binary_view(t.head(), v)) return false;
        out += binbif::view_bytes(v);
    }
    return t.is_nil();
}

// Writes all of `data` at the current position (or at `offset` >= 0); 0 or an errno.
int write_all(int fd, const std::string& data, int64_t offset) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = offset < 0 ? ::write(fd, data.data() + done, data.size() - done)
                               : ::pwrite(fd, data.data() + done, data.size() - done,
                                          off_t(offset + int64_t(done)));
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += size_t(n);
    }
    return 0;
}

// Reads up to `size` bytes (at `offset` if >= 0): {ok, Bin}, eof, or {error, Posix}.
Term read_some(Process& p, int fd, int64_t size, int64_t offset) {
    if (size > (int64_t(1) << 31) - 1) size = (int64_t(1) << 31) - 1;
    std::string buf(size_t(size), '\0');
    size_t got = 0;
    while (got < buf.size()) {
        ssize_t n = offset < 0 ? ::read(fd, buf.data() + got, buf.size() - got)
                               : ::pread(fd, buf.data() + got, buf.size() - got,
                                         off_t(offset + int64_t(got)));
        if (n < 0) {
            if (errno == EINTR) continue;
            return error_tuple(p, errno);
        }
        if (n == 0) break;
        got += size_t(n);
    }
    if (got == 0) return atom("eof");
    buf.resize(got);
    return ok_tuple(p, make_binary_from(p.heap, buf));
}

// The file of a handle NIF's first argument: nullptr after recording badarg or, for a
// closed file, {error, einval} in `closed`.
std::shared_ptr<File> open_file_arg(Process& p, Term t, Term& result) {
    auto f = file_arg(t);
    if (!f) {
        result = p.badarg();
        return nullptr;
    }
    if (f->fd < 0) {
        result = error_tuple(p, EINVAL);
        return nullptr;
    }
    return f;
}

Term path_op(Process& p, Term path, int (*op)(const char*)) {
    std::string s;
    if (int e = path_arg(path, s)) return error_tuple(p, e);
    if (op(s.c_str()) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term two_path_op(Process& p, Term a, Term b, int (*op)(const char*, const char*)) {
    std::string s1, s2;
    if (int e = path_arg(a, s1)) return error_tuple(p, e);
    if (int e = path_arg(b, s2)) return error_tuple(p, e);
    if (op(s1.c_str(), s2.c_str()) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term new_file(Process& p, int fd) {
    auto f = std::make_shared<File>();
    f->fd = fd;
    return ok_tuple(p, register_resource(p.heap, p.number, std::move(f)));
}

} // namespace

// open_nif(Path, Modes): read / write / append / exclusive / sync / directory /
// skip_type_check; other modes are prim_file.erl's business.
Term nif_prim_file_open_nif_2(Process& p, const Term* args) {
    if (!args[1].is_list() && !args[1].is_nil()) return p.badarg();
    bool rd = false, wr = false, app = false, excl = false, sync = false, dir = false,
         skip = false;
    for (Term t = args[1]; t.is_list(); t = t.tail()) {
        Term m = t.head();
        if (!m.is_atom()) continue;
        std::string_view n = atoms().name(m);
        rd |= n == "read";
        wr |= n == "write";
        app |= n == "append";
        excl |= n == "exclusive";
        sync |= n == "sync";
        dir |= n == "directory";
        skip |= n == "skip_type_check";
    }
    if (app || excl) wr = true;
    else if (!rd && !wr) rd = true;
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    int flags = rd && !wr ? O_RDONLY : !rd && wr ? (O_TRUNC | O_WRONLY | O_CREAT) : (O_RDWR | O_CREAT);
    if (app) flags = (flags & ~O_TRUNC) | O_APPEND;
    if (excl) flags |= O_EXCL;
    if (sync) flags |= O_SYNC;
    if (dir) flags |= O_DIRECTORY;
    flags |= O_CLOEXEC;
    int fd;
    do {
        fd = ::open(path.c_str(), flags, dir ? 0777 : 0666);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return error_tuple(p, errno);
    if (!skip && !dir) {
        struct stat st;
        if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            ::close(fd);
            return error_tuple(p, EISDIR);
        }
    }
    return new_file(p, fd);
}

Term nif_prim_file_file_desc_to_ref_nif_1(Process& p, const Term* args) {
    int64_t fd;
    if (!int64_arg(args[0], fd) || fd < INT_MIN || fd > INT_MAX) return p.badarg();
    int flags = ::fcntl(int(fd), F_GETFL);
    if (flags < 0) return error_tuple(p, errno);
    return new_file(p, int(fd));
}

Term nif_prim_file_close_nif_1(Process& p, const Term* args) {
    auto f = file_arg(args[0]);
    if (!f) return p.badarg();
    std::lock_guard lock(f->mutex);
    if (f->fd < 0) return error_tuple(p, EINVAL);
    int fd = f->fd;
    f->fd = -1;  // the handle stays known: using it again gives {error, einval}, as on erl
    if (::close(fd) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_delayed_close_nif_1(Process& p, const Term* args) {
    return nif_prim_file_close_nif_1(p, args);
}

Term nif_prim_file_read_nif_2(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    if (!args[1].is_number()) return p.badarg();
    int64_t size;
    if (!int64_arg(args[1], size) || size < 0) return error_tuple(p, EINVAL);
    std::lock_guard lock(f->mutex);
    return read_some(p, f->fd, size, -1);
}

Term nif_prim_file_write_nif_2(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    std::string data;
    if (!iovec_arg(args[1], data)) return p.badarg();
    std::lock_guard lock(f->mutex);
    if (int e = write_all(f->fd, data, -1)) return error_tuple(p, e);
    return am::ok;
}

Term nif_prim_file_pread_nif_3(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int64_t offset, size;
    if (!offset_size_args(p, args[1], args[2], offset, size, r)) return r;
    std::lock_guard lock(f->mutex);
    return read_some(p, f->fd, size, offset);
}

Term nif_prim_file_pwrite_nif_3(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    std::string data;
    if (!args[1].is_number() || !iovec_arg(args[2], data)) return p.badarg();
    int64_t offset;
    if (!int64_arg(args[1], offset) || offset < 0) return error_tuple(p, EINVAL);
    std::lock_guard lock(f->mutex);
    if (int e = write_all(f->fd, data, offset)) return error_tuple(p, e);
    return am::ok;
}

Term nif_prim_file_seek_nif_3(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int64_t offset;
    if (!int64_arg(args[2], offset)) return p.badarg();
    int whence;
    if (args[1] == atom("bof")) whence = SEEK_SET;
    else if (args[1] == atom("cur")) whence = SEEK_CUR;
    else if (args[1] == atom("eof")) whence = SEEK_END;
    else return p.badarg();
    std::lock_guard lock(f->mutex);
    off_t pos = ::lseek(f->fd, off_t(offset), whence);
    if (pos < 0) return error_tuple(p, errno);
    return ok_tuple(p, gc::make_integer_u64(p.heap, uint64_t(pos)));
}

Term nif_prim_file_sync_nif_2(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    if (!args[1].is_small()) return p.badarg();
    std::lock_guard lock(f->mutex);
    int rc = args[1].small_value() ? ::fdatasync(f->fd) : ::fsync(f->fd);
    if (rc < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_truncate_nif_1(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    std::lock_guard lock(f->mutex);
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0 || ::ftruncate(f->fd, pos) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_allocate_nif_3(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int64_t offset, length;
    if (!offset_size_args(p, args[1], args[2], offset, length, r)) return r;
    std::lock_guard lock(f->mutex);
    int e = ::posix_fallocate(f->fd, off_t(offset), off_t(length));
    if (e != 0) return error_tuple(p, e);
    return am::ok;
}

Term nif_prim_file_advise_nif_4(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int64_t offset, length;
    if (!offset_size_args(p, args[1], args[2], offset, length, r)) return r;
    static const std::pair<const char*, int> kAdvice[] = {
        {"normal", POSIX_FADV_NORMAL},         {"random", POSIX_FADV_RANDOM},
        {"sequential", POSIX_FADV_SEQUENTIAL}, {"will_need", POSIX_FADV_WILLNEED},
        {"dont_need", POSIX_FADV_DONTNEED},    {"no_reuse", POSIX_FADV_NOREUSE}};
    for (const auto& [name, advice] : kAdvice) {
        if (args[3] != atom(name)) continue;
        std::lock_guard lock(f->mutex);
        int e = ::posix_fadvise(f->fd, off_t(offset), off_t(length), advice);
        if (e != 0) return error_tuple(p, e);
        return am::ok;
    }
    return error_tuple(p, EINVAL);
}

Term nif_prim_file_read_handle_info_nif_1(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    std::lock_guard lock(f->mutex);
    struct stat st;
    if (::fstat(f->fd, &st) < 0) return error_tuple(p, errno);
    int acc = ::fcntl(f->fd, F_GETFL);
    int bits = acc < 0 ? 0 : (acc & O_ACCMODE) == O_RDONLY ? 1 : (acc & O_ACCMODE) == O_WRONLY ? 2 : 3;
    return file_info(p, st, bits);
}

// The handle as erl passes it to sendfile: the descriptor as 4 native-endian bytes.
Term nif_prim_file_get_handle_nif_1(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int32_t fd = f->fd;
    return make_binary_from(p.heap, std::string_view(reinterpret_cast<const char*>(&fd), 4));
}

// ipread_s32bu_p32bu_nif(Fd, Offset, MaxSize): reads <<Size:32, Pointer:32>> at Offset,
// then Size bytes at Pointer: {ok, {Size, Pointer, Data | eof}}, or eof.
Term nif_prim_file_ipread_s32bu_p32bu_nif_3(Process& p, const Term* args) {
    Term r;
    auto f = open_file_arg(p, args[0], r);
    if (!f) return r;
    int64_t offset, max_size;
    if (!offset_size_args(p, args[1], args[2], offset, max_size, r)) return r;
    std::lock_guard lock(f->mutex);
    uint8_t hdr[8];
    ssize_t n = ::pread(f->fd, hdr, 8, off_t(offset));
    if (n < 0) return error_tuple(p, errno);
    if (n < 8) return atom("eof");
    uint32_t size = (uint32_t(hdr[0]) << 24) | (uint32_t(hdr[1]) << 16) | (uint32_t(hdr[2]) << 8) | hdr[3];
    uint32_t ptr = (uint32_t(hdr[4]) << 24) | (uint32_t(hdr[5]) << 16) | (uint32_t(hdr[6]) << 8) | hdr[7];
    if (int64_t(size) > max_size) return atom("eof");
    Term data = read_some(p, f->fd, size, ptr);
    if (data.is_tuple() && data.tuple_elem(0) == am::error) return data;
    Term payload = data.is_tuple() ? data.tuple_elem(1) : atom("eof");
    return ok_tuple(p, gc::make_tuple_of(p.heap, gc::make_integer_u64(p.heap, size),
                                         gc::make_integer_u64(p.heap, ptr), payload));
}

Term nif_prim_file_read_file_nif_1(Process& p, const Term* args) {
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return error_tuple(p, errno);
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return error_tuple(p, EISDIR);
    }
    std::string data;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            ::close(fd);
            return error_tuple(p, e);
        }
        if (n == 0) break;
        data.append(buf, size_t(n));
    }
    ::close(fd);
    return ok_tuple(p, make_binary_from(p.heap, data));
}

Term nif_prim_file_make_hard_link_nif_2(Process& p, const Term* args) {
    return two_path_op(p, args[0], args[1], [](const char* a, const char* b) { return ::link(a, b); });
}

Term nif_prim_file_make_soft_link_nif_2(Process& p, const Term* args) {
    return two_path_op(p, args[0], args[1],
                       [](const char* a, const char* b) { return ::symlink(a, b); });
}

Term nif_prim_file_rename_nif_2(Process& p, const Term* args) {
    std::string from, to;
    if (int e = path_arg(args[0], from)) return error_tuple(p, e);
    if (int e = path_arg(args[1], to)) return error_tuple(p, e);
    if (::rename(from.c_str(), to.c_str()) < 0) {
        int e = errno == ENOTEMPTY ? EEXIST : errno;  // erl's codes on every OS
        return error_tuple(p, from == "/" ? EINVAL : e);
    }
    return am::ok;
}

Term nif_prim_file_read_info_nif_2(Process& p, const Term* args) {
    if (!args[1].is_small()) return p.badarg();
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    struct stat st;
    int rc = args[1].small_value() ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (rc < 0) return error_tuple(p, errno);
    int bits = (::access(path.c_str(), R_OK) == 0 ? 1 : 0) | (::access(path.c_str(), W_OK) == 0 ? 2 : 0);
    return file_info(p, st, bits);
}

Term nif_prim_file_set_permissions_nif_2(Process& p, const Term* args) {
    int64_t mode;
    if (!int64_arg(args[1], mode) || mode < 0 || mode > UINT32_MAX) return p.badarg();
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    if (::chmod(path.c_str(), mode_t(mode)) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_set_owner_nif_3(Process& p, const Term* args) {
    int64_t uid, gid;
    if (!int64_arg(args[1], uid) || !int64_arg(args[2], gid) || uid < INT_MIN ||
        uid > UINT32_MAX || gid < INT_MIN || gid > UINT32_MAX)
        return p.badarg();
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    if (::chown(path.c_str(), uid_t(uid), gid_t(gid)) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_set_time_nif_4(Process& p, const Term* args) {
    int64_t at, mt, ct;
    if (!int64_arg(args[1], at) || !int64_arg(args[2], mt) || !int64_arg(args[3], ct))
        return p.badarg();
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    struct utimbuf tv;
    tv.actime = time_t(at);
    tv.modtime = time_t(mt);
    if (::utime(path.c_str(), &tv) < 0) return error_tuple(p, errno);
    return am::ok;
}

Term nif_prim_file_read_link_nif_1(Process& p, const Term* args) {
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    std::vector<char> buf(4096);
    for (;;) {
        ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size());
        if (n < 0) return error_tuple(p, errno);
        if (size_t(n) < buf.size())
            return ok_tuple(p, make_binary_from(p.heap, std::string_view(buf.data(), size_t(n))));
        buf.resize(buf.size() * 2);
    }
}

Term nif_prim_file_list_dir_nif_1(Process& p, const Term* args) {
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    DIR* d = ::opendir(path.c_str());
    if (!d) return error_tuple(p, errno);
    Term list = Term::nil();
    while (struct dirent* ent = ::readdir(d)) {
        std::string_view name = ent->d_name;
        if (name == "." || name == "..") continue;
        list = gc::make_cons(p.heap, make_binary_from(p.heap, name), list);
    }
    ::closedir(d);
    return ok_tuple(p, list);
}

Term nif_prim_file_make_dir_nif_1(Process& p, const Term* args) {
    return path_op(p, args[0], [](const char* s) { return ::mkdir(s, 0777); });
}

Term nif_prim_file_del_file_nif_1(Process& p, const Term* args) {
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    if (::unlink(path.c_str()) < 0) return error_tuple(p, errno == EISDIR ? EPERM : errno);
    return am::ok;
}

Term nif_prim_file_del_dir_nif_1(Process& p, const Term* args) {
    std::string path;
    if (int e = path_arg(args[0], path)) return error_tuple(p, e);
    if (::rmdir(path.c_str()) == 0) return am::ok;
    int e = errno == ENOTEMPTY ? EEXIST : errno;
    struct stat dir, cwd;
    if (e == EEXIST && ::stat(path.c_str(), &dir) == 0 && ::stat(".", &cwd) == 0 &&
        dir.st_ino == cwd.st_ino && dir.st_dev == cwd.st_dev)
        e = EINVAL;  // the current directory
    return error_tuple(p, e);
}

Term nif_prim_file_set_cwd_nif_1(Process& p, const Term* args) {
    return path_op(p, args[0], [](const char* s) { return ::chdir(s); });
}

// Drive letters are Windows'.
Term nif_prim_file_get_device_cwd_nif_1(Process& p, const Term*) {
    return error_tuple(p, ENOTSUP);
}

Term nif_prim_file_altname_nif_1(Process& p, const Term*) { return error_tuple(p, ENOTSUP); }

Term nif_prim_file_get_cwd_nif_0(Process& p, const Term*) {
    std::vector<char> buf(4096);
    while (!::getcwd(buf.data(), buf.size())) {
        if (errno != ERANGE) return error_tuple(p, errno);
        buf.resize(buf.size() * 2);
    }
    return ok_tuple(p, make_binary_from(p.heap, buf.data()));
}

} // namespace joist
