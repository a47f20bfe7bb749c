/* Creates a symlink to a missing file: readlink shows its target, and opening it fails with ENOENT. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    if (symlink("missing.txt", "fs.dir/dangling") != 0) { perror("symlink"); return 1; }
    char target[64] = {0};
    if (readlink("fs.dir/dangling", target, sizeof target - 1) < 0) { perror("readlink"); return 1; }
    FILE *file = fopen("fs.dir/dangling", "r");
    printf("target: %s\nopen: %s\n", target, file ? "opened" : strerror(errno));
    return 0;
}
