#ifndef DOSSIER_SQLITE_SHIM_H
#define DOSSIER_SQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro cast of -1 to a function pointer, which Swift cannot import. */
static inline sqlite3_destructor_type dossier_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/* sqlite3_config is variadic, which Swift cannot call. Memory statistics make every allocation
   take a global mutex (https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus);
   Dossier never reads them. Must run before SQLite initialises; returns SQLITE_MISUSE after. */
static inline int dossier_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
