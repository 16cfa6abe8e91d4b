package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// Enqueue queues jobs, all or none, each to be tried up to maxAttempts
// times (0: 5).
func Enqueue(ctx context.Context, pool *pgxpool.Pool, jobs []Job, maxAttempts int) error {
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	params := make([]river.InsertManyParams, len(jobs))
	for i, j := range jobs {
		params[i] = river.InsertManyParams{Args: j, InsertOpts: &river.InsertOpts{MaxAttempts: positiveOr(maxAttempts, 5)}}
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := client.InsertManyTx(ctx, tx, params); err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
		return nil
	})
}

// Stats is the state of whosaid's jobs.
type Stats struct {
	// Waiting jobs are available, scheduled, or waiting to be retried.
	Waiting int `json:"waiting"`
	Running int `json:"running"`
	Done    int `json:"done"`
	// Failed jobs were given up (all attempts failed) or cancelled.
	Failed int `json:"failed"`
	// Retried counts the jobs, in any state, that failed at least once.
	Retried int `json:"retried"`
	// Problems are the jobs that failed at least once and are not done,
	// with their last error, oldest first.
	Problems []Problem `json:"problems"`
}

// Problem is a job that failed and its last error.
type Problem struct {
	ID      int64     `json:"id"`
	Job     string    `json:"job"`
	State   string    `json:"state"`
	Attempt int       `json:"attempt"`
	Error   string    `json:"error"`
	At      time.Time `json:"at"`
}

// States of river jobs, as Stats counts them.
var stateGroups = map[string]string{
	"available": "waiting", "pending": "waiting", "scheduled": "waiting", "retryable": "waiting",
	"running": "running", "completed": "done", "discarded": "failed", "cancelled": "failed",
}

// ReadStats reads the state of the queue.
func ReadStats(ctx context.Context, pool *pgxpool.Pool) (Stats, error) {
	var s Stats
	rows, err := pool.Query(ctx, `SELECT state::text, count(*), count(*) FILTER (WHERE cardinality(errors) > 0)
		FROM river_job WHERE kind = $1 GROUP BY state`, Job{}.Kind())
	if err != nil {
		return s, fmt.Errorf("queue: %w", err)
	}
	var state string
	var n, retried int
	if _, err := pgx.ForEachRow(rows, []any{&state, &n, &retried}, func() error {
		s.Retried += retried
		switch stateGroups[state] {
		case "waiting":
			s.Waiting += n
		case "running":
			s.Running += n
		case "done":
			s.Done += n
		case "failed":
			s.Failed += n
		}
		return nil
	}); err != nil {
		return s, fmt.Errorf("queue: %w", err)
	}
	rows, err = pool.Query(ctx, `SELECT id, args, state::text, attempt, errors[array_upper(errors, 1)]
		FROM river_job WHERE kind = $1 AND cardinality(errors) > 0 AND state <> 'completed'
		ORDER BY id`, Job{}.Kind())
	if err != nil {
		return s, fmt.Errorf("queue: %w", err)
	}
	var (
		p    Problem
		args []byte
		last []byte
	)
	s.Problems = []Problem{}
	if _, err := pgx.ForEachRow(rows, []any{&p.ID, &args, &p.State, &p.Attempt, &last}, func() error {
		var j Job
		if err := json.Unmarshal(args, &j); err != nil {
			return err
		}
		p.Job = j.String()
		var e struct {
			At    time.Time `json:"at"`
			Error string    `json:"error"`
		}
		if err := json.Unmarshal(last, &e); err != nil {
			return err
		}
		p.Error, p.At = e.Error, e.At
		s.Problems = append(s.Problems, p)
		return nil
	}); err != nil {
		return s, fmt.Errorf("queue: %w", err)
	}
	return s, nil
}

// Idle reports whether no whosaid job is waiting or running.
func Idle(ctx context.Context, pool *pgxpool.Pool) (bool, error) {
	var busy bool
	err := pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = $1
		AND state IN ('available', 'pending', 'scheduled', 'retryable', 'running'))`, Job{}.Kind()).Scan(&busy)
	if err != nil {
		return false, fmt.Errorf("queue: %w", err)
	}
	return !busy, nil
}
