/* The upstream wasi-testsuite case symlink_filestat (tests/rust/wasm32-wasip1/src/bin/symlink_filestat.rs), call
 * for call: path_filestat_set_times without SYMLINK_FOLLOW sets a symlink's own mtime and leaves its target's;
 * path_filestat_get with SYMLINK_FOLLOW reads the target's; path_filestat_set_times with SYMLINK_FOLLOW sets the
 * target's. */
#include "wasi_tests.h"

static void test_path_filestat(__wasi_fd_t dir_fd) {
    __wasi_fdstat_t fdstat;
    EXPECT(__wasi_fd_fdstat_get(dir_fd, &fdstat), "fd_fdstat_get");
    ASSERT((fdstat.fs_rights_base & __WASI_RIGHTS_PATH_FILESTAT_GET) != 0,
           "the scratch directory should have RIGHT_PATH_FILESTAT_GET as base right");

    __wasi_fd_t file_fd;
    EXPECT(__wasi_path_open(dir_fd, 0, "file", __WASI_OFLAGS_CREAT,
                            __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_PATH_FILESTAT_GET, 0, 0,
                            &file_fd),
           "opening a file");
    ASSERT(file_fd > 2, "file descriptor range check");

    __wasi_filestat_t file_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "file", &file_stat), "reading file stats");
    ASSERT(file_stat.size == 0, "file size should be 0");

    EXPECT(__wasi_path_symlink("file", dir_fd, "symlink"), "creating symlink to a file");

    __wasi_filestat_t sym_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "symlink", &sym_stat), "reading symlink stats");

    __wasi_timestamp_t sym_new_mtim = sym_stat.mtim - 200;
    EXPECT(__wasi_path_filestat_set_times(dir_fd, 0, "symlink", 0, sym_new_mtim, __WASI_FSTFLAGS_MTIM),
           "path_filestat_set_times should succeed on symlink");

    __wasi_filestat_t modified_sym_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "symlink", &modified_sym_stat),
           "reading file stats after path_filestat_set_times");
    ASSERT(modified_sym_stat.mtim == sym_new_mtim, "symlink mtim should change");

    __wasi_filestat_t unmodified_file_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "file", &unmodified_file_stat),
           "reading file stats after path_filestat_set_times");
    ASSERT(unmodified_file_stat.mtim == file_stat.mtim, "file mtim should not change");

    __wasi_filestat_t deref_sym_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "symlink", &deref_sym_stat),
           "reading file stats on the dereferenced symlink");
    ASSERT(deref_sym_stat.mtim == file_stat.mtim, "symlink mtim should be equal to pointee's when dereferenced");

    EXPECT(__wasi_path_filestat_set_times(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "symlink", 0, sym_stat.mtim,
                                          __WASI_FSTFLAGS_MTIM),
           "path_filestat_set_times should succeed on setting stat on original file");

    __wasi_filestat_t new_file_stat;
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "file", &new_file_stat),
           "reading file stats after path_filestat_set_times");
    ASSERT(new_file_stat.mtim == sym_stat.mtim, "mtim should change");

    EXPECT(__wasi_fd_close(file_fd), "closing a file");
    EXPECT(__wasi_path_unlink_file(dir_fd, "symlink"), "removing a symlink");
    EXPECT(__wasi_path_unlink_file(dir_fd, "file"), "removing a file");
}

int main(void) {
    return run_in_tmp_dir("symlink_filestat_dir.cleanup", test_path_filestat);
}
