/* A guest with one function too large for a JVM method, made of structured code: a loop around a switch of 640
 * cases, whose cases leave the switch (break), go round the loop again (continue) or return from the function, and
 * one of which (case 1, the first round's) divides by a number the caller chooses. wasmguest splits such a function
 * into parts that Endive's compiler compiles, so each of those exits crosses a part's boundary.
 *
 * Usage: big-switch ROUNDS LIMIT DIVISOR. Prints the function's result; traps (integer divide by zero) when DIVISOR
 * is 0. */
#include <stdio.h>
#include <stdlib.h>

static volatile long divisor = 1;
static volatile int noise = 5;

#define CASE(n)                                          \
    case n:                                              \
        acc = acc * 31 + ((n) ^ i);                      \
        if ((acc & 15) == (n) % 16) {                    \
            hits++;                                      \
            if (hits > limit) return -(n) - hits;       \
        }                                                \
        if ((acc & 255) == (n) % 256) continue;          \
        if (i % 97 == (n) % 97) break;                   \
        acc ^= noise + (n);                              \
        break;
#define CASES8(n) CASE(n) CASE(n + 1) CASE(n + 2) CASE(n + 3) CASE(n + 4) CASE(n + 5) CASE(n + 6) CASE(n + 7)
#define CASES64(n) CASES8(n) CASES8(n + 8) CASES8(n + 16) CASES8(n + 24) CASES8(n + 32) CASES8(n + 40) \
    CASES8(n + 48) CASES8(n + 56)

__attribute__((noinline)) static long churn(int rounds, int limit) {
    long acc = 1;
    int hits = 0;
    for (int i = 0; i < rounds; i++) {
        switch ((unsigned long) (acc ^ i) % 640) {
            CASE(0)
            case 1: acc = acc / divisor + 1; break; /* the first round's case */
            CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASES8(8) CASES8(16) CASES8(24) CASES8(32) CASES8(40)
            CASES8(48) CASES8(56) CASES64(64) CASES64(128) CASES64(192) CASES64(256)
            CASES8(320) CASES8(328)
            CASE(336)
            CASES8(337) CASES8(345) CASES8(353) CASES8(361) CASES8(369) CASES8(377) CASES8(385) CASES8(393)
            CASES64(401) CASES64(465) CASES64(529) CASES8(593) CASES8(601) CASES8(609) CASES8(617) CASES8(625)
            CASE(633) CASE(634) CASE(635) CASE(636) CASE(637) CASE(638) CASE(639)
        }
        acc += i;
    }
    return acc + hits;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 1000;
    int limit = argc > 2 ? atoi(argv[2]) : 1000000;
    divisor = argc > 3 ? atol(argv[3]) : 1;
    printf("%ld\n", churn(rounds, limit));
    return 0;
}
