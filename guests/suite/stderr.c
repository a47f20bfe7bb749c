/* Warns on stderr. */
#include <stdio.h>
int main(void) { fprintf(stderr, "warning: something to note\n"); return 0; }
