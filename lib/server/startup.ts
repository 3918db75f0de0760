import "server-only";
import { ConfigError, describeMode, getConfig, loadMasterKey } from "./config";
import { closeDatabase, getDatabase } from "./db";
import { reconcileInterrupted } from "./generation/reconcile";
import { log } from "./log";

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
  // Interrupted work from before a crash or restart is repaired once the database answers.
  void getDatabase()
    .then((database) => reconcileInterrupted(database.db))
    .catch((error: unknown) => log.warn("start-up reconciliation skipped", { error }));
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
