import "server-only";
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgSchema,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";

import type { GenerationType, ProviderId } from "@/lib/shared/providers";

// Typed mirror of supabase/migrations (the SQL there is the source of truth; tests check they agree).
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** Exact money: numeric read and written as decimal strings, never as floats. */
const cents = (name: string) => numeric(name);

const auth = pgSchema("auth");

export const authUsers = auth.table("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: varchar("email", { length: 255 }),
  encryptedPassword: varchar("encrypted_password", { length: 255 }),
  rawUserMetaData: jsonb("raw_user_meta_data").$type<Record<string, unknown>>().notNull().default({}),
  lastSignInAt: ts("last_sign_in_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const localSessions = auth.table("local_sessions", {
  id: text("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  expiresAt: ts("expires_at").notNull(),
  userAgent: text("user_agent"),
});

export const loginThrottle = auth.table("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: ts("window_started_at").notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: varchar("email", { length: 255 }).notNull(),
  name: varchar("name", { length: 255 }),
  avatarUrl: text("avatar_url"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const projects = pgTable("projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  name: varchar("name", { length: 255 }).notNull(),
  description: text("description"),
  thumbnailUrl: text("thumbnail_url"),
  budgetCents: cents("budget_cents"),
  spentCents: cents("spent_cents").notNull().default("0"),
  reservedCents: cents("reserved_cents").notNull().default("0"),
  alertThresholds: smallint("alert_thresholds").array().notNull().default([50, 80, 100]),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  archivedAt: ts("archived_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const generations = pgTable("generations", {
  id: uuid("id").primaryKey().defaultRandom(),
  projectId: uuid("project_id").notNull(),
  userId: uuid("user_id").notNull(),
  provider: varchar("provider", { length: 50 }).notNull(),
  model: varchar("model", { length: 100 }).notNull(),
  generationType: varchar("generation_type", { length: 50 }).notNull(),
  prompt: text("prompt").notNull(),
  parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
  status: varchar("status", { length: 20 }).notNull().default("pending"),
  result: jsonb("result"),
  errorMessage: text("error_message"),
  tokensInput: integer("tokens_input"),
  tokensOutput: integer("tokens_output"),
  tokensTotal: integer("tokens_total"),
  costCents: cents("cost_cents"),
  startedAt: ts("started_at"),
  completedAt: ts("completed_at"),
  durationMs: integer("duration_ms"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  estimatedCostCents: cents("estimated_cost_cents"),
  reservedCents: cents("reserved_cents").notNull().default("0"),
  attempts: jsonb("attempts").$type<GenerationAttempt[]>().notNull().default([]),
  costIssues: jsonb("cost_issues").$type<unknown[]>().notNull().default([]),
  providerJobId: text("provider_job_id"),
  webhookTokenHash: text("webhook_token_hash"),
  progress: smallint("progress"),
  queuePosition: integer("queue_position"),
  deadlineAt: ts("deadline_at"),
});

/** One provider tried for a generation: why it was passed over, or how it answered. */
export type GenerationAttempt = {
  provider: string;
  model: string;
  outcome: "succeeded" | "failed" | "skipped";
  reason?: string;
  message?: string;
  durationMs?: number;
  at: string;
};

export const assets = pgTable("assets", {
  id: uuid("id").primaryKey().defaultRandom(),
  projectId: uuid("project_id").notNull(),
  userId: uuid("user_id").notNull(),
  type: varchar("type", { length: 50 }).notNull(),
  name: varchar("name", { length: 255 }),
  description: text("description"),
  fileUrl: text("file_url"),
  fileSizeBytes: bigint("file_size_bytes", { mode: "number" }),
  fileFormat: varchar("file_format", { length: 50 }),
  width: integer("width"),
  height: integer("height"),
  durationSeconds: numeric("duration_seconds"),
  generationId: uuid("generation_id"),
  thumbnailUrl: text("thumbnail_url"),
  metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
  tags: text("tags").array().notNull().default([]),
  favorite: boolean("favorite").notNull().default(false),
  archivedAt: ts("archived_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  storagePath: text("storage_path"),
  thumbnailPath: text("thumbnail_path"),
});

export const rateLimitWindows = pgTable("rate_limit_windows", {
  userId: uuid("user_id").notNull(),
  provider: varchar("provider", { length: 50 }).notNull(),
  windowStart: ts("window_start").notNull(),
  requestCount: integer("request_count").notNull().default(0),
});

export const userApiKeys = pgTable("user_api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  provider: varchar("provider", { length: 50 }).$type<ProviderId>().notNull(),
  keyName: varchar("key_name", { length: 255 }).notNull(),
  encryptedKey: text("encrypted_key").notNull(),
  encryptionIv: text("encryption_iv").notNull(),
  encryptionSalt: text("encryption_salt").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  lastUsedAt: ts("last_used_at"),
  keyHint: varchar("key_hint", { length: 16 }).notNull().default("…"),
  status: varchar("status", { length: 20 }).$type<"unknown" | "working" | "failing">().notNull().default("unknown"),
  statusMessage: text("status_message"),
  lastCheckedAt: ts("last_checked_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const providerSettings = pgTable("provider_settings", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  provider: varchar("provider", { length: 50 }).$type<ProviderId>().notNull(),
  enabled: boolean("enabled").notNull().default(true),
  priority: smallint("priority").notNull().default(100),
  defaultModels: jsonb("default_models").$type<Partial<Record<GenerationType, string>>>().notNull().default({}),
  baseUrl: text("base_url"),
  customPrices: jsonb("custom_prices").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const providerHealth = pgTable("provider_health", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: varchar("provider", { length: 50 }).notNull(),
  userId: uuid("user_id").notNull(),
  status: varchar("status", { length: 20 }).notNull().default("unknown"),
  lastSuccessAt: ts("last_success_at"),
  lastFailureAt: ts("last_failure_at"),
  failureCount: integer("failure_count").notNull().default(0),
  avgResponseTimeMs: numeric("avg_response_time_ms"),
  errorMessage: text("error_message"),
  checkedAt: ts("checked_at").notNull().defaultNow(),
});

export const usageAnalytics = pgTable("usage_analytics", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  projectId: uuid("project_id"),
  periodType: varchar("period_type", { length: 20 }).notNull(),
  periodStart: date("period_start").notNull(),
  provider: varchar("provider", { length: 50 }),
  model: varchar("model", { length: 100 }),
  generationType: varchar("generation_type", { length: 50 }),
  requestCount: integer("request_count").notNull().default(0),
  successCount: integer("success_count").notNull().default(0),
  failureCount: integer("failure_count").notNull().default(0),
  totalTokens: bigint("total_tokens", { mode: "number" }).notNull().default(0),
  totalCostCents: cents("total_cost_cents").notNull().default("0"),
  avgDurationMs: numeric("avg_duration_ms"),
  /** {"bucket": count} of completed attempts' durations; see the migration 20261127000300 and lib/shared/histogram.ts. */
  durationHistogram: jsonb("duration_histogram").$type<Record<string, number>>().notNull().default({}),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const budgetAlerts = pgTable("budget_alerts", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  projectId: uuid("project_id").notNull(),
  alertType: varchar("alert_type", { length: 50 }).notNull(),
  thresholdCents: cents("threshold_cents"),
  currentSpendCents: cents("current_spend_cents"),
  triggeredAt: ts("triggered_at").notNull().defaultNow(),
  acknowledgedAt: ts("acknowledged_at"),
  metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts("created_at").notNull().defaultNow(),
  thresholdPercent: smallint("threshold_percent"),
  budgetCents: cents("budget_cents"),
});

export type ProjectRow = typeof projects.$inferSelect;
export type UserRow = typeof users.$inferSelect;
