import path from 'node:path';
import { open } from 'node:fs/promises';
import { OPEN_FILE_MAX_BYTES, type OpenTextFileRequest, type OpenTextFileResult } from '../src-shared/protocol/ipc-contract';
import { problem } from '../src-shared/protocol/problem';

/** The parts of Electron's dialog this needs (injected so Node tests drive it without Electron). */
export type ShowOpenDialog = (options: {
  title: string;
  properties: ['openFile'];
  filters: { name: string; extensions: string[] }[];
}) => Promise<{ canceled: boolean; filePaths: string[] }>;

const FILTERS: Record<OpenTextFileRequest['kind'], { name: string; extensions: string[] }[]> = {
  text: [{ name: 'Text', extensions: ['txt', 'md', 'text'] }],
  csv: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }],
};

/** Bytes as megabytes with one decimal, the number a problem's sentence names. */
const mb = (bytes: number) => Math.round(bytes / 100_000) / 10;
const megabytes = (bytes: number) => `${mb(bytes).toLocaleString('en')} MB`;

/**
 * Read a file as UTF-8 text, refusing it before reading a byte when it is over the cap (the error states it).
 * Invalid UTF-8 becomes U+FFFD, which the importers report with its line and column.
 */
export async function readCappedText(file: string, maxBytes = OPEN_FILE_MAX_BYTES): Promise<OpenTextFileResult> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(file, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) {
      const name = path.basename(file).slice(0, 120);
      return { status: 'failed', problem: problem('data.fileTooBig', { name, size: mb(size), cap: mb(maxBytes) }, `the file is ${megabytes(size)}; the cap is ${megabytes(maxBytes)}`) };
    }
    const text = new TextDecoder('utf-8').decode(await handle.readFile());
    return { status: 'opened', name: path.basename(file).slice(0, 120), text };
  } catch (err) {
    return { status: 'failed', problem: problem('data.fileUnreadable', undefined, `could not read the file: ${err instanceof Error ? err.message : String(err)}`) };
  } finally {
    await handle?.close();
  }
}

/** Show the native open dialog for one text or CSV file and read the file picked. */
export async function openTextFile(showOpenDialog: ShowOpenDialog, req: OpenTextFileRequest): Promise<OpenTextFileResult> {
  const picked = await showOpenDialog({
    title: req.kind === 'text' ? 'Open a text file' : 'Open a CSV file',
    properties: ['openFile'],
    filters: FILTERS[req.kind],
  });
  if (picked.canceled || picked.filePaths.length === 0) return { status: 'cancelled' };
  return readCappedText(picked.filePaths[0]);
}
