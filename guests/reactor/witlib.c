/* The witlib reactor: a library module laid out as wit-bindgen lays out a module's exports, written by hand in C so
 * that the build needs no wit-bindgen. Its functions take and return WIT values through the component model's
 * canonical ABI: strings and lists in memory that the caller gets from cabi_realloc, records flattened, results and
 * tuples through a return area, and cabi_post_<name> to free what a result points to. Two exports carry their WIT
 * signature in their names, as wit-bindgen's first versions named them (ruby.wasm 2.x is built so), with resources as
 * handles in the host's table (imports canonical_abi.resource_new_box and resource_get_box).
 *
 *   greet: func(name: string) -> string
 *   area: func(r: record rect { width: u32, height: u32 }) -> u64
 *   parse: func(text: string) -> result<s32, string>
 *   sum: func(values: list<s32>) -> s64
 *   "count-bytes: func(s: string) -> u32"
 *   "make-box: func(n: u32) -> handle<box>"
 *   "box-value: func(b: handle<box>) -> u32"
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((import_module("canonical_abi"), import_name("resource_new_box"))) int32_t resource_new_box(int32_t rep);
__attribute__((import_module("canonical_abi"), import_name("resource_get_box"))) int32_t resource_get_box(int32_t handle);

/* Where a function whose result does not fit one core value puts it; the caller reads it before the next call. */
static int32_t return_area[4];
static int frees;

__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *old, size_t old_size, size_t align, size_t size) {
    (void)old_size;
    (void)align; /* malloc's alignment, 16, is enough for every WIT type */
    return realloc(old, size);
}

__attribute__((export_name("greet"))) int32_t *greet(char *name, size_t length) {
    const char *hello = "Hello, ";
    size_t total = strlen(hello) + length + 1;
    char *text = malloc(total);
    memcpy(text, hello, strlen(hello));
    memcpy(text + strlen(hello), name, length);
    text[total - 1] = '!';
    free(name);
    printf("greeting %zu bytes\n", length);
    fflush(stdout);
    return_area[0] = (int32_t)(intptr_t)text;
    return_area[1] = (int32_t)total;
    return return_area;
}

__attribute__((export_name("cabi_post_greet"))) void post_greet(int32_t *result) {
    free((void *)(intptr_t)result[0]);
    frees++;
}

__attribute__((export_name("frees"))) int frees_so_far(void) {
    return frees;
}

__attribute__((export_name("area"))) uint64_t area(uint32_t width, uint32_t height) {
    return (uint64_t)width * height;
}

/* result<s32, string>: a byte for the case, then at offset 4 the s32 or the string's pointer and length. */
__attribute__((export_name("parse"))) int32_t *parse(char *text, size_t length) {
    char *copy = strndup(text, length);
    free(text);
    char *end;
    long value = strtol(copy, &end, 10);
    if (length > 0 && *end == '\0') {
        free(copy);
        return_area[0] = 0;
        return_area[1] = (int32_t)value;
    } else {
        const char *message = "not a number: ";
        char *error = malloc(strlen(message) + length);
        memcpy(error, message, strlen(message));
        memcpy(error + strlen(message), copy, length);
        free(copy);
        return_area[0] = 1;
        return_area[1] = (int32_t)(intptr_t)error;
        return_area[2] = (int32_t)(strlen(message) + length);
    }
    return return_area;
}

__attribute__((export_name("cabi_post_parse"))) void post_parse(int32_t *result) {
    if (result[0] == 1) {
        free((void *)(intptr_t)result[1]);
    }
    frees++;
}

__attribute__((export_name("sum"))) int64_t sum(int32_t *values, size_t count) {
    int64_t total = 0;
    for (size_t i = 0; i < count; i++) {
        total += values[i];
    }
    free(values);
    return total;
}

__attribute__((export_name("count-bytes: func(s: string) -> u32"))) uint32_t count_bytes(char *text, size_t length) {
    free(text);
    return (uint32_t)length;
}

__attribute__((export_name("make-box: func(n: u32) -> handle<box>"))) int32_t make_box(uint32_t n) {
    uint32_t *box = malloc(sizeof *box);
    *box = n;
    return resource_new_box((int32_t)(intptr_t)box);
}

__attribute__((export_name("box-value: func(b: handle<box>) -> u32"))) uint32_t box_value(int32_t handle) {
    return *(uint32_t *)(intptr_t)resource_get_box(handle);
}
