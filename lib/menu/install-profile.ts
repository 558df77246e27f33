/**
 * What the install needs of a menu file (the ingest bundles carry only this, built by
 * infra/build/esbuild-plugins.cjs): the bot's profile and the languages the menu is
 * written in (the chat app's titles).
 */
import { menuLanguages } from './language.js';
import type { BotInstallProfile, CompiledMenu } from './types.js';

export const installProfile = (menu: CompiledMenu): BotInstallProfile => ({ ...menu.bot, languages: menuLanguages(menu) });
