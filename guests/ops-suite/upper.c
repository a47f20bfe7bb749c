/* Prints its arguments, then stdin in upper case; says on stderr which GREETING it was given. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) printf("arg %s\n", argv[i]);
    int c;
    while ((c = getchar()) != EOF) putchar(toupper(c));
    const char *greeting = getenv("GREETING");
    fprintf(stderr, "GREETING=%s\n", greeting ? greeting : "(unset)");
    return 0;
}
