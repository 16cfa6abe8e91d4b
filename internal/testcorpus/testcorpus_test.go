package testcorpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/store"
)

// TestCopy checks that a copy keeps names, numbers, quotation marks and
// the extractor's words, and changes ordinary words.
func TestCopy(t *testing.T) {
	keep := ExtractorWords(t)
	require.True(t, keep["said"])
	a := Article{Name: "a.txt", Text: `Rex Tillerson said on Tuesday: “We will see about $5 million.” The orchestra played beautifully.`}
	c := Copy(a, 1, keep)
	assert.Equal(t, "a.copy1.txt", c.Name)
	assert.Len(t, c.Text, len(a.Text))
	for _, w := range []string{"Rex Tillerson said on Tuesday", "$5 million", "“We will see about", "The"} {
		assert.Contains(t, c.Text, w)
	}
	assert.NotContains(t, c.Text, "orchestra")
	assert.NotEqual(t, c.Text, Copy(a, 2, keep).Text)
}

func TestConllText(t *testing.T) {
	d := eval.CoNLLDoc{
		Words: strings.Fields(`EU rejects German call . BRUSSELS 1996-08-22 " We do n't support it , " he said ( Reuters ) 's $ 5 .`),
	}
	d.Ends = []int{5, 7, len(d.Words)}
	assert.Equal(t, "EU rejects German call.\nBRUSSELS 1996-08-22\n\"We don't support it,\" he said (Reuters)'s $5.", conllText(d))
}

func TestPaths(t *testing.T) {
	_, err := os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err, "root is the module's folder")
	_, err = os.Stat(devArticles)
	require.NoError(t, err)
}

// TestBuildQueryDB builds a small query database: every copy is stored.
func TestBuildQueryDB(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the extractor")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	require.NoError(t, BuildQueryDB(ctx, path, 3))
	db, err := store.OpenReadOnly(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	n, err := db.Counts(ctx)
	require.NoError(t, err)
	assert.Equal(t, 0, n.Articles%3)
	assert.Positive(t, n.Articles)
}
