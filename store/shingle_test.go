package store

import (
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/whosaid/whosaid/store/shingle"
)

// shingleSetReference is shingleSet as first written (strings, a map and
// hash/fnv). Sketches already stored were made with it, so the fast one
// must give exactly the same hashes.
func shingleSetReference(text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	set := map[uint64]bool{}
	h := fnv.New64a()
	for i := 0; i+shingle.Words <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+shingle.Words] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		set[h.Sum64()] = true
	}
	var out []uint64
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestShingleSetMatchesReference(t *testing.T) {
	for _, text := range []string{
		"",
		"one two three four",
		"one two three four five",
		"One, two; THREE four five six. One two three four five six!",
		strings.Join(wireStory, "\n"),
		"İstanbul ÇAĞRI Ünïcode naïve façade Œuvre ΣΊΣΥΦΟΣ straße 1,000.5 $3bn 12% – “quoted” words here",
		"trailing words without a final stop one two three four five six seven",
		"bad \xff utf-8 \xfe bytes between real words here and there",
	} {
		assert.Equal(t, shingleSetReference(text), shingle.Set(text), text)
	}
	// Every count of words, so that every count of shingles left over
	// after those hashed four at a time is met.
	words := strings.Fields(strings.Join(wireStory, " ") + " Ünïcode naïve façade")
	for n := range words {
		text := strings.Join(words[len(words)-n:], " ")
		assert.Equal(t, shingleSetReference(text), shingle.Set(text), text)
	}
}

// sketchOfReference is sketchOf as first written, one minimum at a time;
// stored sketches were made with it.
func sketchOfReference(set []uint64) [sketchBands]int64 {
	var sig [sketchBands * bandRows]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, h := range set {
		for i := range sig {
			if v := mix64(h ^ minhashSeeds[i]); v < sig[i] {
				sig[i] = v
			}
		}
	}
	var bands [sketchBands]int64
	for b := range bands {
		v := uint64(b + 1)
		for _, s := range sig[b*bandRows : (b+1)*bandRows] {
			v = mix64(v ^ s)
		}
		bands[b] = int64(v)
	}
	return bands
}

func TestSketchOfMatchesReference(t *testing.T) {
	story := strings.Join(wireStory, "\n")
	for _, set := range [][]uint64{
		nil,
		{0},
		{^uint64(0)},
		shingle.Set(story),
		shingle.Set(strings.Repeat(story+" again ", 3)),
	} {
		assert.Equal(t, sketchOfReference(set), sketchOf(set))
	}
}

func BenchmarkShingleSet(b *testing.B) {
	text := strings.Repeat(strings.Join(wireStory, "\n")+"\n", 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sketchOf(shingle.Set(text))
	}
}
