#!/bin/bash
# The balance table: one line per scenario with each role's mean ± sd and win rate, then the mean
# final part of each objective (and, in brackets, how often it ends pinned at 0 or 100 when that is
# over 40% of games).
#   GAMES=200 bash bench/balance.sh                 built-in policies
#   BOTS=normal GAMES=200 bash bench/balance.sh     normal bots in every seat
#   PAIRED=1                                        also the paired balancing-vs-one-partner comparison
#   PARTS=1                                         also the objectives line
for s in ${@:-coral-sea honiara hunga-tonga shared-future micronesia quad tutorial}; do
  npm run -s batch -- --scenario $s --games ${GAMES:-60} --seed ${SEED:-1} --json ${PAIRED:+--paired} ${BOTS:+--bots $BOTS} | PARTS=${PARTS:-} node -e "
let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const j=JSON.parse(d);
const r=Object.entries(j.roles).map(([k,v])=>k+' '+v.mean.toFixed(0)+'±'+v.sd.toFixed(1)+' '+(v.winRate*100).toFixed(0)+'%').join(' | ');
const p=j.paired?Object.entries(j.paired).map(([k,v])=>k+' '+v.meanDiff.toFixed(1)+'['+v.ciLow.toFixed(1)+','+v.ciHigh.toFixed(1)+']').join(' '):'';
console.log(j.scenario.padEnd(14),r,p?'\n   paired: '+p:'');
if(process.env.PARTS)for(const [k,v] of Object.entries(j.roles))console.log('   '+k.padEnd(11),Object.entries(v.parts).map(([o,m])=>o+' '+m.toFixed(0)+(v.pinned[o]>0.4?'['+(v.pinned[o]*100).toFixed(0)+'% pinned]':'')).join(' '));
})"
done
