package entities

import (
	"flag"
	"fmt"
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
// the text around it. It decides as decide does.
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
			et.label(st)
			for _, i := range st.keepBest() {
				c := st.dc[i]
				if c.label != dcPER && c.label != dcORG {
					continue
				}
				cue := st.cues[st.word(c.e-1)]&cueRight | st.cues[st.word(c.s)]&cueLeft
				role := st.docw[st.word(c.s)].role
				lo, hi := max(0, c.start-70), min(len(txt), c.end+50)
				ctx := strings.ReplaceAll(txt[lo:c.start]+"[["+txt[c.start:c.end]+"]]"+txt[c.end:hi], "\n", " ")
				fmt.Printf("%s\t%d\t%s\t%s\tr%d t%d h%d n%d g%d cue%03x role%02x\t%s\n", filepath.Base(f), c.start, []string{"O", "PER", "ORG", "LOC", "MISC"}[c.label], txt[c.start:c.end], c.rule, c.tag, c.how, c.e-c.s, genre, cue, role, ctx)
			}
		}
		et.Tag(text.NewDoc(txt), whosaid.Article{Text: txt})
		et.collect = nil
	}
}
