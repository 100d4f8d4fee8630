-- Experiments (Growth): trial experiments defined and switched at runtime through the
-- admin API. A namespace's variant is derived from a hash of key and namespace id, so it
-- is not stored here; the trial records the variant it was started under.
create table experiments (
  key             text        primary key,
  trial_type      text,
  family          text,
  variants        jsonb       not null,
  rollout_percent int         not null check (rollout_percent between 0 and 100),
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  updated_at      timestamptz not null default now(),
  updated_by      text        not null,
  check (starts_at < ends_at),
  check ((trial_type is null) <> (family is null))
);

-- Who changed which experiment, when, and to what: every write of the admin API.
create table experiment_audit (
  id             bigserial   primary key,
  experiment_key text        not null,
  action         text        not null,
  actor          text        not null,
  definition     jsonb,
  changed_at     timestamptz not null default now()
);
create index experiment_audit_key_idx on experiment_audit (experiment_key, id);
