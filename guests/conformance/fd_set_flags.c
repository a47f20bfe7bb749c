/* Sets APPEND and then NONBLOCK on an open file with fd_fdstat_set_flags: fd_fdstat_get reports what was set, and
 * writes in append mode land at the end whatever the offset. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

static int flags_of(int fd) {
    __wasi_fdstat_t stat;
    if (__wasi_fd_fdstat_get(fd, &stat) != 0) return -1;
    return stat.fs_flags;
}

int main(void) {
    int fd = open("fs.dir/flags.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    if (write(fd, "abc", 3) != 3) { perror("write"); return 1; }
    printf("set append: %d\n", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_APPEND));
    printf("append reported: %d\n", (flags_of(fd) & __WASI_FDFLAGS_APPEND) != 0);
    if (lseek(fd, 0, SEEK_SET) != 0) { perror("lseek"); return 1; }
    if (write(fd, "def", 3) != 3) { perror("write"); return 1; }
    printf("set nonblock: %d\n", __wasi_fd_fdstat_set_flags(fd, __WASI_FDFLAGS_NONBLOCK));
    int flags = flags_of(fd);
    printf("nonblock reported: %d, append reported: %d\n", (flags & __WASI_FDFLAGS_NONBLOCK) != 0,
           (flags & __WASI_FDFLAGS_APPEND) != 0);
    if (lseek(fd, 0, SEEK_SET) != 0) { perror("lseek"); return 1; }
    if (write(fd, "X", 1) != 1) { perror("write"); return 1; }
    char buffer[16] = {0};
    if (lseek(fd, 0, SEEK_SET) != 0 || read(fd, buffer, sizeof buffer - 1) < 0) { perror("read"); return 1; }
    printf("content: %s\n", buffer);
    close(fd);
    return 0;
}
