#!/bin/bash
# same-output.sh BIN_A DB_A BIN_B DB_B OUT: runs every query command of
# whosaid (quotes, claims, speakers, targets in json and csv, filtered and
# paged listings, export in every format, show, the web explorer's pages)
# with BIN_A on DB_A and BIN_B on DB_B, and the SQL views with sqlite3;
# writes each output under OUT/a and OUT/b and prints the ones that differ.
# Exit status 0 when every output is byte-identical. Used to check that a
# storage change (issue 18) changes nothing users get.
set -u
A=$1 DA=$2 B=$3 DB=$4 OUT=$5
rm -rf "$OUT" && mkdir -p "$OUT/a" "$OUT/b"

# Names and ids to query by, taken from DB_A.
speakers=$("$A" speakers --db "$DA" --format csv --limit 12 | tail -n +2 | cut -d, -f1 | tr -d '"' | grep -v '^(unknown)$' | head -6)
articles=$(sqlite3 "$DA" "SELECT id FROM articles ORDER BY id LIMIT 60")
speaker_ids=$(sqlite3 "$DA" "SELECT speaker_id FROM quotes GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 30")
first=$(sqlite3 "$DA" "SELECT min(published) FROM articles")

run() { # run NAME ARGS...: the command with each binary
	local name=$1; shift
	"$A" "$@" --db "$DA" > "$OUT/a/$name" 2>&1
	"$B" "$@" --db "$DB" > "$OUT/b/$name" 2>&1
}
for f in json csv; do
	for c in quotes claims; do
		run "$c.$f" $c --format $f
		run "$c-nato.$f" $c --format $f --search nato
		run "$c-defen.$f" $c --format $f --search 'defen*'
		run "$c-phrase.$f" $c --format $f --search '"prime minister"'
		run "$c-the.$f" $c --format $f --search the --limit 50 --offset 200
		run "$c-us.$f" $c --format $f --country us --limit 100
		run "$c-nato-entity.$f" $c --format $f --entity NATO
		run "$c-from.$f" $c --format $f --from "$first" --to "$first"
		run "$c-page.$f" $c --format $f --limit 50 --offset 1000
		run "$c-outlet.$f" $c --format $f --outlet reuters --limit 100
		i=0
		while read -r s; do
			i=$((i + 1))
			run "$c-speaker$i.$f" $c --format $f --speaker "$s"
		done <<< "$speakers"
		for id in $(echo "$articles" | head -5); do
			run "$c-article-$id.$f" $c --format $f --article "$id"
		done
	done
	run "speakers.$f" speakers --format $f
	run "targets.$f" targets --format $f
	for id in $articles; do
		run "show-$id.$f" show --format $f "$id"
	done
done
run quotes.table quotes --limit 200
for id in $(echo "$articles" | head -10); do run "show-$id.table" show "$id"; done
for f in jsonl csv quotebank parquet; do
	"$A" export --db "$DA" --format $f --out "$OUT/a/export.$f" > /dev/null 2>&1
	"$B" export --db "$DB" --format $f --out "$OUT/b/export.$f" > /dev/null 2>&1
done

# The web explorer's pages, one server per side.
"$A" serve --db "$DA" --addr 127.0.0.1:18631 > /dev/null 2>&1 & pa=$!
"$B" serve --db "$DB" --addr 127.0.0.1:18632 > /dev/null 2>&1 & pb=$!
sleep 2
pages="/ /quotes /quotes?q=nato /quotes?q=defen* /quotes?speaker=Trump /quotes?page=3"
for id in $speaker_ids; do pages="$pages /speakers/$id"; done
for id in $(echo "$articles" | head -20); do pages="$pages /articles/$id"; done
i=0
for p in $pages; do
	i=$((i + 1))
	curl -s "http://127.0.0.1:18631$p" > "$OUT/a/web$i"
	curl -s "http://127.0.0.1:18632$p" > "$OUT/b/web$i"
done
kill $pa $pb

# The views, through the stock sqlite3 command line.
for v in quote_details claim_details; do
	sqlite3 "$DA" "SELECT * FROM $v ORDER BY 1" > "$OUT/a/view-$v"
	sqlite3 "$DB" "SELECT * FROM $v ORDER BY 1" > "$OUT/b/view-$v"
done
sqlite3 "$DA" "SELECT id, text FROM article_texts ORDER BY id" > "$OUT/a/view-texts" 2>&1
sqlite3 "$DB" "SELECT id, text FROM article_texts ORDER BY id" > "$OUT/b/view-texts" 2>&1

n=$(ls "$OUT/a" | wc -l)
bad=0
for f in $(ls "$OUT/a"); do
	if ! cmp -s "$OUT/a/$f" "$OUT/b/$f"; then
		echo "differs: $f"
		bad=$((bad + 1))
	fi
done
echo "$n outputs compared, $bad differ; $(cat "$OUT"/a/* | wc -c) bytes"
[ $bad -eq 0 ]
