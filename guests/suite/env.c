/* Prints every environment variable it sees, then how many. */
#include <stdio.h>
extern char **environ;
int main(void) {
    int count = 0;
    for (char **v = environ; *v; v++, count++) printf("%s\n", *v);
    printf("count=%d\n", count);
    return 0;
}
