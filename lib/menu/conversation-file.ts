/**
 * Conversation tests beside a menu (docs/menu-format.md "Conversation tests"): the file
 * `<menu>.test.yaml` is a list of conversations, each a list of steps a support lead
 * writes without knowing the engine:
 *
 *   - name: opening hours from the start menu
 *     language: en            # optional: the customer's language (as the portal's)
 *     hours: open             # optional: open | closed, for a menu with working hours
 *     steps:
 *       - join                # the customer opens the chat
 *       - expect: "welcome"   # a substring of the bot's last answer (any case)
 *       - send: "1"           # the customer writes
 *       - transfer: queue     # the bot handed over: queue | user | line | bot | finish
 *       - menu: delivery      # the customer is now in this menu
 *
 * Parsing only: problems come back as `file:line:column: message`.
 */
import { parseMenuText } from './load-file.js';

export const TRANSFERS = ['queue', 'user', 'line', 'bot', 'finish'] as const;
export type TransferKind = (typeof TRANSFERS)[number];

export type Step =
  | { readonly kind: 'join'; readonly line: number }
  | { readonly kind: 'send'; readonly text: string; readonly line: number }
  | { readonly kind: 'expect'; readonly text: string; readonly line: number }
  | { readonly kind: 'transfer'; readonly to: TransferKind; readonly line: number }
  | { readonly kind: 'menu'; readonly menu: string; readonly line: number };

export interface Conversation {
  readonly name: string;
  readonly language?: string;
  readonly hours?: 'open' | 'closed';
  readonly steps: readonly Step[];
  readonly line: number;
}

export interface ParsedConversations {
  readonly conversations: readonly Conversation[];
  readonly problems: readonly string[];
}

const STEP_KEYS = ['send', 'expect', 'transfer', 'menu'] as const;

export function parseConversations(source: string, file: string): ParsedConversations {
  const parsed = parseMenuText(source, file);
  const problems: string[] = parsed.syntax.map((issue) => `${file}:${issue.line}:${issue.column}: ${issue.message}`);
  if (problems.length > 0) return { conversations: [], problems };
  const at = (path: (string | number)[]) => parsed.position(path).line;
  const fail = (path: (string | number)[], message: string) => {
    const where = parsed.position(path);
    problems.push(`${file}:${where.line}:${where.column}: ${message}`);
  };
  const raw = parsed.raw;
  if (!Array.isArray(raw)) {
    fail([], 'a conversation test file is a list of conversations (- name: …, steps: […])');
    return { conversations: [], problems };
  }
  const conversations: Conversation[] = [];
  raw.forEach((entry: unknown, index) => {
    const path = [index];
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail(path, `conversation ${index + 1}: a mapping with name and steps`);
    const value = entry as Record<string, unknown>;
    for (const key of Object.keys(value))
      if (!['name', 'language', 'hours', 'steps'].includes(key))
        fail([index, key], `conversation ${index + 1}: unknown key ${key} (name, language, hours, steps)`);
    const name = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : undefined;
    if (!name) fail([index, 'name'], `conversation ${index + 1}: name is required`);
    const label = name ?? `conversation ${index + 1}`;
    if (value.language !== undefined && (typeof value.language !== 'string' || !/^[a-z]{2}$/.test(value.language)))
      fail([index, 'language'], `${label}: language is a two-letter code such as en`);
    if (value.hours !== undefined && value.hours !== 'open' && value.hours !== 'closed') fail([index, 'hours'], `${label}: hours is open or closed`);
    if (!Array.isArray(value.steps) || value.steps.length === 0) return fail([index, 'steps'], `${label}: steps is a non-empty list`);
    const steps: Step[] = [];
    value.steps.forEach((step: unknown, n) => {
      const stepPath = [index, 'steps', n];
      const line = at(stepPath);
      if (step === 'join') return void steps.push({ kind: 'join', line });
      const keys = step && typeof step === 'object' && !Array.isArray(step) ? Object.keys(step) : [];
      const key = keys.length === 1 ? STEP_KEYS.find((candidate) => candidate === keys[0]) : undefined;
      if (!key) return fail(stepPath, `${label}, step ${n + 1}: one of join, send: "…", expect: "…", transfer: queue|user|line|bot|finish, menu: <id>`);
      const arg = (step as Record<string, unknown>)[key];
      if (typeof arg !== 'string' && typeof arg !== 'number') return fail(stepPath, `${label}, step ${n + 1}: ${key} takes a text`);
      const text = String(arg);
      if (key === 'transfer') {
        const to = TRANSFERS.find((kind) => kind === text);
        if (!to) return fail(stepPath, `${label}, step ${n + 1}: transfer is one of ${TRANSFERS.join(', ')}`);
        return void steps.push({ kind: 'transfer', to, line });
      }
      if (key === 'menu') return void steps.push({ kind: 'menu', menu: text, line });
      steps.push({ kind: key, text, line });
    });
    if (name)
      conversations.push({
        name,
        steps,
        line: at(path),
        ...(typeof value.language === 'string' ? { language: value.language } : {}),
        ...(value.hours === 'open' || value.hours === 'closed' ? { hours: value.hours } : {}),
      });
  });
  return { conversations, problems };
}

/** `menus/shop.yaml` → `menus/shop.test.yaml`. */
export const testFileOf = (menuFile: string): string => menuFile.replace(/(\.(ya?ml|json))?$/i, '.test.yaml');
