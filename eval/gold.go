package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Gold is one annotated article.
type Gold struct {
	ID            string       `json:"id"`
	Published     string       `json:"published"`
	Text          string       `json:"text"`
	People        []string     `json:"people"`
	Organizations []string     `json:"organizations"`
	Countries     []string     `json:"countries"`
	Dates         []GoldDate   `json:"dates"`
	Amounts       []GoldAmount `json:"amounts"`
	Quotes        []GoldSpeech `json:"quotes"`
	Claims        []GoldSpeech `json:"claims"`

	// Path is the file the article was read from.
	Path string `json:"-"`
}

// GoldDate is an annotated calendar expression.
type GoldDate struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// GoldAmount is an annotated sum of money or percentage.
type GoldAmount struct {
	Text   string  `json:"text"`
	Kind   string  `json:"kind"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Of     string  `json:"of"`
	Target bool    `json:"target"`
}

// GoldSpeech is an annotated quote or claim. Speaker is empty when the gold
// says null (an unknown speaker).
type GoldSpeech struct {
	Text        string `json:"text"`
	Speaker     string `json:"speaker"`
	SpeakerKind string `json:"speaker_kind"`
}

// LoadDir reads every *.json gold file in dir, sorted by name. It fails on
// the first file that is not valid gold, naming it.
func LoadDir(dir string) ([]Gold, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("list gold files: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no gold files (*.json)", dir)
	}
	sort.Strings(paths)
	golds := make([]Gold, 0, len(paths))
	for _, p := range paths {
		g, err := LoadFile(p)
		if err != nil {
			return nil, err
		}
		golds = append(golds, g)
	}
	return golds, nil
}

// LoadFile reads one gold file.
func LoadFile(path string) (Gold, error) {
	var g Gold
	b, err := os.ReadFile(path)
	if err != nil {
		return g, fmt.Errorf("read gold: %w", err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return g, fmt.Errorf("%s: invalid gold JSON: %w", path, err)
	}
	if strings.TrimSpace(g.Text) == "" {
		return g, fmt.Errorf("%s: gold has no text", path)
	}
	if g.ID == "" {
		g.ID = strings.TrimSuffix(filepath.Base(path), ".json")
	}
	g.Path = path
	return g, nil
}
