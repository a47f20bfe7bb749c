/* A guest with one function too large for a single JVM method (over 64 KiB of bytecode once Chicory translates
 * it), so Chicory's compiler leaves that function to its interpreter. Prints "total: 20000" and exits 0. */
#include <stdio.h>

static volatile int counter;

#define STEP counter += 2;
#define TEN(x) x x x x x x x x x x
__attribute__((noinline)) static void count(void) {
    TEN(TEN(TEN(TEN(STEP)))) /* 10,000 steps, each a volatile load, add and store */
}

int main(void) {
    count();
    printf("total: %d\n", counter);
    return 0;
}
