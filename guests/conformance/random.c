/* Two draws of 16 random bytes differ. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    unsigned char a[16], b[16];
    if (getentropy(a, sizeof a) || getentropy(b, sizeof b)) { perror("getentropy"); return 1; }
    printf("draws differ: %s\n", memcmp(a, b, sizeof a) ? "yes" : "no");
    return 0;
}
