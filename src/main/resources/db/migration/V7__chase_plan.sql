-- The chase loop's plan: when each chased subject's chase started and which notification its timer
-- waits for. Kept here, not in process variables, so that no task's submitter can change it.
create table cascade_chase (
  subject             varchar(20)  not null,
  subject_id          bigint       not null,
  process_instance_id varchar(64)  not null,
  started_at          timestamp    not null,
  next_kind           varchar(20)  not null,
  next_seq            integer      not null,
  next_at             timestamp    not null,
  fires_at            timestamp    not null,
  constraint pk_cascade_chase primary key (subject, subject_id)
);
create index cascade_idx_chase_process on cascade_chase (process_instance_id);
