package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"

	"github.com/whosaid/whosaid"
)

// ID returns the stable id of a: a.ID when set; else "u" and 16 hex digits of
// the SHA-256 of the normalised URL (see NormalizeURL); else "h" and 16 hex
// digits of the SHA-256 of a.Text. The same story read twice, from any
// source, gets the same id.
func ID(a whosaid.Article) string {
	if id := strings.TrimSpace(a.ID); id != "" {
		return id
	}
	if u := NormalizeURL(a.URL); u != "" {
		return "u" + hash16(u)
	}
	return "h" + hash16(a.Text)
}

func hash16(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// NormalizeURL returns the form of raw that ID hashes: scheme and host
// lower-cased, default port, fragment and trailing slash dropped, tracking
// parameters (utm_*, fbclid, gclid, …) removed and the rest sorted. A string
// that does not parse as an absolute URL is returned trimmed, as is.
func NormalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if port := u.Port(); (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		u.Host = strings.TrimSuffix(u.Host, ":"+port)
	}
	u.Fragment, u.RawFragment = "", ""
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if isTrackingParam(k) {
				delete(q, k)
			}
		}
		u.RawQuery = q.Encode() // sorted by key
	}
	u.ForceQuery = false
	return u.String()
}

func isTrackingParam(k string) bool {
	k = strings.ToLower(k)
	switch k {
	case "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid":
		return true
	}
	return strings.HasPrefix(k, "utm_")
}
