package main

import (
	"math"
	"time"
)

// Diwali's Lakshmi Puja falls on the Amavasya (the thirtieth tithi: the
// Moon between 348° and 360° east of the Sun) that ends the amanta month
// Ashvin, the lunar month in which the Sun enters sidereal Libra (Tula
// sankranti, Lahiri ayanamsa). The day is the first whose sunset in New
// Delhi falls inside that tithi; if no sunset does, the day it begins.
// Positions follow Meeus, Astronomical Algorithms (ch. 25 and 47, the
// larger terms), good to well under a minute of the tithi's start.

// ist is India Standard Time.
var ist = time.FixedZone("IST", 5*3600+1800)

// julianDay returns the Julian day (UT) of t.
func julianDay(t time.Time) float64 {
	return float64(t.Unix())/86400 + 2440587.5
}

// fromJulianDay is julianDay's inverse.
func fromJulianDay(jd float64) time.Time {
	return time.Unix(0, int64((jd-2440587.5)*86400*1e9)).UTC()
}

// centuries is Julian centuries of Terrestrial Time since J2000 at jd (UT),
// with ΔT taken as a straight line through 29 s in 1950 and 69 s in 2020.
func centuries(jd float64) float64 {
	year := 2000 + (jd-2451545)/365.25
	deltaT := 29 + (year-1950)*40/70
	return (jd + deltaT/86400 - 2451545) / 36525
}

func rad(deg float64) float64 { return deg * math.Pi / 180 }

func norm360(deg float64) float64 {
	deg = math.Mod(deg, 360)
	if deg < 0 {
		deg += 360
	}
	return deg
}

// sunLongitude is the Sun's apparent geometric longitude in degrees, less
// nutation (which the Moon shares, so the elongation loses it).
func sunLongitude(t float64) float64 {
	l0 := 280.46646 + 36000.76983*t + 0.0003032*t*t
	m := rad(357.52911 + 35999.05029*t - 0.0001537*t*t)
	c := (1.914602-0.004817*t-0.000014*t*t)*math.Sin(m) + (0.019993-0.000101*t)*math.Sin(2*m) + 0.000289*math.Sin(3*m)
	return norm360(l0 + c - 0.00569)
}

// moonTerms are Meeus's table 47.A longitude terms: multiples of D, M, M',
// F and the coefficient in millionths of a degree.
var moonTerms = [][5]float64{
	{0, 0, 1, 0, 6288774}, {2, 0, -1, 0, 1274027}, {2, 0, 0, 0, 658314}, {0, 0, 2, 0, 213618},
	{0, 1, 0, 0, -185116}, {0, 0, 0, 2, -114332}, {2, 0, -2, 0, 58793}, {2, -1, -1, 0, 57066},
	{2, 0, 1, 0, 53322}, {2, -1, 0, 0, 45758}, {0, 1, -1, 0, -40923}, {1, 0, 0, 0, -34720},
	{0, 1, 1, 0, -30383}, {2, 0, 0, -2, 15327}, {0, 0, 1, 2, -12528}, {0, 0, 1, -2, 10980},
	{4, 0, -1, 0, 10675}, {0, 0, 3, 0, 10034}, {4, 0, -2, 0, 8548}, {2, 1, -1, 0, -7888},
	{2, 1, 0, 0, -6766}, {1, 0, -1, 0, -5163}, {1, 1, 0, 0, 4987}, {2, -1, 1, 0, 4036},
	{2, 0, 2, 0, 3994}, {4, 0, 0, 0, 3861}, {2, 0, -3, 0, 3665}, {0, 1, -2, 0, -2689},
	{2, 0, -1, 2, -2602}, {2, -1, -2, 0, 2390}, {1, 0, 1, 0, -2348}, {2, -2, 0, 0, 2236},
	{0, 1, 2, 0, -2120}, {0, 2, 0, 0, -2069}, {2, -2, -1, 0, 2048}, {2, 0, 1, -2, -1773},
	{2, 0, 0, 2, -1595}, {4, -1, -1, 0, 1215}, {0, 0, 2, 2, -1110}, {3, 0, -1, 0, -892},
	{2, 1, 1, 0, -810}, {4, -1, -2, 0, 759}, {0, 2, -1, 0, -713}, {2, 2, -1, 0, -700},
	{2, 1, -2, 0, 691}, {2, -1, 0, -2, 596}, {4, 0, 1, 0, 549}, {0, 0, 4, 0, 537},
	{4, -1, 0, 0, 520}, {1, 0, -2, 0, -487}, {2, 1, 0, -2, -399}, {0, 0, 2, -2, -381},
	{1, 1, 1, 0, 351}, {3, 0, -2, 0, -340}, {4, 0, -3, 0, 330}, {2, -1, 2, 0, 327},
	{0, 2, 1, 0, -323}, {1, 1, -1, 0, 299}, {2, 0, 3, 0, 294},
}

// moonLongitude is the Moon's geocentric longitude in degrees, less nutation.
func moonLongitude(t float64) float64 {
	lp := 218.3164477 + 481267.88123421*t - 0.0015786*t*t
	d := rad(297.8501921 + 445267.1114034*t - 0.0018819*t*t)
	m := rad(357.5291092 + 35999.0502909*t - 0.0001536*t*t)
	mp := rad(134.9633964 + 477198.8675055*t + 0.0087414*t*t)
	f := rad(93.2720950 + 483202.0175233*t - 0.0036539*t*t)
	e := 1 - 0.002516*t - 0.0000074*t*t
	sum := 0.0
	for _, k := range moonTerms {
		v := k[4] * math.Sin(k[0]*d+k[1]*m+k[2]*mp+k[3]*f)
		switch math.Abs(k[1]) {
		case 1:
			v *= e
		case 2:
			v *= e * e
		}
		sum += v
	}
	a1 := rad(119.75 + 131.849*t)
	a2 := rad(53.09 + 479264.290*t)
	sum += 3958*math.Sin(a1) + 1962*math.Sin(rad(lp)-f) + 318*math.Sin(a2)
	return norm360(lp + sum/1e6)
}

// elongation is the Moon's longitude less the Sun's, 0 to 360 degrees.
func elongation(jd float64) float64 {
	t := centuries(jd)
	return norm360(moonLongitude(t) - sunLongitude(t))
}

// crossing finds when f rises through target between jd0 and jd1 (where it
// is below at jd0 and at or above at jd1, angles unwrapped around target).
func crossing(f func(float64) float64, target, jd0, jd1 float64) float64 {
	below := func(jd float64) bool { return norm360(f(jd)-target+180) < 180 }
	for jd1-jd0 > 1.0/86400 {
		mid := (jd0 + jd1) / 2
		if below(mid) {
			jd0 = mid
		} else {
			jd1 = mid
		}
	}
	return jd1
}

// nextCrossing finds the first time after jd at which f passes target,
// stepping by step days (less than the time f takes to go round).
func nextCrossing(f func(float64) float64, target, jd, step float64) float64 {
	below := func(jd float64) bool { return norm360(f(jd)-target+180) < 180 }
	for !below(jd) {
		jd += step
	}
	for below(jd + step) {
		jd += step
	}
	return crossing(f, target, jd, jd+step)
}

// lahiri is the Lahiri ayanamsa in degrees at jd: 23°51'11" at J2000,
// growing 50.29" a year.
func lahiri(jd float64) float64 {
	return 23.853 + (jd-2451545)/365.25*50.29/3600
}

// delhiSunset is sunset (upper limb, refraction) in New Delhi, 28.61°N
// 77.21°E, on the day of date in IST, by the NOAA low-precision formulas.
func delhiSunset(day time.Time) time.Time {
	noon := time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, ist)
	g := 2 * math.Pi / 365 * float64(noon.YearDay()-1)
	eqTime := 229.18 * (0.000075 + 0.001868*math.Cos(g) - 0.032077*math.Sin(g) - 0.014615*math.Cos(2*g) - 0.040849*math.Sin(2*g))
	decl := 0.006918 - 0.399912*math.Cos(g) + 0.070257*math.Sin(g) - 0.006758*math.Cos(2*g) + 0.000907*math.Sin(2*g) - 0.002697*math.Cos(3*g) + 0.00148*math.Sin(3*g)
	lat, lon := rad(28.61), 77.21
	ha := math.Acos(math.Cos(rad(90.833))/(math.Cos(lat)*math.Cos(decl)) - math.Tan(lat)*math.Tan(decl))
	minutesUTC := 720 - 4*(lon-ha*180/math.Pi) - eqTime
	midnight := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	return midnight.Add(time.Duration(minutesUTC * float64(time.Minute)))
}

// diwali returns the Lakshmi Puja day of year.
func diwali(year int) time.Time {
	sun := func(jd float64) float64 { return sunLongitude(centuries(jd)) - lahiri(jd) }
	start := julianDay(time.Date(year, time.September, 20, 0, 0, 0, 0, time.UTC))
	tula := nextCrossing(sun, 180, start, 5)
	newMoon := nextCrossing(elongation, 0, tula, 2)
	begins := crossing(elongation, 348, newMoon-2, newMoon)
	day := fromJulianDay(begins).In(ist)
	d := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	if fromJulianDay(begins).Before(delhiSunset(d)) {
		return d
	}
	next := d.AddDate(0, 0, 1)
	if fromJulianDay(newMoon).After(delhiSunset(next)) {
		return next
	}
	return d
}
