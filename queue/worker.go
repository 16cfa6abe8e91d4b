package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// Handler runs one job. It reads and extracts its articles outside any
// transaction, then calls commit with a function that writes them: commit
// runs it in the transaction that marks the job completed, and returns its
// error. An error from the Handler fails this attempt of the job, which
// river retries later (up to its maximum of attempts).
type Handler func(ctx context.Context, job Job, commit func(write func(pgx.Tx) error) error) error

// Options configure Run. The zero value is usable.
type Options struct {
	// Workers is how many jobs run at once in this process (0: 1).
	Workers int
	// JobTimeout cancels a job running longer (0: 30 minutes), which is
	// then retried.
	JobTimeout time.Duration
	// ExitWhenIdle makes Run return once no job is waiting or running.
	ExitWhenIdle bool
	// Poll is how often Run looks for jobs of dead workers and, with
	// ExitWhenIdle, for an idle queue (0: one second).
	Poll time.Duration
	// Log receives river's warnings and errors (nil: discarded).
	Log io.Writer
}

// Run works jobs with handle until ctx ends or, with ExitWhenIdle, the
// queue is idle. Jobs that were running in workers that died are put back
// in the queue as Run notices them (rescue.go).
func Run(ctx context.Context, pool *pgxpool.Pool, handle Handler, opt Options) error {
	id, err := clientID()
	if err != nil {
		return err
	}
	// The liveness lock: held for as long as this process's connection
	// lives, and freed by the server when it dies.
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", livenessKey(id)); err != nil {
		return fmt.Errorf("worker: liveness lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", livenessKey(id))

	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &worker{pool: pool, handle: handle}); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	timeout := opt.JobTimeout
	if timeout <= 0 {
		timeout = 30 * time.Minute
	}
	logOut := opt.Log
	if logOut == nil {
		logOut = io.Discard
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		ID:                   id,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: max(1, opt.Workers)}},
		Workers:              workers,
		JobTimeout:           timeout,
		RescueStuckJobsAfter: timeout + time.Minute,
		FetchPollInterval:    500 * time.Millisecond,
		Logger:               slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("worker: start: %w", err)
	}
	poll := opt.Poll
	if poll <= 0 {
		poll = time.Second
	}
	tick := time.NewTicker(poll)
	defer tick.Stop()
	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-tick.C:
		}
		if err := rescue(ctx, pool, id); err != nil && ctx.Err() == nil {
			runErr = err
			break
		}
		if opt.ExitWhenIdle {
			idle, err := Idle(ctx, pool)
			if err != nil && ctx.Err() == nil {
				runErr = err
				break
			}
			if idle {
				break
			}
		}
	}
	// Let running jobs finish (a second Ctrl-C, or the job timeout,
	// cancels them).
	stopErr := client.Stop(context.WithoutCancel(ctx))
	return errors.Join(runErr, stopErr)
}

// worker runs whosaid's jobs for river.
type worker struct {
	river.WorkerDefaults[Job]
	pool   *pgxpool.Pool
	handle Handler
}

// Work runs one job, completing it in the transaction of its writes.
func (w *worker) Work(ctx context.Context, job *river.Job[Job]) error {
	return w.handle(ctx, job.Args, func(write func(pgx.Tx) error) error {
		return pgx.BeginFunc(ctx, w.pool, func(tx pgx.Tx) error {
			if err := write(tx); err != nil {
				return err
			}
			if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
				return fmt.Errorf("complete job: %w", err)
			}
			return nil
		})
	})
}

// clientID names this worker process in river's attempted_by column:
// host, process id and a random part, unique across machines and restarts.
func clientID() (string, error) {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("worker id: %w", err)
	}
	return fmt.Sprintf("whosaid_%s_%d_%s", host, os.Getpid(), hex.EncodeToString(b)), nil
}

// livenessKey is the advisory lock key of a worker's liveness lock.
func livenessKey(clientID string) int64 {
	h := fnv.New64a()
	h.Write([]byte("whosaid worker " + clientID))
	return int64(h.Sum64())
}
