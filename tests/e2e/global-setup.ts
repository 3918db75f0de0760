import { startAnthropicFake } from "../fakes/anthropic-server";
import { startFalFake } from "../fakes/fal-server";
import { startOpenAIFake } from "../fakes/openai-server";
import { E2E_KEYS, E2E_PORTS } from "./e2e-env";

/** Loopback provider servers for the browser tests, on the fixed ports the app servers were configured with. */
export default async function globalSetup() {
  const servers = await Promise.all([
    // A pause between streamed pieces, so the browser visibly receives text before the response ends.
    startOpenAIFake({ validKeys: [E2E_KEYS.openai], port: E2E_PORTS.openai, chunkDelayMs: 150 }),
    startAnthropicFake({ validKeys: [E2E_KEYS.anthropic], port: E2E_PORTS.anthropic, chunkDelayMs: 150 }),
    startFalFake({ validKeys: [E2E_KEYS.fal], port: E2E_PORTS.fal }),
  ]);
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
