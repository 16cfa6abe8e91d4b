package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

const magic = "whosaid-ner-3"

// MarshalBinary writes the model gzipped: the sorted hashes as deltas, then
// the int16 weights label by label, which compresses far better than row by
// row.
func (m *Model) MarshalBinary() ([]byte, error) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	m.s1.write(&raw)
	m.s2.write(&raw)
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress model: %w", err)
	}
	return out.Bytes(), nil
}

// write appends one stage: its size and scale, the sorted hashes as
// deltas, then the weights label by label.
func (m *table) write(raw *bytes.Buffer) {
	var hdr [8]byte
	binary.LittleEndian.PutUint32(hdr[:], uint32(len(m.keys)))
	binary.LittleEndian.PutUint32(hdr[4:], math.Float32bits(m.scale))
	raw.Write(hdr[:])
	var prev uint64
	var vb [binary.MaxVarintLen64]byte
	for _, k := range m.keys {
		n := binary.PutUvarint(vb[:], k-prev)
		raw.Write(vb[:n])
		prev = k
	}
	for j := 0; j < nL; j++ {
		for i := range m.keys {
			n := binary.PutVarint(vb[:], int64(m.q[i*nL+j]))
			raw.Write(vb[:n])
		}
	}
}

// Load reads a model written by MarshalBinary. It fails on data that is not
// such a model or is cut short.
func Load(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	raw, err := readAll(zr, data)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, errors.New("read model: not a whosaid NER model")
	}
	raw = raw[len(magic):]
	s1, raw, err := readTable(raw)
	if err != nil {
		return nil, err
	}
	s2, _, err := readTable(raw)
	if err != nil {
		return nil, err
	}
	return newModel(s1, s2), nil
}

// readAll reads the decompressed model into one buffer of the size the
// gzip trailer gives (ISIZE, the length modulo 2³²), where io.ReadAll would
// grow and copy its buffer a dozen times: it is read at every start.
func readAll(zr *gzip.Reader, data []byte) ([]byte, error) {
	size := 0
	if len(data) >= 4 {
		size = int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// readTable reads one stage written by write and returns the rest.
func readTable(raw []byte) (*table, []byte, error) {
	if len(raw) < 8 {
		return nil, nil, errors.New("read model: truncated header")
	}
	n := int(binary.LittleEndian.Uint32(raw))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(raw[4:]))
	raw = raw[8:]
	keys := make([]uint64, n)
	var prev uint64
	for i := range keys {
		d, k := binary.Uvarint(raw)
		if k <= 0 {
			return nil, nil, errors.New("read model: truncated keys")
		}
		prev += d
		keys[i] = prev
		raw = raw[k:]
	}
	q := make([]int16, n*nL)
	for j := 0; j < nL; j++ {
		for i := 0; i < n; i++ {
			v, k := binary.Varint(raw)
			if k <= 0 {
				return nil, nil, errors.New("read model: truncated weights")
			}
			q[i*nL+j] = int16(v)
			raw = raw[k:]
		}
	}
	return &table{n: n, scale: scale, keys: keys, q: q}, raw, nil
}
