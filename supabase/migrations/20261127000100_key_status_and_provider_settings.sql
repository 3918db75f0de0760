-- Key vault metadata and per-user provider settings.

-- What may be shown about a stored key (never the key): its last four characters and whether it works.
alter table public.user_api_keys
  add column key_hint varchar(16) not null default '…',
  add column status varchar(20) not null default 'unknown' check (status in ('unknown', 'working', 'failing')),
  add column status_message text,
  add column last_checked_at timestamptz;

-- One row per user and provider: enabled, priority (lower first), default model per generation type,
-- and for OpenAI-compatible endpoints the base URL and the user's own prices.
create table public.provider_settings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  provider varchar(50) not null check (provider in ('openai', 'anthropic', 'fal', 'openai-compatible')),
  enabled boolean not null default true,
  priority smallint not null default 100 check (priority between 0 and 1000),
  default_models jsonb not null default '{}'::jsonb,
  base_url text,
  custom_prices jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, provider)
);
create trigger provider_settings_set_updated_at before update on public.provider_settings
  for each row execute function public.set_updated_at();

alter table public.provider_settings enable row level security;
create policy provider_settings_select_own on public.provider_settings for select to authenticated
  using ((select auth.uid()) = user_id);
create policy provider_settings_insert_own on public.provider_settings for insert to authenticated
  with check ((select auth.uid()) = user_id);
create policy provider_settings_update_own on public.provider_settings for update to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy provider_settings_delete_own on public.provider_settings for delete to authenticated
  using ((select auth.uid()) = user_id);
grant select, insert, update, delete on public.provider_settings to authenticated;
grant all on public.provider_settings to service_role;
