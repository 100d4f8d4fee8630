-- Trials (Growth): every trial a namespace ever had. A family is trialled once, ever:
-- the unique index makes concurrent applies for one namespace and family end in one row.
create table trials (
  id             bigserial   primary key,
  namespace_id   bigint      not null check (namespace_id > 0),
  trial_type     text        not null,
  family         text        not null,
  starts_on      date        not null,
  ends_on        date        not null,
  uid            bigint      not null,
  namespace_name text,
  namespace_path text,
  glm_source     text,
  glm_content    text,
  created_at     timestamptz not null default now(),
  check (starts_on < ends_on)
);
create unique index trials_namespace_family_idx on trials (namespace_id, family) include (trial_type, starts_on, ends_on);
-- The daily sweep looks up trials by the day they ended.
create index trials_ends_on_idx on trials (ends_on);

-- The last day the trial-end sweep covered, so that a missed day is caught up.
create table trial_end_sweeps (
  name          text primary key,
  swept_through date not null
);
