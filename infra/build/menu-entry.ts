/** What the build's menu plugin (esbuild-plugins.cjs) needs: load a menu file or folder, and the install profile of the default menu. */
export { loadMenuFolder, menuFiles } from '../../lib/menu/load-folder.js';
export { installProfile } from '../../lib/menu/install-profile.js';
