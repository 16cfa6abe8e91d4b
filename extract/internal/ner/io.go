package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"unsafe"
)

// The model file is the tagger's index and weight rows exactly as tagging
// holds them in memory, so that Load, run at every start, uses the file in
// place. Decompressing stored tables, decoding them and hashing their
// features into the index took a hundred milliseconds before the first
// article; even a compact file copied into the index and rows would cost
// some 25 ms in the page faults of 7 MB of fresh memory. An embedded
// file's pages are read in as tagging first touches them, each at a sixth
// of the cost of a fresh one, and only those it touches. Numbers are
// little-endian:
//
//	magic, padded with zeros to 16 bytes
//	uint32                 log2 of the number of index slots
//	uint32                 rows
//	(uint32, int32) × 2^n  the index: fingerprint and row of each slot
//	uint64 × 10 × rows     the rows: both stages' packedRow
//
// Git and the binary carry the 7 MB as they are; the index and rows are
// mostly zeros and biased zeros, which git's compression shrinks to 1.5 MB.
const magic = "whosaid-ner-4"

// headerSize is the size of the header, a multiple of 8, so that the
// arrays after it are as aligned as the file.
const headerSize = 24

// MarshalBinary writes the model in the layout Load reads.
func (m *Model) MarshalBinary() ([]byte, error) {
	le := binary.LittleEndian
	out := make([]byte, headerSize, headerSize+8*len(m.slots)+int(unsafe.Sizeof(m.w[0]))*len(m.w))
	copy(out, magic)
	le.PutUint32(out[16:], uint32(bits.TrailingZeros(uint(len(m.slots)))))
	le.PutUint32(out[20:], uint32(len(m.w)))
	for _, s := range m.slots {
		out = le.AppendUint32(out, s.fp)
		out = le.AppendUint32(out, uint32(s.row))
	}
	for _, r := range m.w {
		for _, p := range r {
			for _, v := range p {
				out = le.AppendUint64(out, v)
			}
		}
	}
	return out, nil
}

// Load reads a model written by MarshalBinary. It fails on data that is not
// such a model or is cut short. Where it can, on a little-endian machine
// with data aligned to 8 bytes, the model uses data in place, so data must
// not change afterwards.
func Load(data []byte) (*Model, error) {
	le := binary.LittleEndian
	if len(data) < headerSize || !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("read model: not a whosaid NER model")
	}
	logSlots, rows := le.Uint32(data[16:]), int(le.Uint32(data[20:]))
	if logSlots < 4 || logSlots > 31 {
		return nil, errors.New("read model: bad index size")
	}
	nSlots := 1 << logSlots
	rowSize := int(unsafe.Sizeof([2]packedRow{}))
	idx := data[headerSize:]
	if len(idx) != 8*nSlots+rowSize*rows {
		return nil, errors.New("read model: wrong size")
	}
	w := idx[8*nSlots:]
	m := &Model{shift: 64 - uint(logSlots)}
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 && uintptr(unsafe.Pointer(&idx[0]))%8 == 0 {
		m.slots = unsafe.Slice((*slot)(unsafe.Pointer(&idx[0])), nSlots)
		if rows > 0 {
			m.w = unsafe.Slice((*[2]packedRow)(unsafe.Pointer(&w[0])), rows)
		}
	} else {
		m.slots = make([]slot, nSlots)
		for i := range m.slots {
			m.slots[i] = slot{fp: le.Uint32(idx[8*i:]), row: int32(le.Uint32(idx[8*i+4:]))}
		}
		m.w = make([][2]packedRow, rows)
		for r := range m.w {
			for st := range 2 {
				for k := range m.w[r][st] {
					m.w[r][st][k] = le.Uint64(w[rowSize*r+40*st+8*k:])
				}
			}
		}
	}
	// A lookup stops at a matching fingerprint or an empty slot: every
	// row must exist, and an empty slot must be found, as newModel leaves
	// half the index empty.
	used := 0
	for _, s := range m.slots {
		if s.fp != 0 {
			if s.row < 0 || int(s.row) >= rows {
				return nil, errors.New("read model: bad index")
			}
			used++
		}
	}
	if used > nSlots/2 {
		return nil, errors.New("read model: index too full")
	}
	m.fixed = newFixedRows(m)
	return m, nil
}
