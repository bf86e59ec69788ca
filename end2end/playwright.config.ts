// Quorate's browser tests: Debian's Chromium (Playwright cannot download browsers here),
// every test twice: with JavaScript on (hydrated) and off (plain forms and redirects).
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = Number(process.env.QUORATE_E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "quorate-e2e-"));

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js-on", use: { javaScriptEnabled: true } },
    { name: "js-off", use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: "../target/debug/quorate serve",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      QUORATE_DATABASE_URL: `sqlite://${dataDir}/quorate.db`,
      QUORATE_BIND: `127.0.0.1:${port}`,
      // E2E_SITE_ROOT: another bundle (e.g. a copy with a changed style sheet).
      QUORATE_SITE_ROOT: process.env.E2E_SITE_ROOT ?? "../target/site",
      QUORATE_LOG_LEVEL: "warn",
    },
  },
});
