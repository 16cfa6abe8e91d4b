package ner

// Scoring a token the way the feature lists of features.go describe it
// costs a hash and a probe of the model's index per feature, most of them
// cache misses. Tagging gets the same sums cheaper: features whose values
// are few (labels, flags, gazetteer positions) have their rows looked up
// once per model (fixedRows), and features of one word or one shape once
// per word (wordRows, kept in the word cache). Only the features of two
// or three words together are hashed per token. The sums are of integers,
// so the order they are added in changes nothing; TestFastScores checks
// that both ways give the same scores.

// Roles a word plays in the features of its own or another token, each a
// template hashing one string of the word.
const (
	rWord     = iota // fWord of a headline word's mixed-case form
	rPrevW           // the word before
	rNextW           // the word after
	rPrev2W          // two words before
	rNext2W          // two words after
	rRunFirst        // the first word of a capitalised run
	rRunLast         // the last word of a capitalised run
	nWordRoles
)

// wordRoleTemplates are the templates of the roles of a word; rWord hashes
// the word as written, the others its lower-case form.
var wordRoleTemplates = [nWordRoles]uint64{fWord, fPrevW, fNextW, fPrev2W, fNext2W, fRunFirst, fRunLast}

// Roles of a word's shape.
const (
	rPrevShape = iota
	rNextShape
	rCapsSent
	nShapeRoles
)

var shapeRoleTemplates = [nShapeRoles]uint64{fPrevShape, fNextShape, fCapsSent}

// haveLW0 is the bit of wordRows.have for prevLW0.
const haveLW0 = 1 << nWordRoles

// wordRows is what one model says about one word of the word cache, each
// part looked up when first needed. The rows of its roles come first, in
// the cache line that the lookup of have reads: a token reads them for
// the words around it, and uni only for itself.
type wordRows struct {
	have uint8 // roles looked up, a bit each, and haveLW0
	role [nWordRoles]int32
	// prevLW0 is fPrevLW's row after O, the label before six words of
	// seven scored; after other labels it is looked up each time.
	prevLW0 int32
	scored  bool
	uni     [2]sums // both stages' scores of the features of the word alone
}

// wordPre holds the hashes (hpre) of a word as the first of a pair, which
// tagging continues with the second.
type wordPre struct {
	bigramPrev, pwShape uint64 // as the word before
	bigramNext          uint64 // as the word itself
}

// newWordPre hashes lower-case word lw as the first of its pairs.
func newWordPre(lw string) wordPre {
	return wordPre{bigramPrev: hpre(fBigramPrev, lw), pwShape: hpre(fPWShape, lw), bigramNext: hpre(fBigramNext, lw)}
}

// shapeRows is what one model says about one word shape.
type shapeRows struct {
	have       uint8  // roles looked up, a bit each
	haveLS     uint32 // previous labels whose fPrevLShape row is looked up
	role       [nShapeRoles]int32
	prevLShape [nL]int32 // fPrevLShape's row after each previous label
}

// shapePre holds the hashes of a shape in fShape3, fNWShape and fTable.
type shapePre struct {
	shape3Prev uint64 // hpre, as the shape before
	shape3Next uint64 // hstr, as the shape after
	nwShape    uint64 // hpre, as the word's own shape
	table      uint64 // hpre, as the word's own shape
}

// newShapePre hashes shape sh.
func newShapePre(sh string) shapePre {
	return shapePre{shape3Prev: hpre(fShape3, sh), shape3Next: hstr(fShape3, sh), nwShape: hpre(fNWShape, sh), table: hpre(fTable, sh)}
}

// Lexicon flags (bits up to LexOrg) and gazetteer positions (a category up
// to gazOrg and a position, cat<<2|pos) take few values; a neighbour
// beyond the sentence has 0xff for both, kept in the index past them.
const (
	lexValues = 2 * LexOrg
	gazValues = (gazOrg + 1) << 2
)

// fixedRows are the rows of the features whose values are few, indexed by
// value; -1 where the model lacks the feature.
type fixedRows struct {
	docCase, runPos [256]int32

	bosPrevW, bosPrev2W, bosPrevS int32 // "<s>" before the sentence
	eosNextW, eosNext2W, eosNextS int32 // "</s>" after it
	bosPre                        wordPre
	bosShapePre, eosShapePre      shapePre

	s1Next [nL << 5]int32

	// Features of few values that always come together are summed ahead,
	// by stage. Lexicon flags and gazetteer positions index them as they
	// are, 0xff at lexValues and gazValues.
	prevLG [lexValues + 1][gazValues + 1][2]sums // fPrevLex and fPrevGaz
	nextLG [lexValues + 1][gazValues + 1][2]sums // fNextLex and fNextGaz
	self   [gazValues][3][2][2]sums              // fGaz, fFirst (none, lexicon flags without and with LexCommon) and fLast (none, last)

	prev [2][nL][nL]sums     // fPrevL and fPrev2L after labels p1, p2
	hist [2][6][4]sums       // fHist and fHistShape by type and flags tInit|tCapsSent
	s1   [2][nL + 1][nL]sums // fS1Own and fS1Prev by the first-stage labels before and of the word
	doc  [2][6][nL]sums      // fS1Doc and fS1DocOwn by the type elsewhere and the first-stage label
}

// newFixedRows looks up the rows of every value of the few-valued
// features, with the hashes features.go gives them.
func newFixedRows(m *Model) *fixedRows {
	x := &fixedRows{}
	nums := func(dst []int32, t uint64) {
		for v := range dst {
			dst[v] = m.row(hnum(t, uint64(v)))
		}
	}
	nums(x.docCase[:], fDocCase)
	nums(x.runPos[:], fRunPos)
	x.bosPrevW, x.bosPrev2W, x.bosPrevS = m.row(hstr(fPrevW, "<s>")), m.row(hstr(fPrev2W, "<s>")), m.row(hstr(fPrevShape, "<s>"))
	x.eosNextW, x.eosNext2W, x.eosNextS = m.row(hstr(fNextW, "</s>")), m.row(hstr(fNext2W, "</s>")), m.row(hstr(fNextShape, "</s>"))
	x.bosPre, x.bosShapePre, x.eosShapePre = newWordPre("<s>"), newShapePre("<s>"), newShapePre("</s>")
	nums(x.s1Next[:], fS1Next)
	num := func(t, v uint64) int32 { return m.row(hnum(t, v)) }
	for l := range lexValues + 1 {
		lv := uint64(0xff)
		if l < lexValues {
			lv = uint64(l)
		}
		for g := range gazValues + 1 {
			gv := uint64(0xff)
			if g < gazValues {
				gv = uint64(g)
			}
			prev := []int32{num(fPrevLex, lv), num(fPrevGaz, gv)}
			next := []int32{num(fNextLex, lv), num(fNextGaz, gv)}
			for st := range 2 {
				x.prevLG[l][g][st].addRows(m.w, prev, st)
				x.nextLG[l][g][st].addRows(m.w, next, st)
			}
		}
	}
	for g := range gazValues {
		for first := range 3 {
			for last := range 2 {
				rows := []int32{num(fGaz, uint64(g)), -1, -1}
				if first > 0 {
					rows[1] = num(fFirst, uint64(first-1)*LexCommon)
				}
				if last > 0 {
					rows[2] = num(fLast, 0)
				}
				for st := range 2 {
					x.self[g][first][last][st].addRows(m.w, rows, st)
				}
			}
		}
	}
	for st := range 2 {
		for p1 := range nL {
			for p2 := range nL {
				rows := []int32{num(fPrevL, uint64(p1)), num(fPrev2L, uint64(p1*32+p2))}
				x.prev[st][p1][p2].addRows(m.w, rows, st)
			}
		}
		for h := range x.hist[st] {
			for f := range x.hist[st][h] {
				rows := []int32{num(fHist, uint64(h)), num(fHistShape, uint64(h)<<8|uint64(f))}
				x.hist[st][h][f].addRows(m.w, rows, st)
			}
		}
		for pl := range nL + 1 {
			for own := range nL {
				rows := []int32{num(fS1Own, uint64(own)), num(fS1Prev, uint64(pl<<5|own))}
				x.s1[st][pl][own].addRows(m.w, rows, st)
			}
		}
		for t := range x.doc[st] {
			for own := range nL {
				rows := []int32{num(fS1Doc, uint64(t)), num(fS1DocOwn, uint64(t<<5|own))}
				x.doc[st][t][own].addRows(m.w, rows, st)
			}
		}
	}
	return x
}

// use makes the cache's model rows those of m, forgetting those of another
// model (training tags with several).
func (c *wordCache) use(m *Model) {
	if c.m != m {
		clear(c.rows)
		clear(c.shapeRows)
		c.m = m
	}
}

// wordRole returns the row of word j of the cache in role r.
func (m *Model) wordRole(c *wordCache, j int32, r int) int32 {
	wr := &c.rows[j]
	if wr.have&(1<<r) == 0 {
		s := c.words[j].lower
		if r == rWord {
			s = c.words[j].word
		}
		wr.role[r] = m.row(hstr(wordRoleTemplates[r], s))
		wr.have |= 1 << r
	}
	return wr.role[r]
}

// shapeRole returns the row of the shape of word j of the cache in role r.
func (m *Model) shapeRole(c *wordCache, j int32, r int) int32 {
	sr := &c.shapeRows[c.words[j].shapeID]
	if sr.have&(1<<r) == 0 {
		sr.role[r] = m.row(hstr(shapeRoleTemplates[r], c.words[j].shape))
		sr.have |= 1 << r
	}
	return sr.role[r]
}

// prevLW returns the rows of fPrevLW and fPrevLShape of word j of the
// cache after label p1.
func (m *Model) prevLW(c *wordCache, j int32, p1 int) (int32, int32) {
	wr := &c.rows[j]
	rw := wr.prevLW0
	if p1 != 0 {
		rw = m.row(hstr(fPrevLW^uint64(p1)<<8, c.words[j].lower))
	} else if wr.have&haveLW0 == 0 {
		rw = m.row(hstr(fPrevLW, c.words[j].lower))
		wr.prevLW0, wr.have = rw, wr.have|haveLW0
	}
	sr := &c.shapeRows[c.words[j].shapeID]
	if sr.haveLS&(1<<p1) == 0 {
		sr.prevLShape[p1] = m.row(hstr(fPrevLShape^uint64(p1)<<8, c.words[j].shape))
		sr.haveLS |= 1 << p1
	}
	return rw, sr.prevLShape[p1]
}

// wordScores returns both stages' scores of the features of word i that
// depend on the word alone (Doc.unigram). News repeats its words, so they
// are kept in the word cache, across documents, for as long as the Doc
// serves one model.
func (m *Model) wordScores(d *Doc, i int) *[2]sums {
	r := &d.cache.rows[d.wid[i]]
	if !r.scored {
		d.feats = d.unigram(d.feats[:0], i)
		var buf [maxProbes]int32
		rows := buf[:len(d.feats)]
		m.rowsOf(d.feats, rows)
		r.uni[0].addRows(m.w, rows, 0)
		r.uni[1].addRows(m.w, rows, 1)
		r.scored = true
	}
	return &r.uni
}

// maxRows bounds the rows addContext adds one by one: 12 of words and
// shapes, 8 hashed.
const maxRows = 20

// addContext adds to sc1 and sc2, the two stages' scores, the features of
// token i that Doc.context lists.
func (m *Model) addContext(d *Doc, i, s0, e0 int, sc1, sc2 *sums) {
	c, x := &d.cache, m.fixed
	var rows [maxRows]int32
	var hs [8]uint64
	n, nh := 0, 0
	add := func(r int32) { rows[n] = r; n++ }
	hash := func(h uint64) { hs[nh] = h; nh++ }

	wi := d.wid[i]
	lw, sh := d.lower[i], d.shape[i]
	fl := d.flag[i]

	// The hashed features first, so that their probes are under way while
	// the rows of words and shapes are looked up.
	nw, ns := "</s>", "</s>"
	pp, psp, nsp := &x.bosPre, &x.bosShapePre, &x.eosShapePre
	if i > s0 {
		j := d.wid[i-1]
		pp, psp = &c.words[j].pre, &c.shapePre[c.words[j].shapeID]
	}
	if i+1 < e0 {
		nw, ns = d.lower[i+1], d.shape[i+1]
		nsp = &c.shapePre[c.words[d.wid[i+1]].shapeID]
	}
	sp := &c.shapePre[c.words[wi].shapeID]
	hash(hmore(psp.shape3Prev, sh) ^ nsp.shape3Next*fnvPrime)
	hash(hmore(pp.bigramPrev, lw))
	hash(hmore(c.words[wi].pre.bigramNext, nw))
	hash(hmore(pp.pwShape, sh))
	hash(hmore(sp.nwShape, nw))
	if fl&tTable != 0 {
		hash(hmore(sp.table, ns))
	}
	if fl&tUpper != 0 && len(d.Words) > 0 {
		hash(hmore(d.topic, sh))
		hash(hmore(d.topicLex, string(rune('a'+d.lex[i]))))
	}
	probes := m.firstSlots(hs[:nh])

	if k := d.stat[i]; k >= 0 && fl&(tAllCaps|tInit) != 0 && d.stats[k].form != 0 && d.stats[k].form-1 != wi {
		add(m.wordRole(c, d.stats[k].form-1, rWord))
	}
	prevLG, nextLG := &x.prevLG[lexValues][gazValues], &x.nextLG[lexValues][gazValues]
	if i > s0 {
		j := d.wid[i-1]
		add(m.wordRole(c, j, rPrevW))
		add(m.shapeRole(c, j, rPrevShape))
		prevLG = &x.prevLG[d.lex[i-1]][d.gaz[i-1]]
	} else {
		add(x.bosPrevW)
		add(x.bosPrevS)
	}
	if i > s0+1 {
		add(m.wordRole(c, d.wid[i-2], rPrev2W))
	} else {
		add(x.bosPrev2W)
	}
	if i+1 < e0 {
		j := d.wid[i+1]
		add(m.wordRole(c, j, rNextW))
		add(m.shapeRole(c, j, rNextShape))
		nextLG = &x.nextLG[d.lex[i+1]][d.gaz[i+1]]
	} else {
		add(x.eosNextW)
		add(x.eosNextS)
	}
	if i+2 < e0 {
		add(m.wordRole(c, d.wid[i+2], rNext2W))
	} else {
		add(x.eosNext2W)
	}
	first, last := 0, 0
	if i == s0 {
		first = 1 + int(d.lex[i]&LexCommon)/LexCommon
	}
	if i == e0-1 {
		last = 1
	}
	self := &x.self[d.gaz[i]][first][last]
	if fl&tUpper != 0 {
		add(x.docCase[fl])
	}
	if fl&tCapsSent != 0 {
		add(m.shapeRole(c, wi, rCapsSent))
	}
	if fl&tUpper != 0 && fl&tCapsSent == 0 {
		a, b := d.run(i, s0, e0)
		if b-a > 1 {
			add(m.wordRole(c, d.wid[b-1], rRunLast))
			add(m.wordRole(c, d.wid[a], rRunFirst))
			add(x.runPos[min(b-a, 5)<<4|min(i-a, 4)])
		}
	}
	m.resolve(hs[:nh], &probes, rows[n:n+nh])
	n += nh
	for _, t := range [3]*[2]sums{prevLG, nextLG, self} {
		sc1.merge(&t[0])
		sc2.merge(&t[1])
	}
	sc1.addRows(m.w, rows[:n], 0)
	sc2.addRows(m.w, rows[:n], 1)
}

// addDynamic adds to sc, the scores of stage st (0 or 1), the features of
// token i that Doc.dynamic lists, after labels p1 and p2.
func (m *Model) addDynamic(d *Doc, i, s0, e0 int, p1, p2, st int, sc *sums) {
	x := m.fixed
	sc.merge(&x.prev[st][p1][p2])
	rw, rs := m.prevLW(&d.cache, d.wid[i], p1)
	rows := [3]int32{rw, rs, -1}
	if d.flag[i]&tUpper != 0 {
		if k := d.stat[i]; k >= 0 {
			sc.merge(&x.hist[st][histType(&d.stats[k].hist)][d.flag[i]&(tInit|tCapsSent)])
		}
	}
	if d.stage2 {
		own := int(d.first[i])
		pl, nl := nL, nL
		if i > s0 {
			pl = int(d.first[i-1])
		}
		if i+1 < e0 {
			nl = int(d.first[i+1])
		}
		sc.merge(&x.s1[st][pl][own])
		rows[2] = x.s1Next[own<<5|nl]
		if k := d.stat[i]; k >= 0 && d.flag[i]&tUpper != 0 {
			sc.merge(&x.doc[st][d.stats[k].aggType(own)][own])
		}
	}
	sc.addRows(m.w, rows[:], st)
}
