#!/bin/bash
# quick balance table across scenarios
for s in ${@:-coral-sea honiara hunga-tonga shared-future micronesia quad tutorial}; do
  npm run -s batch -- --scenario $s --games ${GAMES:-60} --seed 1 --json ${PAIRED:+--paired} | node -e "
let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{const j=JSON.parse(d);
const r=Object.entries(j.roles).map(([k,v])=>k+' '+v.mean.toFixed(0)+'±'+v.sd.toFixed(1)+' '+(v.winRate*100).toFixed(0)+'%').join(' | ');
const p=j.paired?Object.entries(j.paired).map(([k,v])=>k+' '+v.meanDiff.toFixed(1)+'['+v.ciLow.toFixed(1)+','+v.ciHigh.toFixed(1)+']').join(' '):'';
console.log(j.scenario.padEnd(14),r,p?'\n   paired: '+p:'')})"
done
