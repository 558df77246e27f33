/**
 * docs/benchmarks.md holds the reports of two commands (`npm run bench`, `npm run load`):
 * each owns one marked section and rewrites only that, so running one keeps the other's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';

export const BENCHMARKS_FILE = 'docs/benchmarks.md';

export function writeSection(section: string, content: string, file = BENCHMARKS_FILE): void {
  const start = `<!-- ${section}:start -->`;
  const end = `<!-- ${section}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from !== -1 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}${current ? '\n\n' : ''}${block}\n`;
  writeFileSync(file, next);
}

/** The machine a figure was measured on, as the reports print it. */
export const machine = (): string =>
  `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, Node ${process.version}`;
