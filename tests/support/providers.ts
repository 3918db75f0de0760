import { randomBytes } from "node:crypto";
import { parseConfig, setConfig } from "@/lib/server/config";
import { setKeyring } from "@/lib/server/vault";
import { startAnthropicFake } from "../fakes/anthropic-server";
import { startFalFake } from "../fakes/fal-server";
import { startOpenAIFake } from "../fakes/openai-server";

export const VALID_KEYS = {
  openai: `sk-proj-${randomBytes(24).toString("hex")}`,
  anthropic: `sk-ant-api03-${randomBytes(24).toString("hex")}`,
  fal: `${randomBytes(8).toString("hex")}:${randomBytes(16).toString("hex")}`,
};

/** Loopback servers speaking each provider's wire format, and a configuration pointing the SDKs at them. */
export async function useProviderFakes(env: Record<string, string> = {}) {
  const openai = await startOpenAIFake({ validKeys: [VALID_KEYS.openai] });
  const anthropic = await startAnthropicFake({ validKeys: [VALID_KEYS.anthropic] });
  const fal = await startFalFake({ validKeys: [VALID_KEYS.fal] });
  /** Installs the configuration pointing at the fakes, with `env` and then `extra` on top. */
  const configure = (extra: Record<string, string> = {}) =>
    setConfig(
      parseConfig({
        NODE_ENV: "test",
        LOG_LEVEL: "debug",
        OPENAI_BASE_URL: `${openai.url}/v1`,
        ANTHROPIC_BASE_URL: anthropic.url,
        FAL_BASE_URL: fal.url,
        ...env,
        ...extra,
      }),
    );
  configure();
  setKeyring({ current: randomBytes(32), previous: [] });
  return {
    openai,
    anthropic,
    fal,
    configure,
    close: async () => {
      setConfig(undefined);
      setKeyring(undefined);
      await Promise.all([openai.close(), anthropic.close(), fal.close()]);
    },
  };
}
