/* The upstream wasi-testsuite case path_link (tests/rust/wasm32-wasip1/src/bin/path_link.rs), call for call: hard
 * links in the same and in another directory read as the same file with the same rights; a link onto an existing
 * file, onto itself, onto a directory or onto a dangling symlink is EXIST; a link of a directory is PERM or ACCES;
 * a trailing slash on the new name is NOENT; a dangling symlink and a symlink loop are linked themselves; a link
 * that asks to follow a symlink is INVAL or NOENT. */
#include "wasi_tests.h"

static const __wasi_rights_t TEST_RIGHTS = __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_PATH_LINK_SOURCE
                                           | __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_FD_FILESTAT_GET
                                           | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_UNLINK_FILE;

static __wasi_fd_t create_or_open(__wasi_fd_t dir_fd, const char *name, __wasi_oflags_t flags) {
    __wasi_fd_t file_fd;
    __wasi_errno_t errno_ = __wasi_path_open(dir_fd, 0, name, flags, TEST_RIGHTS, TEST_RIGHTS, 0, &file_fd);
    if (errno_ != __WASI_ERRNO_SUCCESS) {
        FAIL("opening '%s': Errno { code: %d }", name, (int) errno_);
    }
    ASSERT(file_fd > 2, "file descriptor range check");
    return file_fd;
}

static __wasi_fd_t open_link(__wasi_fd_t dir_fd, const char *name) {
    __wasi_fd_t file_fd;
    __wasi_errno_t errno_ = __wasi_path_open(dir_fd, 0, name, 0, TEST_RIGHTS, TEST_RIGHTS, 0, &file_fd);
    if (errno_ != __WASI_ERRNO_SUCCESS) {
        FAIL("opening a link '%s': Errno { code: %d }", name, (int) errno_);
    }
    ASSERT(file_fd > 2, "file descriptor range check");
    return file_fd;
}

static void filestats_assert_eq(__wasi_filestat_t left, __wasi_filestat_t right) {
    ASSERT(left.dev == right.dev, "dev should be equal");
    ASSERT(left.ino == right.ino, "ino should be equal");
    ASSERT(left.atim == right.atim, "atim should be equal");
    ASSERT(left.ctim == right.ctim, "ctim should be equal");
    ASSERT(left.mtim == right.mtim, "mtim should be equal");
    ASSERT(left.size == right.size, "size should be equal");
    ASSERT(left.nlink == right.nlink, "nlink should be equal");
    ASSERT(left.filetype == right.filetype, "filetype should be equal");
}

static void fdstats_assert_eq(__wasi_fdstat_t left, __wasi_fdstat_t right, int rights) {
    ASSERT(left.fs_flags == right.fs_flags, "fs_flags should be equal");
    ASSERT(left.fs_filetype == right.fs_filetype, "fs_filetype should be equal");
    if (rights) {
        ASSERT(left.fs_rights_base == right.fs_rights_base, "fs_rights_base should be equal");
        ASSERT(left.fs_rights_inheriting == right.fs_rights_inheriting, "fs_rights_inheriting should be equal");
    }
}

static void check_rights(__wasi_fd_t orig_fd, __wasi_fd_t link_fd) {
    __wasi_filestat_t orig_filestat, link_filestat;
    EXPECT(__wasi_fd_filestat_get(orig_fd, &orig_filestat), "reading filestat of the source");
    EXPECT(__wasi_fd_filestat_get(link_fd, &link_filestat), "reading filestat of the link");
    filestats_assert_eq(orig_filestat, link_filestat);

    __wasi_fdstat_t orig_fdstat, link_fdstat;
    EXPECT(__wasi_fd_fdstat_get(orig_fd, &orig_fdstat), "reading fdstat of the source");
    EXPECT(__wasi_fd_fdstat_get(link_fd, &link_fdstat), "reading fdstat of the link");
    fdstats_assert_eq(orig_fdstat, link_fdstat, supports_rights(orig_fd));
}

static void test_path_link(__wasi_fd_t dir_fd) {
    __wasi_fd_t file_fd = create_or_open(dir_fd, "file", __WASI_OFLAGS_CREAT);

    EXPECT(__wasi_path_link(dir_fd, 0, "file", dir_fd, "link"), "creating a link in the same directory");
    __wasi_fd_t link_fd = open_link(dir_fd, "link");
    check_rights(file_fd, link_fd);
    EXPECT(__wasi_fd_close(link_fd), "Closing link_fd");
    EXPECT(__wasi_path_unlink_file(dir_fd, "link"), "removing a link");

    EXPECT(__wasi_path_create_directory(dir_fd, "subdir"), "creating a subdirectory");
    __wasi_fd_t subdir_fd = create_or_open(dir_fd, "subdir", __WASI_OFLAGS_DIRECTORY);
    EXPECT(__wasi_path_link(dir_fd, 0, "file", subdir_fd, "link"), "creating a link in subdirectory");
    link_fd = open_link(subdir_fd, "link");
    check_rights(file_fd, link_fd);
    EXPECT(__wasi_fd_close(link_fd), "Closing link_fd");
    EXPECT(__wasi_fd_close(file_fd), "Closing file_fd");
    EXPECT(__wasi_path_unlink_file(subdir_fd, "link"), "removing a link");
    EXPECT(__wasi_fd_close(subdir_fd), "Closing subdir_fd");
    EXPECT(__wasi_path_remove_directory(dir_fd, "subdir"), "removing a subdirectory");

    create_file(dir_fd, "link");
    EXPECT_ERRNO(__wasi_path_link(dir_fd, 0, "file", dir_fd, "link"),
                 "creating a link to existing path should fail", __WASI_ERRNO_EXIST);
    EXPECT(__wasi_path_unlink_file(dir_fd, "link"), "removing a file");

    EXPECT_ERRNO(__wasi_path_link(dir_fd, 0, "file", dir_fd, "file"), "creating a link to itself should fail",
                 __WASI_ERRNO_EXIST);

    EXPECT(__wasi_path_create_directory(dir_fd, "link"), "creating a dir");
    EXPECT_ERRNO(__wasi_path_link(dir_fd, 0, "file", dir_fd, "link"),
                 "creating a link where target is a directory should fail", __WASI_ERRNO_EXIST);
    EXPECT(__wasi_path_remove_directory(dir_fd, "link"), "removing a dir");

    EXPECT(__wasi_path_create_directory(dir_fd, "subdir"), "creating a subdirectory");
    subdir_fd = create_or_open(dir_fd, "subdir", __WASI_OFLAGS_DIRECTORY);
    EXPECT_ERRNO2(__wasi_path_link(dir_fd, 0, "subdir", dir_fd, "link"), "creating a link to a directory should fail",
                  __WASI_ERRNO_PERM, __WASI_ERRNO_ACCES);
    EXPECT(__wasi_fd_close(subdir_fd), "close subdir before deleting it");
    EXPECT(__wasi_path_remove_directory(dir_fd, "subdir"), "removing a subdirectory");

    EXPECT_ERRNO(__wasi_path_link(dir_fd, 0, "file", dir_fd, "link/"),
                 "creating a link to a file with trailing slash should fail", __WASI_ERRNO_NOENT);

    /* Upstream runs the rest only where dangling symlinks can be made; here they always can, so it must. */
    EXPECT(__wasi_path_symlink("target", dir_fd, "symlink"), "creating a dangling symlink");
    EXPECT(__wasi_path_link(dir_fd, 0, "symlink", dir_fd, "link"),
           "creating a link to a dangling symlink should succeed");
    EXPECT(__wasi_path_unlink_file(dir_fd, "symlink"), "removing a symlink");
    EXPECT(__wasi_path_unlink_file(dir_fd, "link"), "removing a hardlink");

    EXPECT(__wasi_path_symlink("symlink", dir_fd, "symlink"), "creating a symlink loop");
    EXPECT(__wasi_path_link(dir_fd, 0, "symlink", dir_fd, "link"), "creating a link to a symlink loop should succeed");
    EXPECT(__wasi_path_unlink_file(dir_fd, "symlink"), "removing a symlink");
    EXPECT(__wasi_path_unlink_file(dir_fd, "link"), "removing a hardlink");

    EXPECT(__wasi_path_symlink("target", dir_fd, "symlink"), "creating a dangling symlink");
    EXPECT_ERRNO(__wasi_path_link(dir_fd, 0, "file", dir_fd, "symlink"),
                 "creating a link where target is a dangling symlink", __WASI_ERRNO_EXIST);
    EXPECT(__wasi_path_unlink_file(dir_fd, "symlink"), "removing a symlink");

    EXPECT(__wasi_path_symlink("target", dir_fd, "symlink"), "creating a dangling symlink");
    EXPECT_ERRNO2(__wasi_path_link(dir_fd, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "symlink", dir_fd, "link"),
                  "calling path_link with LOOKUPFLAGS_SYMLINK_FOLLOW should fail", __WASI_ERRNO_INVAL,
                  __WASI_ERRNO_NOENT);
    EXPECT(__wasi_path_unlink_file(dir_fd, "symlink"), "removing a symlink");

    EXPECT(__wasi_path_unlink_file(dir_fd, "file"), "removing a file");
}

int main(void) {
    return run_in_tmp_dir("path_link_dir.cleanup", test_path_link);
}
