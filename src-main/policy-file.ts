import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_POLICY_BYTES, MAX_POLICY_PACK_BYTES, NO_POLICY, parsePolicyText, type PolicyLoad } from '../src-shared/protocol/policy';
import { problem } from '../src-shared/protocol/problem';

/**
 * Where a school's machine policy lives on each desktop platform (docs/deployment.md lists them for IT staff).
 * Pure, so every platform's answer is testable on any machine.
 */
export function policyPath(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'RNN Lab', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/RNN Lab/policy.json';
  return '/etc/rnn-lab/policy.json';
}

/** The parts of fs the reader uses (tests inject failures). */
export interface PolicyFs {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
}

const code = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code ?? (err instanceof Error ? err.message : String(err));

/** Read a capped text file: the size is checked before a byte is parsed. */
async function readCapped(file: string, cap: number, io: PolicyFs): Promise<string> {
  const info = await io.stat(file);
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > cap) throw new Error(`larger than ${Math.round(cap / 1024)} KB`);
  return io.readFile(file, 'utf8');
}

/**
 * Read and validate the policy at `file`. A missing file means no policy; a file that cannot be read or parsed
 * applies nothing and says why; a bad key is ignored on its own. A preloaded lesson pack (absolute, or relative to
 * the policy's folder) is read here, capped, and handed to the renderer as text to validate like any other pack.
 */
export async function readPolicyFile(file: string, io: PolicyFs = fs): Promise<PolicyLoad> {
  let text: string;
  try {
    text = await readCapped(file, MAX_POLICY_BYTES, io);
  } catch (err) {
    if (code(err) === 'ENOENT') return NO_POLICY;
    return { policy: {}, issues: [problem('policy.unreadable', undefined, `the policy file could not be read (${code(err)}); nothing in it was applied`)], source: file };
  }
  const load = parsePolicyText(text, file);
  const pack = load.policy.lessonPack;
  if (!pack) return load;
  const packFile = path.resolve(path.dirname(file), pack.path);
  try {
    return { ...load, lessonPackText: await readCapped(packFile, MAX_POLICY_PACK_BYTES, io) };
  } catch (err) {
    const { lessonPack: _dropped, ...rest } = load.policy;
    const issue = problem('policy.packUnreadable', { path: packFile }, `lessonPack: ${packFile} could not be read (${code(err)}); ignored`);
    return { ...load, policy: rest, issues: [...load.issues, issue] };
  }
}
