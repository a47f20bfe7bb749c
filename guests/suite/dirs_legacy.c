/* Reads fixture.dir/file.txt through the legacy preopen named "fixture.dir". */
#include <stdio.h>
int main(void) {
    FILE *file = fopen("fixture.dir/file.txt", "r");
    if (!file) { perror("fixture.dir/file.txt"); return 1; }
    char line[128];
    while (fgets(line, sizeof line, file)) fputs(line, stdout);
    fclose(file);
    return 0;
}
