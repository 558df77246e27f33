/**
 * esbuild plugins for the Lambda bundles (serverless-esbuild `plugins`, and the
 * benchmarks). `virtual:menu` becomes the compiled menu file as JSON: the menu is
 * validated when the package is built (an invalid file fails the build with every
 * problem listed) and a Lambda never parses YAML at run time. When MENU_FILE is a folder
 * (a menu per Open Line, lib/menu/menu-set.ts) every file in it is compiled: the default
 * export is the default menu, `menus` all of them, each parsed on first use.
 */
const path = require('node:path');
const zlib = require('node:zlib');

/** Menus beyond this (gzipped) make the worker's zip noticeably bigger: the build says so. */
const MENUS_WARN_BYTES = 64 * 1024;

/** infra/build/menu-entry.ts (the menu loader and the install profile), bundled to CommonJS on the fly (no TypeScript loader needed). */
async function menuLoader(esbuild) {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, 'menu-entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

const menuPlugin = {
  name: 'compiled-menu',
  setup(build) {
    build.onResolve({ filter: /^virtual:menu(-bot)?$/ }, (args) => ({ path: args.path.slice('virtual:'.length), namespace: 'compiled-menu' }));
    build.onLoad({ filter: /.*/, namespace: 'compiled-menu' }, async (args) => {
      const file = path.resolve(process.env.MENU_FILE || 'menus/example.yaml');
      try {
        const { loadMenuFolder, menuFiles, installProfile } = await menuLoader(build.esbuild);
        const menus = loadMenuFolder(file);
        const watchFiles = Object.values(menuFiles(file));
        if (args.path === 'menu-bot') return { contents: `export default ${JSON.stringify(installProfile(menus.default))};`, loader: 'js', watchFiles };
        // String literals are cheap to load; each menu is parsed on the first event that needs it, not at module load.
        const texts = Object.fromEntries(Object.entries(menus).map(([key, menu]) => [key, JSON.stringify(menu)]));
        const zipped = zlib.gzipSync(Object.values(texts).join('')).length;
        const warnings =
          zipped > MENUS_WARN_BYTES
            ? [
                {
                  text: `the ${Object.keys(texts).length} menus of ${file} take ${Math.round(zipped / 1024)} KB gzipped in every bundle that runs the menu: keep the worker's zip under 200 KB (npm run bench)`,
                },
              ]
            : [];
        const contents = [
          `const texts = ${JSON.stringify(texts)};`,
          'const parsed = new Map();',
          'const entry = (key) => { if (texts[key] === undefined) return undefined; let menu = parsed.get(key); if (!menu) parsed.set(key, (menu = JSON.parse(texts[key]))); return menu; };',
          "export default () => entry('default');",
          'export const menus = { keys: Object.keys(texts), entry };',
        ].join('\n');
        return { contents, loader: 'js', watchFiles, warnings };
      } catch (error) {
        return { errors: [{ text: error.message }] };
      }
    });
  },
};

module.exports = [menuPlugin];
