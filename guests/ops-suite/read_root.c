/* Prints /data.txt of the directory preopened as its root. */
#include <stdio.h>
int main(void) {
    FILE *file = fopen("/data.txt", "r");
    if (!file) { perror("/data.txt"); return 1; }
    int c;
    while ((c = fgetc(file)) != EOF) putchar(c);
    fclose(file);
    return 0;
}
