package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/corpus"
)

// PolNeARDoc is one PolNeAR article as whosaid reads it, with the gold
// attributions of its first annotator: the training data of the learned
// attribution stages.
type PolNeARDoc struct {
	Article      whosaid.Article
	Attributions []PolNeARAttribution
}

// PolNeARAttribution is one gold attribution: its content, source and cue as
// byte spans of the text, each possibly in several pieces (Source empty for
// PolNeAR's attributions with no source), and the content's text.
type PolNeARAttribution struct {
	Content, Source, Cue [][2]int
	Text                 string
}

// ReadPolNeAR reads a PolNeAR split folder (text/*.txt and
// attributions/*.ann) in file order, each article as eval.PolNeAR hands it
// to the extractor. It returns an error when dir has no texts or a file
// cannot be read.
func ReadPolNeAR(dir string) ([]PolNeARDoc, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("list polnear texts: %w", err)
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("%s: no text/*.txt", dir)
	}
	sort.Strings(texts)
	published := polnearDates(dir)
	var out []PolNeARDoc
	for _, tf := range texts {
		base := strings.TrimSuffix(filepath.Base(tf), ".txt")
		af := refAnnotation(dir, base)
		if af == "" {
			continue
		}
		b, err := os.ReadFile(tf)
		if err != nil {
			return nil, fmt.Errorf("read polnear text: %w", err)
		}
		text := string(b)
		gold, err := readBrat(af, text)
		if err != nil {
			return nil, err
		}
		doc := PolNeARDoc{Article: whosaid.Article{ID: base, Text: text, Published: published[base], Source: tf,
			Dateline: corpus.ParseDateline(text)}}
		for _, g := range gold {
			at := PolNeARAttribution{Text: g.text}
			for _, s := range g.content {
				at.Content = append(at.Content, [2]int{s.start, s.end})
			}
			for _, s := range g.source {
				at.Source = append(at.Source, [2]int{s.start, s.end})
			}
			for _, s := range g.cue {
				at.Cue = append(at.Cue, [2]int{s.start, s.end})
			}
			doc.Attributions = append(doc.Attributions, at)
		}
		out = append(out, doc)
	}
	return out, nil
}

// TokenF1 is the reference scorer's token overlap F1 of two texts.
func TokenF1(a, b string) float64 { return refTokF1(refTokens(a), refTokens(b)) }

// SourceOK is the reference scorer's test of a speaker mention (or name)
// against a gold source text.
func SourceOK(mention, source string) bool { return refSourceOK(mention, source) }

// SpeakerRight reports whether s is the speaker gold names, as FORMAT.md
// scores it.
func SpeakerRight(g GoldSpeech, s whosaid.Speaker) bool { return speakerRight(g, s) }
