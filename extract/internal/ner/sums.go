package ner

// Adding a feature's 17 int16 weights to 17 int32 scores one by one is most
// of the tagger's work. Packed four to a uint64, they are added two at a
// time: a word of four weights costs two additions and three masks or
// shifts instead of four sign extensions and four additions.
//
// Each weight is stored biased by 32768 (as the uint16 w^0x8000), so it is
// never negative; a packed word is split into its even and odd 16-bit
// lanes, each widened to a 32-bit lane, and added. A 32-bit lane holds the
// sum of 65,537 such weights without carrying into the next, and scoring a
// token adds fewer than a hundred rows, so the sums are exact: a score is
// its lane less 32768 for each row added, taken modulo 2^32 as int32
// arithmetic would. TestSumsExact checks it.

// The packing below is for 17 labels: this fails to compile otherwise.
var _ = [1]struct{}{}[nL-17]

// packedRow is one stage's weights of one feature: labels 0-15, four to a
// word (label j in bits 16*(j%4) of word j/4), then label 16 alone in the
// low bits of the last word.
type packedRow [5]uint64

// lanes16 keeps the even 16-bit lanes of a word, each in a 32-bit lane.
const lanes16 = 0x0000ffff0000ffff

// pack biases and packs the weights of one stage of a feature.
func pack(w *[nL]int16) packedRow {
	var p packedRow
	for j, v := range w {
		p[j/4] |= uint64(uint16(v)^0x8000) << (16 * (j % 4))
	}
	return p
}

// sums are one stage's scores of the 17 labels while rows are added.
type sums struct {
	even, odd [4]uint64 // labels 4k and 4k+2 (low and high half), 4k+1 and 4k+3
	last      uint64    // label 16
	n         uint32    // rows added: each put 32768 too much in every lane
}

// addRows adds the weights of stage st of the rows listed, skipping the
// -1 of features the model lacks. The sums are kept in registers meanwhile:
// this loop is where the tagger spends most of its time.
func (s *sums) addRows(w [][2]packedRow, rows []int32, st int) {
	e0, e1, e2, e3 := s.even[0], s.even[1], s.even[2], s.even[3]
	o0, o1, o2, o3 := s.odd[0], s.odd[1], s.odd[2], s.odd[3]
	last, n := s.last, s.n
	for _, r := range rows {
		if r < 0 {
			continue
		}
		p := &w[r][st]
		e0 += p[0] & lanes16
		o0 += p[0] >> 16 & lanes16
		e1 += p[1] & lanes16
		o1 += p[1] >> 16 & lanes16
		e2 += p[2] & lanes16
		o2 += p[2] >> 16 & lanes16
		e3 += p[3] & lanes16
		o3 += p[3] >> 16 & lanes16
		last += p[4]
		n++
	}
	s.even = [4]uint64{e0, e1, e2, e3}
	s.odd = [4]uint64{o0, o1, o2, o3}
	s.last, s.n = last, n
}

// merge adds the rows summed in t.
func (s *sums) merge(t *sums) {
	for k := range s.even {
		s.even[k] += t.even[k]
		s.odd[k] += t.odd[k]
	}
	s.last += t.last
	s.n += t.n
}

// scores unpacks the sums into the scores of the labels.
func (s *sums) scores() [nL]int32 {
	var sc [nL]int32
	bias := s.n * 32768
	for k := range s.even {
		sc[4*k] = int32(uint32(s.even[k]) - bias)
		sc[4*k+1] = int32(uint32(s.odd[k]) - bias)
		sc[4*k+2] = int32(uint32(s.even[k]>>32) - bias)
		sc[4*k+3] = int32(uint32(s.odd[k]>>32) - bias)
	}
	sc[16] = int32(uint32(s.last) - bias)
	return sc
}
