/* Divides by a zero that the compiler cannot see: the wasm i32.div_s instruction traps. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    volatile int zero = argc - 1;
    printf("dividing by %d\n", zero);
    fflush(stdout);
    printf("%d\n", 42 / zero);
    return 0;
}
