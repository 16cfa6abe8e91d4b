package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   \t\n", ""},
		{"clear path", `"clear" "path"`},
		{`"clear path"`, `"clear path"`},
		{`"clear path" now`, `"clear path" "now"`},
		{"defen*", `"defen"*`},
		{"defen**", `"defen"*`},
		{"*", ""},
		{"^", ""},
		{`"`, ""},
		{`""`, ""},
		{`say "hi`, `"say" """hi"`},
		{`a"b`, `"a""b"`},
		{"AND OR NOT", `"AND" "OR" "NOT"`},
		{"NEAR(", `"NEAR("`},
		{"'; DROP TABLE articles; --", `"DROP" "TABLE" "articles;"`},
		{"col:word", `"col:word"`},
		{"naïve Ünïcode", `"naïve" "Ünïcode"`},
		{"2%", `"2%"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, ftsQuery(tt.in))
		})
	}
}
