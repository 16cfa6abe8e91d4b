// Package postgres keeps whosaid's articles and findings in a PostgreSQL
// database, for ingest spread over several processes or machines: the same
// tables, meaning and answers as package store's SQLite database, chosen by
// a postgres:// URL where a SQLite file name would go.
//
// The rules that decide what is stored (article ids, content and findings
// hashes, the near-duplicate sketch, speaker linking by name, alias and
// surname) are store's own, reached through store.Keys and friends, so that
// the two stores agree by construction; this package only speaks
// PostgreSQL.
//
// Many writers may share one database. An article is stored once however
// many of them meet it: articles.id is the primary key and content_hash is
// UNIQUE, and each batch's writes run under a transaction-level advisory
// lock (writerLock), so the duplicate checks that no constraint can express
// (the same URL under another id, a near-duplicate text) and speaker linking
// (which reads the speakers stored so far) see every article committed
// before and none half-written. Only the writing of a batch is serialised:
// fetching and extraction, nearly all the work, run in parallel.
//
// Open applies the embedded migrations in migration/ (each in its own
// transaction, recorded in schema_migrations, under an advisory lock so
// that workers starting together do not race) and river's job queue
// migrations.
package postgres
