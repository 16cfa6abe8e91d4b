package corpus

import (
	"strings"
	"time"
)

// dateLayouts are the non-ISO forms publication times come in, besides the
// ISO 8601 / RFC 3339 family that normalizeDate reads by its date prefix.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2006/01/02", "2006/01/02 15:04:05", "20060102",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM",
}

// normalizeDate returns the calendar date of s as YYYY-MM-DD. An ISO 8601 /
// RFC 3339 time keeps the date as written in its own offset (the
// publisher's local day), not the UTC day.
func normalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		rest := s[10:]
		if rest == "" || rest[0] == 'T' || rest[0] == 't' || rest[0] == ' ' {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t.Format("2006-01-02"), true
			}
		}
		return "", false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}
