/**
 * What the engine wants done, as data. lib/app/run-effects.ts is the only code that
 * turns these into Bitrix REST calls.
 */
export type Effect =
  /** A message to the customer (BB-code). */
  | { readonly type: 'send'; readonly text: string }
  /** An operator-only note: imbot.message.add with SKIP_CONNECTOR=Y (the hand-over card). */
  | { readonly type: 'note'; readonly text: string }
  /** imopenlines.bot.session.operator: to the line's queue. */
  | { readonly type: 'queue' }
  /** imopenlines.bot.session.transfer with USER_ID. */
  | { readonly type: 'transferUser'; readonly userId: number; readonly leave: boolean }
  /** imopenlines.bot.session.transfer with QUEUE_ID (another Open Line's config id). */
  | { readonly type: 'transferLine'; readonly lineId: number }
  /** imbot.chat.user.add (+ imbot.chat.leave when leave). */
  | { readonly type: 'addBot'; readonly botId: number; readonly leave: boolean }
  /** imopenlines.bot.session.finish. */
  | { readonly type: 'finish' }
  /** A registered TypeScript function (lib/app/functions.ts); its text joins the surrounding message. */
  | { readonly type: 'function'; readonly name: string };

export type EffectType = Effect['type'];
