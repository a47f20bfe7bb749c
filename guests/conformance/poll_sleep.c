/* Sleeps 20 ms through poll_oneoff and checks on the monotonic clock that time passed. */
#include <stdio.h>
#include <time.h>
int main(void) {
    struct timespec before, after, pause = {0, 20 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &before);
    if (nanosleep(&pause, NULL) != 0) { perror("nanosleep"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &after);
    long long elapsed = (after.tv_sec - before.tv_sec) * 1000000000LL + (after.tv_nsec - before.tv_nsec);
    printf("slept at least 20 ms: %s\n", elapsed >= 20 * 1000 * 1000 ? "yes" : "no");
    return 0;
}
