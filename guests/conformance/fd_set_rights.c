/* Drops the write right of stdout with fd_fdstat_set_rights. */
#include <stdio.h>
#include <wasi/api.h>
int main(void) {
    __wasi_fdstat_t stat;
    if (__wasi_fd_fdstat_get(1, &stat) != 0) { printf("fdstat_get failed\n"); return 1; }
    __wasi_errno_t error = __wasi_fd_fdstat_set_rights(1, stat.fs_rights_base & ~__WASI_RIGHTS_FD_SEEK,
            stat.fs_rights_inheriting);
    printf("set_rights: %d\n", error);
    return error == 0 ? 0 : 1;
}
