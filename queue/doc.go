// Package queue shares ingest out between processes and machines through a
// job queue in the PostgreSQL database the articles go to (river, with its
// pgx driver): Split cuts the sources of an ingest into jobs, Enqueue
// queues them, Run works them, and ReadStats reports on them.
//
// A job's articles are written in the same transaction that marks the job
// completed (river.JobCompleteTx), so a job is either done and stored or
// neither: a worker that crashes or is killed mid-job leaves its
// transaction uncommitted, and the job runs again elsewhere. Running a job
// twice stores nothing twice (an article is stored once, whoever meets it:
// store/postgres), so a retry is always safe.
//
// A job left "running" by a dead worker is noticed in seconds, not after
// river's stuck-job timeout: every worker holds an advisory lock named by
// its client id for as long as its connection lives, and each worker
// checks now and then whether the lock of a running job's worker is free
// (rescue.go).
package queue
