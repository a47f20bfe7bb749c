/* Prints something other than its spec expects: listed as an expected failure, and used to pin the message. */
#include <stdio.h>
int main(int argc, char **argv) { printf("actual output\n"); return 0; }
