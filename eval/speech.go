package eval

import (
	"strings"

	"github.com/whosaid/whosaid"
)

// speech is a quote or claim as the scorer sees it.
type speech struct {
	text    string
	start   int
	end     int
	speaker whosaid.Speaker
}

// Thresholds of FORMAT.md: a quote matches at token overlap 0.8, a claim at 0.5.
const (
	quoteOverlap = 0.8
	claimOverlap = 0.5
)

func scoreQuotes(r *Report, g Gold, pred []whosaid.Quote, miss func(string, ...any)) {
	ps := make([]speech, len(pred))
	for i, q := range pred {
		ps[i] = speech{q.Text, q.Start, q.End, q.Speaker}
	}
	gold := outermost(g.Text, g.Quotes)
	ps = outermostPred(ps)
	scoreSpeech(&r.Quotes, &r.AttributedQuotes, &r.QuoteSpeakers, gold, ps, quoteOverlap, "quotes", miss)
}

func scoreClaims(r *Report, g Gold, pred []whosaid.Claim, miss func(string, ...any)) {
	ps := make([]speech, len(pred))
	for i, c := range pred {
		ps[i] = speech{c.Text, c.Start, c.End, c.Speaker}
	}
	scoreSpeech(&r.Claims, &r.AttributedClaims, &r.ClaimSpeakers, g.Claims, ps, claimOverlap, "claims", miss)
}

// scoreSpeech pairs each gold item with the unmatched prediction of highest
// token overlap at or above threshold.
func scoreSpeech(text, attributed *Metric, acc *Accuracy, gold []GoldSpeech, pred []speech,
	threshold float64, what string, miss func(string, ...any)) {
	predToks := make([][]string, len(pred))
	for i, p := range pred {
		predToks[i] = tokens(p.text)
	}
	used := make([]bool, len(pred))
	for _, gs := range gold {
		gt := tokens(gs.Text)
		best, bestScore := -1, threshold
		for i := range pred {
			if used[i] {
				continue
			}
			if s := overlapF1(gt, predToks[i]); s >= bestScore {
				best, bestScore = i, s
			}
		}
		if best < 0 {
			text.FN++
			attributed.FN++
			miss("%s: missed %q (%s)", what, short(gs.Text), gs.Speaker)
			continue
		}
		used[best] = true
		text.TP++
		acc.Counted++
		if speakerRight(gs, pred[best].speaker) {
			acc.Right++
			attributed.TP++
		} else {
			attributed.FP++
			attributed.FN++
			miss("%s: %q said by %s %q, gold %s %q", what, short(gs.Text),
				pred[best].speaker.Kind, pred[best].speaker.Name, gs.SpeakerKind, gs.Speaker)
		}
	}
	for i, u := range used {
		if !u {
			text.FP++
			attributed.FP++
			miss("%s: extra %q (%s)", what, short(pred[i].text), pred[i].speaker.Name)
		}
	}
}

// speakerRight applies FORMAT.md: names must be equal for people and
// organizations; an anonymous source must be marked anonymous and contain the
// last word of the gold descriptor.
func speakerRight(g GoldSpeech, s whosaid.Speaker) bool {
	switch g.SpeakerKind {
	case whosaid.KindAnonymous:
		words := strings.Fields(fold(g.Speaker))
		if s.Kind != whosaid.KindAnonymous || len(words) == 0 {
			return false
		}
		return strings.Contains(fold(s.Name), words[len(words)-1])
	case whosaid.KindUnknown, "":
		if g.Speaker == "" {
			return s.Kind == whosaid.KindUnknown || s.Name == ""
		}
	}
	return g.Speaker != "" && fold(s.Name) == fold(g.Speaker)
}

// outermost drops gold quotes that lie inside another gold quote: FORMAT.md
// scores them as part of the outer one.
func outermost(text string, quotes []GoldSpeech) []GoldSpeech {
	texts := make([]string, len(quotes))
	for i, q := range quotes {
		texts[i] = q.Text
	}
	spans := locate(text, texts)
	var out []GoldSpeech
	for i, q := range quotes {
		inside := false
		for j, o := range spans {
			if j != i && spans[i].start >= 0 && o.start <= spans[i].start && spans[i].end <= o.end &&
				o.end-o.start > spans[i].end-spans[i].start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, q)
		}
	}
	return out
}

// outermostPred drops predicted quotes that lie inside another prediction.
func outermostPred(ps []speech) []speech {
	var out []speech
	for i, p := range ps {
		inside := false
		for j, o := range ps {
			if j != i && o.start <= p.start && p.end <= o.end && o.end-o.start > p.end-p.start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, p)
		}
	}
	return out
}

func short(s string) string {
	if len(s) <= 60 {
		return s
	}
	i := 57
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "..."
}
