/** What the build's menu plugin (esbuild-plugins.cjs) needs: load a menu file, and the install profile of it. */
export { loadMenuFile } from '../../lib/menu/load-file.js';
export { installProfile } from '../../lib/menu/install-profile.js';
