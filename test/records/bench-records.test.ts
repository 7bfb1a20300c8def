import { benchRecords } from '@/cli/bench-records';

describe('bench-records', () => {
  it('imports generated attempts through the real path and times aggregate and filter', async () => {
    const result = await benchRecords(2000, 1000);
    expect(result.records).toBe(2000);
    expect(result.importMs).toBeGreaterThan(0);
    expect(result.aggregateMs).toBeLessThan(300);
    expect(result.filterMs).toBeLessThan(100);
  });
});
