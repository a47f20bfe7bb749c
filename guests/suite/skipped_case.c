/* Would fail; listed as skipped, it never runs. */
int main(void) { return 99; }
