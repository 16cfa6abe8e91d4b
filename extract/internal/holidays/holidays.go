package holidays

import (
	"sort"
	"strings"
	"time"
)

// rule kinds.
const (
	fixed      = iota // month m, day d
	easter            // Easter Sunday + d days (Gregorian computus)
	orthodox          // Orthodox Easter Sunday + d days, as a Gregorian date
	nthWeekday        // the n-th weekday w of month m (n = -1: the last), + d days
	hebrew            // Rosh Hashanah of the Hebrew year that starts in the year, + d days; passover-relative when m = 4
	table             // from the generated tables
)

// rule says how to find a holiday's date in a year.
type rule struct {
	kind int
	m    time.Month
	d    int
	n    int
	w    time.Weekday
}

// rules maps each holiday key to its rule.
var rules = map[string]rule{
	"new-years-day":         {kind: fixed, m: time.January, d: 1},
	"epiphany":              {kind: fixed, m: time.January, d: 6},
	"australia-day":         {kind: fixed, m: time.January, d: 26},
	"valentines-day":        {kind: fixed, m: time.February, d: 14},
	"womens-day":            {kind: fixed, m: time.March, d: 8},
	"st-patricks-day":       {kind: fixed, m: time.March, d: 17},
	"april-fools-day":       {kind: fixed, m: time.April, d: 1},
	"earth-day":             {kind: fixed, m: time.April, d: 22},
	"may-day":               {kind: fixed, m: time.May, d: 1},
	"cinco-de-mayo":         {kind: fixed, m: time.May, d: 5},
	"juneteenth":            {kind: fixed, m: time.June, d: 19},
	"canada-day":            {kind: fixed, m: time.July, d: 1},
	"independence-day":      {kind: fixed, m: time.July, d: 4},
	"bastille-day":          {kind: fixed, m: time.July, d: 14},
	"halloween":             {kind: fixed, m: time.October, d: 31},
	"all-saints-day":        {kind: fixed, m: time.November, d: 1},
	"guy-fawkes-night":      {kind: fixed, m: time.November, d: 5},
	"armistice-day":         {kind: fixed, m: time.November, d: 11},
	"christmas-eve":         {kind: fixed, m: time.December, d: 24},
	"christmas":             {kind: fixed, m: time.December, d: 25},
	"boxing-day":            {kind: fixed, m: time.December, d: 26},
	"new-years-eve":         {kind: fixed, m: time.December, d: 31},
	"easter":                {kind: easter},
	"palm-sunday":           {kind: easter, d: -7},
	"maundy-thursday":       {kind: easter, d: -3},
	"good-friday":           {kind: easter, d: -2},
	"holy-saturday":         {kind: easter, d: -1},
	"easter-monday":         {kind: easter, d: 1},
	"ash-wednesday":         {kind: easter, d: -46},
	"shrove-tuesday":        {kind: easter, d: -47},
	"mothering-sunday":      {kind: easter, d: -21},
	"ascension-day":         {kind: easter, d: 39},
	"pentecost":             {kind: easter, d: 49},
	"whit-monday":           {kind: easter, d: 50},
	"trinity-sunday":        {kind: easter, d: 56},
	"corpus-christi":        {kind: easter, d: 60},
	"orthodox-easter":       {kind: orthodox},
	"mlk-day":               {kind: nthWeekday, m: time.January, n: 3, w: time.Monday},
	"presidents-day":        {kind: nthWeekday, m: time.February, n: 3, w: time.Monday},
	"mothers-day":           {kind: nthWeekday, m: time.May, n: 2, w: time.Sunday},
	"memorial-day":          {kind: nthWeekday, m: time.May, n: -1, w: time.Monday},
	"fathers-day":           {kind: nthWeekday, m: time.June, n: 3, w: time.Sunday},
	"labor-day":             {kind: nthWeekday, m: time.September, n: 1, w: time.Monday},
	"columbus-day":          {kind: nthWeekday, m: time.October, n: 2, w: time.Monday},
	"canadian-thanksgiving": {kind: nthWeekday, m: time.October, n: 2, w: time.Monday},
	"election-day":          {kind: nthWeekday, m: time.November, n: 1, w: time.Monday, d: 1},
	"thanksgiving":          {kind: nthWeekday, m: time.November, n: 4, w: time.Thursday},
	"black-friday":          {kind: nthWeekday, m: time.November, n: 4, w: time.Thursday, d: 1},
	"cyber-monday":          {kind: nthWeekday, m: time.November, n: 4, w: time.Thursday, d: 4},
	"rosh-hashanah":         {kind: hebrew},
	"yom-kippur":            {kind: hebrew, d: 9},
	"sukkot":                {kind: hebrew, d: 14},
	"hanukkah":              {kind: hebrew, n: 1}, // 25 Kislev: depends on Cheshvan's length
	"passover":              {kind: hebrew, m: 4},
	"purim":                 {kind: hebrew, m: 4, d: -30},
	"shavuot":               {kind: hebrew, m: 4, d: 50},
	"lunar-new-year":        {kind: table},
	"lantern-festival":      {kind: table},
	"dragon-boat-festival":  {kind: table},
	"mid-autumn-festival":   {kind: table},
	"islamic-new-year":      {kind: table},
	"ashura":                {kind: table},
	"mawlid":                {kind: table},
	"ramadan":               {kind: table},
	"eid-al-fitr":           {kind: table},
	"day-of-arafat":         {kind: table},
	"eid-al-adha":           {kind: table},
	"diwali":                {kind: table},
}

// Keys returns every holiday key, sorted.
func Keys() []string {
	keys := make([]string, 0, len(rules))
	for k := range rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Date returns the day holiday key falls on in year, at midnight UTC. A
// holiday that falls twice in one Gregorian year (an Islamic one, some
// years) gives its first day. ok is false for an unknown key or a year the
// rule or table does not cover.
func Date(key string, year int) (t time.Time, ok bool) {
	r, known := rules[key]
	if !known || year < 1583 || year > 4099 {
		return time.Time{}, false
	}
	switch r.kind {
	case fixed:
		return time.Date(year, r.m, r.d, 0, 0, 0, 0, time.UTC), true
	case easter:
		return EasterSunday(year).AddDate(0, 0, r.d), true
	case orthodox:
		return OrthodoxEaster(year).AddDate(0, 0, r.d), true
	case nthWeekday:
		return NthWeekday(year, r.m, r.w, r.n).AddDate(0, 0, r.d), true
	case hebrew:
		return hebrewDate(year, r), true
	}
	ds := Dates(key, year)
	if len(ds) == 0 {
		return time.Time{}, false
	}
	return ds[0], true
}

// Dates returns every day holiday key falls on in year, in order: one for
// most holidays, two for an Islamic one in a year that holds it twice, none
// for an unknown key or a year out of range.
func Dates(key string, year int) []time.Time {
	if r, known := rules[key]; !known {
		return nil
	} else if r.kind != table {
		if t, ok := Date(key, year); ok {
			return []time.Time{t}
		}
		return nil
	}
	packed := tables[key]
	i := sort.Search(len(packed), func(i int) bool { return int(packed[i]>>9) >= year })
	var out []time.Time
	for ; i < len(packed) && int(packed[i]>>9) == year; i++ {
		p := packed[i]
		out = append(out, time.Date(year, time.Month(p>>5&15), int(p&31), 0, 0, 0, 0, time.UTC))
	}
	return out
}

// Pack is the tables' form of a date: year<<9 | month<<5 | day.
func Pack(t time.Time) uint32 {
	return uint32(t.Year())<<9 | uint32(t.Month())<<5 | uint32(t.Day())
}

// EasterSunday returns Easter Sunday of year in the Gregorian calendar, by
// the Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func EasterSunday(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// OrthodoxEaster returns the Eastern Orthodox Easter Sunday of year (the
// Julian computus, Meeus) as a Gregorian date.
func OrthodoxEaster(year int) time.Time {
	a, b, c := year%4, year%7, year%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	month := (d + e + 114) / 31
	day := (d+e+114)%31 + 1
	// The Julian calendar runs behind the Gregorian by this many days in
	// the century of year (13 from March 1900 to February 2100).
	gap := year/100 - year/400 - 2
	return time.Date(year, time.Month(month), day+gap, 0, 0, 0, 0, time.UTC)
}

// NthWeekday returns the n-th (1-based) weekday w of month m in year, or
// for n = -1 the last one.
func NthWeekday(year int, m time.Month, w time.Weekday, n int) time.Time {
	if n < 0 {
		last := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(w) + 7) % 7))
	}
	first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(w)-int(first.Weekday())+7)%7+7*(n-1))
}

// Normalize folds a holiday name to the form Lookup takes: lower case,
// apostrophes and full stops dropped, hyphens as spaces, single spaces.
func Normalize(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch r {
		case '\'', '’', '.':
			continue
		case '-', '‐', '–', ' ', '\t', '\n':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Lookup returns the key of a holiday name in Normalize's form ("easter
// monday", "eid al fitr", "valentines day").
func Lookup(name string) (key string, ok bool) {
	key, ok = names[name]
	return key, ok
}

// Starts reports whether a word in Normalize's form can begin a holiday
// name, the cheap test a caller makes before trying longer phrases.
func Starts(word string) bool {
	return firstWords[word]
}

// MaxWords is the length in words of the longest holiday name.
var MaxWords int

var firstWords = map[string]bool{}

func init() {
	for name := range names {
		words := strings.Fields(name)
		firstWords[words[0]] = true
		MaxWords = max(MaxWords, len(words))
	}
}
