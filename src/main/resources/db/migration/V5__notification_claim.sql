-- A send claims its outbox row before the mail goes out (status SENDING, claimed_by, claimed_until),
-- so that two nodes, or a job re-acquired after its lock expired, never send the same notification
-- at the same time. A SENDING row whose claim expired belongs to a node that died mid-send: it is
-- sent again with the same Message-ID (resent_after_doubt counts how often), which mail clients
-- treat as one message.
alter table cascade_notification add column claimed_by varchar(100);
alter table cascade_notification add column claimed_until timestamp;
alter table cascade_notification add column message_id varchar(200);
alter table cascade_notification add column resent_after_doubt integer not null default 0;
