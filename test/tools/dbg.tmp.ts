import { fullLexicon } from '../unit/fullLexicon';
const lx = fullLexicon();
for (const t of process.argv.slice(2)) {
  const segs = lx.segmentRange(t, 0, t.length).map((s) => t.slice(s.start, s.end) + (s.word ? '' : '°'));
  console.log(segs.join('|'));
  for (const m of lx.matchRange(t, 0, t.length)) console.log('  ', m.text, '=', m.entries[0]?.en[0], m.entries[0]?.note ?? '');
}
