package main

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress is a progress bar on a terminal and nothing elsewhere.
type progress struct {
	bar *progressbar.ProgressBar
}

func newProgress(e *env, what string, quiet bool) *progress {
	if quiet || !e.tty {
		return &progress{}
	}
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSpinnerType(14),
		// No spinner ticker: progressbar v3.19.1's ticker goroutine reads
		// the bar's start time without its lock while Add writes it (a
		// data race the race detector reports); the spinner still turns
		// at every render, as articles are counted.
		progressbar.OptionSetSpinnerChangeInterval(0),
	)
	return &progress{bar: bar}
}

func (p *progress) add() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

// clear wipes the bar so that a message can be printed on a clean line.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
