/**
 * Bitrix24 event fixtures: test/fixtures/bitrix/*.txt hold the documented example
 * payloads decoded, one `key=value` per line, after `#` lines naming the doc page each
 * comes from; `phpEncode` turns them into the wire form PHP's http_build_query produces
 * (urlencode: spaces as "+", brackets percent-encoded).
 */
import { readFileSync } from 'node:fs';

const phpUrlencode = (value: string) =>
  encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function phpEncode(lines: string): string {
  return lines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = line.indexOf('=');
      return `${phpUrlencode(line.slice(0, at))}=${phpUrlencode(line.slice(at + 1))}`;
    })
    .join('&');
}

export const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/bitrix/${name}.txt`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

/** The fixture encoded, with `key=value` lines replaced or added (value undefined removes the key). */
export function fixtureBody(name: string, changes: Readonly<Record<string, string | undefined>> = {}): string {
  const lines = fixture(name)
    .split('\n')
    .filter((line) => line.trim() !== '');
  const keyOf = (line: string) => line.slice(0, line.indexOf('='));
  const kept = lines.filter((line) => !(keyOf(line) in changes));
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) kept.push(`${key}=${value}`);
  return phpEncode(kept.join('\n'));
}
