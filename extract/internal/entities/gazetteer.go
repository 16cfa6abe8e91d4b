package entities

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// The tables are generated from ../shared/data (see internal/gengaz) so the
// binary carries only names, codes and populations, never the sources.
//
//go:generate go run ../gengaz -shared ../../../../shared -out data

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/places.tsv
var placesTSV string

//go:embed data/words.tsv
var wordsTSV string

// Kinds of gazetteer phrase. A phrase found in the text is an atom that the
// chunk classifier reads as a whole.
const (
	gzOrg     = iota + 1 // a known organization
	gzCountry            // a country's name or short form
	gzDemonym            // a country's adjective or people
	gzPlace              // a city, state or region
	gzSkip               // a phrase that names no entity ("Chinese New Year")
)

// gazEntry is one phrase of the gazetteer: the tokens after the first, what
// it is and which country or organization it stands for.
type gazEntry struct {
	rest  []string
	kind  int
	codes []string // candidate countries, most populous first (gzCountry, gzDemonym, gzPlace)
	pops  []int    // population per code for places; -1 for a region
	admin string   // US state of the biggest candidate, for places
	name  string   // canonical name: the organization's full name or the place's name
}

// gazetteer holds every table of the entity stage, loaded once and read-only.
type gazetteer struct {
	// words holds, by word as written, the phrases the word opens and the
	// word lists it is in: one probe per token answers both (see
	// state.has). The phrases are kept apart, in lists, so that the
	// map's entries stay small: every capitalised token probes it.
	words       map[string]gzWord
	lists       [][]*gazEntry
	countryName map[string]string // ISO code → common name
	countryPop  map[string]int
	firstNames  map[string]bool
	nameWords   map[string]bool // the first and last words of people's names in CoNLL-2003 train
	lowerFirst  map[string]bool // first tokens of phrases that start in lower case
	// lowerFilter rules out most words before lowerFirst is probed, which
	// findAtoms does for every lower-case word of the text.
	lowerFilter *text.WordFilter
	common      map[string]bool // lower-case words of ordinary English
	// lexAnyCase is set when a word of the lists does not start with a
	// capital, so that has must ask the map for lower-case tokens too.
	lexAnyCase bool
}

// gzWord is what the gazetteer knows of a word as written.
type gzWord struct {
	list int32  // 1 + the index in lists of the phrases starting with the word, 0 if none
	lex  uint16 // the word lists (lx* bits) the word is in
}

// phrases returns the phrase entries starting with the word w describes,
// longest first.
func (g *gazetteer) phrases(w gzWord) []*gazEntry {
	if w.list == 0 {
		return nil
	}
	return g.lists[w.list-1]
}

// loadGazetteer parses the embedded tables. It fails only if the embedded
// data is corrupt, which a test catches before release.
func loadGazetteer() (*gazetteer, error) {
	// The maps are made at about the size the tables give them: grown
	// from nothing, they were most of the loading time, each growth
	// copying them into fresh memory, whose page faults cost more than
	// the copying.
	places, countries := strings.Count(placesTSV, "\n"), strings.Count(countriesTSV, "\n")
	firstNames := strings.Count(wordsTSV, "\nf\t") + len(placeFirstNames)
	// A first word per place and per form of a country (some ten a
	// country).
	phrases := places + 10*countries
	g := &gazetteer{
		words:       make(map[string]gzWord, phrases+firstNames),
		lists:       make([][]*gazEntry, 0, phrases),
		countryName: make(map[string]string, countries),
		countryPop:  make(map[string]int, countries),
		firstNames:  make(map[string]bool, firstNames),
		nameWords:   make(map[string]bool, strings.Count(wordsTSV, "\nn\t")),
		lowerFirst:  map[string]bool{},
		common:      make(map[string]bool, strings.Count(wordsTSV, "\nw\t")),
	}
	if err := g.loadCountries(); err != nil {
		return nil, err
	}
	if err := g.loadPlaces(); err != nil {
		return nil, err
	}
	g.loadWords()
	for _, o := range knownOrgs {
		names := strings.Split(o, "|")
		for _, n := range names {
			g.add(n, &gazEntry{kind: gzOrg, name: names[0]})
		}
	}
	for _, s := range skipPhrases {
		g.add(s, &gazEntry{kind: gzSkip})
	}
	for _, n := range placeFirstNames {
		g.firstNames[n] = true
	}
	// Longest phrases first, so the first match of a token is the longest.
	for k := range g.words {
		if r, _ := utf8.DecodeRuneInString(k); unicode.IsLower(r) {
			g.lowerFirst[k] = true
		}
	}
	for _, es := range g.lists {
		gzSortEntries(es)
	}
	g.lowerFilter = text.NewWordFilter(g.lowerFirst)
	for k, bits := range lexicon(g.firstNames, g.nameWords) {
		w := g.words[k]
		w.lex |= bits
		g.words[k] = w
		if r, _ := utf8.DecodeRuneInString(k); !unicode.IsLetter(r) || !unicode.IsUpper(r) {
			g.lexAnyCase = true
		}
	}
	return g, nil
}

// isLowerFirst reports whether w is the first token of a phrase that
// starts in lower case.
func (g *gazetteer) isLowerFirst(w string) bool {
	return g.lowerFilter.MayHold(w) && g.lowerFirst[w]
}

// gzSortEntries orders by length, longest first, keeping kinds in insertion
// order for equal lengths (organizations before countries before places).
func gzSortEntries(es []*gazEntry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && len(es[j].rest) > len(es[j-1].rest); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// add indexes a phrase under its first token. Phrases are split with the
// article tokenizer so they match tokens exactly.
func (g *gazetteer) add(phrase string, e *gazEntry) {
	var buf [64]text.Token // room for tokenize's first guess of a phrase's tokens
	toks := text.Tokenize(buf[:0], phrase)
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = phrase[t.Start:t.End]
	}
	e.rest = words[1:]
	w := g.words[words[0]]
	if w.list == 0 {
		g.lists = append(g.lists, nil)
		w.list = int32(len(g.lists))
		g.words[words[0]] = w
	}
	g.lists[w.list-1] = append(g.lists[w.list-1], e)
}

// loadCountries indexes every name and demonym of every country; a form
// shared by several countries keeps them all, most populous first, for the
// linker to choose by context.
func (g *gazetteer) loadCountries() error {
	type form struct {
		codes []string
		pops  []int
	}
	names := map[string]*form{}
	dems := map[string]*form{}
	var order []string
	for _, line := range strings.Split(countriesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			return fmt.Errorf("countries table: bad line %q", line)
		}
		code := cols[0]
		pop, err := strconv.Atoi(cols[2])
		if err != nil {
			return fmt.Errorf("countries table: population of %s: %w", code, err)
		}
		g.countryName[code] = cols[1]
		g.countryPop[code] = pop
		for i, m := range []map[string]*form{names, dems} {
			if cols[3+i] == "" {
				continue
			}
			for _, n := range strings.Split(cols[3+i], "|") {
				f := m[n]
				if f == nil {
					f = &form{}
					m[n] = f
					if i == 0 {
						order = append(order, n)
					}
				}
				f.codes = append(f.codes, code)
				f.pops = append(f.pops, pop)
			}
		}
	}
	addForms := func(m map[string]*form, kind int) {
		for n, f := range m {
			// Most populous first: "Congolese" is DR Congo's before the Republic's.
			for i := 1; i < len(f.codes); i++ {
				for j := i; j > 0 && f.pops[j] > f.pops[j-1]; j-- {
					f.codes[j], f.codes[j-1] = f.codes[j-1], f.codes[j]
					f.pops[j], f.pops[j-1] = f.pops[j-1], f.pops[j]
				}
			}
			g.add(n, &gazEntry{kind: kind, codes: f.codes, name: n})
		}
	}
	addForms(names, gzCountry)
	addForms(dems, gzDemonym)
	return nil
}

// loadPlaces indexes cities, states and regions; same-named places are one
// entry with several candidate countries.
func (g *gazetteer) loadPlaces() error {
	byName := make(map[string]*gazEntry, strings.Count(placesTSV, "\n"))
	var cols [4]string
	for line := range strings.SplitSeq(placesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if !cutColumns(line, cols[:]) {
			return fmt.Errorf("places table: bad line %q", line)
		}
		pop, err := strconv.Atoi(cols[2])
		if err != nil {
			return fmt.Errorf("places table: population of %s: %w", cols[0], err)
		}
		e := byName[cols[0]]
		if e == nil {
			e = &gazEntry{kind: gzPlace, name: cols[0], admin: cols[3]}
			byName[cols[0]] = e
			g.add(cols[0], e)
		}
		e.codes = append(e.codes, cols[1])
		e.pops = append(e.pops, pop)
	}
	return nil
}

// cutColumns splits line at tabs into cols and reports whether it has
// exactly len(cols) columns. Unlike strings.Split it allocates nothing: it
// reads ten thousand lines at every start.
func cutColumns(line string, cols []string) bool {
	last := len(cols) - 1
	for i := range cols[:last] {
		var ok bool
		if cols[i], line, ok = strings.Cut(line, "\t"); !ok {
			return false
		}
	}
	cols[last] = line
	return !strings.Contains(line, "\t")
}

// loadWords reads the first-name and common-word lists counted in CoNLL.
func (g *gazetteer) loadWords() {
	for line := range strings.SplitSeq(wordsTSV, "\n") {
		if len(line) < 3 || line[0] == '#' {
			continue
		}
		switch line[0] {
		case 'f':
			g.firstNames[line[2:]] = true
		case 'w':
			g.common[line[2:]] = true
		case 'n':
			g.nameWords[line[2:]] = true
		}
	}
}

// placeFirstNames are first names that are also countries, cities or states:
// "Chad Whitmore" and "Georgia Mays" are people.
var placeFirstNames = []string{
	"Chad", "Jordan", "Georgia", "Paris", "Israel", "India", "Kenya", "Sydney", "Austin",
	"Florence", "Victoria", "Charlotte", "Madison", "Savannah", "Dallas", "Houston", "Denver",
	"Lincoln", "Brooklyn", "Phoenix", "Orlando", "Aurora", "Chelsea", "Adelaide", "Regina",
	"Eugene", "Tyler", "Troy", "Marion", "Carmen", "Lourdes", "Alexandria", "Luxembourg",
	"Virginia", "Carolina", "Dakota", "Montana", "Nevada", "Asia", "Africa", "America", "Cuba",
	"Jamaica", "Kuwait", "Salvador", "Santiago", "Sofia", "Valencia", "Lima", "Beverly",
}

// knownOrgs are organizations news names so often that a list beats any
// rule: acronyms that are also words, names without a keyword ("Islamic
// State", "Reuters"). The first form is the full name; aliases follow "|".
var knownOrgs = []string{
	"North Atlantic Treaty Organization|NATO", "United Nations|UN|U.N.", "European Union|EU|E.U.",
	"European Commission", "European Parliament", "European Central Bank|ECB", "European Council",
	"World Health Organization|WHO", "World Bank", "International Monetary Fund|IMF",
	"World Trade Organization|WTO", "Organization of the Petroleum Exporting Countries|OPEC", "OPEC+",
	"Economic Community of West African States|ECOWAS", "African Union", "Association of Southeast Asian Nations|ASEAN",
	"Group of Seven|G7|G-7", "Group of 20|G20|G-20", "State Department", "Pentagon", "White House",
	"Federal Reserve|Fed", "Bank of England", "Bank of Japan", "Islamic State|ISIS|ISIL", "Al-Qaeda|al-Qaeda|Al Qaeda|al Qaeda",
	"Taliban", "Hamas", "Hezbollah", "Boko Haram", "Muslim Brotherhood", "Reuters", "Associated Press|AP",
	"Agence France-Presse|AFP", "Bloomberg", "dpa", "Xinhua", "Kyodo", "Yonhap", "Interfax", "TASS", "BBC", "CNN",
	"Congress", "Senate", "House of Representatives", "Parliament", "Bundestag", "Bundesrat", "Duma", "Knesset",
	"Supreme Court", "FBI", "CIA", "NASA", "Red Cross", "International Committee of the Red Cross|ICRC",
	"Amnesty International", "Human Rights Watch", "Greenpeace", "Doctors Without Borders|MSF", "UNICEF",
	"UNHCR", "UNESCO", "World Food Programme|WFP", "Global Fund to Fight AIDS, Tuberculosis and Malaria|Global Fund",
	"International Atomic Energy Agency|IAEA", "International Energy Agency|IEA",
	"Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development|OECD",
	"Joint Chiefs of Staff", "Security Council", "WTA", "ATP", "FIFA", "UEFA", "International Olympic Committee|IOC",
	"Kremlin", "Downing Street", "Wall Street Journal", "New York Times", "Washington Post", "Financial Times",
	"Paris Saint-Germain", "Real Madrid", "Manchester United", "Goldman Sachs", "Morgan Stanley", "JPMorgan",
}

// skipPhrases name no entity although they hold a demonym or country:
// holidays, languages as such.
var skipPhrases = []string{
	"Chinese New Year", "Lunar New Year", "New Year", "Christmas", "Easter", "Ramadan",
	"Arabic", "English", "Mandarin",
}
