import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openTextFile, readCappedText, type ShowOpenDialog } from './open-text-file';

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rnnlab-open-'));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('openTextFile(showOpenDialog, req)', () => {
  it('reads the picked file as UTF-8 with its base name, with the dialog filtered by kind', async () => {
    const file = await tempFile('moods.csv', 'text,label\nçà va,happy\n');
    const dialog = vi.fn<ShowOpenDialog>(async () => ({ canceled: false, filePaths: [file] }));
    expect(await openTextFile(dialog, { kind: 'csv' })).toEqual({ status: 'opened', name: 'moods.csv', text: 'text,label\nçà va,happy\n' });
    expect(dialog.mock.calls[0][0].filters[0].extensions).toContain('csv');
  });

  it('answers cancelled when the learner closes the dialog', async () => {
    expect(await openTextFile(async () => ({ canceled: true, filePaths: [] }), { kind: 'text' })).toEqual({ status: 'cancelled' });
  });
});

describe('readCappedText(file, maxBytes)', () => {
  it('refuses a file over the cap before reading it, stating the cap', async () => {
    const file = await tempFile('big.txt', 'x'.repeat(3_000_000));
    expect(await readCappedText(file, 2_000_000)).toEqual({
      status: 'failed',
      problem: { code: 'data.fileTooBig', params: { name: 'big.txt', size: 3, cap: 2 }, detail: 'the file is 3 MB; the cap is 2 MB' },
    });
  });

  it('reports a missing file as a failure, never a throw', async () => {
    const result = await readCappedText(path.join(tmpdir(), 'no-such-rnnlab-file.txt'));
    expect(result.status).toBe('failed');
  });

  it('turns bytes that are not UTF-8 into U+FFFD, which the importers then report by position', async () => {
    const file = await tempFile('latin1.txt', new Uint8Array([0x61, 0xe9, 0x62]));
    expect(await readCappedText(file)).toMatchObject({ status: 'opened', text: 'a\uFFFDb' });
  });
});
