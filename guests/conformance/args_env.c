/* Arguments and environment as the spec gives them. */
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    printf("argc=%d argv1=%s HOME=%s\n", argc, argc > 1 ? argv[1] : "", getenv("HOME") ? getenv("HOME") : "(unset)");
    return 0;
}
