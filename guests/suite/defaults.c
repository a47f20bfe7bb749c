/* Has no spec: passes only if it gets the defaults, argv = [program name] and an empty environment. */
#include <stdio.h>
extern char **environ;
int main(int argc, char **argv) {
    if (argc != 1) { fprintf(stderr, "argc is %d\n", argc); return 1; }
    if (environ[0] != NULL) { fprintf(stderr, "environment is not empty: %s\n", environ[0]); return 1; }
    return 0;
}
