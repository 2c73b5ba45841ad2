-- Lookups that ran as full scans and grew with the years' assignments. Measured on the load
-- benchmark's database (1,000 directives: 25,125 assignments, 65,815 open tasks), PostgreSQL 14:
--  * every delegate finds its assignment by process instance: a scan of cascade_assignment, 21 ms;
--  * every task completion asks Camunda's ACT_RU_TASK for sub-tasks by PARENT_TASK_ID_, which
--    Camunda indexes only on MS SQL (camunda-bpm-platform PR #4030): a scan of ACT_RU_TASK, 222 ms.
-- Camunda creates its tables before Flyway runs (see application.yaml, spring.flyway), so its
-- table is there; the index carries Cascade's prefix so that no Camunda upgrade script meets it.
create index ix_assignment_process_instance on cascade_assignment (process_instance_id);
create index ix_directive_process_instance on cascade_directive (process_instance_id);
create index cascade_idx_task_parent_task on act_ru_task (parent_task_id_);
