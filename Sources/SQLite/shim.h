#ifndef DOSSIER_SQLITE_SHIM_H
#define DOSSIER_SQLITE_SHIM_H
#include <sqlite3.h>

/* SQLITE_TRANSIENT is a macro cast of -1 to a function pointer, which Swift cannot import. */
static inline sqlite3_destructor_type dossier_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
