/* Renames a file inside the preopened directory (path_rename). */
#include <stdio.h>
int main(void) {
    FILE *file = fopen("fs.dir/before.txt", "w");
    if (!file) { perror("fopen"); return 1; }
    fputs("moved\n", file);
    fclose(file);
    if (rename("fs.dir/before.txt", "fs.dir/after.txt") != 0) { perror("rename"); return 1; }
    file = fopen("fs.dir/after.txt", "r");
    if (!file) { perror("fopen after"); return 1; }
    char line[16];
    fputs(fgets(line, sizeof line, file), stdout);
    fclose(file);
    return 0;
}
