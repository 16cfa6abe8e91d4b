package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	d := NewDoc(txt)
	a := qNewAnalyzer(d, nil)
	a.findAttributions()
	for i := range d.Tokens {
		fmt.Printf("%s/%v ", d.Tok(i), a.inQ[i])
	}
	fmt.Println()
	for _, q := range a.qs {
		fmt.Printf("QS %+v %q\n", q, d.Text[q.Start:q.End])
	}
	for _, at := range a.atts {
		fmt.Printf("AT cue=%s sp=%+v post=%v content=%q claim=%v\n", at.cue, at.sp, at.post, d.Text[at.content.Start:at.content.End], at.claim)
	}
}
