/**
 * Structured JSON logs, one line per entry, with redaction. Tokens, secrets and
 * application tokens are removed by key name, and any value registered with
 * `registerSecret` is masked wherever it appears inside a string (error messages,
 * stacks, URLs), so a token can't leak through an unexpected path. An error is logged
 * with its cause chain, and on error lines with its stack; in Lambda every line names
 * the invocation (lib/runtime/invocation.ts).
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Fields = Readonly<Record<string, unknown>>;

const LEVELS: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /(token|secret|password|auth_id|refresh_id|^auth$|authorization|cookie)/i;
const MASK = '[redacted]';

// LOG_LEVEL is read by lib/config.ts (the one reader of process.env); the composition
// roots apply it with setLogLevel.
let threshold = LEVELS.info;
let sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`);
const secrets = new Set<string>();
/** The current Lambda invocation's fields (request id, cold start); empty outside one. */
let invocation: Fields = {};
/** Enough of a stack to see where it was thrown and what led there, with the line kept small. */
const STACK_LINES = 12;

/** Redirects log lines (tests, the local playground). Returns the previous sink. */
export function setLogSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}

export function setLogLevel(level: LogLevel | 'silent'): void {
  threshold = LEVELS[level];
}

/**
 * Fields every line carries until changed: set at the start of a Lambda invocation and
 * cleared at its end. Module scope is right here: an instance runs one invocation at a time.
 */
export function setInvocationFields(fields: Fields): void {
  invocation = fields;
}

/** A line written as it is, whatever the level: the metrics' EMF lines (lib/metrics.ts). */
export function writeLine(line: string): void {
  sink(line);
}

/** Any string registered here is masked in every later log line. Short strings are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) {
    if (secrets.size > 10_000) secrets.clear(); // bounded: warm Lambdas serve many portals
    secrets.add(value);
  }
}

function scrubString(value: string): string {
  let out = value;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
  // access_token=..., auth=..., "refresh_token":"..." inside URLs or bodies
  return out.replace(/((?:access_token|refresh_token|application_token|client_secret|auth)["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi, `$1${MASK}`);
}

/** `stacks`: errors keep their (scrubbed) stack; error lines ask for it, the others are kept short. */
export function redact(value: unknown, depth = 0, stacks = false): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[deep]';
  if (value instanceof Error) return redactError(value, depth, stacks);
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1, stacks));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== '' ? MASK : redact(item, depth + 1, stacks);
  }
  return out;
}

/** name, message, own fields (a BitrixApiError's code…), the cause chain (not enumerable, so named here) and the stack. */
function redactError(error: Error, depth: number, stacks: boolean): Record<string, unknown> {
  const cause: unknown = error.cause;
  return {
    name: error.name,
    message: scrubString(error.message),
    ...(redact({ ...error }, depth + 1, stacks) as object),
    ...(cause !== undefined ? { cause: redact(cause, depth + 1, stacks) } : {}),
    ...(stacks && error.stack ? { stack: scrubString(error.stack.split('\n').slice(0, STACK_LINES).join('\n')) } : {}),
  };
}

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export function createLogger(base: Fields = {}): Logger {
  const write = (level: LogLevel, msg: string, fields?: Fields): void => {
    if (LEVELS[level] < threshold) return;
    const entry = redact({ level, time: new Date().toISOString(), msg, ...invocation, ...base, ...fields }, 0, level === 'error');
    sink(JSON.stringify(entry));
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}

export const log = createLogger({ service: 'b24-openlines-bot' });
