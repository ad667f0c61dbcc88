import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  RUN_FILE_MAX_BYTES,
  type OpenRunFileResult,
  type SaveRunFileRequest,
  type SaveRunFileResult,
} from '../src-shared/protocol/ipc-contract';
import { problem } from '../src-shared/protocol/problem';
import { parseRunFile } from '../src-shared/protocol/saved-run';
import { readCappedText, type ShowOpenDialog } from './open-text-file';

/** The part of Electron's save dialog this needs (injected so Node tests drive it without Electron). */
export type ShowSaveDialog = (options: {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}) => Promise<{ canceled: boolean; filePath?: string }>;

const RUN_FILTERS = [{ name: 'RNN Lab run', extensions: ['rnnlab.json', 'json'] }];

/** Show the native open dialog for one run file and read it, refusing a file over the cap before reading it. */
export async function openRunFile(showOpenDialog: ShowOpenDialog): Promise<OpenRunFileResult> {
  const picked = await showOpenDialog({ title: 'Import a run file', properties: ['openFile'], filters: RUN_FILTERS });
  if (picked.canceled || picked.filePaths.length === 0) return { status: 'cancelled' };
  return readCappedText(picked.filePaths[0], RUN_FILE_MAX_BYTES);
}

/**
 * The name the save dialog suggests: the renderer's name reduced to a safe base name (no folder, no `..`, no
 * characters file systems refuse) ending in `.rnnlab.json`. The renderer never chooses where the file goes.
 */
export function suggestedRunFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.rnnlab\.json$|\.json$/i, '');
  const safe = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80);
  return `${safe || 'run'}.rnnlab.json`;
}

/**
 * Show the native save dialog and write the run file where the learner chose. Main checks the text is a whole,
 * valid run file first, so nothing else can be written through this call.
 */
export async function saveRunFile(showSaveDialog: ShowSaveDialog, req: SaveRunFileRequest): Promise<SaveRunFileResult> {
  if (Buffer.byteLength(req.text) > RUN_FILE_MAX_BYTES) return { status: 'failed', problem: problem('runFile.tooLarge', { chars: req.text.length, cap: RUN_FILE_MAX_BYTES }, `the run file would be over the cap of ${RUN_FILE_MAX_BYTES} bytes`) };
  const parsed = parseRunFile(req.text);
  if (!parsed.ok) return { status: 'failed', problem: parsed.problem };
  const picked = await showSaveDialog({ title: 'Export the run', defaultPath: suggestedRunFileName(req.name), filters: RUN_FILTERS });
  if (picked.canceled || !picked.filePath) return { status: 'cancelled' };
  try {
    await writeFile(picked.filePath, req.text, 'utf8');
    return { status: 'saved', name: path.basename(picked.filePath).slice(0, 200) };
  } catch (err) {
    return { status: 'failed', problem: problem('runFile.notWritten', undefined, `could not write the file: ${err instanceof Error ? err.message : String(err)}`) };
  }
}
