-- The morning digest: one outbox row per recipient, day and kind (DIGEST for an agency, OVERDUE_LIST for
-- the office, ESCALATION_LIST for the leadership), and what each one covered. The outbox's unique
-- notification_key ('digest:<kind>:<recipient>:<day>') makes a second run of the same morning, on
-- this node or another, find the row it would have written.
alter table cascade_notification add column recipient_agency varchar(50);
alter table cascade_notification add column digest_day date;

create table cascade_digest_item (
  notification_id bigint       not null,
  assignment_id   bigint       not null,
  kind            varchar(20)  not null,
  sequence_no     integer      not null,
  deadline        date         not null,
  days            integer      not null,
  urgings         integer      not null,
  constraint pk_cascade_digest_item primary key (notification_id, assignment_id, kind),
  constraint fk_digest_item_notification foreign key (notification_id) references cascade_notification (id)
);
create index cascade_idx_digest_item_assignment on cascade_digest_item (assignment_id);
-- The morning run selects the chases whose notification is due.
create index cascade_idx_chase_fires on cascade_chase (subject, fires_at);
