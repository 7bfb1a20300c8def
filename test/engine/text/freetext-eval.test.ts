import { describe, expect, it } from 'vitest';
import { scoreFixture } from './eval-helpers';

describe('free-text analyzer on the labelled sets (scored by evaluate.mjs)', () => {
  it('clears precision 0.90 / recall 0.85 on the dev set', () => {
    const s = scoreFixture('dev.jsonl');
    expect(s.items).toBeGreaterThanOrEqual(99);
    expect(s.precision, s.report).toBeGreaterThanOrEqual(0.9);
    expect(s.recall, s.report).toBeGreaterThanOrEqual(0.85);
  });

  it('clears precision 0.85 / recall 0.80 on our own held-out replies', () => {
    const s = scoreFixture('holdout.jsonl');
    expect(s.items).toBeGreaterThanOrEqual(40);
    expect(s.precision, s.report).toBeGreaterThanOrEqual(0.85);
    expect(s.recall, s.report).toBeGreaterThanOrEqual(0.8);
  });

  it('clears precision 0.90 / recall 0.85 on the fresh set written from real service standards', () => {
    // fresh.jsonl was labelled independently of the cue lists (zh-CN and en, 80 each), so it checks
    // that the cue families generalise beyond the phrasings in dev and holdout.
    const s = scoreFixture('fresh.jsonl');
    expect(s.items).toBeGreaterThanOrEqual(160);
    expect(s.precision, s.report).toBeGreaterThanOrEqual(0.9);
    expect(s.recall, s.report).toBeGreaterThanOrEqual(0.85);
  });

  it('clears precision 0.90 / recall 0.85 on blind2, written from service scripts before the cues were read', () => {
    // blind2.jsonl: 60 zh-CN + 60 en replies across insurance, hospital, courier, airline, utility,
    // 12345 hotline and SaaS chat, including multi-rule and polite-but-flawed replies and neutral ones.
    const s = scoreFixture('blind2.jsonl');
    expect(s.items).toBeGreaterThanOrEqual(120);
    expect(s.precision, s.report).toBeGreaterThanOrEqual(0.9);
    expect(s.recall, s.report).toBeGreaterThanOrEqual(0.85);
  });

  it('holds its untuned level on blind4, written blind to the cues, the corpus and the model', () => {
    // A regression floor, not the target: untuned, blind4 scored precision 0.89 and recall 0.73
    // (npm run eval:text). The 0.90 / 0.85 target is not met on unseen phrasing yet.
    const s = scoreFixture('blind4.jsonl');
    expect(s.items).toBe(240);
    expect(s.precision, s.report).toBeGreaterThanOrEqual(0.85);
    expect(s.recall, s.report).toBeGreaterThanOrEqual(0.7);
  });
});
