/* Fails if a *.cleanup leftover is visible; writes a new one, which must never reach the fixture on disk. */
#include <stdio.h>
int main(void) {
    FILE *stale = fopen("fixture.dir/stale.cleanup", "r");
    if (stale) { fprintf(stderr, "saw the leftover stale.cleanup\n"); return 1; }
    FILE *out = fopen("fixture.dir/new.cleanup", "w");
    if (!out) { perror("fixture.dir/new.cleanup"); return 1; }
    fputs("written by the case\n", out);
    fclose(out);
    return 0;
}
