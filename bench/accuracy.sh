#!/usr/bin/env bash
# Accuracy of tabulate on the holdout corpus (data/holdout/, made by scripts/make-holdout):
# documents in layouts tabulate was not tuned on, each with its answer key NAME.key.jsonl.
# Runs `bin/extract FILE | bin/normalize-traditional-chinese | bin/tabulate` on every
# document that has a key and compares the `kind:"table"` facts with the key.
#
#   right      a key figure for which some emitted fact has the same table_id, the same code
#              (when the key has one) or else the same item (spaces removed, NFKC; a key's
#              Traditional labels in Simplified, by OpenCC's t2s), the same
#              column (the printed leaf label, the seed's label or the header_path leaf) and
#              the same value (exact decimals: 1,234.56 = 1234.56, 442.86 = 442.860; nil = nil).
#              Where the key holds two cells with that identity (FA01 总计 on both sides,
#              FA09 合计 under 预算数 and 决算数, FA04 一般公共预算财政拨款 rows 1 and 29) the side,
#              the header group and the printed 行次 must agree as well. One fact matches
#              one key figure.
#   missing    a key figure not right.
#   misplaced  an emitted fact not used by a right match whose value is a figure (not nil)
#              that the key has somewhere in the same table, but not in this row and column:
#              a figure attached to the wrong row or column. A fact in a unit the key never
#              uses in that table (a count in 辆 or 人 beside amounts in 万元) is no amount
#              misplaced: it is extra.
#   wrong      an emitted fact at a key cell (row and column match) with a value that is not
#              the key's and not a figure of that table (a nil, or a number found nowhere).
#   extra      any other emitted table fact: nils or unknown numbers at cells the key does
#              not have, duplicates, facts of tables that are not in the key (table_id null),
#              and facts marked hidden (locator.hidden: a row, column or sheet the workbook
#              hides) at cells the key does not have — keys hold what a reader sees, so a
#              hidden row's figure, in its own row, is no figure in a wrong row.
#   unit!      right figures whose unit differs from the key's (元 vs 万元, or null).
#   right%     right / key; fig% the same over the key figures that are not nil.
# Exit 0 (a measurement) unless a stage crashed (exit status other than 0 or 1).
# Usage: bench/accuracy.sh [-v] [FILE ...]   (-v lists every missing/misplaced/wrong figure)
# Without FILE: data/holdout/* (first table), then the second holdout corpus data/holdout2/*
# (scripts/make-holdout2: measure only, never tune on it) in a second table headed `holdout2`,
# then, with YJS_HOLDOUT3=1 only, the third (scripts/make-holdout3: never tuned on, scored
# once at the end) headed `holdout3`: left out by default so that nobody fixing tabulate sees it;
# likewise the fourth (scripts/make-holdout4) only with YJS_HOLDOUT4=1, headed `holdout4`, and
# the fifth (scripts/make-holdout5) only with YJS_HOLDOUT5=1, headed `holdout5`, and the
# sixth (scripts/make-holdout6) only with YJS_HOLDOUT6=1, headed `holdout6`, and the seventh
# (scripts/make-holdout7) only with YJS_HOLDOUT7=1, headed `holdout7`, the eighth
# (scripts/make-holdout8) only with YJS_HOLDOUT8=1, headed `holdout8`, the ninth
# (scripts/make-holdout9) only with YJS_HOLDOUT9=1, headed `holdout9`, the tenth
# (scripts/make-holdout10) only with YJS_HOLDOUT10=1, headed `holdout10`, and so on: corpus n
# (scripts/make-holdoutN, up to holdout14 so far) only with YJS_HOLDOUTn=1, headed `holdoutn`.
# FILE may name a document or its key (FILE.key.jsonl); arguments without a key (README.md)
# are skipped, so `bench/accuracy.sh data/holdout2/*` works. Documents outside data/holdout/
# are scored in one table per folder, headed by the folder's name.
set -uo pipefail
cd "$(dirname "$0")/.."
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
B=${YJS_BIN_DIR:-bin} # the build to measure (make test names its own)
for s in extract normalize-traditional-chinese tabulate; do
    [ -x "$B/$s" ] || { echo "bench/accuracy.sh: $B/$s missing (make first)" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "bench/accuracy.sh: needs python3" >&2; exit 1; }
W=${YJS_ACCURACY_DIR:-build/bench/accuracy}
mkdir -p "$W"
docs=()
if [ $# -gt 0 ]; then
    for a in "$@"; do
        d=${a%.key.jsonl}
        [ -e "$d.key.jsonl" ] || continue
        case " ${docs[*]-} " in *" $d "*) continue ;; esac
        docs+=("$d")
    done
else
    keys=(data/holdout/*.key.jsonl data/holdout2/*.key.jsonl)
    for n in $(seq 3 99); do
        v=YJS_HOLDOUT$n
        [ "${!v:-0}" = 1 ] && [ -d "data/holdout$n" ] && keys+=(data/holdout$n/*.key.jsonl)
    done
    for k in "${keys[@]}"; do
        [ -e "$k" ] || continue
        docs+=("${k%.key.jsonl}")
    done
fi
[ ${#docs[@]} -gt 0 ] || { echo "bench/accuracy.sh: no documents (run scripts/make-holdout)" >&2; exit 1; }

crashed=0
args=()
for d in "${docs[@]}"; do
    n=$(basename "$d")
    out="$W/$n.facts.jsonl"
    "$B/extract" "$d" 2>"$W/$n.extract.err" | "$B/normalize-traditional-chinese" 2>"$W/$n.normalize.err" \
        | "$B/tabulate" > "$out" 2>"$W/$n.tabulate.err"
    st=("${PIPESTATUS[@]}")
    for i in 0 1 2; do
        if [ "${st[$i]}" -gt 1 ]; then
            echo "bench/accuracy.sh: $n: stage $((i + 1)) exited ${st[$i]}" >&2
            crashed=1
        fi
    done
    g=$(dirname "$d")
    [ "$g" = "${prevg-}" ] || args+=("@group" "$g")
    prevg=$g
    args+=("$d.key.jsonl" "$out")
done

python3 - "$verbose" "${args[@]}" <<'PY'
import json, shutil, subprocess, sys, unicodedata
from decimal import Decimal, InvalidOperation

verbose = sys.argv[1] == '1'
corpora = []          # (folder, [(key, facts), ...]) in the order given
a = sys.argv[2:]
while a:
    if a[0] == '@group':
        corpora.append((a[1], []))
        a = a[2:]
    else:
        corpora[-1][1].append((a[0], a[1]))
        a = a[2:]


def norm(s):
    if s is None:
        return ''
    return ''.join(unicodedata.normalize('NFKC', s).split())


LABELS = ('item', 'column', 'column_std', 'header_path', 'group', 'side')


def simplified(K):
    """The key's labels in Simplified Chinese (OpenCC's own t2s, not the
    pipeline's): a key of a Traditional document records its labels as
    printed, and the pipeline promises them converted. t2s leaves every
    label of the simplified keys as it is."""
    texts = sorted({k[f] for k in K for f in LABELS if k.get(f)})
    if not texts or not shutil.which('opencc'):
        return K
    r = subprocess.run(['opencc', '-c', 't2s.json'], input='\n'.join(texts), capture_output=True,
                       text=True)
    out = r.stdout.split('\n')
    if r.returncode != 0 or len(out) < len(texts):
        return K
    conv = dict(zip(texts, out))
    for k in K:
        for f in LABELS:
            if k.get(f):
                k[f] = conv[k[f]]
    return K


def num(v):
    if v is None:
        return None
    try:
        return Decimal(str(v).replace(',', '').replace('，', '').strip())
    except InvalidOperation:
        return 'text:' + str(v)


def same_value(a, b):
    return num(a) == num(b)


def rowkey(k):
    return ('code', k['code']) if k.get('code') else ('item', norm(k.get('item')))


def colset(k):
    s = {norm(k['column']), norm(k.get('column_std')), norm(k['header_path'].split('/')[-1])}
    s.discard('')
    return s


def e_row_ok(e, k):
    if k.get('code'):
        return e.get('code') == k['code']
    return norm(e.get('item')) == norm(k.get('item'))


def e_col_ok(e, k):
    hp = e.get('header_path') or ''
    return norm(e.get('column')) in colset(k) or norm(hp.split('/')[-1]) in colset(k)


def disc_ok(e, k, disc):
    hp = [norm(x) for x in (e.get('header_path') or '').split('/')]
    for d in disc:
        if d == 'side':
            if not (e.get('side') == k['side'] or (hp and hp[0] == norm(k['side']))):
                return False
        elif d == 'group':
            if norm(k['group']) not in hp:
                return False
        elif d == 'line_no':
            ln = (e.get('locator') or {}).get('line_no')
            if ln is not None and str(ln) != str(k['line_no']):
                return False
    return True


def show(e):
    loc = e.get('locator') or {}
    return '%s %s|%s|%s|%s = %s (%s) @t%s r%s c%s' % (
        e.get('table_id'), e.get('side') or '-', e.get('code') or '-', e.get('item'),
        e.get('header_path') or e.get('column'), json.dumps(e.get('value'), ensure_ascii=False),
        e.get('unit'), loc.get('table'), loc.get('row'), loc.get('col'))


def showk(k):
    return '%s %s|%s|%s|%s = %s' % (k['table_id'], k.get('side') or '-', k.get('code') or '-',
                                   k.get('item'), k['column'], json.dumps(k['value'], ensure_ascii=False))


def score(pairs, heading):
    if heading:
        print()
        print(heading)
    tot = dict(key=0, right=0, missing=0, misplaced=0, wrong=0, extra=0, unit=0, figs=0, figs_right=0)
    fmt = '%-28s %5s %6s %8s %10s %6s %6s %6s %7s %7s'
    print(fmt % ('document', 'key', 'right', 'missing', 'misplaced', 'wrong', 'extra', 'unit!', 'right%',
                 'fig%'))
    details = []
    for keyf, factf in pairs:
        name = keyf.split('/')[-1][:-len('.key.jsonl')]
        K = simplified([json.loads(l) for l in open(keyf, encoding='utf-8') if l.strip()])
        E = []
        for l in open(factf, encoding='utf-8'):
            try:
                r = json.loads(l)
            except ValueError:
                continue
            if r.get('type') == 'fact' and r.get('kind') == 'table':
                E.append(r)
        # discriminators for key cells that share (table, row, column)
        groups = {}
        for i, k in enumerate(K):
            groups.setdefault((k['table_id'], rowkey(k), frozenset(colset(k))), []).append(i)
        disc = [()] * len(K)
        for idx in groups.values():
            if len(idx) < 2:
                continue
            ds = tuple(d for d in ('side', 'group', 'line_no') if len({K[i].get(d) for i in idx}) > 1)
            for i in idx:
                disc[i] = ds
        by_t = {}
        for j, e in enumerate(E):
            by_t.setdefault(e.get('table_id'), []).append(j)
        used = [False] * len(E)
        match = [None] * len(K)
        for i, k in enumerate(K):
            cands = [j for j in by_t.get(k['table_id'], []) if not used[j]
                     and e_row_ok(E[j], k) and e_col_ok(E[j], k) and disc_ok(E[j], k, disc[i])
                     and same_value(E[j].get('value'), k['value'])]
            if cands:
                # prefer the fact whose side / 行次 also agree
                def pref(j):
                    e = E[j]
                    ln = (e.get('locator') or {}).get('line_no')
                    return (e.get('side') != k.get('side'), ln is not None and str(ln) != str(k.get('line_no')))
                j = min(cands, key=pref)
                used[j] = True
                match[i] = j
        tvals, tunits = {}, {}
        for k in K:
            tunits.setdefault(k['table_id'], set()).add(k['unit'])
            if k['value'] is not None:
                tvals.setdefault(k['table_id'], set()).add(num(k['value']))
        right = sum(1 for m in match if m is not None)
        unit_bad = sum(1 for i, m in enumerate(match) if m is not None and E[m].get('unit') != K[i]['unit'])
        mis, wrong, extra = [], [], []
        for j, e in enumerate(E):
            if used[j]:
                continue
            t = e.get('table_id')
            at = [i for i, k in enumerate(K) if k['table_id'] == t and e_row_ok(e, k) and e_col_ok(e, k)
                  and disc_ok(e, k, disc[i])]
            v = num(e.get('value'))
            if at and all(match[i] is not None and same_value(K[i]['value'], e.get('value')) for i in at):
                extra.append((j, 'duplicate'))
            elif not at and (e.get('locator') or {}).get('hidden'):
                extra.append((j, 'hidden'))
            elif (v is not None and not isinstance(v, str) and v in tvals.get(t, ())
                  and (e.get('unit') is None or e.get('unit') in tunits.get(t, ()))):
                mis.append(j)
            elif at:
                wrong.append((j, at))
            else:
                extra.append((j, 'no such cell' if t in tvals or any(k['table_id'] == t for k in K)
                              else 'table %s not in key' % t))
        missing = [i for i, m in enumerate(match) if m is None]
        n = len(K)
        figs = sum(1 for k in K if k['value'] is not None)
        figs_right = sum(1 for i, k in enumerate(K) if k['value'] is not None and match[i] is not None)
        print(fmt % (name, n, right, len(missing), len(mis), len(wrong), len(extra), unit_bad,
                     '%.1f' % (100.0 * right / n if n else 0),
                     '%.1f' % (100.0 * figs_right / figs if figs else 0)))
        for a, b in (('key', n), ('right', right), ('missing', len(missing)), ('misplaced', len(mis)),
                     ('wrong', len(wrong)), ('extra', len(extra)), ('unit', unit_bad), ('figs', figs),
                     ('figs_right', figs_right)):
            tot[a] += b
        if verbose:
            details.append('== %s' % name)
            for i in missing:
                k = K[i]
                near = [E[j] for j in by_t.get(k['table_id'], []) if e_row_ok(E[j], k) and e_col_ok(E[j], k)]
                vals = [E[j] for j in by_t.get(k['table_id'], [])
                        if k['value'] is not None and same_value(E[j].get('value'), k['value'])
                        and not used[j]]
                details.append('  missing   %s' % showk(k))
                for e in near[:2]:
                    details.append('      same cell: %s' % show(e))
                for e in vals[:2]:
                    details.append('      value at:  %s' % show(e))
            for j in mis:
                e = E[j]
                home = [K[i] for i in range(len(K)) if K[i]['table_id'] == e.get('table_id')
                        and K[i]['value'] is not None and same_value(K[i]['value'], e.get('value'))]
                details.append('  misplaced %s' % show(e))
                details.append('      key has it at: %s%s' % ('; '.join(showk(k) for k in home[:3]),
                                                             ' (+%d more)' % (len(home) - 3) if len(home) > 3 else ''))
            for j, at in wrong:
                details.append('  wrong     %s  (key %s)' % (show(E[j]), ', '.join(
                    json.dumps(K[i]['value']) for i in at)))
            for j, why in extra:
                details.append('  extra     %s  [%s]' % (show(E[j]), why))
    n = tot['key']
    print(fmt % ('TOTAL', n, tot['right'], tot['missing'], tot['misplaced'], tot['wrong'], tot['extra'],
                 tot['unit'], '%.1f' % (100.0 * tot['right'] / n if n else 0),
                 '%.1f' % (100.0 * tot['figs_right'] / tot['figs'] if tot['figs'] else 0)))
    print('target: right >= 98%% of key figures and misplaced = 0 (now %.1f%%, %d misplaced)'
          % (100.0 * tot['right'] / n if n else 0, tot['misplaced']))
    for d in details:
        print(d)


for folder, pairs in corpora:
    name = folder.rstrip('/').split('/')[-1]
    score(pairs, None if folder.rstrip('/') in ('data/holdout', './data/holdout') else name)
PY
[ "$crashed" = 0 ] || exit 1
exit 0
