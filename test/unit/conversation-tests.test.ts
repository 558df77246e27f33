/**
 * Conversation tests beside the menu (issue 19): the shipped example's pass, a broken one
 * fails naming the conversation, the step, what was expected and what the bot said (the
 * CLI's exit codes: test/integration/menu-cli.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseConversations, testFileOf } from '../../lib/menu/conversation-file.js';
import { runConversation } from '../../lib/menu/conversation-run.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { runMenuTests } from '../../infra/tools/menu-test.js';

const example = loadMenuFile('menus/example.yaml');
const run = (yaml: string) => {
  const { conversations, problems } = parseConversations(yaml, 'shop.test.yaml');
  expect(problems).toEqual([]);
  return conversations.map((conversation) => runConversation(example, conversation));
};

describe('conversation tests', () => {
  it('the example menu ships with tests, and they pass', () => {
    const result = runMenuTests(example, 'menus/example.yaml');
    expect(result.failed).toBe(0);
    expect(result.problems).toBe(0);
    expect(result.passed).toBeGreaterThanOrEqual(10);
  });

  it('a wrong expectation names the conversation, the step, the expected text and what the bot said', () => {
    const [result] = run('- name: opening hours\n  steps:\n    - join\n    - send: "4"\n    - expect: "We are open"\n');
    expect(result).toMatchObject({ name: 'opening hours', ok: false });
    expect(result!.failure).toMatch(/^step 3 \(expect: "We are open", line 5\): expected "We are open", the bot said: "We answer Monday to Friday/);
  });

  it('a wrong hand-over says what the bot did instead', () => {
    const [kept, other] = run(
      '- name: a\n  steps: [join, { send: "4" }, { transfer: queue }]\n- name: b\n  steps: [join, { send: "1" }, { send: "4" }, { transfer: user }]\n',
    );
    expect(kept!.failure).toMatch(/step 3 \(transfer: queue, line 2\): expected a hand-over \(queue\), the bot kept the chat \(menu main\)/);
    expect(other!.failure).toMatch(/expected a hand-over \(user\), the bot did: line/);
  });

  it("the customer's language and closed hours", () => {
    const results = run(
      '- name: ru\n  language: de\n  steps: [join, { expect: "Wie können wir helfen" }]\n- name: closed\n  hours: closed\n  steps: [join, { expect: "geschlossen" }]\n',
    );
    expect(results[0]!.ok).toBe(true);
    expect(results[1]).toMatchObject({ ok: false });
  });

  it('mistakes in the test file come with file:line:column', () => {
    const { problems } = parseConversations('- name: x\n  steps:\n    - join\n    - transfer: operator\n    - say: hi\n- steps: [join]\n', 'shop.test.yaml');
    expect(problems).toEqual([
      'shop.test.yaml:4:7: x, step 2: transfer is one of queue, user, line, bot, finish',
      'shop.test.yaml:5:7: x, step 3: one of join, send: "…", expect: "…", transfer: queue|user|line|bot|finish, menu: <id>',
      'shop.test.yaml:6:3: conversation 2: name is required',
    ]);
    expect(testFileOf('menus/shop.yaml')).toBe('menus/shop.test.yaml');
  });
});
