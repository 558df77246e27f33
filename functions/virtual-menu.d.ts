/** Provided at build time by infra/build/esbuild-plugins.cjs: the compiled MENU_FILE. */
declare module 'virtual:menu' {
  const menu: import('../lib/menu/types.js').CompiledMenu;
  export default menu;
}
