package entities

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// dumpDir, when set, makes TestDumpDecided print the people and
// organizations the entity stage keeps in a seeded random draw of the
// articles there, with where they came from, for hand-labelling
// (testdata/entities-polnear/README.md).
var (
	dumpDir = flag.String("entities.dump", "", "folder of .txt articles: print the people and organizations kept in a random draw of them")
	dumpN   = flag.Int("entities.dumpn", 120, "how many articles TestDumpDecided draws")
)

// TestDumpDecided prints one line per person or organization kept: file,
// byte offset, class, text, the span's provenance (r rule kind, t tagger
// class, h rule, n words, g genre, its cue bits, its document role) and
// the text around it. It decides as decide does, bar the settled
// shortcut (a span the rules and the tagger both call a person is kept
// as one with the margin decideKeep, as there).
func TestDumpDecided(t *testing.T) {
	if *dumpDir == "" {
		t.Skip("-entities.dump not given")
	}
	dir, n := *dumpDir, *dumpN
	et := newTestTagger(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	slices.Sort(files)
	rng := rand.New(rand.NewPCG(5, 5))
	rng.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
	files = files[:min(n, len(files))]
	for _, f := range files {
		b, _ := os.ReadFile(f)
		txt := string(b)
		et.collect = func(st *state) {
			genre := st.genre()
			type pick struct {
				i      int
				label  int8
				margin float32
			}
			var picks []pick
			for i := range st.dc {
				c := &st.dc[i]
				var label int8
				var margin float32
				switch {
				case et.product(st, c.s):
					continue
				case c.rule == rkPerson && c.tag == dcPER:
					label, margin = dcPER, decideKeep
				case stands(c):
					label, margin = int8(ruleClass[c.rule]), math.MaxFloat32
				default:
					label, margin = decideSpan(et.dec.scores(st.feats[c.fs:c.fe]), c.rule, c.tag)
				}
				if label != dcO && label != dcMISC {
					picks = append(picks, pick{i, label, margin})
				}
			}
			slices.SortStableFunc(picks, func(a, b pick) int {
				if a.margin > b.margin {
					return -1
				}
				if a.margin < b.margin {
					return 1
				}
				return 0
			})
			taken := map[int]bool{}
			for _, p := range picks {
				c := st.dc[p.i]
				free := true
				for k := c.s; k < c.e; k++ {
					free = free && !taken[k]
				}
				if !free {
					continue
				}
				for k := c.s; k < c.e; k++ {
					taken[k] = true
				}
				if p.label != dcPER && p.label != dcORG {
					continue
				}
				cue := st.cues[st.word(c.e-1)]&cueRight | st.cues[st.word(c.s)]&cueLeft
				role := st.docw[st.word(c.s)].role
				lo, hi := max(0, c.start-70), min(len(txt), c.end+50)
				ctx := strings.ReplaceAll(txt[lo:c.start]+"[["+txt[c.start:c.end]+"]]"+txt[c.end:hi], "\n", " ")
				fmt.Printf("%s\t%d\t%s\t%s\tr%d t%d h%d n%d g%d cue%03x role%02x\t%s\n", filepath.Base(f), c.start, []string{"O", "PER", "ORG", "LOC", "MISC"}[p.label], txt[c.start:c.end], c.rule, c.tag, c.how, c.e-c.s, genre, cue, role, ctx)
			}
		}
		et.Tag(text.NewDoc(txt), whosaid.Article{Text: txt})
		et.collect = nil
	}
}
