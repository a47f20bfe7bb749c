/* Exits 1 although its (absent) spec expects 0: listed as an expected failure. */
int main(void) { return 1; }
