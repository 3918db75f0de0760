import "server-only";
import { ConfigError, describeMode, getConfig, loadMasterKey } from "./config";
import { closeDatabase, getDatabase } from "./db";
import { reconcileInterrupted } from "./generation/reconcile";
import { log } from "./log";

const RECONCILE_EVERY_MS = 5 * 60 * 1000;

/** Start-up: a bad configuration stops the process with one message naming the variable. */
export async function startServer(): Promise<void> {
  let config: ReturnType<typeof getConfig>;
  try {
    config = getConfig();
    loadMasterKey(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[atelier] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  console.log(`[atelier] starting in ${describeMode(config)}`);
  // Interrupted work from before a crash or restart is repaired once the database answers, and then every few
  // minutes: work cut off by a database outage, or too recent at start-up to be called stale, is repaired too.
  const sweep = (when: string) =>
    getDatabase()
      .then((database) => reconcileInterrupted(database.db))
      .catch((error: unknown) => log.warn(`${when} reconciliation skipped`, { error }));
  void sweep("start-up");
  setInterval(() => void sweep("periodic"), RECONCILE_EVERY_MS).unref();
  if (config.mode === "embedded") {
    await getDatabase();
    console.log("[atelier] database ready (migrations applied)");
    const shutdown = (signal: NodeJS.Signals) => {
      closeDatabase()
        .catch(() => {})
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  }
}
