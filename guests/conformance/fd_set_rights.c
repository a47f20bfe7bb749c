/* Narrows rights with fd_fdstat_set_rights: fd_fdstat_get reports them, a call that needs a dropped right fails with
 * NOTCAPABLE, rights never widen again, and a directory's dropped inheriting rights cannot be asked for by what is
 * opened through it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

int main(void) {
    int fd = open("fs.dir/rights.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    if (write(fd, "abc", 3) != 3) { perror("write"); return 1; }
    __wasi_fdstat_t stat;
    if (__wasi_fd_fdstat_get(fd, &stat) != 0) { printf("fdstat_get failed\n"); return 1; }
    __wasi_rights_t base = stat.fs_rights_base;
    printf("narrow: %d\n", __wasi_fd_fdstat_set_rights(fd, base & ~__WASI_RIGHTS_FD_FILESTAT_SET_SIZE,
                                                         stat.fs_rights_inheriting));
    if (__wasi_fd_fdstat_get(fd, &stat) != 0) { printf("fdstat_get failed\n"); return 1; }
    printf("set_size right reported: %d\n", (stat.fs_rights_base & __WASI_RIGHTS_FD_FILESTAT_SET_SIZE) != 0);
    printf("ftruncate: %s\n", ftruncate(fd, 0) == 0 ? "ok" : strerror(errno));
    printf("write still: %s\n", write(fd, "d", 1) == 1 ? "ok" : strerror(errno));
    printf("widen: %d\n", __wasi_fd_fdstat_set_rights(fd, base, stat.fs_rights_inheriting));
    close(fd);

    int dir = open("fs.dir", O_RDONLY | O_DIRECTORY);
    if (dir < 0) { perror("open dir"); return 1; }
    if (__wasi_fd_fdstat_get(dir, &stat) != 0) { printf("fdstat_get dir failed\n"); return 1; }
    printf("dir narrow: %d\n", __wasi_fd_fdstat_set_rights(dir, stat.fs_rights_base,
                                                             stat.fs_rights_inheriting & ~__WASI_RIGHTS_FD_WRITE));
    __wasi_fd_t opened;
    printf("open for writing through it: %d\n",
           __wasi_path_open(dir, 0, "rights.txt", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0, &opened));
    printf("open for reading through it: %d\n",
           __wasi_path_open(dir, 0, "rights.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &opened));
    return 0;
}
