package text

import "sync"

// resize returns s with length n, on its own array when that is big
// enough; the elements are left as they were.
func Resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// FreeList keeps scratch values between the calls that use them, for
// values whose contents are worth more than their memory: the name
// tagger's word cache, built up article after article. A sync.Pool drops
// what it holds at every other garbage collection, and hands out a fresh
// value when the one put back waits on another processor: an ingest of
// the speed corpus with two workers built the cache from nothing four
// times instead of twice. A FreeList holds every value put back, at most
// as many as were ever in use at once, and hands out the last first.
// Its zero value is an empty list; it is safe for concurrent use.
type FreeList[T any] struct {
	mu   sync.Mutex
	free []*T
}

// Get returns a value put back earlier, the last one first, or a new zero
// value when there is none.
func (l *FreeList[T]) Get() *T {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := len(l.free)
	if n == 0 {
		return new(T)
	}
	x := l.free[n-1]
	l.free[n-1] = nil
	l.free = l.free[:n-1]
	return x
}

// Put gives x back for a later Get.
func (l *FreeList[T]) Put(x *T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.free = append(l.free, x)
}
