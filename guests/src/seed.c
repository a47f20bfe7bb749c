/* The seed guest: shows stdout, stderr, arguments and exit codes.
 * Exits 1 when any argument equals "exit1" (ignoring case), else 0. */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

int main(int argc, char **argv) {
    printf("Wasm Guest: Hello from stdout!\n");
    fprintf(stderr, "Wasm Guest: Hello from stderr!\n");

    if (argc > 1) {
        printf("Wasm Guest: Received arguments: [");
        for (int i = 1; i < argc; i++) {
            printf("%s%s", i > 1 ? ", " : "", argv[i]);
        }
        printf("]\n");
    } else {
        printf("Wasm Guest: No arguments provided (besides program name).\n");
    }

    for (int i = 1; i < argc; i++) {
        if (strcasecmp(argv[i], "exit1") == 0) {
            fprintf(stderr, "Wasm Guest: Found 'exit1' argument, exiting with code 1.\n");
            fflush(stdout);
            exit(1);
        }
    }
    printf("Wasm Guest: Exiting with code 0.\n");
    return 0;
}
