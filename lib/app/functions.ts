/**
 * The `function` action's extension point: named TypeScript functions a menu item can
 * run (ITR's execFunction). A function gets the dialog's context and a REST client for
 * the portal, and may return text that joins the bot's answer in the same message.
 * Functions run before the transition is committed and may run again if it has to be
 * retried, so they should not have side effects that must happen exactly once.
 */
import type { RestClient } from '../bitrix/rest-client.js';

export interface FunctionContext {
  readonly memberId: string;
  readonly dialogId: string;
  readonly chatId: number;
  readonly customer: { readonly id: string; readonly name: string };
  readonly language: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly rest: RestClient;
  readonly now: number;
}

export interface FunctionResult {
  /** BB-code text for the customer; customer data in it must already be plain(). */
  readonly text?: string;
}

export type BotFunction = (context: FunctionContext) => Promise<FunctionResult> | FunctionResult;
export type FunctionRegistry = Readonly<Record<string, BotFunction>>;

/** Built-in examples; add yours here and name them in the menu file. */
export const builtinFunctions: FunctionRegistry = {
  /** A reference number for the conversation, e.g. for the customer to quote later. */
  ticketNumber: ({ chatId, now }) => ({
    text: `Your reference: #${chatId}-${Math.floor(now / 1000)
      .toString(36)
      .toUpperCase()}`,
  }),
  /** The current time (UTC), as text. */
  serverTime: ({ now }) => ({ text: new Date(now).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' }),
};
