/* Reads /file.txt from the fixture preopened as the root directory. */
#include <stdio.h>
int main(void) {
    FILE *file = fopen("/file.txt", "r");
    if (!file) { perror("/file.txt"); return 1; }
    char line[128];
    while (fgets(line, sizeof line, file)) fputs(line, stdout);
    fclose(file);
    return 0;
}
