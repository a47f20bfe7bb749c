/* The sandbox prober: tries to see the host and prints one line per probe, "<probe>: <what it saw>". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static void probe_file(const char *label, const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) {
        printf("%s: denied (%s)\n", label, strerror(errno));
        return;
    }
    char line[128] = {0};
    if (!fgets(line, sizeof line, file)) {
        line[0] = 0;
    }
    line[strcspn(line, "\n")] = 0;
    printf("%s: READ \"%s\"\n", label, line);
    fclose(file);
}

static void probe_link(const char *label, const char *path) {
    char target[256];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) {
        printf("%s: not a link (%s)\n", label, strerror(errno));
        return;
    }
    target[n] = 0;
    printf("%s: link to \"%s\"\n", label, target);
}

int main(void) {
    probe_file("absolute /etc/passwd", "/etc/passwd");
    probe_file("dotdot", "/data/../../../../etc/passwd");
    probe_file("relative dotdot", "../etc/passwd");
    probe_file("symlink escape", "/data/escape/passwd");
    probe_file("relative symlink escape", "/data/up/etc/passwd");
    probe_file("granted file", "/data/input.txt");
    probe_file("through a linked directory", "/data/linked/nested.txt");
    probe_file("final symlink escape", "/data/passwd");
    probe_file("final relative symlink escape", "/data/uppasswd");
    probe_file("linked file", "/data/nested-link");
    probe_link("escape link", "/data/escape");
    int count = 0;
    for (char **variable = environ; *variable; variable++) {
        printf("env: %s\n", *variable);
        count++;
    }
    printf("env count: %d\n", count);
    const char *home = getenv("HOME");
    printf("HOME: %s\n", home ? home : "(not set)");
    char buffer[16];
    size_t n = fread(buffer, 1, sizeof buffer, stdin);
    printf("stdin bytes: %zu\n", n);
    return 0;
}
