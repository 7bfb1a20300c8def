// npm run bench — prints the speed and size figures the issues set targets for. Not a test:
// figures vary with the machine; targets are stated beside each line.
import { reportEngine } from './bench-engine';
import { benchHugeReply, benchRuns, benchText } from './bench-text';

const line = (label: string, value: string, target: string) =>
  console.log(`${label.padEnd(46)} ${value.padStart(12)}   (target ${target})`);

reportEngine(line);

const text = benchText();
line(
  `free text: analyze one reply, median (${text.replies} replies)`,
  `${text.medianMs.toFixed(3)} ms`,
  '≤ 2 ms',
);
line('free text: p95', `${text.p95Ms.toFixed(3)} ms`, 'report');
const huge = benchHugeReply();
line(
  `free text: one ${(huge.chars / 1e6).toFixed(0)}M-character reply`,
  `${huge.ms.toFixed(0)} ms`,
  '≤ 2,000 ms',
);
const runs = benchRuns();
line(
  `free text: ${runs.chars.toLocaleString('en')} of one character, slowest`,
  `${runs.worstMs.toFixed(1)} ms`,
  `≤ 50 ms; ${runs.worst}`,
);
line(
  'free text: the same, cue patterns only',
  `${runs.cuesWorstMs.toFixed(1)} ms`,
  `report; ${runs.cuesWorst}`,
);

try {
  const { benchRecords } = await import('./bench-records');
  const records = await benchRecords();
  line(
    `records: import ${records.records.toLocaleString('en')}`,
    `${records.importMs.toFixed(0)} ms`,
    'report',
  );
  line('records: aggregate team summary', `${records.aggregateMs.toFixed(1)} ms`, '≤ 300 ms');
  line('records: apply a filter', `${records.filterMs.toFixed(1)} ms`, '≤ 100 ms');
} catch (error) {
  console.log(`records bench unavailable: ${(error as Error).message}`);
}
