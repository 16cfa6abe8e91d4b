package extract

import (
	"strings"

	"github.com/whosaid/whosaid"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// readSpeakerNames fills, for every named person speaker of f's quotes and
// claims, what the store needs to link the person across articles: the
// gender honorifics give, the surname, and the same of the other forms of
// the name the store keeps (whosaid.Speaker's Gender, Surname and Forms).
// The store parses no names; this is where they are read.
func readSpeakerNames(f *whosaid.Findings) {
	for i := range f.Quotes {
		readSpeakerName(&f.Quotes[i].Speaker, f.Entities)
	}
	for i := range f.Claims {
		readSpeakerName(&f.Claims[i].Speaker, f.Entities)
	}
}

// readSpeakerName fills s's name fields when s is a named person. Name and
// mention are read trimmed, as the store keeps them; the titles are those
// of the first person entity of s's name, whose titled forms the store
// keeps.
func readSpeakerName(s *whosaid.Speaker, es []whosaid.Entity) {
	if s.Kind != whosaid.KindPerson || s.Name == "" {
		return
	}
	name := strings.TrimSpace(s.Name)
	mention := ""
	if s.Mention != nil {
		mention = strings.TrimSpace(s.Mention.Text)
	}
	s.Surname = text.Surname(name)
	s.Forms = whosaid.NameForms{
		NameGender:     openingGender(name),
		MentionGender:  openingGender(mention),
		MentionSurname: text.Surname(mention),
		MentionAlias:   mention != "" && strings.Contains(strings.ToLower(mention), strings.ToLower(s.Surname)),
	}
	s.Gender = s.Forms.MentionGender
	for _, e := range es {
		if e.Type != whosaid.Person || !strings.EqualFold(e.Name, s.Name) {
			continue
		}
		if len(e.Titles) > 0 {
			s.Forms.TitleGenders = make([]string, len(e.Titles))
		}
		for k, t := range e.Titles {
			g := openingGender(t)
			s.Forms.TitleGenders[k] = g
			if s.Gender == "" {
				s.Gender = g
			}
		}
		break
	}
}

// openingGender reads "m" or "f" from an honorific opening s, its first
// word up to a space ("Mrs. Smith", "Mr"), "" when there is none. A
// titled form of a name ("Mr. John Smith") reads as its title does.
func openingGender(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return text.HonorificGender(w)
}
