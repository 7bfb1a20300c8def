// @vitest-environment jsdom
import { saveFile } from '@/state/save-file';

describe('saveFile', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    vi.restoreAllMocks();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  it('offers the text as a download under its name and frees the URL afterwards', () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:saved')),
      revokeObjectURL: vi.fn(),
    });
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    expect(saveFile('export.csv', 'a,b\n1,2', 'text/csv')).toBe(true);
    expect(clicked).toEqual([{ href: 'blob:saved', download: 'export.csv' }]);
    expect(blobs[0]!.type).toBe('text/csv');
    expect(blobs[0]!.size).toBe('a,b\n1,2'.length);
    expect(document.querySelector('a')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:saved');
    vi.useRealTimers();
  });

  it('says so where the browser cannot make object URLs', () => {
    Object.assign(URL, { createObjectURL: undefined });
    expect(saveFile('x.json', '{}')).toBe(false);
  });
});
