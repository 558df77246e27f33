/** Small defences, each tested on its own (they are also exercised end to end). */
import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../lib/app/authenticate.js';
import { plain, stripBbCodes, flatten } from '../../lib/menu/bbcode.js';
import { allowedDomain, allowedUrl, parseAllowedHosts } from '../../lib/bitrix/hosts.js';
import { createLogger, redact, registerSecret, setLogSink } from '../../lib/log.js';

describe('[defence: redaction] the logger', () => {
  it('masks secret-looking keys at any depth', () => {
    expect(redact({ auth: 'x', nested: { access_token: 'abc', refreshToken: 'def', application_token: 'ghi', client_secret: 'jkl', ok: 'fine' } })).toEqual({
      auth: '[redacted]',
      nested: { access_token: '[redacted]', refreshToken: '[redacted]', application_token: '[redacted]', client_secret: '[redacted]', ok: 'fine' },
    });
  });

  it('masks registered secrets and token=… pairs inside any string, including error messages', () => {
    registerSecret('s3cr3t-token-value');
    const lines: string[] = [];
    const previous = setLogSink((line) => lines.push(line));
    createLogger().error('failed', { error: new Error('call with s3cr3t-token-value failed'), url: 'https://x/?access_token=abcdef&a=1' });
    setLogSink(previous);
    expect(lines.join('')).not.toContain('s3cr3t-token-value');
    expect(lines.join('')).not.toContain('abcdef');
  });
});

describe('[defence: constant-time comparison] sameSecret', () => {
  it('compares by content only', () => {
    expect(sameSecret('51856fefc120afa4b628cc82d3935cce', '51856fefc120afa4b628cc82d3935cce')).toBe(true);
    expect(sameSecret('51856fefc120afa4b628cc82d3935cce', '51856fefc120afa4b628cc82d3935ccf')).toBe(false);
    expect(sameSecret('short', 'longer-value')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});

describe('[defence: host allowlist] allowed portal addresses', () => {
  const hosts = parseAllowedHosts('bitrix24.com,bitrix24.de,localhost');
  it.each([
    ['https://acme.bitrix24.com/rest/', true],
    ['https://bitrix24.com/rest/', true],
    ['https://acme.bitrix24.de/rest/', true],
    ['http://acme.bitrix24.com/rest/', false],
    ['https://acme.bitrix24.com.evil.example/rest/', false],
    ['https://evilbitrix24.com/rest/', false],
    ['https://user:pass@acme.bitrix24.com/rest/', false],
    ['http://localhost:3000/rest/', true],
    ['http://127.0.0.1:3000/rest/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(Boolean(allowedUrl(url, hosts))).toBe(ok);
  });
  it('domains', () => {
    expect(allowedDomain('acme.bitrix24.com', hosts)).toBe(true);
    expect(allowedDomain('acme.bitrix24.com/x', hosts)).toBe(false);
    expect(allowedDomain('evil.example', hosts)).toBe(false);
  });
});

describe('[defence: plain()] customer text in BB-code', () => {
  it('cannot form tags, line breaks or quotes, and reads the same', () => {
    for (const evil of ['[URL=https://evil.example]Support[/URL]', '[send=0]x[/send]', 'a#BR#b', '>>quote', 'line\nbreak', '[b]bold[/b]']) {
      const safe = plain(evil);
      expect(safe).not.toMatch(/\[\/?[a-z]+(=[^\]]*)?\]/i);
      expect(safe).not.toMatch(/#BR#/i);
      expect(safe.replace(/\u200B/g, '')).toBe(evil.replace(/\n/g, ' '));
    }
  });

  it('incoming text is read without markup (ITR prepareText)', () => {
    expect(stripBbCodes('[b]2[/b] please')).toBe('2 please');
    expect(stripBbCodes('[send=3]3. Delivery[/send]')).toBe('3. Delivery');
    expect(flatten('Hi[br][send=1]1. A[/send]')).toBe('Hi\n1. A');
  });
});
