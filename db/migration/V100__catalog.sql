-- The local copy of Zuora's product catalog (module catalog, owned by Provision).
-- Product -> rate plan -> charge -> charge tier, each with its Zuora id. Every Zuora custom
-- field (*__c) of a rate plan or charge is kept in custom_fields, typed fields normalised
-- (booleans as JSON booleans, multiselects as JSON arrays), unknown fields as they came.

create table catalog_sync_run (
  id              bigserial primary key,
  trigger         text        not null,                 -- schedule | admin | callout | startup
  source          text        not null,                 -- zuora | file
  status          text        not null,                 -- queued | running | succeeded | failed
  requested_at    timestamptz not null default now(),
  started_at      timestamptz,
  finished_at     timestamptz,
  catalog_version bigint,                               -- the version this run produced
  counts          jsonb       not null default '{}',    -- products, rate_plans, charges, tiers, added, changed, removed
  findings        jsonb       not null default '[]',    -- validation findings: [{record_type, zuora_id, field, value, problem}]
  error           text
);

create table catalog_version (
  version     bigint      primary key,
  sync_run_id bigint      not null references catalog_sync_run (id),
  created_at  timestamptz not null default now(),
  -- what changed against the previous version:
  -- {"added": [{type, zuora_id, name}], "changed": [{type, zuora_id, fields: {name: {from, to}}}],
  --  "removed": [{type, zuora_id, name}]}
  diff        jsonb       not null default '{}'
);

create table catalog_product (
  id                   bigserial primary key,
  zuora_id             text   not null unique,
  name                 text   not null,
  sku                  text,
  description          text,
  effective_start_date date,
  effective_end_date   date,
  custom_fields        jsonb  not null default '{}',
  removed_in_version   bigint,                          -- set when the product disappeared from Zuora
  changed_in_version   bigint not null
);

create table catalog_rate_plan (
  id                   bigserial primary key,
  zuora_id             text   not null unique,
  product_id           bigint not null references catalog_product (id),
  name                 text   not null,
  description          text,
  status               text,
  effective_start_date date,
  effective_end_date   date,
  custom_fields        jsonb  not null default '{}',
  removed_in_version   bigint,
  changed_in_version   bigint not null
);
create index catalog_rate_plan_product_idx on catalog_rate_plan (product_id);
create index catalog_rate_plan_custom_fields_idx on catalog_rate_plan using gin (custom_fields jsonb_path_ops);

create table catalog_charge (
  id                 bigserial primary key,
  zuora_id           text    not null unique,
  rate_plan_id       bigint  not null references catalog_rate_plan (id),
  name               text    not null,
  charge_type        text,                              -- Recurring | OneTime | Usage
  charge_model       text,                              -- FlatFee | PerUnit | Tiered | Volume ...
  uom                text,
  billing_period     text,                              -- as Zuora sends it: Month, Annual, Two_Years ...
  default_quantity   numeric,
  custom_fields      jsonb   not null default '{}',
  removed_in_version bigint,
  changed_in_version bigint  not null
);
create index catalog_charge_rate_plan_idx on catalog_charge (rate_plan_id);
create index catalog_charge_custom_fields_idx on catalog_charge using gin (custom_fields jsonb_path_ops);

create table catalog_charge_tier (
  id            bigserial primary key,
  charge_id     bigint  not null references catalog_charge (id) on delete cascade,
  currency      text    not null,
  tier          integer not null,
  starting_unit numeric,
  ending_unit   numeric,
  price         numeric,
  price_format  text,                                   -- Per Unit | Flat Fee
  unique (charge_id, currency, tier)
);
