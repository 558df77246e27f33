/** A menu file's text compiled for a test, or the compiler's messages thrown. */
import { loadMenuSource } from '../../lib/menu/load-file.js';
import type { CompiledMenu } from '../../lib/menu/types.js';

export function compileMenuText(source: string, file = 'test.yaml'): CompiledMenu {
  const { menu, issues } = loadMenuSource(source, file);
  if (!menu) throw new Error(issues.map((issue) => issue.message).join('\n'));
  return menu;
}
