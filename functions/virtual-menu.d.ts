/** Provided at build time by infra/build/esbuild-plugins.cjs from MENU_FILE. */
declare module 'virtual:menu' {
  /** The compiled menu (parsed on first call). */
  const menu: () => import('../lib/menu/types.js').CompiledMenu;
  export default menu;
  /** Every menu when MENU_FILE is a folder (a menu per Open Line); just `default` for one file. */
  export const menus: import('../lib/menu/menu-set.js').MenuSource;
}

declare module 'virtual:menu-bot' {
  /** Only the bot's profile: what the ingest functions need for imbot.register. */
  const bot: import('../lib/menu/types.js').BotInstallProfile;
  export default bot;
}
