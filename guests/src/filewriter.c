/* Writes argv[2] (default "hello") into the file argv[1] (default /out/report.txt), then reads /data/input.txt if it
 * exists and copies it to stdout. */
#include <stdio.h>

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "/out/report.txt";
    const char *text = argc > 2 ? argv[2] : "hello";
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 2;
    }
    fprintf(out, "%s\n", text);
    fclose(out);
    printf("wrote %s\n", path);
    FILE *in = fopen("/data/input.txt", "r");
    if (in) {
        char buffer[256];
        size_t n;
        while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) {
            fwrite(buffer, 1, n, stdout);
        }
        fclose(in);
    }
    return 0;
}
