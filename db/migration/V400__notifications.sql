-- Notifications: which target URL acknowledged which event. A redelivery after a partial
-- failure skips the URLs that already have it (receivers dedupe by event_id anyway).
create table webhook_deliveries (
  event_id     uuid        not null,
  url          text        not null,
  delivered_at timestamptz not null default now(),
  primary key (event_id, url)
);
create index webhook_deliveries_delivered_at_idx on webhook_deliveries (delivered_at);
