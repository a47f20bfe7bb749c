/* The counter reactor: a library module (built with -mexec-model=reactor), which exports _initialize and functions
 * instead of _start, and imports a function from outside WASI ("host" "scale"), as the WASI builds of interpreters
 * such as Ruby do. _initialize runs the constructor, so the counter starts at 100. */
#include <stdio.h>
#include <stdlib.h>

static int counter;

__attribute__((import_module("host"), import_name("scale"))) int host_scale(int value);

__attribute__((constructor)) static void start_counting(void) {
    counter = 100;
    printf("initialized\n");
    fflush(stdout);
}

__attribute__((export_name("add"))) int add(int a, int b) {
    return a + b;
}

__attribute__((export_name("count"))) int count(void) {
    counter++;
    printf("count %d\n", counter);
    fflush(stdout);
    return counter;
}

__attribute__((export_name("mean"))) double mean(double a, double b) {
    return (a + b) / 2;
}

__attribute__((export_name("widen"))) long long widen(int value) {
    return (long long) value * 1000000000LL;
}

__attribute__((export_name("scaled"))) int scaled(int value) {
    return host_scale(value) + 1;
}

__attribute__((export_name("env"))) int env(void) {
    const char *name = getenv("NAME");
    fprintf(stderr, "NAME=%s\n", name ? name : "(unset)");
    return name != NULL;
}

__attribute__((export_name("crash"))) void crash(void) {
    __builtin_trap();
}

__attribute__((export_name("spin"))) void spin(void) {
    for (volatile int i = 0;; i++) {
    }
}

__attribute__((export_name("quit"))) void quit(int code) {
    exit(code);
}
