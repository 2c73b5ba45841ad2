-- The morning digest covers every chase, not only assignments: the collector's summary and the report
-- back to the Party lost their own chase loops. A digest line now says what it is about (subject) and
-- which one (subject_id: an assignment, a directive, a Conclusion).
alter table cascade_digest_item add column subject varchar(20) default 'ASSIGNMENT' not null;
alter table cascade_digest_item rename column assignment_id to subject_id;
alter table cascade_digest_item drop constraint pk_cascade_digest_item;
alter table cascade_digest_item add constraint pk_cascade_digest_item primary key (notification_id, subject, subject_id, kind);
drop index cascade_idx_digest_item_assignment;
create index cascade_idx_digest_item_subject on cascade_digest_item (subject, subject_id);
