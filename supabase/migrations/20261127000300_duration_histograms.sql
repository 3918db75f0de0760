-- Duration histograms in the rollups, so the provider comparison's p50/p95 read rollups instead of scanning every
-- generation. Buckets are logarithmic, 10 % wide: bucket b holds durations in [1.1^(b-1), 1.1^b) ms (b = 1 also
-- holds anything under 1 ms), so a percentile read from them is within 10 % of the exact one. Stored as
-- {"bucket": count} over completed attempts only, like the percentiles always were.

create function public.duration_bucket(ms numeric) returns integer
  language sql immutable parallel safe
  set search_path = ''
  as $$ select floor(ln(greatest(coalesce(ms, 0), 1)) / ln(1.1))::integer + 1 $$;

alter table public.usage_analytics
  add column duration_histogram jsonb not null default '{}'::jsonb;

-- Existing rollups get the histogram of the completed generations they already count.
update public.usage_analytics u
   set duration_histogram = h.histogram
  from (
    select user_id, project_id, period_type, period_start, provider, model, generation_type,
           jsonb_object_agg(bucket::text, n) as histogram
      from (
        select g.user_id, g.project_id, p.period_type, p.period_start, g.provider, g.model, g.generation_type,
               public.duration_bucket(g.duration_ms) as bucket, count(*)::integer as n
          from public.generations g
         cross join lateral (values ('daily', g.created_at::date),
                                    ('monthly', date_trunc('month', g.created_at)::date)) as p (period_type, period_start)
         where g.status = 'completed' and g.duration_ms is not null
         group by 1, 2, 3, 4, 5, 6, 7, 8
      ) counted
     group by 1, 2, 3, 4, 5, 6, 7
  ) h
 where u.user_id = h.user_id and u.project_id is not distinct from h.project_id and u.period_type = h.period_type
   and u.period_start = h.period_start and u.provider is not distinct from h.provider
   and u.model is not distinct from h.model and u.generation_type is not distinct from h.generation_type;
