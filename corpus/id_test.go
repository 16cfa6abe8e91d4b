package corpus

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/whosaid/whosaid"
)

func TestID(t *testing.T) {
	// Pinned values (checked with `printf %s URL | sha256sum`): a change here
	// changes every stored id, so it must be deliberate.
	assert.Equal(t, "given-id", ID(whosaid.Article{ID: " given-id ", URL: "https://x.example/a", Text: "t"}))
	assert.Equal(t, "ucd8d9396ec76d197", ID(whosaid.Article{URL: "https://example.com/news/a", Text: "t"}))
	assert.Equal(t, "hb94d27b9934d3e08", ID(whosaid.Article{Text: "hello world"}))
	assert.Equal(t, "h"+hash16(""), ID(whosaid.Article{}))
	assert.NotEqual(t, ID(whosaid.Article{Text: "a"}), ID(whosaid.Article{Text: "b"}))
}

func TestNormalizeURL(t *testing.T) {
	// Each group is one story: every URL in it must get the same id.
	same := [][]string{
		{
			"https://example.com/news/a",
			"HTTPS://Example.COM/news/a",
			"https://example.com/news/a/",
			"https://example.com/news/a#comments",
			"https://example.com:443/news/a",
			"https://example.com/news/a?utm_source=twitter&utm_medium=social",
			"https://example.com/news/a?UTM_Campaign=x&fbclid=abc",
			"  https://example.com/news/a  ",
		},
		{
			"https://example.com/story?id=7&page=2",
			"https://example.com/story?page=2&id=7",
			"https://example.com/story/?page=2&utm_term=y&id=7#top",
		},
		{"http://example.com", "http://example.com/", "http://EXAMPLE.com:80/"},
	}
	for _, group := range same {
		want := NormalizeURL(group[0])
		for _, u := range group[1:] {
			assert.Equal(t, want, NormalizeURL(u), u)
			assert.Equal(t, ID(whosaid.Article{URL: group[0]}), ID(whosaid.Article{URL: u, Text: "any"}), u)
		}
	}
	assert.Equal(t, "https://example.com/news/a", NormalizeURL("HTTPS://Example.COM/news/a/?utm_source=x#frag"))

	// Different stories stay apart: path case, scheme, other parameters.
	different := [][2]string{
		{"https://example.com/News/A", "https://example.com/news/a"},
		{"http://example.com/a", "https://example.com/a"},
		{"https://example.com/story?id=7", "https://example.com/story?id=8"},
		{"https://example.com:8443/a", "https://example.com/a"},
	}
	for _, d := range different {
		assert.NotEqual(t, NormalizeURL(d[0]), NormalizeURL(d[1]), d)
	}

	// Not an absolute URL: hashed as written, trimmed.
	assert.Equal(t, "/relative/path", NormalizeURL(" /relative/path "))
	assert.Equal(t, "", NormalizeURL("   "))
	assert.Equal(t, "h"+hash16("body"), ID(whosaid.Article{URL: "  ", Text: "body"}))
}
