package eval

import (
	"fmt"

	"github.com/whosaid/whosaid"
)

// AEBSpeech counts what attribution finds on the benchmark's pages, which
// have no attribution gold: quotes, those with no speaker, and claims. The
// share of quotes left without a speaker is the figure to watch on pages
// written by others.
type AEBSpeech struct {
	Pages, Quotes, NoSpeaker, Claims int
}

// Add counts the findings of one page.
func (s *AEBSpeech) Add(f whosaid.Findings) {
	s.Pages++
	s.Claims += len(f.Claims)
	for _, q := range f.Quotes {
		s.Quotes++
		if q.Speaker.Kind == whosaid.KindUnknown || q.Speaker.Kind == "" {
			s.NoSpeaker++
		}
	}
}

// Share is the share of quotes with no speaker.
func (s AEBSpeech) Share() float64 { return ratio(s.NoSpeaker, s.Quotes) }

func (s AEBSpeech) String() string {
	return fmt.Sprintf("attribution (AEB, %d pages)  quotes %d  with no speaker %d (%.3f)  claims %d\n",
		s.Pages, s.Quotes, s.NoSpeaker, s.Share(), s.Claims)
}
