-- Infrastructure shared by every module: the outbox, the cluster lock and the feature flags.

-- Spring Modulith's JDBC event publication registry (schema v2): the transactional outbox.
create table event_publication (
  id                     uuid not null primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- ShedLock: one run of a scheduled task across all replicas.
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);

-- Togglz JDBC state repository: runtime feature flags, shared by all replicas.
create table togglz (
  feature_name    varchar(100) not null primary key,
  feature_enabled integer,
  strategy_id     varchar(200),
  strategy_params varchar(2000)
);
