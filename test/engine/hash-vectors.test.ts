import { canonicalJson, contentHash, HASH_VERSION } from '@/engine/format/content-hash';
import { BUNDLE_VERSION, bundleChecksum, buildBundle, parseBundle } from '@/records/bundle';

// Known outputs of the hashing scheme. Every stored record names its scenario and rubric by these
// hashes, and every export bundle is checked by one: if any vector below changes, every stored record
// would read as "unknown scenario" and every bundle as damaged. A deliberate change of scheme bumps
// HASH_VERSION (and keeps a reader for the old one); it never just edits these expectations.

describe('hash scheme 1', () => {
  it('is the scheme this build writes', () => {
    expect(HASH_VERSION).toBe(1);
  });

  const vectors: Array<[string, unknown, string, string]> = [
    ['null', null, 'null', '77074ba4372cc669'],
    ['true', true, 'true', '4db211e5ab4a3224'],
    ['zero', 0, '0', '350ca8afe4145d6e'],
    ['negative zero reads as zero', -0, '0', '350ca8afe4145d6e'],
    ['a fraction', 1.5, '1.5', 'e8421739c0a6de87'],
    ['a large number', 1e21, '1e+21', 'b6a7b1f5faaf1d82'],
    ['NaN is null', Number.NaN, 'null', '77074ba4372cc669'],
    ['undefined is null', undefined, 'null', '77074ba4372cc669'],
    ['a string', 'a', '"a"', '61a1cfea9a147854'],
    ['the empty string', '', '""', 'ffcaaa85310a9423'],
    ['Chinese', '中文', '"中文"', '0a27a3bddcd18b20'],
    ['escapes', 'quote"\\\n', '"quote\\"\\\\\\n"', '0a100c03aaec1d98'],
    ['an astral character', '😀', '"😀"', 'accb0e0ecd02b58f'],
    ['the empty array', [], '[]', '741638a50499fcc1'],
    ['the empty object', {}, '{}', '5465b825e4e97c01'],
    ['nesting, keys sorted', [1, [2, { b: 1, a: 2 }]], '[1,[2,{"a":2,"b":1}]]', 'dcb2f734c4cd937f'],
    [
      'undefined members left out',
      { b: 1, a: { d: undefined, c: [null] } },
      '{"a":{"c":[null]},"b":1}',
      '31e93793bfcd0dcc',
    ],
    ['keys sorted by code unit', { é: 1, e: 2, Z: 3 }, '{"Z":3,"e":2,"é":1}', '44c42211376429f7'],
    ['undefined in an array is null', [undefined], '[null]', '5f74b2a25aa618a2'],
  ];

  it.each(vectors)('%s', (_name, value, json, hash) => {
    expect(canonicalJson(value)).toBe(json);
    expect(contentHash(value)).toBe(hash);
  });

  it('key order and JSON round trips do not change a hash', () => {
    const a = { scenario: { id: 's', version: 2 }, turns: [{ node: 'n', at: 5 }] };
    const b = JSON.parse('{"turns":[{"at":5,"node":"n"}],"scenario":{"version":2,"id":"s"}}') as unknown;
    expect(contentHash(b)).toBe(contentHash(a));
    expect(contentHash(a)).toBe('f24ed64b00ca120a');
  });

  it('any change of content changes the hash', () => {
    const base = { a: [1, 2, 3], b: 'x' };
    const variants = [
      { a: [1, 2, 3], b: 'y' },
      { a: [1, 3, 2], b: 'x' },
      { a: [1, 2, 3] },
      { ...base, c: 0 },
    ];
    for (const v of variants) expect(contentHash(v)).not.toBe(contentHash(base));
  });
});

describe('bundle checksum', () => {
  const payload = {
    format: 'composure-attempts',
    bundleVersion: 2,
    hashVersion: 1,
    exportedAt: '2026-01-02T03:04:05.000Z',
    scenarios: {},
    rubrics: {},
    attempts: [],
  } as const;

  it('is the content hash of the bundle without its checksum field', () => {
    expect(bundleChecksum(payload)).toBe('ead377f9c62bd45f');
    expect(bundleChecksum({ ...payload, checksum: 'anything' })).toBe('ead377f9c62bd45f');
  });

  it('a v1 bundle (no hashVersion) keeps its checksum', () => {
    const { hashVersion: _h, ...v1 } = payload;
    expect(bundleChecksum({ ...v1, bundleVersion: 1 })).toBe('0ec8cb95f87fafc3');
  });

  it('exports carry the bundle and hash versions, and the checksum covers them', () => {
    const bundle = buildBundle({
      attempts: [],
      scenarios: {},
      rubrics: {},
      exportedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    });
    expect(bundle).toEqual({ ...payload, checksum: 'ead377f9c62bd45f' });
    expect(BUNDLE_VERSION).toBe(2);
  });

  it('a pinned v1 bundle still imports; a bundle hashed by a newer scheme is refused as newer', () => {
    const { hashVersion: _h, ...v1 } = payload;
    const old = { ...v1, bundleVersion: 1, checksum: '0ec8cb95f87fafc3' };
    expect(parseBundle(JSON.stringify(old))).toMatchObject({ ok: true, attempts: [] });
    const newer = { ...payload, hashVersion: 2 };
    expect(parseBundle(JSON.stringify({ ...newer, checksum: bundleChecksum(newer) }))).toMatchObject({
      ok: false,
      reason: 'newer-version',
      detail: 'hash version 2',
    });
    const odd = { ...payload, hashVersion: 'one' };
    expect(parseBundle(JSON.stringify({ ...odd, checksum: bundleChecksum(odd) }))).toMatchObject({
      ok: false,
      reason: 'not-a-bundle',
    });
  });
});
