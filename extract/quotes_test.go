package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// qGold is the part of a gold file that attribution is scored on.
type qGold struct {
	ID        string      `json:"id"`
	Published string      `json:"published"`
	Text      string      `json:"text"`
	Quotes    []qGoldItem `json:"quotes"`
	Claims    []qGoldItem `json:"claims"`
}

type qGoldItem struct {
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	SpeakerKind string  `json:"speaker_kind"`
}

// qScore counts, as ../shared/eval/FORMAT.md scores them, gold and predicted
// items, text matches and matches with the right speaker.
type qScore struct{ gold, pred, match, right int }

func (s qScore) f1() float64 {
	if s.gold+s.pred == 0 {
		return 1
	}
	return 2 * float64(s.right) / float64(s.gold+s.pred)
}

func (s qScore) speakerAcc() float64 {
	if s.match == 0 {
		return 0
	}
	return float64(s.right) / float64(s.match)
}

func qNormTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// qOverlap is the token-overlap F1 of two texts after lower-casing and
// dropping punctuation.
func qOverlap(a, b string) float64 {
	ta, tb := qNormTokens(a), qNormTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	m := map[string]int{}
	for _, t := range tb {
		m[t]++
	}
	c := 0
	for _, t := range ta {
		if m[t] > 0 {
			m[t]--
			c++
		}
	}
	return 2 * float64(c) / float64(len(ta)+len(tb))
}

// qSpeakerRight applies FORMAT.md: names equal for people and organizations;
// for an anonymous source, kind anonymous and the gold's last word contained.
func qSpeakerRight(g qGoldItem, p whosaid.Speaker) bool {
	if g.Speaker == nil || g.SpeakerKind == whosaid.KindUnknown {
		return p.Kind == whosaid.KindUnknown
	}
	if g.SpeakerKind == whosaid.KindAnonymous {
		f := strings.Fields(strings.ToLower(*g.Speaker))
		return p.Kind == whosaid.KindAnonymous && strings.Contains(strings.ToLower(p.Name), f[len(f)-1])
	}
	return strings.EqualFold(p.Name, *g.Speaker)
}

func qScoreItems(s *qScore, gold []qGoldItem, texts []string, sps []whosaid.Speaker, thr float64) {
	s.gold += len(gold)
	s.pred += len(texts)
	used := make([]bool, len(texts))
	for _, g := range gold {
		best, bo := -1, 0.0
		for i, t := range texts {
			if o := qOverlap(g.Text, t); !used[i] && o >= thr && o > bo {
				best, bo = i, o
			}
		}
		if best < 0 {
			continue
		}
		used[best] = true
		s.match++
		if qSpeakerRight(g, sps[best]) {
			s.right++
		}
	}
}

func qLoadGold(tb testing.TB) []qGold {
	tb.Helper()
	files, err := filepath.Glob("../testdata/gold/*.json")
	require.NoError(tb, err)
	require.NotEmpty(tb, files)
	var out []qGold
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(tb, err)
		var g qGold
		require.NoError(tb, json.Unmarshal(b, &g), f)
		out = append(out, g)
	}
	return out
}

// qScoreGold scores attribution over the gold files, with the entities of
// the entity stage or with none at all.
func qScoreGold(tb testing.TB, withEntities bool) (qs, cs qScore) {
	tb.Helper()
	x, err := New()
	require.NoError(tb, err)
	for _, g := range qLoadGold(tb) {
		d := NewDoc(g.Text)
		var ents []whosaid.Entity
		if withEntities {
			ents = x.Extract(whosaid.Article{Text: g.Text, Published: g.Published}).Entities
		}
		quotes, claims := attribute(d, ents, nil, nil)
		var qt, ct []string
		var qsp, csp []whosaid.Speaker
		for _, q := range quotes {
			qt, qsp = append(qt, q.Text), append(qsp, q.Speaker)
		}
		for _, c := range claims {
			ct, csp = append(ct, c.Text), append(csp, c.Speaker)
		}
		qScoreItems(&qs, g.Quotes, qt, qsp, 0.8)
		qScoreItems(&cs, g.Claims, ct, csp, 0.5)
	}
	return qs, cs
}

// TestAttributeGoldFloors holds the attribution scores on the gold stories
// so that they can only go up. The floors without entities check that
// attribution stands on its own when the entity stage finds nothing.
func TestAttributeGoldFloors(t *testing.T) {
	for _, tc := range []struct {
		name               string
		ents               bool
		quoteF1, claimF1   float64
		quoteAcc, claimAcc float64
	}{
		{"with entities", true, 0.95, 0.90, 0.95, 0.95},
		{"without entities", false, 0.93, 0.88, 0.93, 0.93},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs, cs := qScoreGold(t, tc.ents)
			t.Logf("quotes %+v F1 %.3f acc %.3f; claims %+v F1 %.3f acc %.3f", qs, qs.f1(), qs.speakerAcc(), cs, cs.f1(), cs.speakerAcc())
			assert.GreaterOrEqual(t, qs.f1(), tc.quoteF1, "attributed-quote F1")
			assert.GreaterOrEqual(t, qs.speakerAcc(), tc.quoteAcc, "quote speaker accuracy")
			assert.GreaterOrEqual(t, cs.f1(), tc.claimF1, "attributed-claim F1")
			assert.GreaterOrEqual(t, cs.speakerAcc(), tc.claimAcc, "claim speaker accuracy")
		})
	}
}

// TestAttributeSeedArticle checks the seed story end to end: all seven
// quoted passages with their speakers, with and without entities.
func TestAttributeSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../testdata/gold/reuters-nato-tillerson.json")
	require.NoError(t, err)
	var g qGold
	require.NoError(t, json.Unmarshal(b, &g))
	x, err := New()
	require.NoError(t, err)
	official := "State Department official"
	want := []qWant{
		{"clear path", official, anon},
		{"It is no longer sustainable", official, anon},
		{"No doubts about that", "Linas Linkevicius", per},
		{"pushing allies to do more", official, anon},
		{"clear path", official, anon},
		{"Our joint security requires it", official, anon},
		{"moderate", "Jim Mattis", per},
	}
	for _, withEnts := range []bool{true, false} {
		var ents []whosaid.Entity
		if withEnts {
			ents = x.Extract(whosaid.Article{Text: g.Text, Published: g.Published}).Entities
		}
		quotes, claims := attribute(NewDoc(g.Text), ents, nil, nil)
		qAssertItems(t, want, qGot(quotes))
		var cs qScore
		var ct []string
		var csp []whosaid.Speaker
		for _, c := range claims {
			ct, csp = append(ct, c.Text), append(csp, c.Speaker)
		}
		qScoreItems(&cs, g.Claims, ct, csp, 0.5)
		assert.GreaterOrEqual(t, cs.f1(), 0.85, "claims with entities=%v: %+v", withEnts, cs)
	}
}

// BenchmarkAttribute measures the attribution stage alone over the gold
// texts, segmentation and entities done before the timer starts.
func BenchmarkAttribute(b *testing.B) {
	x, err := New()
	require.NoError(b, err)
	type input struct {
		d    *Doc
		ents []whosaid.Entity
	}
	var in []input
	bytes := 0
	for _, g := range qLoadGold(b) {
		in = append(in, input{NewDoc(g.Text), x.Extract(whosaid.Article{Text: g.Text}).Entities})
		bytes += len(g.Text)
	}
	b.SetBytes(int64(bytes / len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		it := in[i%len(in)]
		attribute(it.d, it.ents, nil, nil)
	}
	// CPU time, not wall time, is what a loaded machine leaves comparable;
	// the target is stated per 3 KB of article text.
	if cpu := cpuTime() - cpu0; cpu > 0 && cpu0 > 0 {
		perByte := float64(cpu.Nanoseconds()) / float64(b.N) / float64(bytes/len(in))
		b.ReportMetric(perByte*3072/1000, "cpu-µs/3KB")
	}
}
