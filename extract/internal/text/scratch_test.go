package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFreeList(t *testing.T) {
	var l FreeList[[]int]
	a := l.Get()
	*a = append(*a, 1)
	b := l.Get()
	assert.NotSame(t, a, b, "a value in use is not handed out again")
	assert.Empty(t, *b, "a new value is a zero value")
	l.Put(a)
	l.Put(b)
	assert.Same(t, b, l.Get(), "the last put back comes first")
	got := l.Get()
	assert.Same(t, a, got, "a value put back keeps its contents")
	assert.Equal(t, []int{1}, *got)
}
