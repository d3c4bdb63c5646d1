import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The client lives in client/ and builds into dist/client, which the server serves.
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 500, // the entry chunk is React + the Colyseus SDK (~125 KB gzip); later screens load lazily
  },
});
