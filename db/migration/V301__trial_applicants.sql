-- Trials (Growth): the applicant's form fields GitLab sends with a trial (names, work
-- e-mail, company, country, phone). Personal data: kept apart from the trial so that the
-- retention purge (TrialApplicantPurge, cdot.trials.applicant-retention, 90 days by
-- default) deletes it without touching the trial history the rules read.
create table trial_applicants (
  trial_id    bigint      primary key references trials (id) on delete cascade,
  fields      jsonb       not null,
  received_at timestamptz not null default now()
);
-- The purge finds expired rows by age.
create index trial_applicants_received_at_idx on trial_applicants (received_at);
