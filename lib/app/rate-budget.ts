/**
 * The per-portal REST budget: waits until the portal's shared allowance (Bitrix's leaky
 * bucket, contract §5) has room for one more request.
 */
export interface RateBudget {
  /** Resolves when one request may be sent to the portal. */
  take(memberId: string, rate: { perSecond: number; burst: number }): Promise<void>;
}

export const unlimitedBudget: RateBudget = { take: async () => undefined };
