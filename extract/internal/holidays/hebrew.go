package holidays

import "time"

// The Hebrew calendar's arithmetic, after Reingold and Dershowitz,
// Calendrical Calculations: a year's start follows from the mean new moon
// (molad) of Tishrei and the postponement rules (dehiyyot), so every
// holiday is exact for any year.

// hebrewEpoch is the fixed day number (R.D., 1 January of year 1 in the
// proleptic Gregorian calendar is day 1) of 1 Tishrei AM 1.
const hebrewEpoch = -1373427

// hebrewElapsedDays is the number of days from the epoch to the molad of
// Tishrei of hebrew year y, after the first postponement rules.
func hebrewElapsedDays(y int) int {
	months := (235*y - 234) / 19
	parts := 12084 + 13753*months
	days := 29*months + parts/25920
	if (3*(days+1))%7 < 3 {
		days++
	}
	return days
}

// hebrewYearLengthCorrection delays a year's start so that no year has a
// forbidden length.
func hebrewYearLengthCorrection(y int) int {
	ny0, ny1, ny2 := hebrewElapsedDays(y-1), hebrewElapsedDays(y), hebrewElapsedDays(y+1)
	switch {
	case ny2-ny1 == 356:
		return 2
	case ny1-ny0 == 382:
		return 1
	}
	return 0
}

// hebrewNewYear is the fixed day number of 1 Tishrei of hebrew year y.
func hebrewNewYear(y int) int {
	return hebrewEpoch + hebrewElapsedDays(y) + hebrewYearLengthCorrection(y)
}

// fixedToTime turns a fixed day number into a time at midnight UTC.
func fixedToTime(rd int) time.Time {
	return time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rd-1)
}

// hebrewDate finds a Hebrew-calendar holiday in Gregorian year.
func hebrewDate(year int, r rule) time.Time {
	// The Hebrew year that begins in the autumn of Gregorian year.
	hy := year + 3761
	ny := hebrewNewYear(hy)
	switch {
	case r.m == 4:
		// 15 Nisan, in the spring: Nisan to Elul have fixed lengths, so it
		// is always 163 days before the next 1 Tishrei.
		return fixedToTime(ny - 163 + r.d)
	case r.n == 1:
		// 25 Kislev: Tishrei has 30 days; Cheshvan 30 in a complete year
		// (355 or 385 days long), else 29.
		cheshvan := 29
		if (hebrewNewYear(hy+1)-ny)%10 == 5 {
			cheshvan = 30
		}
		return fixedToTime(ny + 30 + cheshvan + 24)
	}
	return fixedToTime(ny + r.d)
}
