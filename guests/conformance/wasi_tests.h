/* The helpers of the upstream wasi-testsuite's Rust tests (tests/rust/wasm32-wasip1/src/lib.rs), in C over the raw
 * WASI calls, so that a case here makes the same calls with the same arguments in the same order as the upstream
 * case it is named after. A failed expectation prints where and why, as a Rust panic does, and traps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#define FAIL(...)                                                   \
    do {                                                            \
        /* the file name alone: the path would make the binary depend on where the project is checked out */ \
        fprintf(stderr, "panicked at %s:%d: ", __FILE_NAME__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                               \
        fprintf(stderr, "\n");                                      \
        abort();                                                    \
    } while (0)

/* A call that must succeed: `call.expect(what)`. */
#define EXPECT(call, what)                                                  \
    do {                                                                    \
        __wasi_errno_t expect_errno_ = (call);                              \
        if (expect_errno_ != __WASI_ERRNO_SUCCESS) {                        \
            FAIL("%s: Errno { code: %d }", what, (int) expect_errno_);      \
        }                                                                   \
    } while (0)

/* A call that must fail with `one` or `other`: `assert_errno!(call.expect_err(what), one, other)`. */
#define EXPECT_ERRNO2(call, what, one, other)                                                          \
    do {                                                                                               \
        __wasi_errno_t expect_errno_ = (call);                                                         \
        if (expect_errno_ == __WASI_ERRNO_SUCCESS) {                                                   \
            FAIL("%s: the call succeeded", what);                                                      \
        }                                                                                              \
        if (expect_errno_ != (one) && expect_errno_ != (other)) {                                      \
            FAIL("expected errno %d or %d; got %d (%s)", (int) (one), (int) (other), (int) expect_errno_, \
                 what);                                                                                \
        }                                                                                              \
    } while (0)

#define EXPECT_ERRNO(call, what, errno_) EXPECT_ERRNO2(call, what, errno_, errno_)

#define ASSERT(condition, what)                  \
    do {                                         \
        if (!(condition)) {                      \
            FAIL("assertion failed: %s", what);  \
        }                                        \
    } while (0)

/* lib.rs create_tmp_dir: makes `name` in `dir_fd` and opens it with the rights upstream asks for. */
static __wasi_fd_t create_tmp_dir(__wasi_fd_t dir_fd, const char *name) {
    EXPECT(__wasi_path_create_directory(dir_fd, name), "failed to create dir");
    __wasi_fd_t fd;
    EXPECT(__wasi_path_open(dir_fd, 0, name, __WASI_OFLAGS_DIRECTORY,
                            __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_READDIR | __WASI_RIGHTS_PATH_CREATE_FILE
                                | __WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_REMOVE_DIRECTORY
                                | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_UNLINK_FILE
                                | __WASI_RIGHTS_PATH_LINK_SOURCE | __WASI_RIGHTS_PATH_LINK_TARGET
                                | __WASI_RIGHTS_PATH_READLINK | __WASI_RIGHTS_PATH_RENAME_SOURCE
                                | __WASI_RIGHTS_PATH_RENAME_TARGET | __WASI_RIGHTS_PATH_FILESTAT_GET
                                | __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE | __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES
                                | __WASI_RIGHTS_PATH_SYMLINK | __WASI_RIGHTS_PATH_REMOVE_DIRECTORY,
                            __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_READDIR
                                | __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_SEEK
                                | __WASI_RIGHTS_PATH_LINK_SOURCE | __WASI_RIGHTS_PATH_LINK_TARGET
                                | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_UNLINK_FILE
                                | __WASI_RIGHTS_PATH_FILESTAT_GET | __WASI_RIGHTS_FD_FDSTAT_SET_FLAGS
                                | __WASI_RIGHTS_FD_SYNC | __WASI_RIGHTS_FD_TELL | __WASI_RIGHTS_FD_ADVISE
                                | __WASI_RIGHTS_FD_ALLOCATE | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE
                                | __WASI_RIGHTS_FD_FILESTAT_SET_TIMES,
                            0, &fd),
           "failed to open dir");
    return fd;
}

/* lib.rs root_directory: a fresh descriptor of the preopened directory named "/", with its rights. */
static __wasi_fd_t root_directory(void) {
    for (__wasi_fd_t i = 3;; i++) {
        __wasi_prestat_t stat;
        if (__wasi_fd_prestat_get(i, &stat) != __WASI_ERRNO_SUCCESS) {
            break;
        }
        if (stat.tag != __WASI_PREOPENTYPE_DIR) {
            continue;
        }
        char name[256];
        size_t length = stat.u.dir.pr_name_len;
        if (length >= sizeof name || __wasi_fd_prestat_dir_name(i, (uint8_t *) name, length) != __WASI_ERRNO_SUCCESS) {
            continue;
        }
        if (length == 1 && name[0] == '/') {
            __wasi_fdstat_t fdstat;
            EXPECT(__wasi_fd_fdstat_get(i, &fdstat), "fd_fdstat_get failed");
            __wasi_fd_t fd;
            EXPECT(__wasi_path_open(i, 0, ".", __WASI_OFLAGS_DIRECTORY, fdstat.fs_rights_base,
                                    fdstat.fs_rights_inheriting, 0, &fd),
                   "failed to open dir");
            return fd;
        }
    }
    fprintf(stderr, "failed to find scratch dir\n");
    exit(1);
}

/* lib.rs create_file: creates `filename` with no rights asked for, and closes it. */
static void create_file(__wasi_fd_t dir_fd, const char *filename) {
    __wasi_fd_t file_fd;
    EXPECT(__wasi_path_open(dir_fd, 0, filename, __WASI_OFLAGS_CREAT, 0, 0, 0, &file_fd), "creating a file");
    ASSERT(file_fd > 2, "file descriptor range check");
    EXPECT(__wasi_fd_close(file_fd), "closing a file");
}

/* lib.rs supports_rights: whether fd_fdstat_set_rights is implemented at all. */
static int supports_rights(__wasi_fd_t fd) {
    __wasi_fdstat_t fdstat;
    EXPECT(__wasi_fd_fdstat_get(fd, &fdstat), "fd_fdstat_get failed");
    return __wasi_fd_fdstat_set_rights(fd, fdstat.fs_rights_base, fdstat.fs_rights_inheriting)
           != __WASI_ERRNO_NOTSUP;
}

/* Every upstream main: a temporary directory in the root, the test, and the clean-up. */
static int run_in_tmp_dir(const char *dir_name, void (*test)(__wasi_fd_t)) {
    __wasi_fd_t base_dir_fd = root_directory();
    __wasi_fd_t dir_fd = create_tmp_dir(base_dir_fd, dir_name);
    test(dir_fd);
    EXPECT(__wasi_fd_close(dir_fd), "closing the directory");
    EXPECT(__wasi_path_remove_directory(base_dir_fd, dir_name), "failed to remove dir");
    return 0;
}
