/* Opens a file with O_APPEND | O_TRUNC, which POSIX allows. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int fd = open("fs.dir/existing.txt", O_WRONLY | O_APPEND | O_TRUNC);
    if (fd < 0) { perror("open"); return 1; }
    if (write(fd, "new\n", 4) != 4) { perror("write"); return 1; }
    close(fd);
    printf("ok\n");
    return 0;
}
