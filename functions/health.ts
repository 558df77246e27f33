/** GET /health. */
export { health as handler } from '../lib/handlers/health.js';
