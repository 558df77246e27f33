/**
 * esbuild plugins for the Lambda bundles (serverless-esbuild `plugins`, and the
 * benchmarks). `virtual:menu` becomes the compiled menu file as JSON: the menu is
 * validated when the package is built (an invalid file fails the build with every
 * problem listed) and a Lambda never parses YAML at run time.
 */
const path = require('node:path');

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
        const { loadMenuFile, installProfile } = await menuLoader(build.esbuild);
        const menu = loadMenuFile(file);
        if (args.path === 'menu-bot') return { contents: `export default ${JSON.stringify(installProfile(menu))};`, loader: 'js', watchFiles: [file] };
        // A string literal is cheap to load; it is parsed on the first event, not at module load.
        const json = JSON.stringify(menu);
        return { contents: `let menu;\nexport default () => (menu ??= JSON.parse(${JSON.stringify(json)}));`, loader: 'js', watchFiles: [file] };
      } catch (error) {
        return { errors: [{ text: error.message }] };
      }
    });
  },
};

module.exports = [menuPlugin];
