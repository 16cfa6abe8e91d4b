package holidays

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDate(t *testing.T) {
	tests := []struct {
		key  string
		year int
		want string
	}{
		{"christmas", 2018, "2018-12-25"},
		{"new-years-eve", 2018, "2018-12-31"},
		{"easter", 2019, "2019-04-21"},
		{"easter", 2020, "2020-04-12"},
		{"easter", 2008, "2008-03-23"},
		{"easter", 2000, "2000-04-23"},
		{"easter", 2038, "2038-04-25"},
		{"good-friday", 2019, "2019-04-19"},
		{"easter-monday", 2018, "2018-04-02"},
		{"ash-wednesday", 2019, "2019-03-06"},
		{"pentecost", 2020, "2020-05-31"},
		{"orthodox-easter", 2019, "2019-04-28"},
		{"orthodox-easter", 2020, "2020-04-19"},
		{"orthodox-easter", 2021, "2021-05-02"},
		{"thanksgiving", 2019, "2019-11-28"},
		{"thanksgiving", 2020, "2020-11-26"},
		{"black-friday", 2018, "2018-11-23"},
		{"memorial-day", 2019, "2019-05-27"},
		{"labor-day", 2019, "2019-09-02"},
		{"mlk-day", 2020, "2020-01-20"},
		{"mothers-day", 2019, "2019-05-12"},
		{"election-day", 2016, "2016-11-08"},
		{"election-day", 2020, "2020-11-03"},
		{"passover", 2019, "2019-04-20"},
		{"passover", 2020, "2020-04-09"},
		{"passover", 2021, "2021-03-28"},
		{"passover", 2023, "2023-04-06"},
		{"rosh-hashanah", 2019, "2019-09-30"},
		{"rosh-hashanah", 2021, "2021-09-07"},
		{"rosh-hashanah", 2023, "2023-09-16"},
		{"yom-kippur", 2019, "2019-10-09"},
		{"yom-kippur", 2023, "2023-09-25"},
		{"hanukkah", 2019, "2019-12-23"},
		{"hanukkah", 2020, "2020-12-11"},
		{"hanukkah", 2021, "2021-11-29"},
		{"hanukkah", 2022, "2022-12-19"},
		{"hanukkah", 2023, "2023-12-08"},
		{"purim", 2019, "2019-03-21"},
		{"lunar-new-year", 2019, "2019-02-05"},
		{"lunar-new-year", 2020, "2020-01-25"},
		{"lunar-new-year", 2021, "2021-02-12"},
		{"lunar-new-year", 2023, "2023-01-22"},
		{"lunar-new-year", 2024, "2024-02-10"},
		{"mid-autumn-festival", 2019, "2019-09-13"},
		{"eid-al-fitr", 2017, "2017-06-25"},
		{"eid-al-fitr", 2018, "2018-06-15"},
		{"eid-al-fitr", 2019, "2019-06-04"},
		{"eid-al-fitr", 2020, "2020-05-24"},
		{"eid-al-fitr", 2023, "2023-04-21"},
		{"eid-al-adha", 2019, "2019-08-11"},
		{"eid-al-adha", 2020, "2020-07-31"},
		{"eid-al-adha", 2023, "2023-06-28"},
		{"diwali", 2010, "2010-11-05"},
		{"diwali", 2011, "2011-10-26"},
		{"diwali", 2012, "2012-11-13"},
		{"diwali", 2013, "2013-11-03"},
		{"diwali", 2014, "2014-10-23"},
		{"diwali", 2015, "2015-11-11"},
		{"diwali", 2016, "2016-10-30"},
		{"diwali", 2017, "2017-10-19"},
		{"diwali", 2018, "2018-11-07"},
		{"diwali", 2019, "2019-10-27"},
		{"diwali", 2020, "2020-11-14"},
		{"diwali", 2021, "2021-11-04"},
		{"diwali", 2022, "2022-10-24"},
		{"diwali", 2023, "2023-11-12"},
		{"diwali", 2024, "2024-10-31"},
		{"diwali", 2025, "2025-10-20"},
	}
	for _, tt := range tests {
		t.Run(tt.key+" "+tt.want, func(t *testing.T) {
			got, ok := Date(tt.key, tt.year)
			assert.True(t, ok)
			assert.Equal(t, tt.want, got.Format("2006-01-02"))
		})
	}
}

func TestDateOutOfRange(t *testing.T) {
	_, ok := Date("eid-al-fitr", 1900)
	assert.False(t, ok, "the Islamic tables start in 1950")
	_, ok = Date("no-such-day", 2019)
	assert.False(t, ok)
	_, ok = Date("easter", 1500)
	assert.False(t, ok, "before the Gregorian calendar")
}

func TestDatesTwiceAYear(t *testing.T) {
	// 1 Shawwal fell in January and again in December 2000.
	ds := Dates("eid-al-fitr", 2000)
	if assert.Len(t, ds, 2) {
		assert.Equal(t, time.January, ds[0].Month())
		assert.Equal(t, time.December, ds[1].Month())
	}
}

func TestTablesCoverEveryYear(t *testing.T) {
	for _, key := range []string{"lunar-new-year", "eid-al-fitr", "eid-al-adha", "diwali", "ramadan"} {
		for y := tablesFirst; y <= tablesLast; y++ {
			_, ok := Date(key, y)
			assert.Truef(t, ok, "%s %d", key, y)
		}
	}
}

func TestLookup(t *testing.T) {
	for name, want := range map[string]string{
		"Easter Monday":     "easter-monday",
		"Valentine's Day":   "valentines-day",
		"St. Patrick’s Day": "st-patricks-day",
		"Eid al-Fitr":       "eid-al-fitr",
		"Eid-ul-Adha":       "eid-al-adha",
		"New Year's Eve":    "new-years-eve",
		"Lunar New Year":    "lunar-new-year",
	} {
		key, ok := Lookup(Normalize(name))
		assert.True(t, ok, name)
		assert.Equal(t, want, key, name)
	}
	assert.True(t, Starts("eid"))
	assert.False(t, Starts("said"))
	assert.GreaterOrEqual(t, MaxWords, 4)
}

func TestEveryKeyHasAName(t *testing.T) {
	named := map[string]bool{}
	for _, k := range names {
		named[k] = true
		_, ok := rules[k]
		assert.Truef(t, ok, "name for unknown key %s", k)
	}
	for _, k := range Keys() {
		assert.Truef(t, named[k], "key %s has no name", k)
	}
}

func BenchmarkDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Date("eid-al-fitr", 2019)
		Date("easter", 2019)
		Date("hanukkah", 2019)
	}
}
