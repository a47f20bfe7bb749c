/* The echo guest: copies stdin to stdout, then reports one environment variable.
 * Usage: echo [NAME]  -- NAME defaults to GREETING.
 * Prints "env NAME=value" or "env NAME is not set" on stderr. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
        fwrite(buffer, 1, n, stdout);
    }
    const char *name = argc > 1 ? argv[1] : "GREETING";
    const char *value = getenv(name);
    if (value) {
        fprintf(stderr, "env %s=%s\n", name, value);
    } else {
        fprintf(stderr, "env %s is not set\n", name);
    }
    return 0;
}
