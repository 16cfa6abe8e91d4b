package shingle

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSetSortedUnique(t *testing.T) {
	set := Set("the cat sat on the mat, the cat sat on the mat, and the dog sat on the cat")
	assert.True(t, slices.IsSorted(set))
	assert.Equal(t, len(slices.Compact(slices.Clone(set))), len(set))
	assert.Nil(t, Set("four words only here"))
}
