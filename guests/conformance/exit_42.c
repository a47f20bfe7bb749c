/* proc_exit with a code. */
#include <stdlib.h>
int main(void) { exit(42); }
