package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of Doc.Text in byte offsets, End exclusive.
type Span struct{ Start, End int }

// Token is one word, number or punctuation mark.
type Token struct {
	Start, End int
}

// Doc is an article being worked on by the extraction stages. Text is the
// article body; the stages read Tokens, Sentences and Paragraphs and add
// their findings.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Span
	Paragraphs []Span
}

// NewDoc splits text into paragraphs, sentences and tokens.
func NewDoc(text string) *Doc {
	d := &Doc{}
	d.Split(text)
	return d
}

// split makes d the document of text, reusing the arrays of the document d
// held before: Extract keeps its Docs between articles, as nothing it
// returns points into them.
func (d *Doc) Split(text string) {
	d.Text = text
	d.Paragraphs = appendParagraphs(d.Paragraphs[:0], text)
	d.Sentences = d.Sentences[:0]
	for _, p := range d.Paragraphs {
		d.Sentences = appendSentences(d.Sentences, text, p)
	}
	d.Tokens = Tokenize(d.Tokens[:0], text)
}

// Tok returns the text of token i.
func (d *Doc) Tok(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// SentenceAt returns the index of the sentence holding byte offset off, or -1.
func (d *Doc) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// ParagraphAt returns the index of the paragraph holding byte offset off, or -1.
// It is a binary search, like SentenceAt: the attribution passes call it per
// quote and per cue, and a linear scan made a long text quadratic.
func (d *Doc) ParagraphAt(off int) int {
	lo, hi := 0, len(d.Paragraphs)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Paragraphs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Paragraphs) && d.Paragraphs[lo].Start <= off {
		return lo
	}
	return -1
}

// appendParagraphs appends the paragraphs of text to out: it splits on
// newlines, trimming blank space; empty paragraphs are dropped.
func appendParagraphs(out []Span, text string) []Span {
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := TrimSpan(text, start, end)
		if s < e {
			out = append(out, Span{s, e})
		}
		start = end + 1
	}
	return out
}

func TrimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// nonFinal are abbreviations after which a full stop does not end a sentence.
var nonFinal = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "maj": true,
	"adm": true, "cmdr": true, "st": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"v": true, "etc": false, "jr": true, "sr": true, "mt": true, "ft": true, "approx": true,
	"e.g": true, "i.e": true, "a.m": false, "p.m": false, "corp": false, "inc": false, "co": false,
}

// sentenceStarters are words that, capitalised after an abbreviation such as
// "U.S.", almost always begin a new sentence.
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "And": true, "In": true, "A": true, "An": true, "This": true, "That": true,
	"His": true, "Her": true, "Their": true, "Its": true, "There": true, "On": true, "At": true,
	"If": true, "As": true, "So": true, "Yet": true, "Still": true, "However": true, "Asked": true,
}

// appendSentences splits paragraph p of text into sentences.
func appendSentences(out []Span, text string, p Span) []Span {
	start := p.Start
	i := p.Start
	// The scan jumps from terminator to terminator: a full stop is found by
	// the fast byte search, and the next '!' and '?', rare, are found once
	// and kept until passed.
	bang, ques := -1, -1
	for i < p.End {
		if bang < i {
			bang = indexFrom(text, i, p.End, '!')
		}
		if ques < i {
			ques = indexFrom(text, i, p.End, '?')
		}
		i = min(indexFrom(text, i, min(bang, ques), '.'), bang, ques)
		if i >= p.End {
			break
		}
		c := text[i]
		j := i + 1
		// Run of terminators and closing marks: `?!`, `."`, `.”`, `.)`.
		for j < p.End {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == '»' {
				j += n
				continue
			}
			break
		}
		if j >= p.End {
			break
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(r) {
			i = j
			continue
		}
		k := j
		for k < p.End {
			r, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || IsOpenQuote(next)) {
			i = j
			continue
		}
		if c == '.' && j == i+1 && !endsSentence(text, start, i, k) {
			i = j
			continue
		}
		out = append(out, Span{start, j})
		start = k
		i = k
	}
	if s, e := TrimSpan(text, start, p.End); s < e {
		out = append(out, Span{s, e})
	}
	return out
}

// indexFrom returns the index of the first byte c in text[i:end], or end.
func indexFrom(text string, i, end int, c byte) int {
	if k := strings.IndexByte(text[i:end], c); k >= 0 {
		return i + k
	}
	return end
}

// endsSentence reports whether the full stop at dot ends a sentence, looking
// at the word before it and the word starting at next.
func endsSentence(text string, sentStart, dot, next int) bool {
	w := dot
	for w > sentStart {
		r, n := utf8.DecodeLastRuneInString(text[:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		w -= n
	}
	word := text[w:dot]
	var buf [32]byte
	if v, ok := nonFinal[string(AppendLower(buf[:0], word))]; ok {
		return !v
	}
	// Initials and dotted abbreviations: "J.", "U.S.", "U.N.".
	letters := strings.ReplaceAll(word, ".", "")
	if len(letters) == 1 && unicode.IsUpper(rune(letters[0])) {
		return false
	}
	if strings.Contains(word, ".") && len(letters) <= 4 && strings.ToUpper(letters) == letters {
		e := next
		for e < len(text) && (unicode.IsLetter(rune(text[e]))) {
			e++
		}
		return sentenceStarters[text[next:e]]
	}
	return true
}

// IsQuoteMark reports whether r is one of the quotation marks whosaid
// reads, of every family.
func IsQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›':
		return true
	}
	return false
}

func IsOpenQuote(r rune) bool {
	switch r {
	case '"', '“', '‘', '\'', '«', '„', '(':
		return true
	}
	return false
}

// tokenize appends the tokens of text: runs of letters and digits (with inner
// apostrophes, hyphens, full stops in abbreviations and separators in
// numbers kept), and single punctuation marks. ASCII, nearly all of a news
// text, is classified by table, not by the unicode package, and out is
// grown once to about the size English text needs.
func Tokenize(out []Token, text string) []Token {
	out = slices.Grow(out, len(text)/5+16)
	i := 0
	for i < len(text) {
		// ASCII spaces and marks, most of what is not a word, are told by
		// the table alone.
		if c := text[i]; c < utf8.RuneSelf && asciiClass[c] != classWord {
			if asciiClass[c] != classSpace {
				out = append(out, Token{i, i + 1})
			}
			i++
			continue
		}
		r, n := RuneAt(text, i)
		if IsSpace(r) {
			i += n
			continue
		}
		if !IsWordRune(r) {
			out = append(out, Token{i, i + n})
			i += n
			continue
		}
		s := i
		i += n
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf && asciiClass[c] == classWord {
				i++ // the common case, kept tight
				continue
			}
			if c < utf8.RuneSelf && asciiClass[c] == classSpace {
				break // the next common case: a space ends the word
			}
			r, n := RuneAt(text, i)
			if IsWordRune(r) {
				i += n
				continue
			}
			// Inner joiners: don't, O’Malley, well-known, 1,000.5, U.S.
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == ',') && i+n < len(text) {
				r2, _ := RuneAt(text, i+n)
				if IsWordRune(r2) && (r != ',' || unicode.IsDigit(r2) && unicode.IsDigit(lastRune(text[s:i]))) &&
					(r != '.' || unicode.IsDigit(r2) || isAbbrevDot(text[s:i])) {
					i += n
					continue
				}
			}
			// Trailing full stop of an abbreviation: U.S.
			if r == '.' && strings.IndexByte(text[s:i], '.') >= 0 && isAbbrevDot(text[s:i]) {
				i += n
			}
			break
		}
		out = append(out, Token{s, i})
	}
	return out
}

// RuneAt decodes the rune at byte i of text, without a call for ASCII.
func RuneAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isAbbrevDot reports whether s looks like the start of a dotted abbreviation
// ("U", "U.S"): single letters between dots.
func isAbbrevDot(s string) bool {
	for {
		part, rest, more := strings.Cut(s, ".")
		r, n := utf8.DecodeRuneInString(part)
		if n == 0 || n != len(part) || !unicode.IsLetter(r) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// asciiClass classifies the ASCII characters for the tokenizer.
var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			c[r] = classWord
		case unicode.IsSpace(r):
			c[r] = classSpace
		}
	}
	return c
}()

const (
	classWord  = 1
	classSpace = 2
)

func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiClass[r] == classWord
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsSpace is unicode.IsSpace with a table for ASCII.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiClass[r] == classSpace
	}
	return unicode.IsSpace(r)
}
