/* Allocates 1 MiB blocks (touching each) until malloc refuses, then reports how far it got and exits 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every block links to the previous one and the chain is published, so the optimiser must keep each allocation. */
void *volatile chain;

int main(void) {
    size_t mib = 0;
    for (;;) {
        char *block = malloc(1024 * 1024);
        if (block == NULL) {
            break;
        }
        memset(block, 0xAB, 1024 * 1024);
        *(void **) block = chain;
        chain = block;
        mib++;
    }
    printf("malloc failed after %zu MiB\n", mib);
    return 0;
}
