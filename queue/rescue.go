package queue

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// rescue puts back in the queue the jobs left running by workers that
// died. A job's last attempt names its worker (attempted_by); the worker
// holds its liveness lock while it lives, so a lock that can be taken
// belongs to a dead worker. Taking it inside the transaction that moves the
// job keeps a worker that appears meanwhile with that id (none can: ids
// are random) from being wronged.
//
// River's own rescuer would do the same once a job has run longer than
// its timeout, an hour by default; crashes of batch workers are common
// enough (out of memory, a preempted machine) to deserve seconds.
func rescue(ctx context.Context, pool *pgxpool.Pool, self string) error {
	rows, err := pool.Query(ctx, `SELECT id, attempted_by[array_upper(attempted_by, 1)]
		FROM river_job WHERE state = 'running' AND kind = $1 AND attempted_by IS NOT NULL`, Job{}.Kind())
	if err != nil {
		return fmt.Errorf("find stuck jobs: %w", err)
	}
	type running struct {
		id     int64
		client string
	}
	jobs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (running, error) {
		var j running
		var client *string
		err := r.Scan(&j.id, &client)
		if client != nil {
			j.client = *client
		}
		return j, err
	})
	if err != nil {
		return fmt.Errorf("find stuck jobs: %w", err)
	}
	for _, j := range jobs {
		if j.client == self || j.client == "" {
			continue
		}
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			var dead bool
			if err := tx.QueryRow(ctx, "SELECT pg_try_advisory_xact_lock($1)", livenessKey(j.client)).Scan(&dead); err != nil || !dead {
				return err
			}
			_, err := tx.Exec(ctx, `UPDATE river_job SET
				state = CASE WHEN attempt >= max_attempts THEN 'discarded'::river_job_state ELSE 'available'::river_job_state END,
				finalized_at = CASE WHEN attempt >= max_attempts THEN now() END,
				scheduled_at = now(),
				errors = array_append(errors, jsonb_build_object('at', now(), 'attempt', attempt,
					'error', 'worker ' || $2 || ' died while running the job', 'trace', ''))
				WHERE id = $1 AND state = 'running' AND attempted_by[array_upper(attempted_by, 1)] = $2`, j.id, j.client)
			return err
		})
		if err != nil {
			return fmt.Errorf("rescue job %d: %w", j.id, err)
		}
	}
	return nil
}
