import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The C++ server serves dist/ itself (SPA fallback, /assets/ cached immutable),
// so the defaults are what we want: base '/', hashed names under dist/assets.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` against a locally running `jianguan serve --port 8099`.
    proxy: { '/api': 'http://127.0.0.1:8099' },
  },
})
