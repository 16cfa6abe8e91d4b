package text

import "strings"

// HonorificGender reads "m" or "f" from a title that is an honorific
// ("Mr.", "Mrs"), "" from any other.
func HonorificGender(title string) string {
	switch strings.TrimSuffix(title, ".") {
	case "Mr", "Sir", "Lord":
		return "m"
	case "Mrs", "Ms", "Miss", "Mme", "Dame", "Lady":
		return "f"
	}
	return ""
}

// nameSuffixes follow a surname without being one ("Jr.", "III").
var nameSuffixes = map[string]bool{"Jr": true, "Sr": true, "II": true, "III": true, "IV": true}

// Surname is the last word of a person's name, passing over suffixes
// ("Martin Luther King Jr." is a King) and a possessive.
func Surname(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && nameSuffixes[strings.TrimSuffix(ws[len(ws)-1], ".")] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return ""
	}
	return strings.TrimSuffix(strings.TrimSuffix(ws[len(ws)-1], "’s"), "'s")
}
