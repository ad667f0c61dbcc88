import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocKind } from '../../src-shared/protocol/ipc-contract';
import { decodeDocJson } from '../../src-shared/protocol/doc-json';
import { parseDoc } from '../../src-shared/protocol/documents';
import { problem, type Problem } from '../../src-shared/protocol/problem';
import { megabytes } from '../../src-shared/protocol/storage-problem';

/** What reading one document file found. */
export type DocRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; problem: Problem }
  | { kind: 'corrupt'; problem: Problem }
  | { kind: 'valid'; value: unknown; text: string };

/** Read `file` as a `kind` document, writing nothing: size cap first, then JSON, then its schema. */
export async function readDocFile(kind: DocKind, file: string, maxBytes: number): Promise<DocRead> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (err) {
    // ENOTDIR: a file stands where the folder should be, so no document was ever saved there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', problem: unreadable(err, kind) };
  }
  if (size > maxBytes) {
    return { kind: 'corrupt', problem: problem('storage.fileTooLarge', { mb: megabytes(maxBytes) }, `${path.basename(file)} is ${size} bytes, over the ${maxBytes}-byte limit`) };
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return { kind: 'unreadable', problem: unreadable(err, kind) };
  }
  let json: unknown;
  try {
    json = decodeDocJson(text);
  } catch (err) {
    return { kind: 'corrupt', problem: problem('storage.notJson', undefined, `${path.basename(file)} is not valid JSON (${(err as Error).message})`) };
  }
  const parsed = parseDoc(kind, json);
  if (!parsed.ok) return { kind: 'corrupt', problem: problem('storage.invalid', undefined, `${path.basename(file)} does not match the ${kind} format: ${parsed.error}`) };
  return { kind: 'valid', value: parsed.value, text };
}

export function unreadable(err: unknown, kind: DocKind): Problem {
  return problem('storage.unreadable', undefined, `could not read ${kind}: ${(err as Error).message}`);
}
