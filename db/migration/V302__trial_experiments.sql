-- Trials (Growth): the experiment and variant a trial was started under (null outside
-- any experiment), what the experiment report groups by; extensions of running trials
-- for a cohort, applied once per idempotency key; and conversions (a paid subscription
-- of the trial's family arriving while or shortly after the trial runs), one per trial.
alter table trials add column experiment_key text;
alter table trials add column variant text;
alter table trials add column duration_days int;
create index trials_experiment_idx on trials (experiment_key, variant) where experiment_key is not null;

create table trial_extensions (
  idempotency_key text        primary key,
  days            int         not null check (days between 1 and 366),
  request         jsonb       not null,
  namespace_ids   bigint[]    not null,
  actor           text        not null,
  created_at      timestamptz not null default now()
);

create table trial_conversions (
  trial_id     bigint      primary key references trials (id) on delete cascade,
  converted_at timestamptz not null default now()
);
