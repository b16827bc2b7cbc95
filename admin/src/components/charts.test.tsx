import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ColumnChart } from './charts';

describe('charts', () => {
  it('shows "No data yet" instead of an empty chart', () => {
    render(
      <ColumnChart
        title="Orders per day"
        points={[{ label: '11-30', value: 0 }]}
        yLabel="Orders"
      />,
    );
    expect(screen.getByText('No data yet')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('labels axes and values', () => {
    render(
      <ColumnChart
        title="Orders per day"
        yLabel="Orders"
        integers
        points={[
          { label: '11-29', value: 3 },
          { label: '11-30', value: 1 },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: /Orders per day: 11-29: 3, 11-30: 1/ });
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Orders', '0', '3', '11-29', '11-30', '1']));
    // bar heights are proportional to the values
    const bars = [...chart.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height')));
    expect(bars[0] / bars[1]).toBeCloseTo(3);
  });
});
