import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RUN_FILE_MAX_BYTES } from '../src-shared/protocol/ipc-contract';
import type { ShowOpenDialog } from './open-text-file';
import { openRunFile, saveRunFile, suggestedRunFileName, type ShowSaveDialog } from './run-file-dialogs';

const fixture = path.join(__dirname, '../src-shared/protocol/fixtures/run-file-v1-before-full-snapshots.rnnlab.json');
const tempDir = () => mkdtemp(path.join(tmpdir(), 'rnnlab-runfile-'));

describe('openRunFile(showOpenDialog)', () => {
  it('reads the picked run file, with the dialog filtered to run files', async () => {
    const dialog = vi.fn<ShowOpenDialog>(async () => ({ canceled: false, filePaths: [fixture] }));
    const res = await openRunFile(dialog);
    expect(res).toMatchObject({ status: 'opened', name: 'run-file-v1-before-full-snapshots.rnnlab.json' });
    expect(res.status === 'opened' && res.text).toBe(await readFile(fixture, 'utf8'));
    expect(dialog.mock.calls[0][0].filters[0].extensions).toContain('rnnlab.json');
  });

  it('refuses a file over the run-file cap before reading it, and answers cancelled when the dialog is closed', async () => {
    const big = path.join(await tempDir(), 'big.rnnlab.json');
    await writeFile(big, '');
    await truncate(big, RUN_FILE_MAX_BYTES + 1); // sparse: the size is all there is
    expect(await openRunFile(async () => ({ canceled: false, filePaths: [big] }))).toEqual({
      status: 'failed',
      problem: { code: 'data.fileTooBig', params: expect.objectContaining({ cap: expect.any(Number) }), detail: 'the file is 40 MB; the cap is 40 MB' },
    });
    expect(await openRunFile(async () => ({ canceled: true, filePaths: [] }))).toEqual({ status: 'cancelled' });
  });
});

describe('saveRunFile(showSaveDialog, req)', () => {
  it('writes a valid run file where the dialog says, suggesting only a safe base name', async () => {
    const target = path.join(await tempDir(), 'chosen.rnnlab.json');
    const text = await readFile(fixture, 'utf8');
    const dialog = vi.fn<ShowSaveDialog>(async () => ({ canceled: false, filePath: target }));
    expect(await saveRunFile(dialog, { name: '../../etc/passwd', text })).toEqual({ status: 'saved', name: 'chosen.rnnlab.json' });
    expect(dialog.mock.calls[0][0].defaultPath).toBe('passwd.rnnlab.json');
    expect(await readFile(target, 'utf8')).toBe(text);
  });

  it('refuses text that is not a run file without showing the dialog, and writes nothing on cancel', async () => {
    const dialog = vi.fn<ShowSaveDialog>(async () => ({ canceled: true }));
    expect(await saveRunFile(dialog, { name: 'x', text: '{"format":"other"}' })).toEqual({ status: 'failed', problem: expect.objectContaining({ code: 'runFile.wrongFormat', detail: expect.stringContaining('format') }) });
    expect(dialog).not.toHaveBeenCalled();
    expect(await saveRunFile(dialog, { name: 'x', text: await readFile(fixture, 'utf8') })).toEqual({ status: 'cancelled' });
  });

  it('suggestedRunFileName keeps a safe base name ending in .rnnlab.json', () => {
    expect(suggestedRunFileName('Class run.rnnlab.json')).toBe('Class-run.rnnlab.json');
    expect(suggestedRunFileName('C:\\\\Users\\\\x\\\\..\\\\evil')).toBe('evil.rnnlab.json');
    expect(suggestedRunFileName('...')).toBe('run.rnnlab.json');
  });
});
