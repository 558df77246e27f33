/**
 * PHP http_build_query encoding, which is how `batch` expects each sub-call
 * (contract §4.16: `cmd[key]=method?<url-encoded params>`): nested objects and arrays
 * become bracketed keys (`USERS[0]=571`), booleans become Y/N like Bitrix flags.
 */

export function phpQuery(params: Readonly<Record<string, unknown>>): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (typeof value === 'boolean') value = value ? 'Y' : 'N';
    if (typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value as object);
      for (const [childKey, childValue] of entries) add(`${key}[${childKey}]`, childValue);
      return;
    }
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.join('&');
}

export function encodeBatchCommand(method: string, params: Readonly<Record<string, unknown>>): string {
  const query = phpQuery(params);
  return query ? `${method}?${query}` : method;
}
