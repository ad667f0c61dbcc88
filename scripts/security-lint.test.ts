import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs script without type declarations
import { allowedBy, parseErrorFindings, toFindings, validateAllowlist } from './security-lint.mjs';

const finding = (issue: string, filename: string, sample = '') => ({ issue, filename, sample, severity: 'MEDIUM', confidence: 'FIRM', location: '1:1', description: '' });

describe('security-lint allow-list', () => {
  const entries = validateAllowlist([
    { issue: 'OPEN_EXTERNAL_JS_CHECK', file: 'renderer/assets/*.js', reason: 'bridge calls, not shell.openExternal' },
    { issue: 'PRELOAD_JS_CHECK', file: 'main/index.js', sample: 'preload: options.preload', reason: 'our own sandboxed preload' },
  ]);

  it('matches by issue, file glob (for content hashes) and sample substring', () => {
    expect(allowedBy(finding('OPEN_EXTERNAL_JS_CHECK', 'renderer/assets/index-Ab12.js'), entries)).toBe(entries[0]);
    expect(allowedBy(finding('OPEN_EXTERNAL_JS_CHECK', 'main/index.js'), entries)).toBeUndefined();
    expect(allowedBy(finding('OPEN_EXTERNAL_JS_CHECK', 'renderer/assets/sub/x.js'), entries)).toBeUndefined();
    expect(allowedBy(finding('PRELOAD_JS_CHECK', 'main/index.js', 'preload: options.preload ['), entries)).toBe(entries[1]);
    expect(allowedBy(finding('PRELOAD_JS_CHECK', 'main/index.js', 'preload: somethingElse'), entries)).toBeUndefined();
  });

  it('refuses entries without a real reason', () => {
    expect(() => validateAllowlist([{ issue: 'X' }])).toThrow(/reason/);
    expect(() => validateAllowlist([{ issue: 'X', reason: 'ok' }])).toThrow(/reason/);
    expect(() => validateAllowlist({})).toThrow(/array/);
  });

  it('turns runner issues and unparsable files into findings', () => {
    const issues = [{ id: 'CSP_GLOBAL_CHECK', severity: { name: 'LOW' }, confidence: { name: 'FIRM' }, file: 'renderer/index.html', location: { line: 5, column: 0 }, sample: "style-src 'unsafe-inline'", description: 'd' }];
    expect(toFindings(issues)).toEqual([
      { issue: 'CSP_GLOBAL_CHECK', severity: 'LOW', confidence: 'FIRM', filename: 'renderer/index.html', location: '5:0', sample: "style-src 'unsafe-inline'", description: 'd' },
    ]);
    const errors = [
      { file: '/tmp/x/out/main/index.js', message: 'Unknown node type ClassPrivateProperty.', tolerable: false },
      { file: '/tmp/x/out/main/other.js', message: 'minor', tolerable: true },
    ];
    expect(parseErrorFindings(errors, '/tmp/x/out')).toMatchObject([{ issue: 'PARSE_ERROR', filename: 'main/index.js' }]);
  });
});
