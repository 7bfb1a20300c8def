import { benchRecords } from '@/cli/bench-records';

describe('bench-records', () => {
  // The timings are figures of `npm run bench`, printed beside their targets; this only checks that
  // the bench runs the real import path end to end and reports each figure.
  it('imports generated attempts through the real path and reports import, aggregate and filter', async () => {
    const result = await benchRecords(2000, 1000);
    expect(result.records).toBe(2000);
    for (const figure of [result.importMs, result.aggregateMs, result.filterMs]) {
      expect(Number.isFinite(figure) && figure >= 0).toBe(true);
    }
  });
});
