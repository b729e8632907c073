-- NetRaven v1 baseline: the 13 tables SQLAlchemy's create_all() made, exactly as a real NetRaven
-- database has them (names of constraints and indexes included), in create_all's order.
-- No DEFAULT clauses: NetRaven fills every default in Python. The schema and the extensions are
-- made by the pack's own steps before this file runs.

CREATE TABLE netraven.users (
    id character varying(36) NOT NULL,
    username character varying(50) NOT NULL,
    email character varying(100) NOT NULL,
    full_name character varying(120),
    password_hash character varying(100) NOT NULL,
    is_active boolean,
    is_admin boolean,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    notification_preferences jsonb,
    CONSTRAINT users_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_users_id ON netraven.users USING btree (id);
CREATE UNIQUE INDEX ix_users_username ON netraven.users USING btree (username);
CREATE UNIQUE INDEX ix_users_email ON netraven.users USING btree (email);

CREATE TABLE netraven.tags (
    id character varying(36) NOT NULL,
    name character varying(50) NOT NULL,
    description text,
    color character varying(7),
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_tags_id ON netraven.tags USING btree (id);
CREATE UNIQUE INDEX ix_tags_name ON netraven.tags USING btree (name);

CREATE TABLE netraven.credentials (
    id character varying(36) NOT NULL,
    name character varying(255) NOT NULL,
    description text,
    username character varying(255) NOT NULL,
    password character varying(1024),
    use_keys boolean,
    key_file character varying(1024),
    success_count integer,
    failure_count integer,
    last_used timestamp without time zone,
    last_success timestamp without time zone,
    last_failure timestamp without time zone,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    CONSTRAINT credentials_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_credentials_id ON netraven.credentials USING btree (id);
CREATE INDEX ix_credentials_name ON netraven.credentials USING btree (name);

CREATE TABLE netraven.admin_settings (
    id uuid NOT NULL,
    key character varying NOT NULL,
    value json,
    value_type character varying NOT NULL,
    category character varying NOT NULL,
    description text,
    is_required boolean,
    is_sensitive boolean,
    display_order integer,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    CONSTRAINT admin_settings_pkey PRIMARY KEY (id)
);
COMMENT ON COLUMN netraven.admin_settings.value_type IS 'Type of value (string, number, boolean, json)';
COMMENT ON COLUMN netraven.admin_settings.category IS 'Category of setting (security, system, notification)';
CREATE INDEX ix_admin_settings_id ON netraven.admin_settings USING btree (id);
CREATE UNIQUE INDEX ix_admin_settings_key ON netraven.admin_settings USING btree (key);
CREATE INDEX ix_admin_settings_category ON netraven.admin_settings USING btree (category);

CREATE TABLE netraven.audit_logs (
    id uuid NOT NULL,
    event_type character varying(32) NOT NULL,
    event_name character varying(64) NOT NULL,
    actor_id character varying(255),
    actor_type character varying(32),
    target_id character varying(255),
    target_type character varying(32),
    ip_address character varying(45),
    user_agent text,
    session_id character varying(64),
    description text NOT NULL,
    status character varying(16) NOT NULL,
    event_metadata json,
    created_at timestamp without time zone NOT NULL,
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id)
);
COMMENT ON COLUMN netraven.audit_logs.event_type IS 'Type of event (auth, admin, key, data)';
COMMENT ON COLUMN netraven.audit_logs.event_name IS 'Specific event name (login, update, etc.)';
COMMENT ON COLUMN netraven.audit_logs.actor_id IS 'ID of the user or system component that initiated the action';
COMMENT ON COLUMN netraven.audit_logs.actor_type IS 'Type of actor (user, system, service)';
COMMENT ON COLUMN netraven.audit_logs.target_id IS 'ID of the resource being acted upon';
COMMENT ON COLUMN netraven.audit_logs.target_type IS 'Type of target resource (user, device, backup, etc.)';
COMMENT ON COLUMN netraven.audit_logs.ip_address IS 'IP address of the client';
COMMENT ON COLUMN netraven.audit_logs.user_agent IS 'User agent of the client';
COMMENT ON COLUMN netraven.audit_logs.session_id IS 'Session ID for the request';
COMMENT ON COLUMN netraven.audit_logs.description IS 'Human-readable description of the event';
COMMENT ON COLUMN netraven.audit_logs.status IS 'Outcome status (success, failure, error, warning)';
COMMENT ON COLUMN netraven.audit_logs.event_metadata IS 'Additional structured data about the event';
COMMENT ON COLUMN netraven.audit_logs.created_at IS 'Timestamp when the event was logged';
CREATE INDEX ix_audit_logs_event_type_name ON netraven.audit_logs USING btree (event_type, event_name);
CREATE INDEX ix_audit_logs_actor_target ON netraven.audit_logs USING btree (actor_id, target_id);
CREATE INDEX ix_audit_logs_status_created ON netraven.audit_logs USING btree (status, created_at);

CREATE TABLE netraven.devices (
    id character varying(36) NOT NULL,
    hostname character varying(255) NOT NULL,
    ip_address character varying(45) NOT NULL,
    device_type character varying(50) NOT NULL,
    port integer,
    username character varying(64),
    password character varying(128),
    description text,
    last_backup_at timestamp without time zone,
    last_backup_status character varying(20),
    enabled boolean,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    serial_number character varying(100),
    is_reachable boolean,
    last_reachability_check timestamp without time zone,
    owner_id character varying(36) NOT NULL,
    CONSTRAINT devices_pkey PRIMARY KEY (id),
    CONSTRAINT devices_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES netraven.users(id)
);
CREATE INDEX ix_devices_id ON netraven.devices USING btree (id);
CREATE INDEX ix_devices_hostname ON netraven.devices USING btree (hostname);
CREATE INDEX ix_devices_ip_address ON netraven.devices USING btree (ip_address);
CREATE INDEX ix_devices_device_type ON netraven.devices USING btree (device_type);

CREATE TABLE netraven.tag_rules (
    id character varying(36) NOT NULL,
    name character varying(100) NOT NULL,
    description text,
    rule_criteria text NOT NULL,
    is_active boolean,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    tag_id character varying(36) NOT NULL,
    CONSTRAINT tag_rules_pkey PRIMARY KEY (id),
    CONSTRAINT tag_rules_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES netraven.tags(id)
);
CREATE INDEX ix_tag_rules_id ON netraven.tag_rules USING btree (id);

CREATE TABLE netraven.credential_tags (
    id character varying(36) NOT NULL,
    credential_id character varying(36) NOT NULL,
    tag_id character varying(36) NOT NULL,
    priority double precision,
    success_count integer,
    failure_count integer,
    last_used timestamp without time zone,
    last_success timestamp without time zone,
    last_failure timestamp without time zone,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    CONSTRAINT credential_tags_pkey PRIMARY KEY (id),
    CONSTRAINT credential_tags_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES netraven.credentials(id) ON DELETE CASCADE,
    CONSTRAINT credential_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES netraven.tags(id) ON DELETE CASCADE
);
CREATE INDEX ix_credential_tags_id ON netraven.credential_tags USING btree (id);

CREATE TABLE netraven.backups (
    id character varying(36) NOT NULL,
    version character varying(20) NOT NULL,
    file_path character varying(512) NOT NULL,
    file_size integer NOT NULL,
    status character varying(20) NOT NULL,
    comment text,
    content_hash character varying(128),
    is_automatic boolean,
    created_at timestamp without time zone,
    serial_number character varying(50),
    device_id character varying(36) NOT NULL,
    CONSTRAINT backups_pkey PRIMARY KEY (id),
    CONSTRAINT backups_device_id_fkey FOREIGN KEY (device_id) REFERENCES netraven.devices(id)
);
CREATE INDEX ix_backups_id ON netraven.backups USING btree (id);
CREATE INDEX ix_backups_status ON netraven.backups USING btree (status);
CREATE INDEX ix_backups_created_at ON netraven.backups USING btree (created_at);

CREATE TABLE netraven.device_tags (
    device_id character varying(36) NOT NULL,
    tag_id character varying(36) NOT NULL,
    created_at timestamp without time zone,
    CONSTRAINT device_tags_pkey PRIMARY KEY (device_id, tag_id),
    CONSTRAINT device_tags_device_id_fkey FOREIGN KEY (device_id) REFERENCES netraven.devices(id) ON DELETE CASCADE,
    CONSTRAINT device_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES netraven.tags(id) ON DELETE CASCADE
);

CREATE TABLE netraven.job_logs (
    id character varying(36) NOT NULL,
    session_id character varying(36) NOT NULL,
    job_type character varying(50) NOT NULL,
    status character varying(20) NOT NULL,
    start_time timestamp without time zone NOT NULL,
    end_time timestamp without time zone,
    result_message text,
    job_data jsonb,
    retention_days integer,
    device_id character varying(36),
    created_by character varying(36) NOT NULL,
    CONSTRAINT job_logs_pkey PRIMARY KEY (id),
    CONSTRAINT job_logs_device_id_fkey FOREIGN KEY (device_id) REFERENCES netraven.devices(id),
    CONSTRAINT job_logs_created_by_fkey FOREIGN KEY (created_by) REFERENCES netraven.users(id)
);
CREATE INDEX ix_job_logs_session_id ON netraven.job_logs USING btree (session_id);
CREATE INDEX ix_job_logs_job_type ON netraven.job_logs USING btree (job_type);
CREATE INDEX ix_job_logs_status ON netraven.job_logs USING btree (status);
CREATE INDEX ix_job_logs_start_time ON netraven.job_logs USING btree (start_time);

CREATE TABLE netraven.scheduled_jobs (
    id character varying(36) NOT NULL,
    name character varying(255) NOT NULL,
    device_id character varying(36) NOT NULL,
    schedule_type character varying(50) NOT NULL,
    schedule_time character varying(5),
    schedule_interval integer,
    schedule_day character varying(10),
    enabled boolean,
    created_at timestamp without time zone,
    updated_at timestamp without time zone,
    last_run timestamp without time zone,
    next_run timestamp without time zone,
    created_by character varying(36) NOT NULL,
    job_data json,
    CONSTRAINT scheduled_jobs_pkey PRIMARY KEY (id),
    CONSTRAINT scheduled_jobs_device_id_fkey FOREIGN KEY (device_id) REFERENCES netraven.devices(id),
    CONSTRAINT scheduled_jobs_created_by_fkey FOREIGN KEY (created_by) REFERENCES netraven.users(id)
);
CREATE INDEX ix_scheduled_jobs_id ON netraven.scheduled_jobs USING btree (id);

CREATE TABLE netraven.job_log_entries (
    id character varying(36) NOT NULL,
    job_log_id character varying(36) NOT NULL,
    "timestamp" timestamp without time zone NOT NULL,
    level character varying(20) NOT NULL,
    category character varying(50),
    message text NOT NULL,
    details json,
    session_log_path character varying(255),
    session_log_content text,
    credential_username character varying(255),
    CONSTRAINT job_log_entries_pkey PRIMARY KEY (id),
    CONSTRAINT job_log_entries_job_log_id_fkey FOREIGN KEY (job_log_id) REFERENCES netraven.job_logs(id) ON DELETE CASCADE
);
CREATE INDEX ix_job_log_entries_timestamp ON netraven.job_log_entries USING btree ("timestamp");
CREATE INDEX ix_job_log_entries_level ON netraven.job_log_entries USING btree (level);
CREATE INDEX ix_job_log_entries_category ON netraven.job_log_entries USING btree (category);
CREATE INDEX ix_job_log_entries_credential_username ON netraven.job_log_entries USING btree (credential_username);
