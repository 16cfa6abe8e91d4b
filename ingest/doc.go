// Package ingest streams articles from their sources through extraction
// into a store: the pipeline behind `whosaid ingest`.
//
// A Pipeline has three stages, run concurrently: the walk reads articles
// (corpus.Walker) in a fixed order, workers extract them (an Extractor,
// several at once), and one writer stores them into the Store in batches,
// in the order the walk read them. Memory stays bounded by the stages'
// queues and the batch, not by the corpus.
//
// The pipeline knows the store only through the small Store and Batch
// interfaces declared here; DB adapts a *store.DB to them.
package ingest
