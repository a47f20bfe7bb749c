/* The exit guest: calls exit(N) with N from argv[1] (default 0), after writing one line to each stream.
 * Unlike returning from main, exit(0) reaches the host as proc_exit(0). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int code = argc > 1 ? atoi(argv[1]) : 0;
    printf("exiting with %d\n", code);
    fprintf(stderr, "bye\n");
    exit(code);
}
