//go:build !unix

package benchtest

import "time"

// CPUTime is unknown here; benchmarks then report wall-clock speed only.
func CPUTime() time.Duration { return 0 }
