package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "[flags] PATH", `Scores extraction against labelled data and prints precision, recall and F1.
PATH is told apart by its files:
  a folder of gold *.json (../shared/eval/FORMAT.md)  every kind of finding
  ground-truth.json + html/ (Zyte article-extraction benchmark)  article body
  text/ + attributions/ (a PolNeAR split, brat)  quote and claim contents, sources
  a CoNLL-2003 file (eng.testa, *.conll)  phrase-level P/R/F1 per type: the name tagger
      alone, and the entities as stored on the documents rebuilt as text
  MEANTIME CAT *.xml (a folder, or its corpus_* folders)  named people, organizations
      and places, overlap P/R/F1 per type
  TimeML *.tml (TimeBank + AQUAINT, a file or folders of them)  DATE TIMEX3 spans and values
  Recognizers-Text *CurrencyModel.json / *PercentModel.json  share of exact cases, per spec`)
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
	report, misses, err := evaluate(x, pos[0])
	if err != nil {
		return err
	}
	fmt.Fprint(e.stdout, report)
	if *verbose && len(misses) > 0 {
		fmt.Fprintln(e.stdout)
		for _, m := range misses {
			fmt.Fprintln(e.stdout, m)
		}
	}
	return nil
}

// evaluate scores x on the evaluation data at path, whatever its kind, and
// returns the printed report and the misses behind it.
func evaluate(x *extract.Extractor, path string) (report string, misses []string, err error) {
	switch kind := eval.Detect(path); kind {
	case eval.KindGold:
		golds, err := eval.LoadDir(path)
		if err != nil {
			return "", nil, err
		}
		r := eval.Run(golds, x.Extract)
		return r.String(), r.Misses, nil
	case eval.KindCoNLL:
		// The statistical tagger on CoNLL's own tokens, scored as conlleval
		// does; then what users get, the entity stage's final output, on the
		// same documents rebuilt as text.
		docs, err := eval.ReadCoNLL(path)
		if err != nil {
			return "", nil, err
		}
		tagger := eval.ScoreCoNLL(docs, func(words []string, ends []int) []eval.Chunk {
			var out []eval.Chunk
			for _, n := range x.Names(words, ends) {
				out = append(out, eval.Chunk{Start: n.Start, End: n.End, Type: n.Type})
			}
			return out
		})
		full := eval.ScoreCoNLLText(docs, func(text string) []whosaid.Entity {
			return x.Extract(whosaid.Article{Text: text}).Entities
		})
		return "name tagger alone, on CoNLL tokens\n" + tagger.String() +
			"\nentities as stored, on the documents as text\n" + full.String(), nil, nil
	case eval.KindMeantime:
		// The entity stage's output on the Wikinews articles rebuilt as text.
		docs, err := eval.LoadMeantime(path)
		if err != nil {
			return "", nil, err
		}
		r := eval.ScoreMeantime(docs, func(text string) []whosaid.Entity {
			return x.Extract(whosaid.Article{Text: text}).Entities
		})
		return r.String(), nil, nil
	case eval.KindAEB:
		// The body as `whosaid extract` reads it from the page.
		// Attribution is counted on the same articles: the pages have no
		// attribution gold, but quotes left with no speaker show.
		// They are extracted after the body is timed.
		var arts []whosaid.Article
		r, err := eval.AEB(path, func(source string, page []byte) (string, error) {
			a, err := corpus.ReadHTML(source, bytes.NewReader(page))
			if err == nil {
				arts = append(arts, a)
			}
			return a.Text, err
		})
		if err != nil {
			return "", nil, err
		}
		var sp eval.AEBSpeech
		for _, a := range arts {
			sp.Add(x.Extract(a))
		}
		for _, p := range r.Worst {
			misses = append(misses, fmt.Sprintf("  %s  P %.3f  R %.3f  F1 %.3f", p.Key, p.Precision, p.Recall, p.F1))
		}
		return r.String() + sp.String(), misses, nil
	case eval.KindPolNeAR:
		r, err := eval.PolNeAR(path, x.Extract)
		if err != nil {
			return "", nil, err
		}
		return r.String(), r.Misses, nil
	case eval.KindTimeBank:
		// Dates only: the stage runs as in Extract, with Published = the DCT.
		docs, err := eval.LoadTimeBank(path)
		if err != nil {
			return "", nil, err
		}
		r := eval.RunTimeBank(docs, extract.DatesAndAmounts)
		return r.String(), r.Misses, nil
	case eval.KindRecognizers:
		// Each spec (currency, percent) is reported on its own.
		specs, err := eval.LoadRecognizers(path)
		if err != nil {
			return "", nil, err
		}
		var reports []string
		for _, spec := range specs {
			r, err := eval.RunRecognizers(spec, extract.DatesAndAmounts)
			if err != nil {
				return "", nil, err
			}
			reports = append(reports, r.String())
			for _, m := range r.Misses {
				misses = append(misses, "  "+m)
			}
		}
		return strings.Join(reports, "\n"), misses, nil
	default:
		return "", nil, fmt.Errorf("%s: not evaluation data whosaid knows (%s)", path, kind)
	}
}
