-- Where a thread or message came from when it was not written on this server: the id it had in the
-- file or page it came from (a bundle moved in, a local thread sent by the app). Moving the same
-- bundle in twice, or sending the same thread again, finds the thread by it instead of duplicating it.

alter table comment_threads add column origin text;
create unique index comment_threads_origin on comment_threads (workspace_id, workflow_id, origin) where origin is not null;

alter table comment_messages add column origin text;
create unique index comment_messages_origin on comment_messages (thread_id, origin) where origin is not null;
