import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ListState } from '@/lib/listQuery';
import { ListControls } from './ListControls';

vi.mock('next/navigation', () => ({
  usePathname: () => '/carts/',
  useRouter: () => ({ replace: vi.fn() }),
  useSearchParams: () => new URLSearchParams(),
}));

const state: ListState = {
  status: 'all',
  market: 'all',
  since: 'all',
  q: 'abc',
  sort: 'updatedAt',
  direction: 'desc',
  page: 0,
  size: 20,
};

function controls() {
  const update = vi.fn();
  const onRefresh = vi.fn();
  render(
    <ListControls
      state={state}
      update={update}
      statusOptions={[{ value: 'all', label: 'All' }]}
      searchLabel="Cart id or customer email"
      onRefresh={onRefresh}
      refreshing={false}
    />,
  );
  return { update, onRefresh };
}

describe('ListControls search', () => {
  it('is named by its visible label, with what it searches as its hint', () => {
    controls();
    const box = screen.getByRole('searchbox', { name: 'Search' });
    expect(box).toHaveAttribute('placeholder', 'Cart id or customer email');
  });

  it('asks the store again when the same text is searched again', async () => {
    const { update, onRefresh } = controls();
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
  });

  it('puts new text into the list state', async () => {
    const { update, onRefresh } = controls();
    const box = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.clear(box);
    await userEvent.type(box, 'anna@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(update).toHaveBeenCalledWith({ q: 'anna@example.com' });
    expect(onRefresh).not.toHaveBeenCalled();
  });
});
