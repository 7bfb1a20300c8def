// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { initI18n } from '@/i18n/i18n';
import { CustomerAvatar } from '@/ui/customer-avatar';

beforeAll(() => {
  return initI18n('en');
});

describe('CustomerAvatar', () => {
  it('frowns when angry and smiles when calm, and says so', () => {
    const { rerender, container } = render(<CustomerAvatar name="Mr Wang" anger={90} trust={10} />);
    expect(screen.getByRole('img', { name: 'Mr Wang looks furious' })).toBeInTheDocument();
    const angryMouth = container.querySelector('.avatar__mouth')!.getAttribute('d')!;
    rerender(<CustomerAvatar name="Mr Wang" anger={5} trust={90} />);
    expect(screen.getByRole('img', { name: 'Mr Wang looks calm' })).toBeInTheDocument();
    const calmMouth = container.querySelector('.avatar__mouth')!.getAttribute('d')!;
    const controlY = (d: string) => Number(d.split(' ')[3]);
    expect(controlY(calmMouth)).toBeGreaterThan(controlY(angryMouth)); // the curve bends down into a smile
  });
});
