import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs, so the built game works from any folder or sub-path.
  base: './',
  build: {
    outDir: 'dist',
    // Phaser alone is about 1.4 MB raw (355 KB gzip).
    chunkSizeWarningLimit: 2000,
  },
});
