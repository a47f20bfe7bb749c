/* Recurses without end (argv[1] levels if given, then prints the depth). Each frame keeps a buffer on the C stack,
 * so the guest exhausts its own stack, or the runtime's call stack, and traps. */
#include <stdio.h>
#include <stdlib.h>

static long limit = -1;

__attribute__((noinline)) static long descend(long depth) {
    volatile char frame[64];
    frame[depth % 64] = (char) depth;
    if (limit >= 0 && depth >= limit) {
        return depth;
    }
    return descend(depth + 1) + frame[depth % 64] * 0;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        limit = atol(argv[1]);
    }
    printf("reached depth %ld\n", descend(0));
    return 0;
}
