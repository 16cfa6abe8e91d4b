// Command whosaid turns news stories into a who-said-what database.
//
// Usage:
//
//	whosaid <command> [flags] [args]
//
// Run `whosaid help` for the list of commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"golang.org/x/term"
)

// env is what a command may touch of the outside world, so tests can run
// commands in-process with their own streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// tty reports whether stderr is a terminal: progress shows only then.
	tty bool
}

type command struct {
	name, summary string
	run           func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"ingest", "read articles, extract and store them", runIngest},
	{"extract", "extract one article (or JSON Lines) and print JSON", runExtract},
	{"quotes", "list who said what", runQuotes},
	{"claims", "list reported claims", runClaims},
	{"speakers", "list who is quoted most", runSpeakers},
	{"targets", "list amounts that are targets", runTargets},
	{"show", "show one article with its findings", runShow},
	{"export", "export the quote dataset", runExport},
	{"serve", "serve the local web explorer", runServe},
	{"worker", "run queued ingest jobs against PostgreSQL", runWorker},
	{"queue", "show the ingest job queue", runQueue},
	{"eval", "score extraction against gold files", runEval},
}

// errUsage marks a bad command line: the exit code is 2.
var errUsage = errors.New("usage")

// errSkipped marks a run that finished but skipped some input: exit code 1.
var errSkipped = errors.New("some input was skipped")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		tty: term.IsTerminal(int(os.Stderr.Fd()))}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a command and turns its error into an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			if err != errUsage { // a wrapped usage error says what was wrong
				fmt.Fprintf(e.stderr, "whosaid %s: %v\n", c.name, strings.TrimSuffix(err.Error(), ": "+errUsage.Error()))
			}
			return 2
		case errors.Is(err, errSkipped):
			fmt.Fprintf(e.stderr, "whosaid %s: %v\n", c.name, err)
			return 1
		default:
			fmt.Fprintf(e.stderr, "whosaid %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "whosaid: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "whosaid turns news stories into a who-said-what database.")
	fmt.Fprintln(w, "\nUsage: whosaid <command> [flags] [args]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun `whosaid <command> -h` for a command's flags.")
}

// newFlags makes a command's flag set, printing usage to stderr.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: whosaid %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, which may come before or after the positional
// arguments, and returns the positional ones. A bad command line is errUsage.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
