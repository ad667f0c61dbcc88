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
