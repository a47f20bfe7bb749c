/* Opens a file for appending and reading (O_APPEND | O_RDWR), appends and reads it back. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int fd = open("fs.dir/log.txt", O_CREAT | O_RDWR | O_APPEND, 0644);
    if (fd < 0) { perror("open"); return 1; }
    if (write(fd, "one\n", 4) != 4) { perror("write"); return 1; }
    if (lseek(fd, 0, SEEK_SET) != 0) { perror("lseek"); return 1; }
    char buffer[8] = {0};
    if (read(fd, buffer, 4) != 4) { perror("read"); return 1; }
    close(fd);
    printf("%s", buffer);
    return 0;
}
