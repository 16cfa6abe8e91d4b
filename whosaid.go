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
type Speaker struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Mention *Mention `json:"mention,omitempty"`
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
