-- Subscriptions (Provision): the items of each namespace's subscription, as the
-- provisioning hook last wrote them. Whether an item is a base plan or an add-on is read
-- from the catalog, never stored here.
create table subscription_items (
  id                   bigserial primary key,
  namespace_id         bigint  not null check (namespace_id > 0),
  product_rate_plan_id text    not null,
  quantity             integer not null check (quantity >= 1),
  starts_on            date    not null,
  ends_on              date    not null,
  check (starts_on < ends_on)
);
-- The eligibility read: namespace_id = any(?) with the active-date filter.
create index subscription_items_namespace_idx on subscription_items (namespace_id, starts_on, ends_on)
  include (product_rate_plan_id);
