/* Prints the wall clock, two readings of the monotonic clock, and 8 random bytes: the output is reproducible only
 * when the host fixes the clock and seeds the random source. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct timespec wall, first, second;
    clock_gettime(CLOCK_REALTIME, &wall);
    clock_gettime(CLOCK_MONOTONIC, &first);
    clock_gettime(CLOCK_MONOTONIC, &second);
    unsigned char random[8];
    if (getentropy(random, sizeof random) != 0) {
        perror("getentropy");
        return 1;
    }
    printf("realtime %lld.%09ld\n", (long long) wall.tv_sec, wall.tv_nsec);
    printf("monotonic advanced %lld ns\n",
           (long long) (second.tv_sec - first.tv_sec) * 1000000000LL + (second.tv_nsec - first.tv_nsec));
    printf("random");
    for (int i = 0; i < 8; i++) {
        printf(" %02x", random[i]);
    }
    printf("\n");
    return 0;
}
