/* Writes to stdout forever (or argv[1] MiB then exits 0). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    static char line[1024];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = '\n';
    long limit = argc > 1 ? atol(argv[1]) * 1024 : -1;
    for (long i = 0; limit < 0 || i < limit; i++) {
        fwrite(line, 1, sizeof line, stdout);
    }
    return 0;
}
