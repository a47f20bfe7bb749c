/* Never ends: a call-free loop whose back-edge is a conditional branch, the shape Chicory's interpreter does not
 * interrupt. `volatile` keeps the loop and its memory traffic at -O2. */
#include <stdio.h>

volatile unsigned counter = 1;

int main(void) {
    printf("looping without calls\n");
    fflush(stdout);
    while (counter != 0) {
        counter = counter * 1103515245u + 12345u;
        if (counter == 0) {
            counter = 1;
        }
    }
    return 0;
}
