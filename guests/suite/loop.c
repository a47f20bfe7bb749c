/* Never ends: listed as an expected failure, it proves the per-case timeout. */
volatile int spin = 1;
int main(void) { while (spin) { } return 0; }
