package ner

import (
	"os"
	"strings"
	"testing"
)

// TestOneWord checks that oneWord takes a string for one word only when
// strings.Fields would give it back whole.
func TestOneWord(t *testing.T) {
	for _, s := range []string{"", "Paris", "New York", " Paris", "Paris\t", "São", "a\u00a0b", "x\vy", "x\x1cy", "Lagos", "a\u2003b"} {
		f := strings.Fields(s)
		if want := len(f) == 1 && f[0] == s; oneWord(s) && !want {
			t.Errorf("oneWord(%q) = true, Fields gives %q", s, f)
		}
	}
}

// BenchmarkNewLexicon measures building the lexicon from the entity
// stage's tables, which every run of whosaid does before its first article.
func BenchmarkNewLexicon(b *testing.B) {
	var tables [3]string
	for i, name := range []string{"countries", "places", "words"} {
		data, err := os.ReadFile("../entities/data/" + name + ".tsv")
		if err != nil {
			b.Fatal(err)
		}
		tables[i] = string(data)
	}
	b.ReportAllocs()
	for b.Loop() {
		NewLexicon(tables[0], tables[1], tables[2], nil)
	}
}
