/* path_readlink gives a symlink's whole target, as the guest wrote it, not only its last name. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static void show(const char *target, const char *link) {
    if (symlink(target, link) != 0) { perror("symlink"); return; }
    char read[64] = {0};
    ssize_t n = readlink(link, read, sizeof read - 1);
    printf("%s -> %s\n", link, n < 0 ? strerror(errno) : read);
}
int main(void) {
    show("sub/dir/target.txt", "fs.dir/deep");
    show("./existing.txt", "fs.dir/dotted");
    return 0;
}
