-- The report back to Ban Thường vụ Tỉnh ủy is a document too, kept as the summary's are: a version
-- belongs to one subject, a directive (the collector's summary) or a Conclusion (Văn phòng UBND's
-- report back), each numbering its own versions.
alter table cascade_summary_document add column conclusion_id bigint;
alter table cascade_summary_document alter column directive_id drop not null;
alter table cascade_summary_document add constraint fk_summary_document_conclusion
  foreign key (conclusion_id) references cascade_conclusion (id);
alter table cascade_summary_document add constraint ck_summary_document_subject
  check ((directive_id is null and conclusion_id is not null) or (directive_id is not null and conclusion_id is null));
alter table cascade_summary_document add constraint uq_summary_document_conclusion_version
  unique (conclusion_id, version);
