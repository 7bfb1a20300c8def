// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { LocatedProblems, locationOf } from '@/ui/located-problems';

describe('LocatedProblems', () => {
  it('prints file:line:column, only as much of it as is known', () => {
    expect(locationOf({ file: 'a.json', line: 3, column: 7, message: '' })).toBe('a.json:3:7');
    expect(locationOf({ file: 'a.json', line: 3, column: null, message: '' })).toBe('a.json:3');
    expect(locationOf({ file: 'a.json', line: null, column: 9, message: '' })).toBe('a.json');
  });

  it('shows each problem with its place, markup in a message as text', () => {
    render(
      <LocatedProblems
        problems={[
          { file: 'pack.json', line: 2, column: 5, message: '<b>not a scenario</b>' },
          { file: 'other.json', line: null, column: null, message: 'not JSON' },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'pack.json:2:5 <b>not a scenario</b>',
      'other.json not JSON',
    ]);
    expect(document.querySelector('b')).toBeNull();
  });
});
