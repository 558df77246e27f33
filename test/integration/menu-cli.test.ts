/** `npm run menu -- test|check` as a support lead runs it: a process, its output and its exit code (issue 19). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('npm run menu -- test: exit 1 and the failing step for a broken conversation; check runs the tests too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'menu-test-'));
  cpSync('menus/example.yaml', join(dir, 'shop.yaml'));
  const good = readFileSync('menus/example.test.yaml', 'utf8');
  writeFileSync(join(dir, 'shop.test.yaml'), `${good}\n- name: broken on purpose\n  steps: [join, { send: "2" }, { expect: "We are open" }]\n`);
  const cli = (command: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'infra/tools/menu.ts', command, join(dir, 'shop.yaml')], { encoding: 'utf8' });
  const test = cli('test');
  expect(test.status).toBe(1);
  expect(test.stdout).toContain('✗ broken on purpose');
  expect(test.stdout).toMatch(/step 3 \(expect: "We are open", line \d+\): expected "We are open", the bot said: "Payment and invoices/);
  const check = cli('check');
  expect(check.status).toBe(1);
  expect(check.stdout).toContain(`${join(dir, 'shop.yaml')}: 0 error(s), 0 warning(s)`);
  writeFileSync(join(dir, 'shop.test.yaml'), good);
  expect(cli('test').status).toBe(0);
});

it('a folder of menus: every file and its tests', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/tools/menu.ts', 'test', 'menus/by-line'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('menus/by-line/default.test.yaml: 3 passed, 0 failed');
  expect(run.stdout).toContain('menus/by-line/line-2.test.yaml: 2 passed, 0 failed');
});
