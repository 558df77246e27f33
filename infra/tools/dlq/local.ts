/**
 * The local stack's dead letters (`npm start`), through its /local/dead-letters routes:
 * the queue lives inside that process, so the CLI can only reach it over HTTP.
 */
import type { DeadLetterSource, Letter } from './source.js';

export function localSource(baseUrl: string): DeadLetterSource {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const res = await fetch(`${base}${path}`, init);
    if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${base}${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res.json();
  };
  return {
    list: async () => (await call('/local/dead-letters')) as Letter[],
    async replay(jobIds) {
      const body = JSON.stringify(jobIds ? { jobIds } : {});
      const answer = (await call('/local/dead-letters/replay', { method: 'POST', headers: { 'content-type': 'application/json' }, body })) as {
        replayed: number;
      };
      return answer.replayed;
    },
  };
}
