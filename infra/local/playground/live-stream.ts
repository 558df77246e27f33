/**
 * The page's live updates: server-sent events on GET /playground/stream, one snapshot on
 * connecting and one after every change (changes within 25 ms go out as one push).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function createLiveStream(snapshot: () => Promise<unknown>) {
  const streams = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | undefined;

  function schedulePush(): void {
    if (timer || streams.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void snapshot().then((state) => {
        const data = `data: ${JSON.stringify(state)}\n\n`;
        for (const stream of streams) stream.write(data);
      });
    }, 25);
  }

  async function subscribe(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`data: ${JSON.stringify(await snapshot())}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  return { schedulePush, subscribe };
}
