// Package web is whosaid's local, read-only explorer: server-rendered HTML
// pages over a store.DB to search quotes, read a speaker's page and read an
// article with its findings highlighted.
//
// Pages are Go html/template templates and one CSS file, all embedded, so
// the explorer is one binary with no front-end build step; no page needs
// JavaScript. Every page is answered from a handful of indexed queries (see
// the store package), so it stays fast on a database of a million quotes.
package web
