-- The outbox keeps completed publications for cdot.outbox.retention, then OutboxPurge
-- deletes them (and the delivery records of that age). Until then they outnumber the
-- incomplete ones by far, and every replica asks for the incomplete ones every few
-- seconds: Spring Modulith's staleness check by status, the backlog gauges by
-- completion_date. Without these indexes each of those reads the whole table.
create index event_publication_status_idx on event_publication (status);
create index event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;
