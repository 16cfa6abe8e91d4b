package eval_test

import (
	"os"
	"strings"
	"testing"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
)

// Throwaway harness (h6): prints scores and writes misses to /tmp/h6.
func TestH6Scratch(t *testing.T) {
	if os.Getenv("H6") == "" {
		t.Skip()
	}
	golds, _ := eval.LoadDir("../testdata/gold")
	r := eval.Run(golds, extract.DatesAndAmounts)
	t.Logf("dev:\n%s", r)
	var dm []string
	for _, m := range r.Misses {
		if strings.Contains(m, "date") || strings.Contains(m, "amount") {
			dm = append(dm, m)
		}
	}
	os.WriteFile("/tmp/h6/dev.txt", []byte(strings.Join(dm, "\n")+"\n"), 0o644)
	docs, err := eval.LoadTimeBank("/work/shared/data/timebank")
	if err != nil {
		t.Fatal(err)
	}
	tr := eval.RunTimeBank(docs, extract.DatesAndAmounts)
	t.Logf("timebank:\n%s", tr)
	os.WriteFile("/tmp/h6/tb.txt", []byte(strings.Join(tr.Misses, "\n")+"\n"), 0o644)
	specs, err := eval.LoadRecognizers("/work/shared/data/recognizers")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, sp := range specs {
		rr, err := eval.RunRecognizers(sp, extract.DatesAndAmounts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", rr)
		all = append(all, rr.Misses...)
	}
	os.WriteFile("/tmp/h6/rec.txt", []byte(strings.Join(all, "\n")+"\n"), 0o644)
}
