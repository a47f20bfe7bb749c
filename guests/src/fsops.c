/* Changes files as told, one operation after another, and prints each with its result:
 *   fsops rm PATH | rmdir PATH | mv FROM TO | write PATH TEXT | mkdir PATH | sleep MILLIS ...
 * Exits 1 at the first operation that fails, naming it and the errno's text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *op, const char *path) {
    printf("%s %s: %s\n", op, path, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *op = argv[i];
        if (strcmp(op, "rm") == 0 && i + 1 < argc) {
            if (unlink(argv[++i]) != 0) return fail(op, argv[i]);
        } else if (strcmp(op, "rmdir") == 0 && i + 1 < argc) {
            if (rmdir(argv[++i]) != 0) return fail(op, argv[i]);
        } else if (strcmp(op, "mkdir") == 0 && i + 1 < argc) {
            if (mkdir(argv[++i], 0755) != 0) return fail(op, argv[i]);
        } else if (strcmp(op, "mv") == 0 && i + 2 < argc) {
            if (rename(argv[i + 1], argv[i + 2]) != 0) return fail(op, argv[i + 1]);
            i += 2;
        } else if (strcmp(op, "write") == 0 && i + 2 < argc) {
            FILE *out = fopen(argv[i + 1], "w");
            if (!out) return fail(op, argv[i + 1]);
            fputs(argv[i + 2], out);
            if (fclose(out) != 0) return fail(op, argv[i + 1]);
            i += 2;
        } else if (strcmp(op, "sleep") == 0 && i + 1 < argc) {
            long millis = atol(argv[++i]);
            struct timespec pause = {millis / 1000, (millis % 1000) * 1000000L};
            nanosleep(&pause, NULL);
        } else {
            printf("unknown operation %s\n", op);
            return 2;
        }
        printf("%s: ok\n", op);
    }
    return 0;
}
