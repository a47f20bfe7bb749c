/* Creates, writes, seeks, reads back and stats a file in the preopened fs.dir. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    int fd = open("fs.dir/new.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    if (write(fd, "hello, file\n", 12) != 12) { perror("write"); return 1; }
    if (lseek(fd, 7, SEEK_SET) != 7) { perror("lseek"); return 1; }
    char buffer[16] = {0};
    if (read(fd, buffer, 4) != 4) { perror("read"); return 1; }
    struct stat info;
    if (fstat(fd, &info) != 0) { perror("fstat"); return 1; }
    close(fd);
    printf("read back: %s\nsize: %lld\n", buffer, (long long) info.st_size);
    return 0;
}
