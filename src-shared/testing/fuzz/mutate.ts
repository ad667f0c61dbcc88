import fc from 'fast-check';

/** Any JSON-like value, including deep nesting, odd numbers and long strings. */
export const anyValue = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: false, withNullPrototype: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 2 ** 53, 1e308, '', '__proto__', null, undefined),
);

/**
 * Starting from a valid object, apply one of: replace a (possibly nested) field with junk, delete it,
 * add an unknown field, or swap the whole thing for junk. Most results must be rejected cleanly.
 */
export function mutationsOf(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = collectPaths(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...paths), anyValue).map(([path, junk]) => setPath(clone(valid), path, junk)),
    fc.constantFrom(...paths).map((path) => deletePath(clone(valid), path)),
    fc.tuple(fc.string({ maxLength: 12 }), anyValue).map(([key, junk]) => ({ ...clone(valid), [key || 'extra']: junk })),
    anyValue,
  );
}

/** A deep copy that keeps typed arrays typed (packed checkpoints carry them). */
function clone<T>(value: T): T {
  return structuredClone(value);
}

function collectPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [String(i), v] as const) : Object.entries(value);
  const own = prefix.length ? [prefix] : [];
  return own.concat(entries.flatMap(([k, v]) => collectPaths(v, [...prefix, k])));
}

/** The object holding the field at `path`, its own holder (to replace a typed array whole) and the field's key. */
function locate(root: Record<string, unknown>, path: string[]) {
  let parent: Record<string, unknown> | null = null;
  let node = root;
  for (const key of path.slice(0, -1)) {
    parent = node;
    node = node[key] as Record<string, unknown>;
  }
  const replaceNode = (value: unknown) => {
    if (parent) parent[path[path.length - 2]] = value;
  };
  return { node, last: path[path.length - 1], replaceNode, typed: ArrayBuffer.isView(node) && parent !== null };
}

function setPath(root: Record<string, unknown>, path: string[], junk: unknown): unknown {
  const { node, last, replaceNode, typed } = locate(root, path);
  if (typed && typeof junk !== 'number') {
    // A typed array holds numbers only (NaN and ±Infinity included): other junk goes into a plain-array copy.
    const copy: unknown[] = Array.from(node as unknown as Float64Array);
    copy[Number(last)] = junk;
    replaceNode(copy);
  } else node[last] = junk;
  return root;
}

function deletePath(root: Record<string, unknown>, path: string[]): unknown {
  const { node, last, replaceNode, typed } = locate(root, path);
  if (Array.isArray(node)) node.splice(Number(last), 1);
  // A typed array's elements cannot be deleted: put a copy one element shorter in its place.
  else if (typed) replaceNode((node as unknown as Float64Array).filter((_, i) => i !== Number(last)));
  else delete node[last];
  return root;
}
