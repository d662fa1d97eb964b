#!/usr/bin/env bash
# extract against the tools a user would otherwise reach for, on the same
# documents in one run: pandoc -t plain and docx2txt on .docx, pdftotext
# -layout on .pdf, LibreOffice's conversion to docx/xlsx (what the legacy
# formats needed before extract read them) on Word 97 .doc and Excel 97
# .xls. Documents/s, MB/s (input) and peak RSS, with the ratios.
# Times are CPU seconds (user + sys, children included; median of 3): the
# machine is shared and wall time is noise.
# The other tools run once per document (as a shell loop pays them);
# extract reads the whole folder in one process, as it is used; its rate in
# the ratios is taken over ten times as many documents (the 10x batch).
# Usage: bench/extract.sh [DOCX_COUNT] [PDF_COUNT] [LEGACY_COUNT]   (default 40, 20, 4)
set -euo pipefail
cd "$(dirname "$0")/.."
ND=${1:-40}
NP=${2:-20}
NL=${3:-4}
X=bin/extract
W=build/bench/extract
[ -x "$X" ] || { echo "bench/extract.sh: build first (make)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/extract.sh: needs /usr/bin/time (Debian: time)" >&2; exit 1; }
rm -rf "$W"
mkdir -p "$W/docx" "$W/pdf" "$W/big" "$W/doc" "$W/xls"

# The same report many times (extract, like every tool here, reads each
# copy from scratch; the names differ so nothing can be cached by name).
for i in $(seq -w 1 "$ND"); do cp data/fixtures/caidian-2023-final.docx "$W/docx/$i.docx"; done
for i in $(seq -w 1 "$NP"); do cp data/fixtures/caidian-2023-final.pdf "$W/pdf/$i.pdf"; done
# a whole 决算 as a Word 97 .doc, a whole 预算 as an Excel 97 .xls
for i in $(seq -w 1 "$NL"); do
    cp data/holdout21/zhuchuan-jianchayuan-2024.doc "$W/doc/$i.doc"
    cp data/holdout19/cenxi-gongxiaoshe-2024.xls "$W/xls/$i.xls"
done
# ten times the docx set, to show that memory does not grow with the batch
for i in $(seq -w 1 $((ND * 10))); do ln -s "$PWD/data/fixtures/caidian-2023-final.docx" "$W/big/$i.docx"; done
dbytes=$(cat "$W"/docx/*.docx | wc -c)
pbytes=$(cat "$W"/pdf/*.pdf | wc -c)

# shellcheck source=bench/measure.bash
. bench/measure.bash

# a loop that starts the tool once per document ("$f" in the command)
loop() {  # command dir ext
    echo 'for f in "$1"/*."$2"; do '"$1"' > /dev/null || exit 1; done'
}

row() {  # name seconds rss_kib docs bytes
    awk -v n="$1" -v s="$2" -v m="$3" -v d="$4" -v b="$5" 'BEGIN {
        if (s <= 0) s = 0.005
        printf "%-22s %8.2f cpu-s %10.1f docs/s %8.2f MB/s %8.1f MB RSS\n", n, s, d / s, b / s / 1e6, m / 1024 }'
}

ratio() {  # label seconds_tool seconds_extract
    awk -v l="$1" -v t="$2" -v x="$3" 'BEGIN { if (x <= 0) x = 0.005; printf "%-40s %8.1fx\n", l, t / x }'
}

echo "docx: $ND copies of caidian-2023-final.docx ($dbytes bytes)"
read -r xs xm < <(measure "$X" "$W/docx")
row "extract" "$xs" "$xm" "$ND" "$dbytes"
# extract's rate for the ratios from the 10x batch: its CPU time on $ND
# documents alone is a few ticks of the clock /usr/bin/time reads
read -r bs bm < <(measure "$X" "$W/big")
row "extract (10x batch)" "$bs" "$bm" $((ND * 10)) $((dbytes * 10))
xrate=$(awk -v b="$bs" 'BEGIN { printf "%.4f", b / 10 }')
for tool in pandoc docx2txt; do
    if ! command -v "$tool" > /dev/null; then
        echo "$tool: not installed, skipped (Debian: apt-get install $tool)"
        continue
    fi
    case $tool in
    pandoc) read -r ts tm < <(measure bash -c "$(loop 'pandoc -t plain "$f"')" _ "$W/docx" docx) ;;
    docx2txt) read -r ts tm < <(measure bash -c "$(loop 'docx2txt "$f" -')" _ "$W/docx" docx) ;;
    esac
    row "$tool" "$ts" "$tm" "$ND" "$dbytes"
    ratio "extract/$tool docs/s" "$ts" "$xrate"
done
awk -v a="$xm" -v b="$bm" 'BEGIN { printf "%-40s %8.2f\n", "peak RSS 10x batch / 1x batch", b / a }'

echo
echo "pdf: $NP copies of caidian-2023-final.pdf ($pbytes bytes)"
read -r xs xm < <(measure "$X" "$W/pdf")
row "extract" "$xs" "$xm" "$NP" "$pbytes"
if command -v pdftotext > /dev/null; then
    read -r ts tm < <(measure bash -c "$(loop 'pdftotext -layout "$f" -')" _ "$W/pdf" pdf)
    row "pdftotext -layout" "$ts" "$tm" "$NP" "$pbytes"
    ratio "extract/pdftotext docs/s" "$ts" "$xs"
else
    echo "pdftotext: not installed, skipped (Debian: apt-get install poppler-utils)"
fi

echo
for kind in doc xls; do
    lbytes=$(cat "$W/$kind"/*."$kind" | wc -c)
    echo "$kind: $NL copies of a whole report ($lbytes bytes)"
    read -r xs xm < <(measure "$X" "$W/$kind")
    row "extract" "$xs" "$xm" "$NL" "$lbytes"
    if command -v soffice > /dev/null; then
        out=$([ "$kind" = doc ] && echo docx || echo xlsx)
        read -r ts tm < <(measure bash -c "$(loop "soffice -env:UserInstallation=file://$PWD/$W/lo --headless --convert-to $out --outdir $W/lo-out \"\$f\"")" _ "$W/$kind" "$kind")
        row "soffice --convert-to $out" "$ts" "$tm" "$NL" "$lbytes"
        # extract on so few documents is a tick or two of the clock: a lower bound
        ratio "extract/soffice docs/s (at least)" "$ts" "$xs"
    else
        echo "soffice: not installed, skipped (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"
    fi
done
