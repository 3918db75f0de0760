-- The generation pipeline: reservations, attempts, durable jobs, stored files, rate limits, alerts once.

alter table public.generations
  add column estimated_cost_cents numeric check (estimated_cost_cents >= 0),
  add column reserved_cents numeric not null default 0 check (reserved_cents >= 0),
  add column attempts jsonb not null default '[]'::jsonb,
  add column cost_issues jsonb not null default '[]'::jsonb,
  add column provider_job_id text,
  add column webhook_token_hash text,
  add column progress smallint check (progress between 0 and 100),
  add column queue_position integer,
  add column deadline_at timestamptz;
-- Jobs still in flight, for polling and start-up reconciliation.
create index idx_generations_in_flight on public.generations (status, updated_at)
  where status in ('pending', 'processing');
create index idx_generations_provider_job on public.generations (provider_job_id) where provider_job_id is not null;
create index idx_generations_project_type on public.generations (project_id, generation_type, created_at desc);

alter table public.assets
  add column storage_path text,
  add column thumbnail_path text;
create index idx_assets_search on public.assets using gin (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '')));

-- Fixed-window request counters per user and provider, shared by every instance.
create table public.rate_limit_windows (
  user_id uuid not null references public.users (id) on delete cascade,
  provider varchar(50) not null,
  window_start timestamptz not null,
  request_count integer not null default 0,
  primary key (user_id, provider, window_start)
);
alter table public.rate_limit_windows enable row level security;
create policy rate_limit_windows_select_own on public.rate_limit_windows for select to authenticated
  using ((select auth.uid()) = user_id);
create policy rate_limit_windows_insert_own on public.rate_limit_windows for insert to authenticated
  with check ((select auth.uid()) = user_id);
create policy rate_limit_windows_update_own on public.rate_limit_windows for update to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy rate_limit_windows_delete_own on public.rate_limit_windows for delete to authenticated
  using ((select auth.uid()) = user_id);
grant select, insert, update, delete on public.rate_limit_windows to authenticated;
grant all on public.rate_limit_windows to service_role;

-- A threshold alert exists once per project, threshold and budget amount, however many requests race past it.
alter table public.budget_alerts
  add column threshold_percent smallint check (threshold_percent between 1 and 100),
  add column budget_cents numeric;
create unique index budget_alerts_once on public.budget_alerts (project_id, threshold_percent, budget_cents);
