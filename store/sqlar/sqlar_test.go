package sqlar_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"database/sql"
	"database/sql/driver"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/whosaid/whosaid/internal/testcorpus"
	"github.com/whosaid/whosaid/store/sqlar"
)

var prose = []byte(strings.Repeat("Secretary of State Rex Tillerson said on Tuesday that NATO allies must pay more. ", 20))

func TestRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		raw  bool // stored as it is
	}{
		{"prose", prose, false},
		{"empty", []byte{}, true},
		{"one byte", []byte("x"), true},
		{"incompressible", []byte("q7#Zk"), true},
		{"utf-8", []byte(strings.Repeat("Ça coûte 5 € — «oui». ", 30)), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			body := sqlar.Compress(tt.data)
			if tt.raw {
				assert.Equal(t, tt.data, body)
			} else {
				assert.Less(t, len(body), len(tt.data))
				// A plain zlib stream, as sqlite3's sqlar_compress writes.
				zr, err := zlib.NewReader(bytes.NewReader(body))
				require.NoError(t, err)
				var out bytes.Buffer
				_, err = out.ReadFrom(zr)
				require.NoError(t, err)
				assert.Equal(t, tt.data, out.Bytes())
			}
			got, err := sqlar.Uncompress(body, int64(len(tt.data)))
			require.NoError(t, err)
			assert.Equal(t, string(tt.data), string(got))
		})
	}
}

func TestUncompressRefusesWrongSize(t *testing.T) {
	body := sqlar.Compress(prose)
	for _, size := range []int64{int64(len(prose)) - 1, int64(len(prose)) + 1} {
		_, err := sqlar.Uncompress(body, size)
		assert.ErrorIs(t, err, sqlar.ErrCorrupt, "size %d", size)
	}
	_, err := sqlar.Uncompress([]byte("not zlib at all"), 100)
	assert.ErrorIs(t, err, sqlar.ErrCorrupt)
}

// TestRegister checks the SQL function against sqlite3's: NULL stays NULL,
// data not compressed comes back as it is, compressed data inflated, and
// the repeated article of consecutive rows read right.
func TestRegister(t *testing.T) {
	db := open(t)
	body, other := sqlar.Compress(prose), sqlar.Compress([]byte(strings.Repeat("other text, ", 50)))
	var null sql.NullString
	require.NoError(t, db.QueryRow(`SELECT sqlar_uncompress(NULL, NULL)`).Scan(&null))
	assert.False(t, null.Valid)
	var s string
	require.NoError(t, db.QueryRow(`SELECT sqlar_uncompress('raw text', 8)`).Scan(&s))
	assert.Equal(t, "raw text", s)
	require.NoError(t, db.QueryRow(`SELECT typeof(sqlar_uncompress('raw text', NULL))`).Scan(&s))
	assert.Equal(t, "text", s)
	rows, err := db.Query(`SELECT CAST(sqlar_uncompress(b, n) AS TEXT) FROM (SELECT ?1 AS b, ?2 AS n
		UNION ALL SELECT ?1, ?2 UNION ALL SELECT ?3, ?4 UNION ALL SELECT ?1, ?2)`,
		body, len(prose), other, 600)
	require.NoError(t, err)
	var got []string
	for rows.Next() {
		require.NoError(t, rows.Scan(&s))
		got = append(got, s)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{string(prose), string(prose), strings.Repeat("other text, ", 50), string(prose)}, got)
	err = db.QueryRow(`SELECT sqlar_uncompress(x'00112233', 10)`).Scan(&s)
	assert.Error(t, err)
}

// TestSqlite3CLI reads what sqlar.Compress wrote with the sqlite3 command line's
// own sqlar_uncompress, when sqlite3 is installed.
func TestSqlite3CLI(t *testing.T) {
	cli, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("no sqlite3 command line")
	}
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := sql.Open("sqlite3", path)
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`CREATE TABLE t (body BLOB, size INTEGER); INSERT INTO t VALUES (?, ?), (?, ?)`,
		sqlar.Compress(prose), len(prose), sqlar.Compress([]byte("x")), 1)
	require.NoError(t, err)
	out, err := exec.Command(cli, path, "SELECT CAST(sqlar_uncompress(body, size) AS TEXT) FROM t").Output()
	require.NoError(t, err)
	assert.Equal(t, string(prose)+"\nx\n", string(out))
}

// open opens a database whose connections have sqlar_uncompress.
func open(t *testing.T) *sql.DB {
	t.Helper()
	drv := &sqlite3.SQLiteDriver{ConnectHook: sqlar.Register}
	db := sql.OpenDB(connector{drv, filepath.Join(t.TempDir(), "t.db")})
	t.Cleanup(func() { db.Close() })
	return db
}

type connector struct {
	drv *sqlite3.SQLiteDriver
	dsn string
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return c.drv }

// corpus is the text of the speed corpus's articles (../shared).
func corpus(tb testing.TB) [][]byte {
	tb.Helper()
	var texts [][]byte
	for _, a := range testcorpus.Speed(tb) {
		texts = append(texts, []byte(a.Text))
	}
	return texts
}

// BenchmarkCompress reports the cost of compressing an article and the
// stored bytes per text byte.
func BenchmarkCompress(b *testing.B) {
	texts := corpus(b)
	var in, out int
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		t := texts[i%len(texts)]
		in += len(t)
		out += len(sqlar.Compress(t))
	}
	b.ReportMetric(float64(out)/float64(in), "stored/text")
}

// BenchmarkUncompress reports the cost of reading an article back.
func BenchmarkUncompress(b *testing.B) {
	texts := corpus(b)
	bodies := make([][]byte, len(texts))
	for i, t := range texts {
		bodies[i] = sqlar.Compress(t)
	}
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		j := i % len(texts)
		if _, err := sqlar.Uncompress(bodies[j], int64(len(texts[j]))); err != nil {
			b.Fatal(err)
		}
	}
}
