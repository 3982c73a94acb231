#!/usr/bin/env bash
# End-to-end throughput of `stancegrid analyze` on generated corpora.
#
#   scripts/bench.sh            # 10 MB, 100 MB, 10,000-article and shuffled corpora
#   SIZES="10MB" scripts/bench.sh
#   SIZES="shuffled" SHUFFLED_MB=20 SHUFFLED_FILES=5000 scripts/bench.sh
#   SIZES="" SHAPE_MB=5 scripts/bench.sh   # only the pathological shapes
#
# Builds the release binary, writes seeded synthetic corpora into a temporary
# folder (benches/gen_corpus.rs), times `stancegrid analyze DIR --format json
# --out FILE` with peak memory, then prints per-stage times for each corpus
# (benches/stages.rs). "shuffled" is a corpus of real sentences: the
# paragraphs of the dev articles in ../shared shuffled into new articles
# (benches/gen_shuffled.rs; up to SHUFFLED_MB megabytes or SHUFFLED_FILES
# files), skipped when ../shared is absent. Then times the inputs that once
# made extraction super-linear (benches/gen_shapes.rs: a corpus on one line, a
# clause without end, a speaker named over and over, unclosed quotations;
# SHAPE_MB each, 0 to skip). Numbers are with a warm page cache: the corpora
# were just written.
# Respects CARGO_TARGET_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES-"10MB 100MB 10000files shuffled"}
SHAPE_MB=${SHAPE_MB:-5}
SEED=${SEED:-1}
SHARED=../shared
SHUFFLED_MB=${SHUFFLED_MB:-10}
SHUFFLED_FILES=${SHUFFLED_FILES:-2000}
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/stancegrid"

echo "building (release)…" >&2
cargo build --release --quiet
cargo bench --quiet --no-run --bench gen_corpus --bench stages --bench gen_shapes \
    --bench gen_shuffled 2>/dev/null

# GNU time gives the peak resident set size; without it, poll /proc.
if ! /usr/bin/time -v true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq time >/dev/null 2>&1 || true
    fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stancegrid-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Run "$@" and print "wall_seconds peak_rss_kb".
measure() {
    local start end rss
    start=$(date +%s%N)
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt"
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    else
        "$@" >/dev/null 2>"$WORK/stderr.txt" &
        local pid=$! hwm
        rss=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && rss=$hwm
            sleep 0.01
        done
        wait "$pid"
    fi
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000000 ))" "$rss"
}

# Write corpus "$1" into folder "$2" and print the generator's stats line.
generate() {
    if [ "$1" = shuffled ]; then
        cargo bench --quiet --bench gen_shuffled -- \
            "$SHARED" "$2" "$SHUFFLED_MB" "$SHUFFLED_FILES" "$SEED"
    else
        cargo bench --quiet --bench gen_corpus -- "$2" "$1" "$SEED"
    fi
}

# The dev articles are not part of a clone: without them, no shuffled corpus.
if [[ " $SIZES " == *" shuffled "* ]] && [ ! -d "$SHARED" ]; then
    echo "no $SHARED: the shuffled corpus is skipped" >&2
    SIZES=${SIZES//shuffled/}
fi

declare -a ROWS
for size in $SIZES; do
    dir="$WORK/corpus-$size"
    echo "generating $size…" >&2
    stats=$(generate "$size" "$dir")
    files=$(sed -E 's/.*files=([0-9]+).*/\1/' <<<"$stats")
    bytes=$(sed -E 's/.* bytes=([0-9]+).*/\1/' <<<"$stats")
    echo "  $stats" >&2
    echo "analyzing $size…" >&2
    read -r ms rss < <(measure "$BIN" analyze "$dir" --format json --out "$WORK/out.json")
    ROWS+=("$size $files $bytes $ms $rss")
    cargo bench --quiet --bench stages -- "$dir" >"$WORK/stages-$size.md"
    rm -rf "$dir" "$WORK/out.json"
done

declare -a SHAPE_ROWS
if [ "$SHAPE_MB" -gt 0 ]; then
    echo "generating the shapes ($SHAPE_MB MB each)…" >&2
    for shape in $(cargo bench --quiet --bench gen_shapes -- "$WORK/shapes" "$SHAPE_MB"); do
        dir="$WORK/shapes/$shape"
        bytes=$(wc -c <"$dir/article.txt")
        echo "analyzing $shape…" >&2
        read -r ms rss < <(measure "$BIN" analyze "$dir" --format json --out "$WORK/out.json")
        SHAPE_ROWS+=("$shape 1 $bytes $ms $rss")
        rm -rf "$dir" "$WORK/out.json"
    done
fi

echo
echo "## stancegrid analyze DIR --format json --out FILE ($(nproc) cores, warm cache)"
echo
echo "| corpus | files | MB | wall | MB/s | docs/s | peak RSS | RSS / corpus |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for row in "${ROWS[@]}" "${SHAPE_ROWS[@]}"; do
    awk '{ mb = $3 / 1e6; s = $4 / 1000; rss = $5 / 1024;
           printf "| %s | %d | %.1f | %.2f s | %.1f | %.0f | %.0f MB | %.2f× |\n",
                  $1, $2, mb, s, mb / s, $2 / s, rss, rss * 1.048576 / mb }' <<<"$row"
done
for size in $SIZES; do
    echo
    echo "## stages, $size (in process)"
    echo
    cat "$WORK/stages-$size.md"
done
