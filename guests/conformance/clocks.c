/* The wall clock is after 2020, the monotonic clock does not go back, and both have a resolution. */
#include <stdio.h>
#include <time.h>
int main(void) {
    struct timespec wall, first, second, resolution;
    if (clock_gettime(CLOCK_REALTIME, &wall) || clock_gettime(CLOCK_MONOTONIC, &first)
            || clock_gettime(CLOCK_MONOTONIC, &second) || clock_getres(CLOCK_MONOTONIC, &resolution)) {
        perror("clock"); return 1;
    }
    long long a = first.tv_sec * 1000000000LL + first.tv_nsec, b = second.tv_sec * 1000000000LL + second.tv_nsec;
    printf("wall after 2020: %s\n", wall.tv_sec > 1577836800 ? "yes" : "no");
    printf("monotonic: %s\n", b >= a ? "ok" : "went back");
    printf("resolution: %s\n", resolution.tv_sec > 0 || resolution.tv_nsec > 0 ? "ok" : "zero");
    return 0;
}
