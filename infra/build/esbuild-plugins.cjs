/**
 * esbuild plugins for the Lambda bundles (serverless-esbuild `plugins`, and the
 * benchmarks). `virtual:menu` becomes the compiled menu file as JSON: the menu is
 * validated when the package is built (an invalid file fails the build with every
 * problem listed) and a Lambda never parses YAML at run time.
 */
const path = require('node:path');

/** lib/menu/load-file.ts, bundled to CommonJS on the fly (no TypeScript loader needed). */
async function menuLoader(esbuild) {
  const result = await esbuild.build({
    entryPoints: [path.join(__dirname, '../../lib/menu/load-file.ts')],
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
    build.onResolve({ filter: /^virtual:menu$/ }, () => ({ path: 'menu', namespace: 'compiled-menu' }));
    build.onLoad({ filter: /.*/, namespace: 'compiled-menu' }, async () => {
      const file = path.resolve(process.env.MENU_FILE || 'menus/example.yaml');
      try {
        const { loadMenuFile } = await menuLoader(build.esbuild);
        return { contents: JSON.stringify(loadMenuFile(file)), loader: 'json', watchFiles: [file] };
      } catch (error) {
        return { errors: [{ text: error.message }] };
      }
    });
  },
};

module.exports = [menuPlugin];
