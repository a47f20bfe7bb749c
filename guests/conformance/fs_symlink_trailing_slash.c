/* path_symlink with a trailing slash on the new path: NOENT where nothing is there (a slash names a directory, and
 * a link is none), EXIST where something is; without the slash the link is made. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
static const char *outcome(int result) { return result == 0 ? "ok" : strerror(errno); }
int main(void) {
    printf("new with slash: %s\n", outcome(symlink("source", "fs.dir/target/")));
    printf("new without slash: %s\n", outcome(symlink("source", "fs.dir/target")));
    printf("unlink: %s\n", outcome(unlink("fs.dir/target")));
    if (mkdir("fs.dir/target", 0755) != 0) { perror("mkdir"); return 1; }
    printf("existing directory with slash: %s\n", outcome(symlink("source", "fs.dir/target/")));
    printf("existing directory without slash: %s\n", outcome(symlink("source", "fs.dir/target")));
    return 0;
}
