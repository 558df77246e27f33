import type { Issue } from './compile.js';

/** A menu file that can't be used, with every problem found (see lib/menu/compile.ts). */
export class MenuError extends Error {
  override readonly name = 'MenuError';
  constructor(
    readonly issues: readonly Issue[],
    readonly file?: string,
  ) {
    super(`Menu${file ? ` ${file}` : ''} is invalid:\n${issues.map((issue) => `- ${issue.message}`).join('\n')}`);
  }
}
