import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoSnapshotError, parseDemoSnapshots, traceDemo } from './demo-snapshot';

const committed = readFileSync(join(import.meta.dirname, 'snapshots/demo-snapshots.json'), 'utf8');
type Mutable = { models: { params: Record<string, number[]>; inputVocab: string[] }[]; demos: Record<string, { model: string; input: number[] }>; version: number };
const mutated = (change: (f: Mutable) => void): string => {
  const f = JSON.parse(committed) as Mutable;
  change(f);
  return JSON.stringify(f);
};

describe('the bundled demo models', () => {
  it('parse, and every unrolled demo traces a full chain with the engine: h_t, ∂L/∂h_t and a prediction at every step', () => {
    const file = parseDemoSnapshots(committed);
    for (const section of ['why', 'cell', 'bptt'] as const) {
      const run = traceDemo(file, section);
      expect(run, section).not.toBeNull();
      const d = run!.detail;
      const T = d.inputTokens.length;
      expect(T).toBeGreaterThan(1);
      expect(d.hidden).toHaveLength(T);
      expect(d.hidden[0]).toHaveLength(run!.config.hiddenSize);
      expect(d.dhNorms.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
      expect(d.outputTokens).toHaveLength(1);
      expect(run!.paramCount).toBe(2690);
    }
  });

  it('predict what the example says: the model was trained, not just initialised', () => {
    const run = traceDemo(parseDemoSnapshots(committed), 'why')!;
    expect(run.detail.outputTokens).toEqual(run.detail.targetTokens);
  });

  it.each([
    ['text that is not JSON', () => committed.slice(0, 100), /not valid JSON/],
    ['a weight that is not a number', () => mutated((f) => (f.models[0].params['l0.fwd.Whh'][3] = 'x' as unknown as number)), /malformed.*params/],
    ['a demo naming a model the file lacks', () => mutated((f) => (f.demos.why.model = 'nope')), /every demo must name a model/],
    ['a token id outside the vocabulary', () => mutated((f) => (f.demos.why.input[0] = f.models[0].inputVocab.length)), /inside its model's vocabularies/],
    ['an unknown version', () => mutated((f) => (f.version = 2)), /malformed.*version/],
  ])('reject %s with a DemoSnapshotError that says what is wrong', (_name, text, message) => {
    expect(() => parseDemoSnapshots(text())).toThrow(DemoSnapshotError);
    expect(() => parseDemoSnapshots(text())).toThrow(message);
  });

  it('reject weights of the wrong size when the engine loads them, naming the tensor', () => {
    const file = parseDemoSnapshots(mutated((f) => f.models[0].params['l0.fwd.Whh'].pop()));
    expect(() => traceDemo(file, 'why')).toThrow(/does not fit its configuration.*Whh/);
  });
});
