/* The crash guest: prints a line, then traps three calls deep (main -> parse -> check), on `unreachable`, or with
 * "memory" as its argument on a load out of bounds. Built twice: wasm/crash.wasm without debug information and
 * wasm/crash-debug.wasm with DWARF line tables (-g), for backtraces. */
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static void check(const char *what) {
    if (strcmp(what, "memory") == 0) {
        printf("%d\n", *(volatile int *) 0xfffffff0u);
    }
    __builtin_trap();
}

__attribute__((noinline)) static void parse(const char *what) {
    check(what);
    printf("never printed\n");
}

int main(int argc, char **argv) {
    printf("about to crash\n");
    fflush(stdout);
    parse(argc > 1 ? argv[1] : "unreachable");
    return 0;
}
