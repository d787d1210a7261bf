import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev` proxies /graphql to a running API (PORT 4102 is the web helper's; override with API_URL).
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4102';

// Two entries: the explorer (index.html) and the bundled GraphiQL (graphiql.html), which the API
// serves on GET /graphql from a browser. Everything is bundled: the machines are offline (no CDN).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: { main: resolve(here, 'index.html'), graphiql: resolve(here, 'graphiql.html') },
      // GraphiQL's modules start with React-compiler directives ("use no memo") that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { port: Number(process.env.WEB_DEV_PORT ?? 5173), proxy: { '/graphql': apiUrl } },
});
