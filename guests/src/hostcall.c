/* The hostcall guest: a command that imports a function from outside WASI ("host" "scale") and calls it only when
 * its first argument is "scale", printing the result; otherwise it prints "no host call". */
#include <stdio.h>
#include <string.h>

__attribute__((import_module("host"), import_name("scale"))) int host_scale(int value);

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "scale") == 0) {
        printf("scaled: %d\n", host_scale(21));
    } else {
        printf("no host call\n");
    }
    return 0;
}
