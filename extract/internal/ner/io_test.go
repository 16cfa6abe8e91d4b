package ner

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLoad checks that the model file reads the same in place and decoded
// from a copy that cannot be used in place (misaligned here, as on a
// big-endian machine), that writing it again gives the same bytes, and that
// data cut short or damaged is refused.
func TestLoad(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "entities", "data", "ner.model"))
	require.NoError(t, err)
	m, err := Load(data)
	require.NoError(t, err)
	out, err := m.MarshalBinary()
	require.NoError(t, err)
	require.True(t, bytes.Equal(data, out), "written again, the model differs")

	buf := make([]byte, len(data)+1)
	copy(buf[1:], data)
	c, err := Load(buf[1:])
	require.NoError(t, err)
	require.Equal(t, m.shift, c.shift)
	require.True(t, slices.Equal(m.slots, c.slots), "index differs")
	require.True(t, slices.Equal(m.w, c.w), "rows differ")
	require.True(t, *m.fixed == *c.fixed, "fixed rows differ")

	badRow := slices.Clone(data)
	for i := headerSize; ; i += 8 {
		if binary.LittleEndian.Uint32(badRow[i:]) != 0 {
			binary.LittleEndian.PutUint32(badRow[i+4:], uint32(len(m.w)))
			break
		}
	}
	for name, bad := range map[string][]byte{
		"empty":       nil,
		"header only": data[:headerSize],
		"cut short":   data[:len(data)-1],
		"other magic": append([]byte("whosaid-ner-3"), data[len(magic):]...),
		"bad row":     badRow,
	} {
		_, err := Load(bad)
		require.Error(t, err, name)
	}
}
