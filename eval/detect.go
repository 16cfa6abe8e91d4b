package eval

import (
	"os"
	"path/filepath"
	"strings"
)

// Kind names a kind of evaluation data.
type Kind string

// The evaluation data whosaid reads.
const (
	KindGold        Kind = "gold"        // our gold JSON (FORMAT.md)
	KindCoNLL       Kind = "conll"       // CoNLL-2003 NER columns
	KindTimeBank    Kind = "timebank"    // TimeML .tml files
	KindRecognizers Kind = "recognizers" // Microsoft Recognizers-Text spec JSON
	KindPolNeAR     Kind = "polnear"     // PolNeAR brat attributions
	KindAEB         Kind = "aeb"         // Zyte article-extraction benchmark: ground-truth.json + html/
	KindMeantime    Kind = "meantime"    // MEANTIME (NewsReader CAT XML), a folder of *.xml
	KindUnknown     Kind = ""
)

// Detect tells what kind of evaluation data path holds, from file names
// alone, so that `whosaid eval PATH` needs no flag.
func Detect(path string) Kind {
	fi, err := os.Stat(path)
	if err != nil {
		return KindUnknown
	}
	if !fi.IsDir() {
		base := strings.ToLower(filepath.Base(path))
		switch {
		case strings.HasPrefix(base, "eng.") || strings.HasSuffix(base, ".conll"):
			return KindCoNLL
		case strings.HasSuffix(base, ".tml"):
			return KindTimeBank
		case strings.HasSuffix(base, "model.json"):
			return KindRecognizers
		case strings.HasSuffix(base, ".json"):
			return KindGold
		}
		return KindUnknown
	}
	if isDir(filepath.Join(path, "html")) && fileExists(filepath.Join(path, "ground-truth.json")) {
		return KindAEB
	}
	if isDir(filepath.Join(path, "attributions")) && isDir(filepath.Join(path, "text")) {
		return KindPolNeAR
	}
	if has(path, "*.tml") || has(path, "*/*.tml") {
		return KindTimeBank
	}
	if has(path, "*.xml") || has(path, "*/*.xml") {
		return KindMeantime
	}
	if has(path, "*Model.json") {
		return KindRecognizers
	}
	if has(path, "*.json") {
		return KindGold
	}
	return KindUnknown
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// fileExists reports whether p is a regular file.
func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func has(dir, pattern string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, pattern))
	return len(m) > 0
}
