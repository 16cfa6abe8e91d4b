package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid"
)

func TestReadSpeakerName(t *testing.T) {
	person := func(name, mention string) whosaid.Speaker {
		s := whosaid.Speaker{Name: name, Kind: whosaid.KindPerson}
		if mention != "" {
			s.Mention = &whosaid.Mention{Text: mention}
		}
		return s
	}
	for _, tt := range []struct {
		name    string
		speaker whosaid.Speaker
		titles  []string // of the person's entity
		want    whosaid.Speaker
	}{
		{"plain name", person("Rex Tillerson", "Rex Tillerson"), []string{"U.S. Secretary of State"},
			whosaid.Speaker{Surname: "Tillerson", Forms: whosaid.NameForms{MentionSurname: "Tillerson",
				MentionAlias: true, TitleGenders: []string{""}}}},
		{"honorific in the mention", person("Smith", "Mrs. Smith"), nil,
			whosaid.Speaker{Gender: "f", Surname: "Smith", Forms: whosaid.NameForms{MentionGender: "f",
				MentionSurname: "Smith", MentionAlias: true}}},
		{"honorific among the titles, without its stop", person("Nigel Farage", "Nigel Farage"), []string{"UK Independence Party leader", "Mr"},
			whosaid.Speaker{Gender: "m", Surname: "Farage", Forms: whosaid.NameForms{MentionSurname: "Farage",
				MentionAlias: true, TitleGenders: []string{"", "m"}}}},
		{"the mention's honorific before the titles'", person("Hillary Clinton", "Mrs. Clinton"), []string{"Mr.", "President"},
			whosaid.Speaker{Gender: "f", Surname: "Clinton", Forms: whosaid.NameForms{MentionGender: "f",
				MentionSurname: "Clinton", MentionAlias: true, TitleGenders: []string{"m", ""}}}},
		{"a pronoun is no alias", person("Hillary Clinton", "she"), []string{"Mrs."},
			whosaid.Speaker{Gender: "f", Surname: "Clinton", Forms: whosaid.NameForms{MentionSurname: "she",
				TitleGenders: []string{"f"}}}},
		{"an honorific as the name", person("Mrs. Clinton", " Mrs. Clinton "), nil,
			whosaid.Speaker{Gender: "f", Surname: "Clinton", Forms: whosaid.NameForms{NameGender: "f", MentionGender: "f",
				MentionSurname: "Clinton", MentionAlias: true}}},
		{"suffixes are passed over", person("Martin Luther King Jr.", "King"), nil,
			whosaid.Speaker{Surname: "King", Forms: whosaid.NameForms{MentionSurname: "King", MentionAlias: true}}},
		{"a possessive is no part of the surname", person("Editor’s", "Editor’s"), nil,
			whosaid.Speaker{Surname: "Editor", Forms: whosaid.NameForms{MentionSurname: "Editor", MentionAlias: true}}},
		{"case aside, the mention holds the surname", person("Rex Tillerson", "SECRETARY TILLERSON"), nil,
			whosaid.Speaker{Surname: "Tillerson", Forms: whosaid.NameForms{MentionSurname: "TILLERSON", MentionAlias: true}}},
		{"an honorific must open the mention", person("Smith", "Mrs.Smith"), nil,
			whosaid.Speaker{Surname: "Smith", Forms: whosaid.NameForms{MentionSurname: "Mrs.Smith", MentionAlias: true}}},
		{"no mention", person("Jim Mattis", ""), []string{"Defense Secretary"},
			whosaid.Speaker{Surname: "Mattis", Forms: whosaid.NameForms{TitleGenders: []string{""}}}},
		{"an organization is not read", whosaid.Speaker{Name: "Mr Price", Kind: whosaid.KindOrganization}, nil, whosaid.Speaker{}},
		{"an unnamed person is not read", whosaid.Speaker{Kind: whosaid.KindPerson, Mention: &whosaid.Mention{Text: "Mr."}}, nil, whosaid.Speaker{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.speaker
			es := []whosaid.Entity{
				{Type: whosaid.Org, Name: s.Name, Titles: []string{"Lady"}}, // not a person: its titles are not theirs
				{Type: whosaid.Person, Name: s.Name, Titles: tt.titles},
				{Type: whosaid.Person, Name: s.Name, Titles: []string{"Sir"}}, // the first person of the name is
			}
			readSpeakerName(&s, es)
			want := tt.speaker
			want.Gender, want.Surname, want.Forms = tt.want.Gender, tt.want.Surname, tt.want.Forms
			assert.Equal(t, want, s)
		})
	}
}

// Every quote and claim speaker is read.
func TestReadSpeakerNamesReadsQuotesAndClaims(t *testing.T) {
	sp := whosaid.Speaker{Name: "Rex Tillerson", Kind: whosaid.KindPerson}
	f := whosaid.Findings{Quotes: []whosaid.Quote{{Speaker: sp}}, Claims: []whosaid.Claim{{Speaker: sp}, {Speaker: sp}}}
	readSpeakerNames(&f)
	assert.Equal(t, "Tillerson", f.Quotes[0].Speaker.Surname)
	assert.Equal(t, "Tillerson", f.Claims[0].Speaker.Surname)
	assert.Equal(t, "Tillerson", f.Claims[1].Speaker.Surname)
}
