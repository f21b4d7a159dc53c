#!/usr/bin/env bash
# A population's outputs, for a change meant to alter none of them (a speed-up): ten `simulate` runs of the
# built CLI in this checkout — the champion alone, challengers from day 0 and from day 120, a
# --challenger-set, a 2-axis sweep, stress, charge-off, CSV, flips, exported accounts — written to OUTDIR.
# Run it before and after the change (`npm run build` first) and compare: `diff -r BEFORE AFTER` must print
# nothing. Takes about half a minute.
set -euo pipefail
out=${1:?usage: scripts/population-outputs.sh OUTDIR}
cd "$(dirname "$0")/.."
mkdir -p "$out"
out=$(cd "$out" && pwd)
cli() { NO_COLOR=1 CI=true node bin/credit-sim simulate --workers 1 "$@"; }
json() { local name=$1; shift; cli --json "$@" >"$out/$name.json"; }
json base --accounts 6000 --seed 1
json seed7 --accounts 4000 --seed 7 --days 540
json challenger --accounts 4000 --seed 3 --challenger tightened
json challenger-from --accounts 3000 --seed 5 --challenger tightened --challenger-from 120
json set --accounts 3000 --seed 9 --challenger-set minScore=650,minIncreaseScore=720,suspendOverdueDays=20
json sweep --accounts 2000 --seed 2 --sweep minOpenScore=600..700:50 --sweep minScore=600..660:60
json stress --accounts 3000 --seed 4 --stress 90 --bad ever30
json chargeoff --accounts 3000 --seed 11 --days 720 --bad chargeoff
cli --accounts 3000 --seed 6 --csv - >"$out/accounts.csv" 2>/dev/null
rm -rf "$out/flips"
cli --accounts 3000 --seed 8 --challenger tightened --flips "$out/flips" >"$out/flips.txt" 2>&1
# the report names the folder it wrote to: the same outputs in two folders compare equal
sed -i "s|$out|OUTDIR|g" "$out/flips.txt"
for i in 17 123 2999; do
  NO_COLOR=1 CI=true node bin/credit-sim simulate --accounts 3000 --seed 8 --challenger tightened \
    --export-account "$i" --arm challenger >"$out/export-$i.yaml"
done
