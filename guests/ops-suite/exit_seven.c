/* Exits with code 7. */
#include <stdlib.h>
int main(void) { exit(7); }
