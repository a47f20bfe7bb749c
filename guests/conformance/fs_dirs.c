/* Makes a directory, lists the fixture, removes a file and the directory again. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    if (mkdir("fs.dir/sub", 0755) != 0) { perror("mkdir"); return 1; }
    FILE *file = fopen("fs.dir/sub/x.txt", "w");
    if (!file) { perror("fopen"); return 1; }
    fclose(file);
    DIR *dir = opendir("fs.dir");
    if (!dir) { perror("opendir"); return 1; }
    int entries = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") && strcmp(entry->d_name, "..")) entries++;
    }
    closedir(dir);
    if (unlink("fs.dir/sub/x.txt") != 0) { perror("unlink"); return 1; }
    if (rmdir("fs.dir/sub") != 0) { perror("rmdir"); return 1; }
    printf("entries: %d\n", entries);
    return 0;
}
