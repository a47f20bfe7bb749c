/* open() of a path whose last part is a symlink follows it as POSIX does: a relative target from the link's own
 * directory, link after link, to files and directories, and a dangling one is created through; a link that leads
 * out of the preopened directory is refused, and a loop is one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("write %s: %s\n", path, strerror(errno));
        return;
    }
    write(fd, text, strlen(text));
    close(fd);
}

static void show(const char *label, const char *path) {
    char text[64];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: %s\n", label, strerror(errno));
        return;
    }
    ssize_t n = read(fd, text, sizeof text);
    close(fd);
    printf("%s: %.*s\n", label, (int) (n < 0 ? 0 : n), text);
}

static void list(const char *label, const char *path) {
    DIR *dir = opendir(path);
    if (dir == NULL) {
        printf("%s: %s\n", label, strerror(errno));
        return;
    }
    int found = 0;
    for (struct dirent *entry; (entry = readdir(dir)) != NULL;) {
        found |= strcmp(entry->d_name, "top.txt") == 0;
    }
    closedir(dir);
    printf("%s: %s\n", label, found ? "holds top.txt" : "top.txt missing");
}

int main(void) {
    if (mkdir("fs.dir/sub", 0755) != 0) {
        perror("mkdir");
        return 1;
    }
    put("fs.dir/sub/data.txt", "in sub");
    put("fs.dir/top.txt", "at top");
    symlink("data.txt", "fs.dir/sub/same");
    symlink("../top.txt", "fs.dir/sub/up");
    symlink("same", "fs.dir/sub/chain");
    symlink("..", "fs.dir/sub/parent");
    symlink("made.txt", "fs.dir/sub/dangling");
    symlink("../../outside.txt", "fs.dir/sub/out");
    symlink("loop", "fs.dir/sub/loop");

    show("same directory", "fs.dir/sub/same");
    show("parent directory", "fs.dir/sub/up");
    show("chain", "fs.dir/sub/chain");
    show("through a linked directory", "fs.dir/sub/parent/top.txt");
    list("linked directory", "fs.dir/sub/parent");
    put("fs.dir/sub/dangling", "made through a link");
    show("created through a dangling link", "fs.dir/sub/made.txt");
    show("out of the directory", "fs.dir/sub/out");
    show("loop", "fs.dir/sub/loop");
    return 0;
}
