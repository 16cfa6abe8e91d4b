package store

/*
// sqlite3_config is SQLite's own (go-sqlite3 compiles SQLite into the
// binary); cgo cannot call a C function with variable arguments, hence
// the wrapper.
int sqlite3_config(int, ...);
long long sqlite3_memory_used(void);
#define WHOSAID_SQLITE_CONFIG_MEMSTATUS 9

static int whosaid_memstatus_off(void) {
	return sqlite3_config(WHOSAID_SQLITE_CONFIG_MEMSTATUS, 0);
}
*/
import "C"

// SQLite keeps statistics of its memory use unless told not to at build
// time (SQLITE_DEFAULT_MEMSTATUS=0, which go-sqlite3 does not set) or
// before its first connection: every allocation and free then takes a
// global mutex and updates counters. whosaid reads none of them, and
// SQLite allocates for every page, row and statement step: turning them off
// took 2-7% off the CPU time and wall time of ingesting the 1,786-article
// speed corpus (A/B runs of the same binary but for this). The setting is refused (and nothing changes) once SQLite
// has started, which no connection does before this package's init.
func init() {
	C.whosaid_memstatus_off()
}

// memoryUsed is what SQLite counts of its memory in use: zero while the
// statistics are off. For the test that checks they are.
func memoryUsed() int64 { return int64(C.sqlite3_memory_used()) }
