import { flushSync, mount } from 'svelte';
import { describe, expect, it } from 'vitest';
import { canvaslessComponents } from '../../testing/canvasless';
import type { GridSource } from './heatmap-paint';
import Heatmap from './Heatmap.svelte';

const keep = canvaslessComponents();

const grid = (rows: number, cols: number): GridSource => ({ rows, cols, value: (r, c) => -1 - ((r + c) % 3) });

/** The y axis as drawn: each tick's label and its position (px from the plot's top). */
function yTicks(rows: number, height: number): { label: string; at: number }[] {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(Heatmap, {
    target,
    props: {
      grid: grid(rows, 12), version: 1, domain: [-4, 0], label: 'test', xLabel: 'input word s', yLabel: 'output step t',
      rowLabel: (r: number) => `row ${r + 1}`, rowTick: (r: number) => String(r + 23), width: 400, height,
    },
  });
  keep(app);
  flushSync();
  // The left axis is the one whose ticks d3 places with translate(0, y).
  const axis = [...target.querySelectorAll('svg g')].find((g) => g.querySelector('.tick') && g.querySelector('.tick')!.getAttribute('transform')!.startsWith('translate(0,'));
  return [...(axis?.querySelectorAll('.tick') ?? [])].map((tick) => ({
    label: tick.querySelector('text')?.textContent ?? '',
    at: Number(/translate\(0,([\d.]+)\)/.exec(tick.getAttribute('transform') ?? '')?.[1]),
  }));
}

describe('Heatmap’s row axis', () => {
  it('a one-row heatmap (a many-to-one verdict) has one tick, labelled, in the middle of its row', () => {
    const ticks = yTicks(1, 120);
    expect(ticks.map((t) => t.label)).toEqual(['23']);
    expect(ticks[0].at).toBeGreaterThan(0); // not on the plot's top edge
  });

  it('a few rows get one labelled tick each, top to bottom', () => {
    expect(yTicks(3, 280).map((t) => t.label)).toEqual(['23', '24', '25']);
  });

  it('a tall grid gets round ticks, and no tick without a label', () => {
    const ticks = yTicks(40, 280);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t.label).not.toBe('');
  });
});
