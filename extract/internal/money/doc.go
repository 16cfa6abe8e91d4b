// Package money is the amount stage of the extraction pipeline: Amounts
// finds sums of money and percentages with their currency, and marks the
// ones stated as targets with their deadline and holder. It receives the
// dates stage's findings as values, to keep years and dates from being read
// as amounts and to date targets.
package money
