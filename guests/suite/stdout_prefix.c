/* Writes CRLF lines and more: the spec expects only the first two lines, with plain newlines. */
#include <stdio.h>
int main(void) {
    printf("line one\r\nline two\r\nmore output the spec does not mention\n");
    return 0;
}
