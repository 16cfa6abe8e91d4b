// Package speech is the attribution stage of the extraction pipeline:
// Attribute pairs the quotation marks of an article into quotes, finds the
// reported claims, and gives each its speaker, from the cue verbs ("said",
// "according to"), the names the entity stage found (passed in as
// whosaid.Entity values), pronouns and role nouns resolved backwards, and
// anonymous descriptions ("a senior official").
package speech
