package eval

import "fmt"

// Metric counts true positives, false positives and false negatives of one
// kind of finding. Counts add up across articles (micro-averaging).
type Metric struct {
	Name       string
	TP, FP, FN int
}

// Precision is TP / (TP + FP), or 0 when nothing was predicted.
func (m Metric) Precision() float64 { return ratio(m.TP, m.TP+m.FP) }

// Recall is TP / (TP + FN), or 0 when there was nothing to find.
func (m Metric) Recall() float64 { return ratio(m.TP, m.TP+m.FN) }

// F1 is the harmonic mean of precision and recall.
func (m Metric) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (m Metric) String() string {
	return fmt.Sprintf("%-22s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)",
		m.Name, m.Precision(), m.Recall(), m.F1(), m.TP, m.FP, m.FN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Accuracy is a share of correct answers, such as speakers right among
// matched quotes.
type Accuracy struct {
	Name           string
	Right, Counted int
}

// Value is Right / Counted, or 0 when nothing was counted.
func (a Accuracy) Value() float64 { return ratio(a.Right, a.Counted) }

func (a Accuracy) String() string {
	return fmt.Sprintf("%-22s %.3f  (%d of %d)", a.Name, a.Value(), a.Right, a.Counted)
}
