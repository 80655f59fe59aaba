import path from 'node:path';
import { defineConfig } from 'vite';

// The explorer and the bundled GraphiQL are built here from npm packages into one folder the server serves
// (/explorer and /graphiql), so neither needs a network beyond the server at run time.
export default defineConfig({
  root: __dirname,
  base: '/explorer/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.resolve(__dirname, '../dist/explorer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // GraphiQL's React packages carry "use client" directives, meaningless in a plain bundle; hundreds of warnings
      // about them would hide a real one.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        explorer: path.resolve(__dirname, 'index.html'),
        graphiql: path.resolve(__dirname, 'graphiql.html'),
      },
    },
  },
});
