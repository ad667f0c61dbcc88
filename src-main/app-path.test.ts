import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath } from './app-path';

const root = path.resolve('/opt/rnn-lab/out/renderer');
const resolve = (url: string) => resolveAppPath(root, url, 'rnn-lab');

describe('resolveAppPath(root, url, host)', () => {
  it('maps app://rnn-lab/<path> to the file under the renderer root', () => {
    expect(resolve('app://rnn-lab/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://rnn-lab/assets/main-abc123.js')).toBe(path.join(root, 'assets', 'main-abc123.js'));
    expect(resolve('app://rnn-lab/assets/a%20b.png')).toBe(path.join(root, 'assets', 'a b.png'));
  });

  it('serves index.html for the bare origin and ignores query and hash', () => {
    expect(resolve('app://rnn-lab/')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://rnn-lab')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://rnn-lab/index.html?x=1#top')).toBe(path.join(root, 'index.html'));
  });

  it('refuses every way out of the root', () => {
    const attempts = [
      'app://rnn-lab/../package.json',
      'app://rnn-lab/assets/../../main/index.js',
      'app://rnn-lab/%2e%2e/package.json',
      'app://rnn-lab/.%2e/package.json',
      'app://rnn-lab/assets/..%2f..%2fmain%2findex.js',
      'app://rnn-lab/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://rnn-lab/..%5c..%5cwindows%5cwin.ini',
      'app://rnn-lab/assets\\..\\..\\secret',
      'app://rnn-lab/C:/Windows/win.ini',
      'app://rnn-lab/%00index.html',
      'app://rnn-lab//etc/passwd',
      'app://rnn-lab/%E0%A4%A',
    ];
    for (const url of attempts) {
      const got = resolve(url);
      if (got !== null) expect(path.relative(root, got).startsWith('..'), `${url} → ${got}`).toBe(false);
    }
    // The clearly malicious ones must be refused outright, not merely clamped.
    expect(resolve('app://rnn-lab/assets/..%2f..%2fmain%2findex.js')).toBeNull();
    expect(resolve('app://rnn-lab/..%5c..%5cwindows%5cwin.ini')).toBeNull();
    expect(resolve('app://rnn-lab/C:/Windows/win.ini')).toBeNull();
    expect(resolve('app://rnn-lab/%00index.html')).toBeNull();
    expect(resolve('app://rnn-lab/%E0%A4%A')).toBeNull();
  });

  it('answers only for our host', () => {
    expect(resolve('app://evil/index.html')).toBeNull();
    expect(resolve('app://rnn-lab.evil/index.html')).toBeNull();
    expect(resolve('not a url')).toBeNull();
  });
});

describe('contentTypeFor(file)', () => {
  it('gives module scripts, wasm and html their exact types', () => {
    expect(contentTypeFor('a/main.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('kernels.WASM')).toBe('application/wasm');
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('mystery.bin')).toBe('application/octet-stream');
  });
});
