import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import LineChart from './LineChart.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

describe('LineChart', () => {
  it('draws a dot for every point, even two at the same x, and two rules with one label', () => {
    const target = document.body.appendChild(document.createElement('div'));
    const values = [{ x: 1, y: 0.5 }, { x: 2, y: 0.4 }, { x: 2, y: 0.3 }, { x: 3, y: 0.2 }];
    app = mount(LineChart, {
      target,
      props: {
        series: [{ id: 'a', label: 'A', colour: '#000', values, dots: true }],
        rules: [{ y: 0.25, label: 'chance' }, { y: 0.45, label: 'chance' }],
        xLabel: 'x', yLabel: 'y', label: 'chart',
      },
    });
    flushSync();
    expect(target.querySelectorAll('circle')).toHaveLength(4);
  });
});
