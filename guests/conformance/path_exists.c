/* The upstream wasi-testsuite case path_exists (tests/rust/wasm32-wasip1/src/bin/path_exists.rs), call for call:
 * path_filestat_get with and without SYMLINK_FOLLOW on a directory, a file in it, and symlinks to each, made in a
 * temporary directory opened through the root. A followed link's relative target is read from the link's own
 * directory, not from the root. */
#include "wasi_tests.h"

static void test_path_exists(__wasi_fd_t dir_fd) {
    __wasi_filestat_t file_stat;
    EXPECT(__wasi_path_create_directory(dir_fd, "subdir"), "create directory");

    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "subdir", &file_stat), "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_DIRECTORY, "subdir is a directory");

    EXPECT(__wasi_path_filestat_get(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "subdir", &file_stat),
           "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_DIRECTORY, "subdir, followed, is a directory");

    create_file(dir_fd, "subdir/file");
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "subdir/file", &file_stat), "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_REGULAR_FILE, "subdir/file is a regular file");

    EXPECT(__wasi_path_filestat_get(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "subdir/file", &file_stat),
           "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_REGULAR_FILE, "subdir/file, followed, is a regular file");

    EXPECT(__wasi_path_symlink("subdir/file", dir_fd, "link1"), "create symlink");
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "link1", &file_stat), "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_SYMBOLIC_LINK, "link1 is a symlink");

    EXPECT(__wasi_path_filestat_get(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "link1", &file_stat),
           "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_REGULAR_FILE, "link1, followed, is a regular file");

    EXPECT(__wasi_path_symlink("subdir", dir_fd, "link2"), "create symlink");
    EXPECT(__wasi_path_filestat_get(dir_fd, 0, "link2", &file_stat), "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_SYMBOLIC_LINK, "link2 is a symlink");

    EXPECT(__wasi_path_filestat_get(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "link2", &file_stat),
           "reading file stats");
    ASSERT(file_stat.filetype == __WASI_FILETYPE_DIRECTORY, "link2, followed, is a directory");

    EXPECT(__wasi_path_unlink_file(dir_fd, "link1"), "clean up");
    EXPECT(__wasi_path_unlink_file(dir_fd, "link2"), "clean up");
    EXPECT(__wasi_path_unlink_file(dir_fd, "subdir/file"), "clean up");
    EXPECT(__wasi_path_remove_directory(dir_fd, "subdir"), "clean up");
}

int main(void) {
    return run_in_tmp_dir("path_exists_dir.cleanup", test_path_exists);
}
