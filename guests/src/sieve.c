/* A compute benchmark guest: counts the primes below N (argv[1], default 20000000) with the sieve of
 * Eratosthenes and prints "primes below N: COUNT". Exits 2 on a bad argument or when memory runs out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000000L;
    if (n < 2) {
        fprintf(stderr, "sieve: expected a limit of at least 2, got %s\n", argc > 1 ? argv[1] : "?");
        return 2;
    }
    unsigned char *composite = calloc((size_t) n, 1);
    if (composite == NULL) {
        fprintf(stderr, "sieve: cannot allocate %ld bytes\n", n);
        return 2;
    }
    long count = 0;
    for (long i = 2; i < n; i++) {
        if (composite[i]) {
            continue;
        }
        count++;
        if (i > (n - 1) / i) {
            continue; /* i * i would pass n (and overflow: long is 32 bits on wasm32) */
        }
        for (long j = i * i; j < n; j += i) {
            composite[j] = 1;
        }
    }
    printf("primes below %ld: %ld\n", n, count);
    free(composite);
    return 0;
}
