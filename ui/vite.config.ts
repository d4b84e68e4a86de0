/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  // Relative asset paths: the page is served from Tauri's custom protocol.
  base: "./",
  plugins: [vue()],
  define: {
    // vue-i18n feature flags for the esm-bundler build (composition API only).
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Loaded from disk inside the app, not over a network: one big chunk is fine.
    chunkSizeWarningLimit: 2048,
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
