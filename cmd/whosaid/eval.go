package main

import (
	"context"
	"fmt"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "[flags] GOLD_DIR", "Scores extraction against the gold articles in GOLD_DIR (../shared/eval/FORMAT.md)\nand prints precision, recall and F1 per kind of finding.")
	verbose := fs.Bool("v", false, "also list every miss")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	golds, err := eval.LoadDir(pos[0])
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	r := eval.Run(golds, x.Extract)
	fmt.Fprint(e.stdout, r.String())
	if *verbose {
		fmt.Fprintln(e.stdout)
		for _, m := range r.Misses {
			fmt.Fprintln(e.stdout, m)
		}
	}
	return nil
}

