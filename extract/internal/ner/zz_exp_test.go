package ner

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

func expRead(path string) []TrainDoc {
	f, _ := os.Open(path)
	defer f.Close()
	var docs []TrainDoc
	var d TrainDoc
	prev := "O"
	endS := func() {
		if n := len(d.Words); n > 0 && (len(d.Ends) == 0 || d.Ends[len(d.Ends)-1] != n) {
			d.Ends = append(d.Ends, n)
		}
		prev = "O"
	}
	endD := func() {
		endS()
		if len(d.Words) > 0 {
			docs = append(docs, d)
		}
		d = TrainDoc{}
	}
	typ := map[string]int{"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) > 0 && cols[0] == "-DOCSTART-" {
			endD()
			continue
		}
		if len(cols) < 4 {
			endS()
			continue
		}
		tag := cols[3]
		if tag != "O" {
			t := tag[2:]
			if strings.HasPrefix(tag, "B-") || prev == "O" || prev[2:] != t {
				d.Spans = append(d.Spans, Span{len(d.Words), len(d.Words) + 1, typ[t]})
			} else {
				d.Spans[len(d.Spans)-1].End++
			}
		}
		prev = tag
		d.Words = append(d.Words, cols[0])
	}
	endD()
	return docs
}

func TestZZExp(t *testing.T) {
	if os.Getenv("NEREXP") == "" {
		t.Skip()
	}
	dir := "../../data/"
	rd := func(f string) string { b, _ := os.ReadFile(dir + f); return string(b) }
	lex := NewLexicon(rd("countries.tsv"), rd("places.tsv"), rd("words.tsv"), nil)
	train := expRead("/work/shared/data/conll2003/eng.train")
	testa := expRead("/work/shared/data/conll2003/eng.testa")
	t0 := time.Now()
	ep, _ := strconv.Atoi(os.Getenv("EPOCHS"))
	if ep == 0 {
		ep = 8
	}
	var m *Model
	if os.Getenv("LOAD") != "" {
		raw, _ := os.ReadFile("../../data/ner.model.gz")
		m, _ = Load(raw)
	} else {
		m = Train(train, lex, ep)
	}
	fmt.Println("train", time.Since(t0), m.Features())
	conf := map[string]int{}
	var tp, fp, fn [4]int
	var d Doc
	if os.Getenv("ONTRAIN") != "" {
		testa = train[:200]
	}
	for _, doc := range testa {
		d.Words, d.Ends = doc.Words, doc.Ends
		got := m.Tag(&d, lex)
		for _, sp := range got {
			if doc.Words[sp.Start] == "Frankie" {
				fmt.Println("DBG", sp, doc.Words[sp.Start:sp.End], d.Labels()[sp.Start:sp.End+1])
			}
		}
		gs := map[[2]int]int{}
		for _, s := range doc.Spans {
			gs[[2]int{s.Start, s.End}] = s.Type + 1
		}
		for _, s := range got {
			g := gs[[2]int{s.Start, s.End}]
			if g == s.Type+1 {
				tp[s.Type]++
				delete(gs, [2]int{s.Start, s.End})
				continue
			}
			fp[s.Type]++
			gt := "-"
			if g > 0 {
				gt = Types[g-1]
			}
			conf[gt+">"+Types[s.Type]]++
			if os.Getenv("SHOW") != "" && (gt == os.Getenv("SHOW") || Types[s.Type] == os.Getenv("SHOW")) {
				fmt.Println("FP", gt, Types[s.Type], doc.Words[max(0, s.Start-3):min(len(doc.Words), s.End+3)], d.Labels()[max(0, s.Start-3):min(len(doc.Words), s.End+3)])
			}
		}
		for k, g := range gs {
			if os.Getenv("SHOW") == Types[g-1] {
				fmt.Println("FN", Types[g-1], doc.Words[max(0, k[0]-3):min(len(doc.Words), k[1]+3)], d.Labels()[max(0, k[0]-3):min(len(doc.Words), k[1]+3)])
			}
			fn[g-1]++
		}
	}
	for i := range Types {
		p := float64(tp[i]) / float64(tp[i]+fp[i])
		r := float64(tp[i]) / float64(tp[i]+fn[i])
		fmt.Printf("%s P=%.4f R=%.4f F=%.4f\n", Types[i], p, r, 2*p*r/(p+r))
	}
	fmt.Println(conf)
}

func BenchmarkZZTag(b *testing.B) {
	dir := "../../data/"
	rd := func(f string) string { b, _ := os.ReadFile(dir + f); return string(b) }
	lex := NewLexicon(rd("countries.tsv"), rd("places.tsv"), rd("words.tsv"), nil)
	raw, _ := os.ReadFile(dir + "ner.model.gz")
	m, err := Load(raw)
	if err != nil {
		b.Fatal(err)
	}
	testa := expRead("/work/shared/data/conll2003/eng.testa")
	n := 0
	for _, d := range testa {
		n += len(d.Words)
	}
	var d Doc
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, doc := range testa {
			d.Words, d.Ends = doc.Words, doc.Ends
			m.Tag(&d, lex)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
