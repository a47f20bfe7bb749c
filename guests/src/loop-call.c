/* Never ends: an infinite loop that calls a function on every iteration (a WASI call, so no optimiser removes it). */
#include <stdio.h>
#include <time.h>

int main(void) {
    printf("looping with calls\n");
    fflush(stdout);
    struct timespec now;
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
    }
}
