package rank

import (
	"bytes"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestReadWriteTo checks that Read gives back the weights WriteTo wrote,
// scores with them as the model it was written from, and writes them
// again byte for byte.
func TestReadWriteTo(t *testing.T) {
	m := &Model{w: map[uint64]float32{}}
	for i := uint64(1); i <= 300; i++ {
		m.Set(i*0x9E3779B97F4A7C15, float32(i)/7-20)
	}
	m.Set(0x0123456789abcdef, 1.5e-05)
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != m.Len() {
		t.Fatalf("read %d weights, wrote %d", got.Len(), m.Len())
	}
	for k, v := range m.w {
		if w := got.weight(k); w != v {
			t.Fatalf("weight of %016x: read %v, wrote %v", k, w, v)
		}
		if !got.Has(k) {
			t.Fatalf("read model lacks %016x", k)
		}
	}
	if got.Has(42) || got.weight(42) != 0 {
		t.Fatal("read model has a key never written")
	}
	var again bytes.Buffer
	if _, err := got.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), b.Bytes()) {
		t.Fatal("a read model writes other bytes")
	}
	got.Set(42, 2)
	if got.Len() != m.Len()+1 || got.weight(42) != 2 || got.weight(1*0x9E3779B97F4A7C15) != m.w[1*0x9E3779B97F4A7C15] {
		t.Fatal("Set on a read model lost or missed weights")
	}
}

// TestReadForms checks keys strconv would accept though WriteTo never
// writes them, a later line overriding an earlier one, CRLF, and the
// malformed lines Read rejects.
func TestReadForms(t *testing.T) {
	m, err := Read(strings.NewReader("1f 0.5\r\n00000000000000AB 2\n1f -1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.weight(0x1f) != -1 || m.weight(0xab) != 2 || m.Len() != 2 {
		t.Fatalf("got weights %v", m.weights())
	}
	for _, bad := range []string{"0000000000000001\n", "zz 1\n", "0000000000000001 x\n", "0000000000000001 1\n\n0000000000000002 1\n"} {
		if _, err := Read(strings.NewReader(bad)); err == nil {
			t.Errorf("Read(%q) did not fail", bad)
		}
	}
}

// TestParseShortFloat checks the fast weight parser against strconv on
// every weight of the attribution model and on float32s of many sizes as
// WriteTo writes them: it must give the same bits or leave the weight to
// strconv.
func TestParseShortFloat(t *testing.T) {
	var ws []string
	data, err := os.ReadFile("../attrib/data/attrib.model")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		_, w, _ := strings.Cut(line, " ")
		ws = append(ws, w)
	}
	seed := uint64(1)
	for range 200000 {
		seed = seed*6364136223846793005 + 1442695040888963407
		v := math.Float32frombits(uint32(seed >> 32))
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			continue
		}
		ws = append(ws, strconv.FormatFloat(float64(v), 'g', -1, 32))
		r := float32(strconvRound(float64(v)))
		ws = append(ws, strconv.FormatFloat(float64(r), 'g', -1, 32))
	}
	ws = append(ws, "0", "-0", "1e+06", "1.5e-05", "1234567", "12345678", "1e-10", "1e-11", ".5", "5.", "-", "", "1e5", "1e+", "1.2.3", "1e+1000")
	fast := 0
	for _, w := range ws {
		got, ok := parseShortFloat([]byte(w))
		if !ok {
			continue
		}
		fast++
		want, err := strconv.ParseFloat(w, 32)
		if err != nil || math.Float32bits(got) != math.Float32bits(float32(want)) {
			t.Fatalf("parseShortFloat(%q) = %v, strconv %v (%v)", w, got, float32(want), err)
		}
	}
	if fast < len(ws)/10 {
		t.Fatalf("only %d of %d weights took the fast path", fast, len(ws))
	}
}

// TestParseAttribModel checks that the attribution model make model wrote
// parses into weights that write it again byte for byte.
func TestParseAttribModel(t *testing.T) {
	data, err := os.ReadFile("../attrib/data/attrib.model")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), data) {
		t.Fatal("the parsed model writes other bytes")
	}
}
