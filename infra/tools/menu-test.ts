/**
 * `npm run menu -- test <menu file|folder>`: the conversations of `<menu>.test.yaml` run
 * through the real engine (lib/menu/conversation-run.ts). One line per conversation; a
 * failure names the conversation, the step, what was expected and what the bot said.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseConversations, testFileOf } from '../../lib/menu/conversation-file.js';
import { runConversation } from '../../lib/menu/conversation-run.js';
import type { CompiledMenu } from '../../lib/menu/types.js';

export interface TestRun {
  readonly output: string[];
  readonly passed: number;
  readonly failed: number;
  /** Problems of the test file itself (a failure too). */
  readonly problems: number;
}

export const hasTests = (menuFile: string): boolean => existsSync(testFileOf(menuFile));

export function runMenuTests(menu: CompiledMenu, menuFile: string): TestRun {
  const file = testFileOf(menuFile);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return { output: [`${file}: cannot read the conversation tests`], passed: 0, failed: 0, problems: 1 };
  }
  const { conversations, problems } = parseConversations(source, file);
  const output = [...problems.map((problem) => `${problem}`)];
  let passed = 0;
  let failed = 0;
  for (const conversation of conversations) {
    let result;
    try {
      result = runConversation(menu, conversation);
    } catch (error) {
      result = { name: conversation.name, ok: false, failure: `the engine failed: ${(error as Error).message}` };
    }
    if (result.ok) passed++;
    else failed++;
    output.push(result.ok ? `  ✓ ${result.name}` : `  ✗ ${result.name} (${file}:${conversation.line})\n      ${result.failure}`);
  }
  output.push(`${file}: ${passed} passed, ${failed} failed${problems.length ? `, ${problems.length} problem(s) in the file` : ''}`);
  return { output, passed, failed, problems: problems.length };
}
