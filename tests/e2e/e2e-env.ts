/** Fixed ports and keys shared by the Playwright config (app server env) and the loopback provider fakes. */
export const E2E_PORTS = { openai: 3190, anthropic: 3191, fal: 3192 };

export const E2E_KEYS = {
  openai: "sk-proj-e2e0000valid0000openai0000key",
  anthropic: "sk-ant-api03-e2e0000valid0000anthropic",
  fal: "e2e00000-fal0:valid0000fal0000secret",
};

export const E2E_PROVIDER_ENV = {
  OPENAI_BASE_URL: `http://127.0.0.1:${E2E_PORTS.openai}/v1`,
  ANTHROPIC_BASE_URL: `http://127.0.0.1:${E2E_PORTS.anthropic}`,
  FAL_BASE_URL: `http://127.0.0.1:${E2E_PORTS.fal}`,
};
