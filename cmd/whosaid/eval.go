package main

import (
	"context"
	"fmt"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "[flags] PATH", `Scores extraction against labelled data and prints precision, recall and F1.
PATH is told apart by its files:
  a folder of gold *.json (../shared/eval/FORMAT.md)  every kind of finding`)
	verbose := fs.Bool("v", false, "also list every miss")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errUsage
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	path := pos[0]
	switch kind := eval.Detect(path); kind {
	case eval.KindGold:
		golds, err := eval.LoadDir(path)
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
	default:
		return fmt.Errorf("%s: not evaluation data whosaid knows (%s)", path, kind)
	}
}
