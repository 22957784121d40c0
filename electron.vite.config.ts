import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security-policy';

/**
 * Puts the one Content-Security-Policy (src/shared) into the page right after its charset,
 * before any script or style, so that it governs everything the page loads.
 */
function contentSecurityPolicyMeta(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}" />`;
  return {
    name: 'cutline-content-security-policy',
    transformIndexHtml(html) {
      if (!html.includes(charset)) throw new Error(`index.html must start with ${charset}`);
      return html.replace(charset, `${charset}\n    ${meta}`);
    },
  };
}

// One build for every process. The main bundle has several entries because the CLI, the
// browser bridge and the import worker run the same services under plain Node.
export default defineConfig({
  main: {
    build: {
      // zod and exifr are pure JavaScript spread over many files: bundled, they load in half
      // the time (every `cutline` command pays it at start); native and lazily loaded
      // packages (better-sqlite3, sharp, ExifTool, pdfkit …) stay in node_modules.
      externalizeDeps: {
        exclude: ['zod', 'exifr'],
        // Every dependency is external already; named here because the C2PA library must
        // never be bundled: it require()s its native binary (dist/index.node) from beside its
        // own files, which electron-builder.yml unpacks from the asar.
        include: ['@contentauth/c2pa-node'],
      },
      rolldownOptions: {
        input: {
          index: resolve('src/main/shell/index.ts'),
          cli: resolve('src/cli/index.ts'),
          'import-worker': resolve('src/main/workers/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle zod and the contract into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // CommonJS keeps the preload loadable with the sandbox on.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rolldownOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react(), contentSecurityPolicyMeta()],
  },
});
