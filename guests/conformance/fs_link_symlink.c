/* path_link of a dangling symlink, without following it, links the symlink itself: the new name reads as a link to
 * the same missing target. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    if (symlink("missing.txt", "fs.dir/dangling") != 0) { perror("symlink"); return 1; }
    printf("link: %s\n", link("fs.dir/dangling", "fs.dir/linked") == 0 ? "ok" : strerror(errno));
    char target[64] = {0};
    ssize_t n = readlink("fs.dir/linked", target, sizeof target - 1);
    printf("readlink: %s\n", n < 0 ? strerror(errno) : target);
    return 0;
}
