/** Key design (infra/table.yml): one partition per portal, so a portal is read and removed by its pk. */
export const portalPk = (memberId: string) => `P#${memberId}`;

export const keys = {
  portal: (memberId: string) => ({ pk: portalPk(memberId), sk: 'PORTAL' }),
  dialog: (memberId: string, botId: number, dialogId: string) => ({ pk: portalPk(memberId), sk: `D#${botId}#${dialogId}` }),
  budget: (memberId: string) => ({ pk: portalPk(memberId), sk: 'BUDGET' }),
} as const;

export type Key = { readonly pk: string; readonly sk: string };
