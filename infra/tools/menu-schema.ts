/**
 * npm run menu-schema: writes menus/menu.schema.json, the JSON Schema of the menu format
 * generated from the compiler's tables (lib/menu/schema.ts). The example menus name it in
 * their first line, so editors complete and underline keys; test/unit/menu-schema.test.ts
 * fails when the file no longer matches the compiler.
 */
import { writeFileSync } from 'node:fs';
import { menuSchema } from '../../lib/menu/schema.js';

export const SCHEMA_FILE = 'menus/menu.schema.json';
export const schemaText = (): string => `${JSON.stringify(menuSchema(), null, 2)}\n`;

if (process.argv[1]?.endsWith('menu-schema.ts')) {
  writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`${SCHEMA_FILE} written\n`);
}
