#!/bin/bash
# Every figure the README's balance section reports, measured again in one run, for a rules or
# weights change: the built-in and normal-bot tables of the full games and of the 50-minute cuts,
# hard over normal in every scenario and cut, a single hard bot in the Western seats, issue 10's
# bot-game counts, and playing an island well against accepting or refusing everything. Each part
# writes its own file in the output folder, and summary.txt gathers one line per figure.
#
#   bash bench/measure-all.sh [OUTDIR]                  everything (about 75 minutes on two cores:
#                                                       42 without the fixed-island part)
#   ONLY="quad shared-future" bash bench/measure-all.sh only these scenarios
#   SKIP="fixed tournaments" bash bench/measure-all.sh  leave parts out: tables cuts tournaments
#                                                       western history fixed
#
# Seeds 1..N as in the README. SEED=101 plays the tables, cuts, issue 10's counts and the fixed
# islands on another range; tournaments always play pairs 1..N, and Micronesia's route count seeds 1..N.
# OUTDIR defaults to a folder under $TMPDIR (or /tmp), outside the repository.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TMPDIR:-/tmp}/landing-rights-measure-$(date -u +%Y%m%d-%H%M)}
mkdir -p "$out"
scenarios=${ONLY:-coral-sea honiara hunga-tonga micronesia quad shared-future}
seed=${SEED:-1}
skip=" ${SKIP:-} "
summary="$out/summary.txt"
: >"$summary"
want() { [[ "$skip" != *" $1 "* ]]; }
# One line per role from a batch's JSON: mean ± sd and win rate.
roles() { node -e "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const j=JSON.parse(d);console.log(Object.entries(j.roles).map(([k,v])=>k+' '+(v.winRate*100).toFixed(0)+'% ('+v.mean.toFixed(1)+'±'+v.sd.toFixed(1)+')').join(', '))})"; }
# One line from a tournament's JSON: A's share of the pairs with its 95% interval.
share() { node -e "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const j=JSON.parse(d);console.log((j.aWinRate*100).toFixed(1)+'% ['+(j.ciLow*100).toFixed(1)+', '+(j.ciHigh*100).toFixed(1)+'] of '+j.pairs+' pairs')})"; }
say() { echo "$*" | tee -a "$summary"; }

if want tables; then
  for s in $scenarios; do
    for bots in builtin normal; do
      f="$out/table-$s-$bots.json"
      if [ "$bots" = normal ]; then extra=(--bots normal); else extra=(--paired); fi
      npm run -s batch -- --scenario "$s" --games 200 --seed "$seed" --json "${extra[@]}" >"$f"
      say "table $s $bots (200 games): $(roles <"$f")"
    done
  done
fi

if want cuts; then
  for s in $scenarios; do
    for bots in builtin normal; do
      f="$out/cut-$s-$bots.json"
      if [ "$bots" = normal ]; then extra=(--bots normal); else extra=(); fi
      npm run -s batch -- --scenario "$s" --lesson lesson-50 --games 200 --seed "$seed" --json "${extra[@]}" >"$f"
      say "cut $s $bots (200 games): $(roles <"$f")"
    done
  done
fi

if want tournaments; then
  for s in $scenarios; do
    pairs=100
    [[ "$s" = coral-sea || "$s" = honiara ]] && pairs=200
    f="$out/tournament-$s.json"
    npm run -s tournament -- --scenario "$s" --games "$pairs" --a hard --b normal --json --workers 2 >"$f"
    say "hard over normal, $s: $(share <"$f")"
    f="$out/tournament-$s-cut.json"
    npm run -s tournament -- --scenario "$s" --lesson lesson-50 --games 200 --a hard --b normal --json --workers 2 >"$f"
    say "hard over normal, $s cut: $(share <"$f")"
  done
fi

if want western; then
  # Both Western seats in one run, in turn (200 pairs: 100 a seat), as the README measures them.
  for s in coral-sea honiara; do
    [[ " $scenarios " == *" $s "* ]] || continue
    f="$out/western-$s.json"
    npm run -s tournament -- --scenario "$s" --games 200 --a hard --b normal --seats canberra,washington --json --workers 2 >"$f"
    for seat in canberra washington; do
      say "single hard $seat, $s: $(node -e "const j=require(require('path').resolve('$f'));const r=j.bySeat?.['$seat']??{};console.log('reached par hard '+((r.aReachedPar??0)*100).toFixed(0)+'% vs normal '+((r.bReachedPar??0)*100).toFixed(0)+'% ('+(r.pairs??0)+' pairs)')")"
    done
  done
fi

if want history; then
  node --import tsx bench/history-checks.ts --games 100 --seed "$seed" | tee -a "$summary"
  bash bench/history.sh --games 100 --seed "$seed" --rounds 1 | tail -n 1 | tee -a "$summary"
  node --import tsx bench/history-micronesia.ts --games 100 | tail -n 3 | tee -a "$summary"
fi

if want fixed; then
  # shellcheck disable=SC2086
  node --import tsx bench/fixed-islands.ts --games 100 --seed "$seed" $scenarios | tee "$out/fixed-islands.txt" | tee -a "$summary"
fi

echo "Written to $out (summary.txt)."
