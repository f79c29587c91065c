// A throwaway VS Code: a fresh code-server profile (user settings, workspace settings,
// extensions folder) with the packaged extension installed, running in its own process
// group so that stopping it ends the whole tree (extension host, resolint server).

import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import * as path from "node:path";
import { waitFor } from "./harness.mjs";

/** Quiet, deterministic user settings: no tips, telemetry, suggestions or restored state. */
const USER_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.colorTheme": "Default Dark Modern",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "chat.commandCenter.enabled": false,
  "editor.minimap.enabled": false,
  "editor.quickSuggestions": { other: false, comments: false, strings: false },
  "editor.suggestOnTriggerCharacters": false,
  "editor.wordBasedSuggestions": "off",
  "editor.fontSize": 14,
  "files.autoSave": "off",
  "window.restoreWindows": "none",
  "outline.collapseItems": "alwaysExpand",
};

/**
 * Lays out `runDir` afresh: user/ (profile), extensions/, workspace/ (a copy of
 * `workspaceSrc`) with `workspaceSettings` in .vscode/settings.json.
 */
export function prepareProfile(runDir, workspaceSrc, workspaceSettings) {
  rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    userDir: path.join(runDir, "user"),
    extDir: path.join(runDir, "extensions"),
    ws: path.join(runDir, "workspace"),
  };
  mkdirSync(path.join(dirs.userDir, "User"), { recursive: true });
  writeFileSync(path.join(dirs.userDir, "User", "settings.json"), JSON.stringify(USER_SETTINGS, null, 2));
  cpSync(workspaceSrc, dirs.ws, { recursive: true });
  mkdirSync(path.join(dirs.ws, ".vscode"), { recursive: true });
  writeFileSync(path.join(dirs.ws, ".vscode", "settings.json"), JSON.stringify(workspaceSettings, null, 2));
  return dirs;
}

/** `code-server --install-extension`; throws with its output if it did not install. */
export function installExtension(codeServer, { userDir, extDir }, vsix) {
  const r = spawnSync(codeServer, ["--user-data-dir", userDir, "--extensions-dir", extDir, "--install-extension", vsix], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free loopback port and waits until it answers.
 * Returns { port, log(), kill() }; kill() ends the whole process group.
 */
export async function startCodeServer(codeServer, { userDir, extDir, ws }) {
  const port = await freePort();
  const child = spawn(
    codeServer,
    [
      "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--user-data-dir", userDir, "--extensions-dir", extDir,
      "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
      "--ignore-last-opened", ws,
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const kill = (signal = "SIGKILL") => {
    try {
      process.kill(-child.pid, signal);
    } catch {}
  };
  // Last resort if the runner dies without cleaning up: no orphans.
  process.on("exit", () => kill());
  try {
    await waitFor("code-server to listen", async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited:\n${output}`);
      const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return r?.ok;
    }, 60_000, 300);
  } catch (e) {
    kill();
    throw e;
  }
  return {
    port,
    log: () => output,
    async stop() {
      kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      kill();
    },
  };
}
