package corpus

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
)

func TestReadText(t *testing.T) {
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("PARIS (AFP) - Bonjour.\r\nFin."))
	require.NoError(t, err)
	tests := []struct {
		name    string
		in      []byte
		want    string
		place   string
		wantErr error
	}{
		{name: "plain", in: []byte("LONDON (Reuters) - Shares rose.\nThey fell later.\n"), want: "LONDON (Reuters) - Shares rose.\nThey fell later.", place: "LONDON"},
		{name: "crlf", in: []byte("One.\r\nTwo.\r\n\r\nThree."), want: "One.\nTwo.\n\nThree."},
		{name: "lone cr", in: []byte("One.\rTwo."), want: "One.\nTwo."},
		{name: "utf8 bom", in: []byte("\xEF\xBB\xBFBERLIN, Nov 12 (dpa) - Text."), want: "BERLIN, Nov 12 (dpa) - Text.", place: "BERLIN"},
		{name: "utf16 with bom", in: utf16, want: "PARIS (AFP) - Bonjour.\nFin.", place: "PARIS"},
		{name: "surrounding space", in: []byte("\n\n   Body.  \n\n"), want: "Body."},
		{name: "tabs and form feed are text", in: []byte("A\tB\fC"), want: "A\tB\fC"},
		{name: "empty", in: nil, wantErr: ErrEmpty},
		{name: "white space only", in: []byte(" \r\n\t\n"), wantErr: ErrEmpty},
		{name: "bom only", in: []byte("\xEF\xBB\xBF\n"), wantErr: ErrEmpty},
		{name: "nul bytes in short text are binary", in: []byte("text\x00more"), wantErr: ErrBinary},
		{name: "a stray nul in a story is dropped", in: []byte(strings.Repeat("Words. ", 40) + "\x00" + "End.\x00"), want: strings.Repeat("Words. ", 40) + "End."},
		{name: "utf-16 without bom is binary", in: []byte("P\x00A\x00R\x00I\x00S\x00"), wantErr: ErrBinary},
		{name: "png header", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrBinary},
		{name: "mostly control", in: bytes.Repeat([]byte("\x01\x02a"), 50), wantErr: ErrBinary},
		{name: "latin-1", in: []byte("Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e"), want: "Café au lait, crème brûlée"},
		{name: "windows-1252 quotes and dashes", in: []byte("\x93Yes,\x94 he said \x96 twice \x85"), want: "“Yes,” he said – twice …"},
		{name: "utf-8 with a damaged byte keeps its letters", in: []byte("Caf\xc3\xa9 \xe9t\xc3\xa9 cr\xc3\xa8me"), want: "Café \uFFFDté crème"},
		{name: "truncated utf-8", in: []byte("Se\xc3"), want: "SeÃ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ReadText("in.txt", tt.in)
			if tt.wantErr != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.wantErr)
				var ce *Error
				require.True(t, errors.As(err, &ce))
				assert.Equal(t, "in.txt", ce.Source)
				assert.Contains(t, err.Error(), "in.txt: ")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.Text)
			assert.Empty(t, a.Title)
			assert.Equal(t, "in.txt", a.Source)
			assert.Equal(t, "h"+hash16(tt.want), a.ID)
			if tt.place == "" {
				assert.Nil(t, a.Dateline)
			} else if assert.NotNil(t, a.Dateline) {
				assert.Equal(t, tt.place, a.Dateline.Place)
			}
		})
	}
}

func TestReadTextTooLarge(t *testing.T) {
	_, err := ReadText("big.txt", bytes.Repeat([]byte("a"), MaxSize+1))
	require.ErrorIs(t, err, ErrTooLarge)
	assert.EqualError(t, err, "big.txt: too large: over the 32 MiB limit")
}

// TestIsBinaryCounts checks isBinary's byte table and rune count against
// the plain reading of its rule, a rune at a time, near the threshold of
// one control character in ten, in ASCII, UTF-8 and bytes that are not
// UTF-8 (each counted as one character).
func TestIsBinaryCounts(t *testing.T) {
	plain := func(s string) bool {
		nul := strings.Count(s, "\x00")
		if nul > 0 && nul*100 > len(s) {
			return true
		}
		ctrl, total := 0, 0
		for _, r := range s {
			total++
			if (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' && r != 0x1b) || r == 0x7f {
				ctrl++
			}
		}
		return total > 0 && ctrl*10 > total
	}
	pieces := []string{"a", "plain text ", "é", "’", "\x80", "\xff", "\xe2\x80", "\x01", "\x7f", "\x1b", "\n", "\u0085", "\x00", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	binary := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := plain(s)
		if want {
			binary++
		}
		require.Equal(t, want, isBinary(s), "%q", s)
	}
	assert.Greater(t, binary, 1000, "the cases reach both sides of the threshold")
	assert.Less(t, binary, 19000, "the cases reach both sides of the threshold")
}
