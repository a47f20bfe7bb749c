/* The upstream wasi-testsuite case truncation_rights (tests/rust/wasm32-wasip1/src/bin/truncation_rights.rs), call
 * for call: path_open with TRUNC works through a directory with path_filestat_set_size, also once the inheriting
 * fd_filestat_set_size right is dropped, and fails (PERM or NOTCAPABLE) once path_filestat_set_size is dropped. */
#include "wasi_tests.h"

static void test_truncation_rights(__wasi_fd_t dir_fd) {
    create_file(dir_fd, "file");

    __wasi_fdstat_t dir_fdstat;
    EXPECT(__wasi_fd_fdstat_get(dir_fd, &dir_fdstat), "calling fd_fdstat on the scratch directory");
    ASSERT(dir_fdstat.fs_filetype == __WASI_FILETYPE_DIRECTORY, "expected the scratch directory to be a directory");
    ASSERT(dir_fdstat.fs_flags == 0, "expected the scratch directory to have no special flags");
    ASSERT((dir_fdstat.fs_rights_base & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) == 0,
           "directories shouldn't have the fd_filestat_set_size right");

    if ((dir_fdstat.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE) == 0) {
        FAIL("the scratch directory lacks path_filestat_set_size; wasmtime grants it, and so must we");
    }
    __wasi_fd_t file_fd;
    EXPECT(__wasi_path_open(dir_fd, 0, "file", __WASI_OFLAGS_TRUNC, 0, 0, 0, &file_fd), "truncating a file");
    EXPECT(__wasi_fd_close(file_fd), "closing a file");

    __wasi_rights_t rights_base = dir_fdstat.fs_rights_base;
    __wasi_rights_t rights_inheriting = dir_fdstat.fs_rights_inheriting;
    if ((rights_inheriting & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) == 0) {
        FAIL("the scratch directory passes on no fd_filestat_set_size; wasmtime does, and so must we");
    }
    rights_inheriting &= ~__WASI_RIGHTS_FD_FILESTAT_SET_SIZE;
    EXPECT(__wasi_fd_fdstat_set_rights(dir_fd, rights_base, rights_inheriting),
           "droping fd_filestat_set_size inheriting right on a directory");

    EXPECT(__wasi_path_open(dir_fd, 0, "file", __WASI_OFLAGS_TRUNC, 0, 0, 0, &file_fd),
           "truncating a file without fd_filestat_set_size right");
    EXPECT(__wasi_fd_close(file_fd), "closing a file");

    rights_base &= ~__WASI_RIGHTS_PATH_FILESTAT_SET_SIZE;
    EXPECT(__wasi_fd_fdstat_set_rights(dir_fd, rights_base, rights_inheriting),
           "droping path_filestat_set_size base right on a directory");

    EXPECT(__wasi_fd_fdstat_get(dir_fd, &dir_fdstat), "reading the fdstat from a directory");
    ASSERT((dir_fdstat.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_SET_SIZE) == 0,
           "reading the fdstat from a directory");

    EXPECT_ERRNO2(__wasi_path_open(dir_fd, 0, "file", __WASI_OFLAGS_TRUNC, 0, 0, 0, &file_fd),
                  "truncating a file without path_filestat_set_size right", __WASI_ERRNO_PERM,
                  __WASI_ERRNO_NOTCAPABLE);

    EXPECT(__wasi_path_unlink_file(dir_fd, "file"), "removing a file");
}

int main(void) {
    return run_in_tmp_dir("truncation_rights_dir.cleanup", test_truncation_rights);
}
