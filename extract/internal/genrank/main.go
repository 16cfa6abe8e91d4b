// Command genrank learns the attribution stage's models
// (extract/internal/attrib) from PolNeAR train and the project's own gold
// stories (testdata/gold, never gold-blind), and writes them to
// internal/attrib/data/attrib.model. `make model` runs it; the same data
// always gives the same file.
//
// Three kinds of decision are learnt, all by one averaged perceptron:
//
//   - the speaker of each quote and claim the rules find, among the
//     candidates around it. On PolNeAR a candidate is right when its
//     mention overlaps the gold Source of the attribution whose Content the
//     speech matches (token F1 >= 0.5 and overlapping spans), or, with no
//     mention, when its name passes the reference scorer's source test; when
//     that attribution has no Source, naming no one is right for a claim
//     (the rules' unknown speaker of a proposed claim, "is expected to",
//     "seemed"; quotes are not taught it); on
//     the gold stories when it is the speaker FORMAT.md scores right.
//     Decisions with no right candidate teach nothing and are left out;
//   - each claim's start and end, right where PolNeAR's content starts and
//     ends (spaces, quotation marks and final , . ; : aside);
//   - whether to keep each claim proposed by a trigger word (mined from the
//     last words of PolNeAR train's cues), right when it matches a gold
//     content no rule finds; on the gold stories, a gold claim.
//
// It prints, each run, the counts behind the rules the stage keeps (each
// must be right more often than wrong on train). With -cv it first reports
// five-fold cross-validation by article on PolNeAR train.
package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/eval"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/extract/internal/attrib"
	"github.com/whosaid/whosaid/extract/internal/rank"
)

// epochs is the number of passes of the perceptron.
const epochs = 10

// runs is how many perceptrons, each seeing the examples in its own order,
// are averaged into the model.
const runs = 9

// headingRight counts PolNeAR train's proposals in heading-like paragraphs
// by whether they are right: the check of the rule that drops them.
var headingRight = map[bool]int{}

// settledRight counts the speeches whose rules' speaker is kept unranked
// (a name next to the cue) by whether it is right, over those matched to a
// gold content with a source.
var settledRight = map[bool]int{}

// goldWeight is how many times a proposal of the gold stories counts
// against one of PolNeAR's.
const goldWeight = 10

func main() {
	shared := flag.String("shared", "../../shared", "the shared data folder (data/polnear/train)")
	gold := flag.String("gold", "../testdata/gold", "the project's gold stories (not gold-blind)")
	trainGold := flag.String("traingold", "", "gold-format stories written for training (testdata/train-gold), none when empty")
	out := flag.String("out", "internal/attrib/data/attrib.model", "model file to write")
	genders := flag.String("genders", "internal/attrib/data/genders.tsv", "gender table to write")
	cv := flag.Bool("cv", false, "report five-fold cross-validation on PolNeAR train first")
	cvOrder := flag.Uint64("cvorder", 0, "with -cv or -cvcontent, deal the articles into folds shuffled by this seed (0: in file order)")
	cvContent := flag.Bool("cvcontent", false, "report five-fold cross-validation of the claims' contents on PolNeAR train and stop, writing no model")
	flag.Parse()
	if err := run(*shared, *gold, *trainGold, *out, *genders, *cv, *cvContent, *cvOrder); err != nil {
		fmt.Fprintln(os.Stderr, "genrank:", err)
		os.Exit(1)
	}
}

// doc is the labelled decisions of one article: speakers, claims'
// bounds and proposed claims.
type doc struct {
	sets, bounds, props []rank.Set
	// kinds are, for each of sets, the kind of its gold source and of
	// each candidate (mentionKind): what -cv counts the errors by.
	kinds []setKinds
	// held is what -cvcontent rebuilds the article's claims from.
	held heldOut
}

// setKinds is the kind of a decision's gold source and of its candidates.
type setKinds struct {
	gold  string
	cands []string
	// ok marks the candidates the reference scorer takes for the gold
	// source (polnear_score.py's source_ok on the mention's words).
	ok []bool
}

// mentionKind sorts a mention's words: none, pronoun, name (capitalised)
// or descriptor.
func mentionKind(m string) string {
	m = strings.TrimSpace(m)
	switch {
	case m == "":
		return "none"
	case pronounWords[strings.ToLower(m)]:
		return "pronoun"
	case unicode.IsUpper([]rune(m)[0]):
		return "name"
	}
	return "descriptor"
}

var pronounWords = map[string]bool{"he": true, "she": true, "i": true, "we": true, "they": true, "it": true,
	"who": true, "you": true, "his": true, "her": true, "their": true, "its": true, "which": true}

// kindsOf is the kinds of s's gold source and candidates.
func kindsOf(pd eval.PolNeARDoc, s extract.SpeakerSet) setKinds {
	k := setKinds{gold: "none"}
	gi, ok := labelPolNeARAny(pd, s)
	src := ""
	if ok {
		sp := pd.Attributions[gi].Source
		k.gold = mentionKind(pd.Article.Text[sp[0][0]:sp[len(sp)-1][1]])
		src = sourceText(pd, gi)
	}
	for _, c := range s.Cands {
		m := c.Speaker.Name
		if c.Start >= 0 {
			m = pd.Article.Text[c.Start:c.End]
		}
		if !ok {
			k.ok = append(k.ok, m == "")
		} else {
			k.ok = append(k.ok, eval.SourceOK(m, src) || c.Start >= 0 && overlaps(c.Start, c.End, pd.Attributions[gi].Source))
		}
		if c.Start < 0 {
			k.cands = append(k.cands, "rules' "+mentionKind(c.Speaker.Name)+" (no mention)")
		} else {
			k.cands = append(k.cands, mentionKind(pd.Article.Text[c.Start:c.End]))
		}
	}
	return k
}

// absentKind describes the gold source gi of a decision none of whose
// candidates names it: its kind and where it lies from the speech.
func absentKind(pd eval.PolNeARDoc, s extract.SpeakerSet, gi int) string {
	src := pd.Attributions[gi].Source
	t := pd.Article.Text
	ss, se := src[0][0], src[len(src)-1][1]
	where, para := "inside", "same paragraph"
	switch {
	case se <= s.Start:
		where = "before"
		if strings.Contains(t[se:s.Start], "\n") {
			para = "another paragraph"
		}
	case ss >= s.End:
		where = "after"
		if strings.Contains(t[s.End:ss], "\n") {
			para = "another paragraph"
		}
	}
	q := "claim"
	if s.Quote {
		q = "quote"
	}
	return fmt.Sprintf("%s, %s %s the speech, %s", q, mentionKind(t[ss:se]), where, para)
}

func run(shared, goldDir, trainGold, out, genderOut string, cv, cvContent bool, cvOrder uint64) error {
	// The ranker must learn from the rules alone: an empty model file
	// would otherwise not matter, a present one is bypassed by TrainingSets.
	x, err := extract.New()
	if err != nil {
		return err
	}
	pdocs, err := eval.ReadPolNeAR(filepath.Join(shared, "data", "polnear", "train"))
	if err != nil {
		return err
	}
	// The gender table first: the ranker's features read it.
	gs, counts, err := learnGenders(x, pdocs, filepath.Join(shared, "data", "conll2003", "eng.train"))
	if err != nil {
		return err
	}
	if err := writeGenders(genderOut, gs, counts); err != nil {
		return err
	}
	checkResolution(x, pdocs, gs)
	lex := lexicon(pdocs)
	var docs []doc
	total, labelled, noRight := 0, 0, 0
	absent := map[string]int{}
	for _, pd := range pdocs {
		f, sets, bounds, props := x.TrainingSets(pd.Article, lex, gs)
		d := doc{bounds: labelBounds(pd, bounds), props: labelProposals(pd, f, props), held: heldOut{pd, f, props, bounds}}
		for _, s := range sets {
			if s.Settled {
				// Counted only: the check of the rule that keeps them.
				if rs, ok := labelPolNeAR(pd, s); ok {
					settledRight[rs.Gold[0]]++
				} else if _, ok := labelPolNeARAny(pd, s); ok {
					settledRight[false]++
				}
				continue
			}
			total++
			if rs, ok := labelPolNeAR(pd, s); ok {
				d.sets = append(d.sets, rs)
				d.kinds = append(d.kinds, kindsOf(pd, s))
				labelled++
			} else if gi, ok := labelPolNeARAny(pd, s); ok {
				noRight++ // matched to a gold source no candidate names
				absent[absentKind(pd, s, gi)]++
			}
		}
		docs = append(docs, d)
	}
	for _, k := range slices.Sorted(maps.Keys(absent)) {
		fmt.Fprintf(os.Stderr, "  no right candidate: %s: %d\n", k, absent[k])
	}
	fmt.Fprintf(os.Stderr, "polnear train: %d articles, %d decisions, %d with a right candidate, %d matched to a gold source with none\n",
		len(pdocs), total, labelled, noRight)
	var ownProps []rank.Set
	golds, err := eval.LoadDir(goldDir)
	if err != nil {
		return err
	}
	// The speakers of the gold stories and of the training stories.
	own, err := readStories(x, goldDir, lex, gs)
	if err != nil {
		return err
	}
	stories, err := readStories(x, trainGold, lex, gs)
	if err != nil {
		return err
	}
	for _, g := range golds {
		f, _, _, props := x.TrainingSets(g.Article(), lex, gs)
		// What FORMAT.md calls a claim is narrower than PolNeAR's
		// attributions (no stances, intentions or questions): the gold
		// stories' proposals teach that, counted goldWeight times.
		for _, s := range labelGoldProposals(g, f, props) {
			for range goldWeight {
				ownProps = append(ownProps, s)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "rule check on PolNeAR train: the rules' name next to the cue kept unranked: right %d, wrong %d\n", settledRight[true], settledRight[false])
	fmt.Fprintf(os.Stderr, "rule check on PolNeAR train: proposals in heading-like paragraphs right %d, wrong %d\n", headingRight[true], headingRight[false])
	ownSets := storySets(own, 1, -1, 0)
	fmt.Fprintf(os.Stderr, "gold stories: %d articles, %d labelled decisions\n", len(golds), len(ownSets)+len(ownProps))
	fmt.Fprintf(os.Stderr, "training stories: %d articles, %d labelled speaker decisions\n", len(stories), len(storySets(stories, 1, -1, 0)))
	if cvContent {
		contentCV(foldOrder(docs, cvOrder), ownProps)
		return nil
	}
	if cv {
		crossValidate(foldOrder(docs, cvOrder), noRight, ownSets, stories)
	}
	// The speakers apart from the bounds and the proposals: they share no
	// feature, and a change to the one leaves the other's weights alone.
	var speakers, claims []rank.Set
	nb := 0
	for _, d := range docs {
		speakers = append(speakers, d.sets...)
		claims = append(claims, d.bounds...)
		claims = append(claims, d.props...)
		nb += len(d.bounds)
	}
	fmt.Fprintf(os.Stderr, "claim bounds: %d labelled start and end decisions\n", nb)
	speakers = append(speakers, ownSets...)
	speakers = append(speakers, storySets(stories, storyWeight, -1, 0)...)
	claims = append(claims, ownProps...)
	m := rank.TrainApart([][]rank.Set{speakers, claims}, epochs, runs)
	for _, k := range attrib.LexiconKeys(sortedKeys(lex)) {
		m.Set(k, 1)
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create attribution model: %w", err)
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("write attribution model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d features\n", out, m.Len())
	return f.Close()
}

// foldOrder is docs in the order crossValidate deals them into folds: as
// they are for seed 0, else shuffled by seed. The CV figures move by a few
// tens of decisions from one order to another: a change to the ranker is
// worth keeping when it gains in several orders, not in one.
func foldOrder(docs []doc, seed uint64) []doc {
	if seed == 0 {
		return docs
	}
	out := slices.Clone(docs)
	for i := len(out) - 1; i > 0; i-- {
		seed = seed*6364136223846793005 + 1442695040888963407
		j := int(seed>>33) % (i + 1)
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// crossValidate trains on four fifths of the articles and counts right
// decisions on the fifth, for the rules' choice (candidate 0) and the model;
// noRight decisions more have no right candidate at all. Every fold also
// learns from own (the gold stories' speakers) and from the training
// stories, a fifth of which it holds out and counts apart.
func crossValidate(docs []doc, noRight int, own []rank.Set, stories []story) {
	const folds = 5
	n, ruleRight, modelRight, scorerRight := 0, 0, 0, 0
	nb, bRule, bModel := 0, 0, 0
	pTP, pFP, pFN := 0, 0, 0
	errKinds := map[string]int{}
	var st storyTally
	for k := 0; k < folds; k++ {
		train := append(slices.Clone(own), storySets(stories, storyWeight, k, folds)...)
		for i, d := range docs {
			if i%folds != k {
				train = append(train, d.sets...)
			}
		}
		train = appendClaimSets(train, docs, k, folds)
		m := rank.Train(train, epochs, runs)
		st.score(m, stories, k, folds)
		for i := k; i < len(docs); i += folds {
			for _, s := range docs[i].props {
				kept := m.Best(s.Cands) == 0
				switch {
				case kept && s.Gold[0]:
					pTP++
				case kept:
					pFP++
				case s.Gold[0]:
					pFN++
				}
			}
			for _, s := range docs[i].bounds {
				nb++
				if s.Gold[0] {
					bRule++
				}
				if b := m.Best(s.Cands); b >= 0 && s.Gold[b] {
					bModel++
				}
			}
			for j, s := range docs[i].sets {
				n++
				if s.Gold[0] {
					ruleRight++
				}
				kd := docs[i].kinds[j]
				b := m.Best(s.Cands)
				if b >= 0 && kd.ok[b] {
					scorerRight++
				}
				if b >= 0 && s.Gold[b] {
					modelRight++
					errKinds[kd.gold+" right"]++
				} else if b >= 0 {
					errKinds[kd.gold+" wrong, chose "+kd.cands[b]]++
				}
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(errKinds)) {
		fmt.Fprintf(os.Stderr, "  CV speaker decisions, gold source %s: %d\n", k, errKinds[k])
	}
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, %d decisions with a right candidate: rules %.3f, ranker %.3f\n",
		n, float64(ruleRight)/float64(n), float64(modelRight)/float64(n))
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, %d ranked decisions matched to a gold attribution (with a source or none): ranker right %d (%.3f)\n",
		n+noRight, modelRight, float64(modelRight)/float64(n+noRight))
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, the same decisions: ranker's choice right by the reference scorer's source test %d\n", scorerRight)
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, %d claim start/end decisions with a right candidate: rules %.3f, model %.3f\n",
		nb, float64(bRule)/float64(nb), float64(bModel)/float64(nb))
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, proposed claims: %d kept right, %d kept wrong, %d right dropped\n", pTP, pFP, pFN)
	fmt.Fprintf(os.Stderr, "5-fold CV on PolNeAR train, all %d decisions matched to a gold attribution: right %d (kept unranked %d, ranked %d)\n",
		settledRight[true]+settledRight[false]+n+noRight, settledRight[true]+modelRight, settledRight[true], modelRight)
	st.report(len(stories))
}

func overlaps(s, e int, spans [][2]int) bool {
	for _, sp := range spans {
		if s < sp[1] && e > sp[0] {
			return true
		}
	}
	return false
}

// labelPolNeAR finds the gold attribution a decision's speech matches and
// marks the candidates that name its source.
func labelPolNeAR(pd eval.PolNeARDoc, s extract.SpeakerSet) (rank.Set, bool) {
	text := pd.Article.Text
	best, bf := -1, 0.0
	for i, g := range pd.Attributions {
		if !overlaps(s.Start, s.End, g.Content) {
			continue
		}
		if f := eval.TokenF1(g.Text, text[s.Start:s.End]); f >= 0.5 && f > bf {
			best, bf = i, f
		}
	}
	if best < 0 {
		return rank.Set{}, false
	}
	g := pd.Attributions[best]
	if len(g.Source) == 0 {
		if s.Quote {
			// A quotation has a speaker, even where PolNeAR's annotator
			// marked none: naming no one is not taught for quotes.
			return rank.Set{}, false
		}
		// No source: only naming no one is right, as the reference
		// scorer has it.
		rs := rank.Set{}
		any := false
		for _, c := range s.Cands {
			right := c.Start < 0 && c.Speaker.Name == ""
			any = any || right
			rs.Cands = append(rs.Cands, c.Feats)
			rs.Gold = append(rs.Gold, right)
		}
		return rs, any
	}
	src := sourceText(pd, best)
	rs := rank.Set{}
	any := false
	for _, c := range s.Cands {
		right := false
		if c.Start >= 0 {
			right = overlaps(c.Start, c.End, g.Source)
		} else if c.Speaker.Name != "" {
			right = eval.SourceOK(c.Speaker.Name, src)
		}
		any = any || right
		rs.Cands = append(rs.Cands, c.Feats)
		rs.Gold = append(rs.Gold, right)
	}
	return rs, any
}

// labelBounds marks, for each claim matched to a gold content, the
// candidate starts and ends that fall where the gold content starts and
// ends (ignoring spaces, quotation marks and final punctuation, as the
// reference scorer's exact match does).
func labelBounds(pd eval.PolNeARDoc, bounds []extract.Bound) []rank.Set {
	text := pd.Article.Text
	var out []rank.Set
	for _, b := range bounds {
		best, bf := -1, 0.0
		for i, g := range pd.Attributions {
			if !overlaps(b.Start, b.End, g.Content) {
				continue
			}
			if f := eval.TokenF1(g.Text, text[b.Start:b.End]); f >= 0.5 && f > bf {
				best, bf = i, f
			}
		}
		if best < 0 {
			continue
		}
		g := pd.Attributions[best].Content
		gs, ge := canonStart(text, g[0][0]), canonEnd(text, g[len(g)-1][1])
		for _, side := range []struct {
			edges []extract.Edge
			want  int
			canon func(string, int) int
		}{{b.Starts, gs, canonStart}, {b.Ends, ge, canonEnd}} {
			s := rank.Set{}
			any := false
			for _, e := range side.edges {
				right := side.canon(text, e.Off) == side.want
				any = any || right
				s.Cands = append(s.Cands, e.Feats)
				s.Gold = append(s.Gold, right)
			}
			if any {
				out = append(out, s)
			}
		}
	}
	return out
}

// canonStart skips spaces and quotation marks from off.
func canonStart(text string, off int) int {
	for off < len(text) {
		r, n := utf8.DecodeRuneInString(text[off:])
		if !unicode.IsSpace(r) && !strings.ContainsRune(quoteMarks, r) {
			break
		}
		off += n
	}
	return off
}

// canonEnd steps back from off over spaces, quotation marks and , . ; :.
func canonEnd(text string, off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:off])
		if !unicode.IsSpace(r) && !strings.ContainsRune(quoteMarks+",.;:", r) {
			break
		}
		off -= n
	}
	return off
}

const quoteMarks = "\"“”‘’'"

// lexicon is the trigger words: the last words of PolNeAR train's cues that
// end a cue at least minCue times and at least one time in minShare of all
// their occurrences in the texts.
func lexicon(docs []eval.PolNeARDoc) map[string]bool {
	const minCue, minShare = 8, 0.08
	cue, all := map[string]int{}, map[string]int{}
	for _, d := range docs {
		t := d.Article.Text
		for _, w := range strings.FieldsFunc(strings.ToLower(t), notWord) {
			all[w]++
		}
		for _, g := range d.Attributions {
			if len(g.Cue) == 0 {
				continue
			}
			c := g.Cue[len(g.Cue)-1]
			if ws := strings.FieldsFunc(strings.ToLower(t[c[0]:c[1]]), notWord); len(ws) > 0 {
				cue[ws[len(ws)-1]]++
			}
		}
	}
	lex := map[string]bool{}
	for w, n := range cue {
		if n >= minCue && float64(n) >= minShare*float64(all[w]) {
			lex[w] = true
		}
	}
	fmt.Fprintf(os.Stderr, "trigger lexicon: %d words\n", len(lex))
	return lex
}

func notWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// labelProposals marks a proposed claim right when its content matches a
// gold content that no quote or claim of the rules matches.
func labelProposals(pd eval.PolNeARDoc, f whosaid.Findings, props []extract.Proposal) []rank.Set {
	text := pd.Article.Text
	taken := make([]bool, len(pd.Attributions))
	match := func(s, e int) int {
		for i, g := range pd.Attributions {
			if overlaps(s, e, g.Content) && eval.TokenF1(g.Text, text[s:e]) >= 0.5 {
				return i
			}
		}
		return -1
	}
	for _, q := range f.Quotes {
		if i := match(q.Start, q.End); i >= 0 {
			taken[i] = true
		}
	}
	for _, c := range f.Claims {
		if i := match(c.Start, c.End); i >= 0 {
			taken[i] = true
		}
	}
	var out []rank.Set
	for _, p := range props {
		i := match(p.Start, p.End)
		right := i >= 0 && !taken[i]
		if p.Heading {
			// Never kept: counted only, to check the rule.
			headingRight[right]++
			continue
		}
		out = append(out, rank.Set{Cands: [][]uint64{p.Keep, attrib.DropFeatures()}, Gold: []bool{right, !right}})
	}
	return out
}

// labelGoldProposals marks a proposed claim of a gold story right when it
// matches a gold claim that no claim of the rules matches.
func labelGoldProposals(g eval.Gold, f whosaid.Findings, props []extract.Proposal) []rank.Set {
	taken := make([]bool, len(g.Claims))
	match := func(t string) int {
		for i, gc := range g.Claims {
			if eval.TokenF1(gc.Text, t) >= 0.5 {
				return i
			}
		}
		return -1
	}
	for _, c := range f.Claims {
		if i := match(c.Text); i >= 0 {
			taken[i] = true
		}
	}
	var out []rank.Set
	for _, p := range props {
		if p.Heading {
			continue
		}
		i := match(g.Text[p.Start:p.End])
		right := i >= 0 && !taken[i]
		out = append(out, rank.Set{Cands: [][]uint64{p.Keep, attrib.DropFeatures()}, Gold: []bool{right, !right}})
	}
	return out
}

// labelPolNeARAny reports whether a decision's speech matches a gold
// content with a source, whatever its candidates.
func labelPolNeARAny(pd eval.PolNeARDoc, s extract.SpeakerSet) (int, bool) {
	text := pd.Article.Text
	for i, g := range pd.Attributions {
		if overlaps(s.Start, s.End, g.Content) && len(g.Source) > 0 && eval.TokenF1(g.Text, text[s.Start:s.End]) >= 0.5 {
			return i, true
		}
	}
	return -1, false
}

// sourceText is the words of attribution i's source, its spans joined by
// spaces.
func sourceText(pd eval.PolNeARDoc, i int) string {
	var b strings.Builder
	for j, sp := range pd.Attributions[i].Source {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pd.Article.Text[sp[0]:sp[1]])
	}
	return b.String()
}
