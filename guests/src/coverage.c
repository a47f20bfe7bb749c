// A guest for coverage: "sum" takes one branch, anything else the other; never_called() is never called (argc is
// never above 5 in the tests). Built twice by build.sh: coverage.wasm (no line table: function coverage from the
// name section) and coverage-debug.wasm (-O0 -g, with its line table).
#include <stdio.h>
#include <string.h>

static int never_called(int x) {
    return x * 3 + 1;
}

static long sum_to(int n) {
    long total = 0;
    for (int i = 1; i <= n; i++) {
        total += i;
    }
    return total;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "sum") == 0) {
        printf("%ld\n", sum_to(10));
    } else {
        printf("no sum\n");
    }
    if (argc > 5) {
        printf("%d\n", never_called(argc));
    }
    return 0;
}
