/** What a job finds in its dialog (lib/app/turn/load-turn.ts classifyTurn): pure. */
import { describe, expect, it } from 'vitest';
import { classifyTurn } from '../../lib/app/turn/load-turn.js';
import type { DialogJob } from '../../lib/queue/job.js';
import type { DialogRecord, Outbox } from '../../lib/store/dialogs.js';

const job: DialogJob = { jobId: 'j1', memberId: 'm', botId: 1, dialogId: 'chat1', chatId: 1, kind: 'message', eventId: 'm10', text: '1', receivedAt: 0 };
const outbox = (over: Partial<Outbox> = {}): Outbox => ({
  eventId: 'm10',
  jobId: 'j1',
  steps: [
    { method: 'imbot.message.add', params: {} },
    { method: 'imopenlines.bot.session.operator', params: {} },
  ],
  done: 1,
  claimedUntil: 0,
  ...over,
});
const dialog = (over: Partial<DialogRecord> = {}): DialogRecord => ({ state: undefined, processed: [], outbox: undefined, version: 3, ...over });

describe('classifyTurn', () => {
  it('an event not handled yet is new', () => {
    expect(classifyTurn(job, dialog({ processed: ['m9'] }), 1000)).toEqual({ kind: 'new', dialog: dialog({ processed: ['m9'] }) });
  });

  it('a handled event with nothing of this job left to send is a duplicate', () => {
    expect(classifyTurn(job, dialog({ processed: ['m10'] }), 1000).kind).toBe('duplicate');
    expect(classifyTurn(job, dialog({ processed: ['m10'], outbox: outbox({ done: 2 }) }), 1000).kind).toBe('duplicate');
    expect(classifyTurn(job, dialog({ processed: ['m10'], outbox: outbox({ jobId: 'other' }) }), 1000).kind).toBe('duplicate');
  });

  it("this job's unfinished outbox: busy while its claim lasts, resumed after", () => {
    expect(classifyTurn(job, dialog({ processed: ['m10'], outbox: outbox({ claimedUntil: 5000 }) }), 1000)).toEqual({ kind: 'busy', claimedForMs: 4000 });
    expect(classifyTurn(job, dialog({ processed: ['m10'], outbox: outbox({ claimedUntil: 500 }) }), 1000).kind).toBe('resume');
  });
});
