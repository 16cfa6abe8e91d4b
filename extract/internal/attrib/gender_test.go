package attrib_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/text"
)

func TestGendersRoundTrip(t *testing.T) {
	g := attrib.Genders{"mary": 'f', "john": 'm'}
	cs := []attrib.GenderCount{{Name: "john", He: 9, She: 1}, {Name: "mary", She: 4, Mrs: 2}, {Name: "sam", He: 2, She: 2}}
	var buf bytes.Buffer
	require.NoError(t, attrib.WriteGenders(&buf, g, cs))
	assert.Equal(t, "# given name, gender, he/his/him after it, she/her/hers after it, Mr. before it, Mrs./Ms./Miss before it\n"+
		"john\tm\t9\t1\t0\t0\nmary\tf\t0\t4\t0\t2\n", buf.String())
	back, err := attrib.ReadGenders(&buf)
	require.NoError(t, err)
	assert.Equal(t, g, back)
	_, err = attrib.ReadGenders(strings.NewReader("sam\tx\n"))
	assert.Error(t, err)
}

func TestGivenName(t *testing.T) {
	for name, want := range map[string]string{
		"Mary Smith":       "mary",
		"Jean-Luc Picard":  "jean-luc",
		"Smith":            "",
		"J. Edgar Hoover":  "",
		"Mr. Smith":        "",
		"Mrs Smith":        "",
		"de Gaulle":        "",
		"3M Company":       "",
		"  Bernie Sanders": "bernie",
	} {
		assert.Equal(t, want, attrib.GivenName(name), name)
	}
}

func TestHonorificBefore(t *testing.T) {
	d := text.NewDoc("He met Mr. Smith, Mrs Jones and Ms. Lee. Dr. Brown left.")
	at := func(w string) int {
		for k := range d.Tokens {
			if d.Tok(k) == w {
				return k
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	assert.Equal(t, byte('m'), attrib.HonorificBefore(d, at("Smith")))
	assert.Equal(t, byte('f'), attrib.HonorificBefore(d, at("Jones")))
	assert.Equal(t, byte('f'), attrib.HonorificBefore(d, at("Lee")))
	assert.Equal(t, byte(0), attrib.HonorificBefore(d, at("Brown")))
	assert.Equal(t, byte(0), attrib.HonorificBefore(d, 0))
}

// mentions makes a person entity of each name, mentioned where its text
// first occurs in txt and again at each later occurrence of its surname.
func mentions(txt string, names ...string) []whosaid.Entity {
	var es []whosaid.Entity
	for _, n := range names {
		e := whosaid.Entity{Type: whosaid.Person, Name: n}
		s := strings.Index(txt, n)
		e.Mentions = append(e.Mentions, whosaid.Mention{Text: n, Start: s, End: s + len(n)})
		sur := text.Surname(n)
		for off := s + len(n); ; {
			i := strings.Index(txt[off:], sur)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, whosaid.Mention{Text: sur, Start: off + i, End: off + i + len(sur)})
			off += i + len(sur)
		}
		es = append(es, e)
	}
	return es
}

func TestResolvePassesOverTheOtherGender(t *testing.T) {
	txt := "Mary Smith met John Brown on Friday. Brown left early.\n\nLater she spoke, and he said nothing."
	d := text.NewDoc(txt)
	ents := mentions(txt, "Mary Smith", "John Brown")
	g := attrib.Genders{"mary": 'f', "john": 'm'}
	k := 0
	for d.Tok(k) != "she" {
		k++
	}
	assert.Equal(t, "Mary Smith", attrib.Resolve(d, ents, g, k, 'f'), "she is Mary, named before John")
	assert.Equal(t, "John Brown", attrib.Resolve(d, ents, g, k, 'm'))
	assert.Equal(t, "John Brown", attrib.Resolve(d, ents, g, k, 0), "no gender: the last named")
	assert.Equal(t, "John Brown", attrib.Resolve(d, ents, nil, k, 'f'), "no table: no gender known")
	// An honorific gives the gender where the table has none.
	txt = "Mrs. Smith met Mr. Brown. She left."
	ents = mentions(txt, "Smith", "Brown")
	d = text.NewDoc(txt)
	assert.Equal(t, "Smith", attrib.Resolve(d, ents, nil, len(d.Tokens)-3, 'f'))
}
