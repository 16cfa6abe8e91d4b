package text

// resize returns s with length n, on its own array when that is big
// enough; the elements are left as they were.
func Resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
