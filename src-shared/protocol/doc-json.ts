/**
 * The JSON text of a stored document. Plain JSON cannot spell ±Infinity (JSON.stringify writes null, which the
 * schema then refuses), yet a run's history legitimately holds an infinite gradient norm or loss when it blew
 * up. Here they are written as the number literals `1e999` / `-1e999`, which are valid JSON and which every
 * JSON parser (JSON.parse included) reads back as ±Infinity. Text may start with a UTF-8 byte order mark.
 */

const BOM = '\uFEFF';

/** `value` as JSON text, ±Infinity kept as ±1e999 (NaN still becomes null: no schema accepts it). */
export function encodeDocJson(value: unknown): string {
  // A token no string in the document can hold: a fresh random marker, each time.
  const marker = `\u0000inf-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  let sawInfinity = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v === Infinity || v === -Infinity) {
      sawInfinity = true;
      return `${marker}${v > 0 ? '+' : '-'}`;
    }
    return v;
  });
  if (!sawInfinity) return text;
  const quoted = JSON.stringify(marker).slice(0, -1); // the marker as it appears inside the JSON text, opening quote included
  return text.replaceAll(`${quoted}+"`, '1e999').replaceAll(`${quoted}-"`, '-1e999');
}

/** Parse document text: a leading byte order mark is ignored; ±1e999 reads as ±Infinity. Throws SyntaxError. */
export function decodeDocJson(text: string): unknown {
  return JSON.parse(text.startsWith(BOM) ? text.slice(BOM.length) : text);
}

/**
 * The length in bytes of `value`'s JSON (as encodeDocJson writes it), or null as soon as the count passes
 * `maxBytes`. It walks without recursion and stops early, so a cap can be checked before a huge document
 * is validated or serialised: its cost is bounded by `maxBytes`, however deep, wide or cyclic the value.
 */
export function jsonBytesWithin(value: unknown, maxBytes: number): number | null {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') total += 4; // null
    else if (typeof v === 'boolean') total += v ? 4 : 5;
    else if (typeof v === 'number') total += Number.isFinite(v) ? String(v).length : Number.isNaN(v) ? 4 : v > 0 ? 5 : 6;
    else if (typeof v === 'bigint') return null; // JSON.stringify throws on it: never a document
    else if (typeof v === 'string') {
      if (total + v.length + 2 > maxBytes) return null;
      total += jsonStringBytes(v);
    } else if (Array.isArray(v)) {
      total += 2 + Math.max(0, v.length - 1);
      if (total > maxBytes) return null;
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
      total += 2 + Math.max(0, entries.length - 1);
      for (const [key, x] of entries) {
        if (total > maxBytes) return null;
        total += jsonStringBytes(key) + 1;
        stack.push(x);
      }
    }
    if (total > maxBytes) return null;
  }
  return total;
}

/** UTF-8 bytes of a string written as a JSON string literal, quotes and escapes included. */
function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) n += 6; // a lone surrogate is written as \udxxx
    else n += 3;
  }
  return n;
}
