/* The sandbox prober: tries to see the host and prints one line per probe, "<probe>: <what it saw>". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(void) {
    probe_file("absolute /etc/passwd", "/etc/passwd");
    probe_file("dotdot", "/data/../../../../etc/passwd");
    probe_file("relative dotdot", "../etc/passwd");
    probe_file("symlink escape", "/data/escape/passwd");
    probe_file("granted file", "/data/input.txt");
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
