-- What the agency says of the work in its latest report (completed / in-progress), kept beside the
-- report's timing so that the lists can show both without reading every report.
alter table cascade_assignment add column work_status varchar(20);
update cascade_assignment set work_status = 'completed' where report_json like '%"completionStatus":"completed"%';
update cascade_assignment set work_status = 'in-progress' where report_json like '%"completionStatus":"in-progress"%';
