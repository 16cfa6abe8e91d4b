// Package whosaid holds the domain types shared by the corpus readers, the
// extractor and the store. It imports nothing of ours, so every other package
// can depend on it without depending on each other.
package whosaid

// Article is one news story as read from a source. Text is the body as plain
// text with paragraphs separated by "\n"; every offset in Findings is a byte
// offset into it.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Byline    string    `json:"byline,omitempty"`
	Published string    `json:"published,omitempty"` // YYYY-MM-DD, empty when unknown
	Outlet    string    `json:"outlet,omitempty"`    // site or publisher name, when known
	Section   string    `json:"section,omitempty"`   // the outlet's section ("World", "Business"), when known
	Dateline  *Dateline `json:"dateline,omitempty"`
	Text      string    `json:"text"`
	// Source names where the article was read from (a file path, a path with a
	// line number, a URL). It is for error messages and provenance only.
	Source string `json:"source,omitempty"`
}

// Dateline is the "WASHINGTON (Reuters) -" opening of a wire story.
type Dateline struct {
	Place  string `json:"place,omitempty"`
	Agency string `json:"agency,omitempty"`
	Date   string `json:"date,omitempty"` // as written ("March 3"), when present
	End    int    `json:"-"`              // byte offset in Text where the story proper starts
}

// Entity types.
const (
	Person   = "PERSON"
	Org      = "ORG"
	Country  = "COUNTRY"
	Location = "LOCATION"
)

// Mention is a stretch of Article.Text; End is exclusive.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a person, organization, country or place named in one article,
// with every mention of it. Name is canonical within the article: for a person
// the fullest form used. Code is the ISO 3166-1 alpha-2 code of a country, or
// of the country a location lies in.
type Entity struct {
	Type     string    `json:"type"`
	Name     string    `json:"name"`
	Code     string    `json:"code,omitempty"`
	Titles   []string  `json:"titles,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Date is a calendar expression with its TIMEX3 value ("2017-03-31",
// "2017-W12", "PAST_REF", "XXXX-03-31").
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

// Amount kinds.
const (
	Money   = "money"
	Percent = "percent"
)

// Amount is a sum of money or a percentage. Unit is an ISO 4217 code for
// money, "%" for percent and "pp" for percentage points. Of is the base ("gross
// domestic product") when the text names one. Target marks goals, thresholds,
// pledges, caps and demands; Deadline and Holder say by when and whose, where
// the text says.
type Amount struct {
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Kind     string  `json:"kind"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Of       string  `json:"of,omitempty"`
	Target   bool    `json:"target"`
	Deadline string  `json:"deadline,omitempty"`
	Holder   string  `json:"holder,omitempty"`
}

// Speaker kinds.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
	KindAnonymous    = "anonymous"
	KindUnknown      = "unknown"
)

// Speaker is who a quote or claim is attributed to. For an anonymous source
// Name is its descriptor ("State Department official"); for an unknown one it
// is empty. Mention is the stretch of text naming the speaker for this
// attribution, when there is one.
//
// Gender, Surname and Forms are what the extractor reads from a named
// person's names, so that the store links people across articles without
// parsing names; they are empty for every other speaker. They are not in
// the extract JSON: they follow from Name, Mention and the titles of the
// person's entity, which are.
type Speaker struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Mention *Mention `json:"mention,omitempty"`
	// Gender is "m" or "f" when an honorific says so ("Mr.", "Mrs.", "Sir",
	// "Dame"…): the one opening Mention, else the first opening a title of
	// the person; "" when none does. It keeps Mrs. Smith from Mr. Smith.
	Gender string `json:"-"`
	// Surname is the last word of Name, passing over suffixes ("Martin
	// Luther King Jr." is a King) and a possessive "'s". It links a later
	// "King" alone to the one King known.
	Surname string `json:"-"`
	// Forms is the same reading of the other forms of the name, which the
	// store keeps as aliases.
	Forms NameForms `json:"-"`
}

// NameForms is what the extractor reads from the forms of a person
// speaker's name other than Name itself, which the store keeps as aliases:
// the mention ("Mrs. Clinton", "Secretary of State Rex Tillerson"), and a
// name after each of the person's titles. A gender is "m", "f" or "", read
// from an opening honorific as Speaker.Gender is.
type NameForms struct {
	// NameGender is the gender of an honorific opening Name itself ("Mrs.
	// Clinton" as a name, when the article gives no other).
	NameGender string
	// MentionGender and MentionSurname are Mention's text read as a name:
	// the store names a person by the mention when Name belongs to someone
	// of the other gender ("Mrs. Smith" when Smith is Mr. Smith).
	MentionGender  string
	MentionSurname string
	// MentionAlias reports that Mention's text holds Surname (case aside):
	// it names the person ("Mrs. Smith"), unlike "he" or "the minister".
	MentionAlias bool
	// TitleGenders holds, for each title of the person, in order, the gender
	// of an honorific opening it ("Mr." is "m", "President" ""). The titles
	// are those of the first PERSON entity whose name is Name (case aside).
	TitleGenders []string
}

// Quote kinds.
const (
	FullQuote    = "full"
	PartialQuote = "partial"
)

// Quote is the text between a pair of quotation marks that is reported
// speech. Start and End delimit Text (the marks themselves excluded).
type Quote struct {
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Kind     string  `json:"kind"`
	Cue      string  `json:"cue,omitempty"`
	Speaker  Speaker `json:"speaker"`
	Sentence string  `json:"sentence,omitempty"` // the sentence the quote sits in, for context
}

// Claim is reported speech without quotation marks (or wider than them): the
// content clause of "X said (that) …", "…, X said" or "according to X, …".
type Claim struct {
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Cue      string  `json:"cue,omitempty"`
	Speaker  Speaker `json:"speaker"`
	Sentence string  `json:"sentence,omitempty"`
}

// Findings is everything extracted from one article: the `extract` JSON of
// CONTRACT.md.
type Findings struct {
	Article  Article  `json:"article"`
	Entities []Entity `json:"entities"`
	Dates    []Date   `json:"dates"`
	Amounts  []Amount `json:"amounts"`
	Quotes   []Quote  `json:"quotes"`
	Claims   []Claim  `json:"claims"`
}
