package link

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid"
)

// memStore answers Store from maps, as a backend would from its tables:
// the rules under test are the Linker's, and the backends' own look-ups are
// tested against real databases in store and store/postgres.
type memStore struct {
	names    map[string]int64 // lower-cased person name → id
	surnames map[int64]string
	aliases  map[string]map[int64]string // lower-cased alias → id → gender
}

func newMemStore() *memStore {
	return &memStore{names: map[string]int64{}, surnames: map[int64]string{}, aliases: map[string]map[int64]string{}}
}

func (m *memStore) SpeakerID(_ context.Context, kind, name string) (int64, bool, error) {
	id, ok := m.names[strings.ToLower(name)]
	return id, ok && kind == whosaid.KindPerson, nil
}

func (m *memStore) AliasIDs(_ context.Context, alias string) ([]int64, error) {
	var ids []int64
	for id := range m.aliases[strings.ToLower(alias)] {
		ids = append(ids, id)
	}
	return ids, nil
}

func (m *memStore) Surnames(_ context.Context, surname string) ([]Candidate, error) {
	var cs []Candidate
	for name, id := range m.names {
		if strings.EqualFold(m.surnames[id], surname) {
			cs = append(cs, Candidate{id, name})
		}
	}
	return cs, nil
}

func (m *memStore) Gender(_ context.Context, id int64) (string, error) {
	g := ""
	for _, byID := range m.aliases {
		switch a := byID[id]; {
		case a == "":
		case g == "":
			g = a
		case g != a:
			return "", nil // the honorifics disagree
		}
	}
	return g, nil
}

func (m *memStore) AddPerson(_ context.Context, name, surname string) (int64, error) {
	id := int64(len(m.names) + 1)
	m.names[strings.ToLower(name)] = id
	m.surnames[id] = surname
	return id, nil
}

func (m *memStore) Rename(_ context.Context, id int64, old, name, surname string) error {
	delete(m.names, strings.ToLower(old))
	m.names[strings.ToLower(name)] = id
	m.surnames[id] = surname
	return nil
}

func (m *memStore) AddAlias(_ context.Context, id int64, alias, gender string) error {
	k := strings.ToLower(alias)
	if m.aliases[k] == nil {
		m.aliases[k] = map[int64]string{}
	}
	if _, ok := m.aliases[k][id]; !ok {
		m.aliases[k][id] = gender
	}
	return nil
}

// person is a person speaker as the extractor reads one: name, surname,
// the honorific's gender and the mention it was quoted under.
func person(name, surname, gender, mention string) whosaid.Speaker {
	s := whosaid.Speaker{Name: name, Kind: whosaid.KindPerson, Surname: surname, Gender: gender}
	if mention != "" {
		s.Mention = &whosaid.Mention{Text: mention}
		s.Forms = whosaid.NameForms{MentionGender: gender, MentionSurname: surname,
			MentionAlias: strings.Contains(strings.ToLower(mention), strings.ToLower(surname))}
	}
	return s
}

func TestLinkerRules(t *testing.T) {
	ctx := context.Background()
	st := newMemStore()
	var l Linker
	link := func(s whosaid.Speaker, titles ...string) int64 {
		t.Helper()
		id, err := l.Person(ctx, st, s, titles)
		require.NoError(t, err)
		return id
	}

	tillerson := link(person("Rex Tillerson", "Tillerson", "", "Rex Tillerson"), "Secretary of State")
	assert.Equal(t, tillerson, link(person("rex tillerson", "Tillerson", "", "")), "the same name, case aside")
	assert.Equal(t, tillerson, link(person("Secretary of State Rex Tillerson", "Tillerson", "", "")), "a titled alias")
	assert.Equal(t, tillerson, link(person("Tillerson", "Tillerson", "", "")), "the one person of a surname")

	// A person known by surname alone takes the full name when it comes.
	kent := link(person("Kent", "Kent", "", ""))
	assert.Equal(t, kent, link(person("Clark Kent", "Kent", "", "")))
	assert.Equal(t, kent, st.names["clark kent"], "renamed")

	// "Jane Smith" is not "John Smith", and "Smith" alone is then neither.
	john := link(person("John Smith", "Smith", "m", "Mr. John Smith"))
	jane := link(person("Jane Smith", "Smith", "f", "Jane Smith"))
	assert.NotEqual(t, john, jane)
	smith := link(person("Smith", "Smith", "", ""))
	assert.NotEqual(t, john, smith, "a surname two people share links to neither")
	assert.NotEqual(t, jane, smith, "a surname two people share links to neither")

	// Mrs. Brown is not Mr. Brown: she is stored as her mention reads.
	mr := link(person("Brown", "Brown", "m", "Mr. Brown"))
	mrs := link(person("Brown", "Brown", "f", "Mrs. Brown"))
	assert.NotEqual(t, mr, mrs)
	assert.Equal(t, mrs, st.names["mrs. brown"])
	assert.Equal(t, mr, link(person("Brown", "Brown", "m", "Mr. Brown")), "and Mr. Brown is still himself")
}
