-- Atelier initial schema: the seed's eight tables with exact money, RLS on every table,
-- (select auth.uid()) in policies and an index on every foreign key and policy column.
-- Money: *_cents columns are unconstrained numeric, so fractional cents are kept exactly
-- (the seed's $0.000495 is 0.0495 cents) and sums never round.

create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- users: the profile row of an auth.users row, created by trigger as in Supabase's guides.
create table public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  email varchar(255) not null unique,
  name varchar(255),
  avatar_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create or replace function public.handle_new_auth_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.users (id, email, name)
  values (new.id, new.email, nullif(new.raw_user_meta_data ->> 'name', ''));
  return new;
end;
$$;
revoke execute on function public.handle_new_auth_user() from public;

create or replace function public.handle_auth_user_email_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.users set email = new.email where id = new.id;
  return new;
end;
$$;
revoke execute on function public.handle_auth_user_email_change() from public;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function public.handle_new_auth_user();

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function public.handle_auth_user_email_change();

create trigger users_set_updated_at before update on public.users
  for each row execute function public.set_updated_at();

-- projects: budget_cents null means "no budget"; reserved_cents holds estimates of generations in flight.
create table public.projects (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  name varchar(255) not null check (length(btrim(name)) > 0),
  description text,
  thumbnail_url text,
  budget_cents numeric check (budget_cents >= 0),
  spent_cents numeric not null default 0 check (spent_cents >= 0),
  reserved_cents numeric not null default 0 check (reserved_cents >= 0),
  alert_thresholds smallint[] not null default '{50,80,100}',
  settings jsonb not null default '{}'::jsonb,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_projects_user_id on public.projects (user_id, created_at desc);
create trigger projects_set_updated_at before update on public.projects
  for each row execute function public.set_updated_at();

create table public.generations (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  provider varchar(50) not null,
  model varchar(100) not null,
  generation_type varchar(50) not null check (generation_type in ('text', 'image', 'video', 'audio')),
  prompt text not null,
  parameters jsonb not null default '{}'::jsonb,
  status varchar(20) not null default 'pending'
    check (status in ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  result jsonb,
  error_message text,
  tokens_input integer,
  tokens_output integer,
  tokens_total integer,
  cost_cents numeric check (cost_cents >= 0),
  started_at timestamptz,
  completed_at timestamptz,
  duration_ms integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_generations_user_id on public.generations (user_id, created_at desc);
create index idx_generations_project_id on public.generations (project_id, created_at desc);
create index idx_generations_created_at on public.generations (created_at);
create index idx_generations_provider on public.generations (provider);
create trigger generations_set_updated_at before update on public.generations
  for each row execute function public.set_updated_at();

create table public.assets (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  type varchar(50) not null check (type in ('image', 'video', 'audio', 'text')),
  name varchar(255),
  description text,
  file_url text,
  file_size_bytes bigint,
  file_format varchar(50),
  width integer,
  height integer,
  duration_seconds numeric,
  generation_id uuid references public.generations (id) on delete set null,
  thumbnail_url text,
  metadata jsonb not null default '{}'::jsonb,
  tags text[] not null default '{}',
  favorite boolean not null default false,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index idx_assets_project_id on public.assets (project_id, created_at desc);
create index idx_assets_user_id on public.assets (user_id, created_at desc);
create index idx_assets_generation_id on public.assets (generation_id);
create index idx_assets_tags on public.assets using gin (tags);
create trigger assets_set_updated_at before update on public.assets
  for each row execute function public.set_updated_at();

create table public.user_api_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  provider varchar(50) not null,
  key_name varchar(255) not null,
  encrypted_key text not null,
  encryption_iv text not null,
  encryption_salt text not null,
  is_active boolean not null default true,
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, provider, key_name)
);
create index idx_api_keys_user_id on public.user_api_keys (user_id);
create trigger user_api_keys_set_updated_at before update on public.user_api_keys
  for each row execute function public.set_updated_at();

-- provider_health: one row per provider and user (the circuit breaker's state).
create table public.provider_health (
  id uuid primary key default gen_random_uuid(),
  provider varchar(50) not null,
  user_id uuid not null references public.users (id) on delete cascade,
  status varchar(20) not null default 'unknown' check (status in ('unknown', 'healthy', 'degraded', 'down')),
  last_success_at timestamptz,
  last_failure_at timestamptz,
  failure_count integer not null default 0,
  avg_response_time_ms numeric,
  error_message text,
  checked_at timestamptz not null default now(),
  unique (provider, user_id)
);
create index idx_provider_health_provider on public.provider_health (provider);
create index idx_provider_health_user_id on public.provider_health (user_id);

create table public.usage_analytics (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  project_id uuid references public.projects (id) on delete cascade,
  period_type varchar(20) not null check (period_type in ('daily', 'monthly')),
  period_start date not null,
  provider varchar(50),
  model varchar(100),
  generation_type varchar(50),
  request_count integer not null default 0,
  success_count integer not null default 0,
  failure_count integer not null default 0,
  total_tokens bigint not null default 0,
  total_cost_cents numeric not null default 0,
  avg_duration_ms numeric,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (user_id, project_id, period_type, period_start, provider, model, generation_type)
);
create index idx_usage_analytics_user_id on public.usage_analytics (user_id, period_start);
create index idx_usage_analytics_project_id on public.usage_analytics (project_id);
create index idx_usage_analytics_period on public.usage_analytics (period_start);
create trigger usage_analytics_set_updated_at before update on public.usage_analytics
  for each row execute function public.set_updated_at();

create table public.budget_alerts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,
  alert_type varchar(50) not null check (alert_type in ('threshold_reached', 'budget_exceeded')),
  threshold_cents numeric,
  current_spend_cents numeric,
  triggered_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index idx_budget_alerts_user_id on public.budget_alerts (user_id, triggered_at desc);
create index idx_budget_alerts_project_id on public.budget_alerts (project_id);

-- Row-level security: owner-only, one policy per command, auth.uid() evaluated once per query.
alter table public.users enable row level security;
create policy users_select_own on public.users for select to authenticated
  using ((select auth.uid()) = id);
create policy users_update_own on public.users for update to authenticated
  using ((select auth.uid()) = id) with check ((select auth.uid()) = id);

alter table public.projects enable row level security;
create policy projects_select_own on public.projects for select to authenticated
  using ((select auth.uid()) = user_id);
create policy projects_insert_own on public.projects for insert to authenticated
  with check ((select auth.uid()) = user_id);
create policy projects_update_own on public.projects for update to authenticated
  using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy projects_delete_own on public.projects for delete to authenticated
  using ((select auth.uid()) = user_id);

-- Tables that hang off a project: rows must be the user's, in a project of the user's.
do $$
declare
  t text;
begin
  foreach t in array array['generations', 'assets', 'usage_analytics', 'budget_alerts'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format(
      'create policy %I on public.%I for select to authenticated using ((select auth.uid()) = user_id)',
      t || '_select_own', t);
    execute format(
      'create policy %I on public.%I for insert to authenticated with check ((select auth.uid()) = user_id'
      || ' and (project_id is null or exists (select 1 from public.projects p where p.id = project_id'
      || ' and p.user_id = (select auth.uid()))))',
      t || '_insert_own', t);
    execute format(
      'create policy %I on public.%I for update to authenticated using ((select auth.uid()) = user_id)'
      || ' with check ((select auth.uid()) = user_id and (project_id is null or exists (select 1 from public.projects p'
      || ' where p.id = project_id and p.user_id = (select auth.uid()))))',
      t || '_update_own', t);
    execute format(
      'create policy %I on public.%I for delete to authenticated using ((select auth.uid()) = user_id)',
      t || '_delete_own', t);
  end loop;
  foreach t in array array['user_api_keys', 'provider_health'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format(
      'create policy %I on public.%I for select to authenticated using ((select auth.uid()) = user_id)',
      t || '_select_own', t);
    execute format(
      'create policy %I on public.%I for insert to authenticated with check ((select auth.uid()) = user_id)',
      t || '_insert_own', t);
    execute format(
      'create policy %I on public.%I for update to authenticated using ((select auth.uid()) = user_id)'
      || ' with check ((select auth.uid()) = user_id)',
      t || '_update_own', t);
    execute format(
      'create policy %I on public.%I for delete to authenticated using ((select auth.uid()) = user_id)',
      t || '_delete_own', t);
  end loop;
end
$$;

grant usage on schema public to authenticated, service_role;
grant select on public.users to authenticated;
grant update (name, avatar_url) on public.users to authenticated;
grant select, insert, update, delete on
  public.projects, public.generations, public.assets, public.user_api_keys,
  public.provider_health, public.usage_analytics, public.budget_alerts
  to authenticated;
grant all on all tables in schema public to service_role;
