/**
 * Every test file starts at the LOG_LEVEL of the test environment (vitest.config.ts:
 * warn), applied as the composition roots do (lib/log.ts does not read the environment).
 */
import { loadConfig } from '../../lib/config.js';
import { setLogLevel } from '../../lib/log.js';

setLogLevel(loadConfig(process.env).logLevel);
