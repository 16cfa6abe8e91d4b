# whosaid build. FTS5 (full-text search on quotes) needs the sqlite_fts5 tag on
# every build and test; the store refuses to compile without it.
GO      ?= go
TAGS    := sqlite_fts5
BIN     := bin/whosaid
DB      ?= whosaid.db

.PHONY: build test workertest pgspeed crashtest bench speed scale demo eval model clean

build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/whosaid

# test runs every test, including the accuracy floors over testdata/gold and,
# when ../shared is beside the checkout, the public evaluation sets. The
# PostgreSQL store and the job queue are tested against a throwaway server
# that .ci/postgres.sh starts (and stops) when PostgreSQL's binaries are
# installed; without them those tests skip, saying so (in CI they fail).
PG := .ci/postgres.sh run
test:
	$(GO) vet -tags $(TAGS) ./...
	$(PG) $(GO) test -tags $(TAGS) -count=1 ./...
	# the concurrent parts (the ingest pipeline, the writer, the
	# checkpointer, the queue's workers) again under the race detector
	$(PG) $(GO) test -race -tags $(TAGS) -count=1 ./store ./store/postgres ./ingest ./cmd/whosaid ./queue

# workertest runs the multi-worker test on the whole speed corpus (1,786
# articles from ../shared in 20 jobs, three worker processes, one killed
# mid-job) instead of the subset make test runs.
workertest: build
	WHOSAID_WORKERS_FULL=1 $(PG) $(GO) test -tags $(TAGS) -count=1 -v -run 'TestWorkers' ./cmd/whosaid

# pgspeed ingests the speed corpus into SQLite, into PostgreSQL in one
# process and into PostgreSQL through the job queue with two workers, and
# prints articles/s of each, in one run on this machine.
pgspeed: build
	WHOSAID_PG_SPEED=1 $(PG) $(GO) test -tags $(TAGS) -count=1 -v -run '^TestPostgresSpeed$$' ./cmd/whosaid

# crashtest kills a real ingest with SIGKILL at several moments, resumes it,
# and checks the database equals an uninterrupted run; and runs readers in
# other processes while an ingest writes. (make test runs it too.)
crashtest:
	$(GO) test -tags $(TAGS) -count=1 -v -run 'TestKillAndResume|TestReadersDuringIngest' ./cmd/whosaid

# bench runs every benchmark: per-stage throughput and the end-to-end ingest
# against prose v2's pipeline on the same articles.
bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# speed runs the built binary on the speed corpus (PolNeAR train + CoNLL-2003
# train as text, ~1,800 articles, from ../shared) and on it doubled, each
# into a fresh database, with prose v2 on a subset in the same run, and
# prints ms/article, articles/s, the ratio to prose, peak RSS and the 2x/1x
# scaling. RUNS=3 keeps the fastest of three ingests of each.
RUNS ?= 1
speed: build
	WHOSAID_SPEED=1 WHOSAID_BIN=$(CURDIR)/$(BIN) WHOSAID_SPEED_RUNS=$(RUNS) \
		$(GO) test -tags $(TAGS) -count=1 -run '^TestSpeed$$' -v ./cmd/whosaid

# scale builds one database block by block with the built binary (each block
# BLOCK articles, the speed corpus's paragraphs dealt out afresh, as JSON
# Lines) and prints per block articles/s, ms/article, database bytes per
# article and per text byte, the WAL's peak size and peak RSS, then each
# table's bytes per article. Not part of make test. The long run:
# make scale BLOCKS=56 SCALE_DB=/tmp/scale100k.db (100,000 articles).
BLOCKS   ?= 10
BLOCK    ?=
SCALE_DB ?=
scale: build
	WHOSAID_SCALE=1 WHOSAID_BIN=$(CURDIR)/$(BIN) WHOSAID_SCALE_BLOCKS=$(BLOCKS) \
		WHOSAID_SCALE_SIZE=$(BLOCK) WHOSAID_SCALE_DB=$(SCALE_DB) \
		$(GO) test -tags $(TAGS) -count=1 -timeout 0 -run '^TestScale$$' -v ./cmd/whosaid

# demo ingests the bundled sample articles and prints who said what.
demo: build
	./$(BIN) ingest --db $(DB) testdata/articles
	./$(BIN) quotes --db $(DB)

# eval scores extraction against the project's gold articles.
eval: build
	./$(BIN) eval testdata/gold

# model regenerates the embedded gazetteer tables and retrains the entity
# tagger and the span decider after it from ../shared/data (CoNLL-2003
# train, countries, GeoNames), the holiday and currency tables from the
# libraries that compute them, then the attribution models from PolNeAR
# train and testdata/gold (genrank); the
# result is deterministic for the same data.
model:
	cd extract && $(GO) run ./internal/gengaz -shared ../../shared -out internal/entities/data -model
	cd extract && $(GO) run ./internal/genholidays -out internal/holidays/tables.go
	cd extract && $(GO) run ./internal/geniso4217 -out internal/iso4217/table.go
	# the entity decider learns from the entity stage's candidates on
	# CoNLL-2003 train, so it is trained after the tagger it reads
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m -run '^TestTrainDecider$$' -v \
		./extract/internal/entities -decide.train $(CURDIR)/../shared
	# the attribution models learn from what the entity stage finds, so after
	# it; genrank first learns the given names' gender table from PolNeAR
	# train and CoNLL-2003 train, which the speaker ranker's pronouns read
	cd extract && $(GO) run ./internal/genrank -shared ../../shared -gold ../testdata/gold -out internal/attrib/data/attrib.model -genders internal/attrib/data/genders.tsv

clean:
	rm -rf bin $(DB) $(DB)-wal $(DB)-shm
