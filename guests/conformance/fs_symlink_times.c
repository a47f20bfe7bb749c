/* path_filestat_set_times without SYMLINK_FOLLOW on a symlink sets the link's own times: its mtime changes, its
 * target's does not. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    int fd = open("fs.dir/times.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    close(fd);
    if (symlink("times.txt", "fs.dir/times-link") != 0) { perror("symlink"); return 1; }
    struct timespec times[2] = {{1000, 0}, {2000, 0}};
    if (utimensat(AT_FDCWD, "fs.dir/times-link", times, AT_SYMLINK_NOFOLLOW) != 0) { perror("utimensat"); return 1; }
    struct stat link, target;
    if (lstat("fs.dir/times-link", &link) != 0 || stat("fs.dir/times.txt", &target) != 0) { perror("stat"); return 1; }
    printf("link mtime: %lld\n", (long long) link.st_mtim.tv_sec);
    printf("target mtime is 2000: %d\n", target.st_mtim.tv_sec == 2000);
    return 0;
}
