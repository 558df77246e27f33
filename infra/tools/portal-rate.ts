/**
 * npm run portal-rate -- <member_id> <requests per second> <burst> [--stage S [--region R]]
 *
 * Sets one portal's REST budget, for portals whose Bitrix24 plan allows more than the
 * default 2/s with a burst of 50 (Enterprise: 5/s, burst 250 — contract §5). Writes the
 * portal record in the stage's table (--stage: b24-openlines-bot-<stage>, the name
 * serverless.yml gives it), or TABLE_NAME (AWS_REGION; DYNAMODB_ENDPOINT for a local
 * DynamoDB). Warm workers pick it up within their 30 s portal cache.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../lib/config.js';
import { createDb } from '../../lib/store/db.js';
import { createPortalStore } from '../../lib/store/portals.js';
import { isStageName, regionOf, SERVICE } from './stack.js';

export const USAGE =
  'usage: npm run portal-rate -- <member_id> <requests per second 1–1000> <burst 1–10000> [--stage S [--region R]]\n' +
  '  --stage S   the deployed stage (its table); --region R: default AWS_REGION, else eu-central-1\n' +
  '  without --stage: TABLE_NAME and AWS_REGION (or DYNAMODB_ENDPOINT) from the environment.\n';

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const whole = (text: string | undefined, max: number): number | undefined => {
  const value = Number(text);
  return text !== undefined && /^\d+$/.test(text) && value >= 1 && value <= max ? value : undefined;
};

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { stage: { type: 'string' }, region: { type: 'string' } } });
  } catch {
    io.err(USAGE);
    return 2;
  }
  const { stage, region } = parsed.values;
  if ((stage !== undefined && !isStageName(stage)) || (region !== undefined && stage === undefined)) {
    io.err(USAGE);
    return 2;
  }
  const [memberId, perSecondText, burstText, ...extra] = parsed.positionals;
  const perSecond = whole(perSecondText, 1000);
  const burst = whole(burstText, 10_000);
  if (!memberId || !/^[A-Za-z0-9_.-]{1,64}$/.test(memberId) || perSecond === undefined || burst === undefined || extra.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const config = loadConfig(stage ? { ...env, TABLE_NAME: `${SERVICE}-${stage}`, AWS_REGION: regionOf(region, env) } : env);
  const portals = createPortalStore(createDb({ region: config.region, endpoint: config.dynamoEndpoint }), config.tableName);
  const portal = await portals.get(memberId);
  if (portal?.status !== 'active') {
    io.err(`portal ${memberId} is not installed in table ${config.tableName}\n`);
    return 1;
  }
  await portals.update(memberId, { rate: { perSecond, burst } }, Date.now());
  io.out(`portal ${memberId} (${portal.domain}): ${perSecond} requests/s, burst ${burst}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2), process.env, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`portal-rate: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
