-- NetRaven v2 baseline: what NetRaven's single Alembic revision a3992da91329 creates at main
-- 2f641cc (2025-05-20), exactly as a real NetRaven v2 database has it (netraven-schema.md,
-- Appendix B), in the migration's order. Its redundancies are NetRaven's own and kept on purpose:
-- ix_devices_hostname repeats devices_hostname_key, and ip_address is declared unique twice (the
-- server keeps one constraint). Alembic's own alembic_version table is part of it; the pack's
-- foreignHistory stamps its row in the same transaction.

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TYPE public.device_source AS ENUM ('local', 'imported');

CREATE TABLE public.users (
    id serial NOT NULL,
    username character varying NOT NULL,
    email character varying NOT NULL,
    hashed_password character varying NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    role character varying DEFAULT 'user' NOT NULL,
    full_name character varying(100),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (username),
    UNIQUE (email)
);

CREATE TABLE public.devices (
    id serial NOT NULL,
    hostname character varying NOT NULL,
    ip_address character varying NOT NULL,
    device_type character varying NOT NULL,
    description character varying,
    port integer DEFAULT 22,
    serial_number character varying,
    model character varying,
    source public.device_source DEFAULT 'local' NOT NULL,
    notes text,
    created_at timestamp with time zone DEFAULT now(),
    last_seen timestamp with time zone,
    last_updated timestamp with time zone DEFAULT now(),
    updated_by character varying,
    PRIMARY KEY (id),
    UNIQUE (hostname),
    UNIQUE (ip_address),
    UNIQUE (ip_address)
);
CREATE UNIQUE INDEX ix_devices_hostname ON public.devices USING btree (hostname);

CREATE TABLE public.tags (
    id serial NOT NULL,
    name character varying NOT NULL,
    type character varying,
    description character varying,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_tags_name ON public.tags USING btree (name);

CREATE TABLE public.credentials (
    id serial NOT NULL,
    username character varying NOT NULL,
    password character varying NOT NULL,
    priority integer,
    last_used timestamp with time zone,
    success_rate double precision,
    description character varying,
    is_system boolean DEFAULT false,
    PRIMARY KEY (id)
);

CREATE TABLE public.system_settings (
    id serial NOT NULL,
    key character varying NOT NULL,
    value jsonb NOT NULL,
    description character varying,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_system_settings_key ON public.system_settings USING btree (key);

CREATE TABLE public.device_tag_association (
    device_id integer NOT NULL,
    tag_id integer NOT NULL,
    PRIMARY KEY (device_id, tag_id),
    FOREIGN KEY (device_id) REFERENCES public.devices (id) ON DELETE CASCADE,
    FOREIGN KEY (tag_id) REFERENCES public.tags (id) ON DELETE CASCADE
);

CREATE TABLE public.credential_tag_association (
    credential_id integer NOT NULL,
    tag_id integer NOT NULL,
    PRIMARY KEY (credential_id, tag_id),
    FOREIGN KEY (credential_id) REFERENCES public.credentials (id) ON DELETE CASCADE,
    FOREIGN KEY (tag_id) REFERENCES public.tags (id) ON DELETE CASCADE
);

CREATE TABLE public.device_configurations (
    id serial NOT NULL,
    device_id integer NOT NULL,
    config_data text NOT NULL,
    retrieved_at timestamp with time zone DEFAULT now() NOT NULL,
    config_metadata jsonb,
    data_hash text NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (device_id) REFERENCES public.devices (id) ON DELETE CASCADE
);
CREATE INDEX idx_device_configurations_fts ON public.device_configurations
    USING gin (to_tsvector('english', config_data));

CREATE TABLE public.jobs (
    id serial NOT NULL,
    name character varying NOT NULL,
    job_type character varying DEFAULT 'backup' NOT NULL,
    description character varying,
    status character varying DEFAULT 'PENDING' NOT NULL,
    scheduled_for timestamp with time zone,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    is_enabled boolean DEFAULT true,
    is_system_job boolean DEFAULT false,
    schedule_type character varying,
    interval_seconds integer,
    cron_string character varying,
    device_id integer,
    PRIMARY KEY (id),
    FOREIGN KEY (device_id) REFERENCES public.devices (id) ON DELETE SET NULL
);
CREATE INDEX ix_jobs_is_enabled ON public.jobs USING btree (is_enabled);
CREATE INDEX ix_jobs_name ON public.jobs USING btree (name);
CREATE INDEX ix_jobs_scheduled_for ON public.jobs USING btree (scheduled_for);
CREATE INDEX ix_jobs_status ON public.jobs USING btree (status);
CREATE INDEX ix_jobs_device_id ON public.jobs USING btree (device_id);

CREATE TABLE public.job_tags (
    job_id integer NOT NULL,
    tag_id integer NOT NULL,
    PRIMARY KEY (job_id, tag_id),
    FOREIGN KEY (job_id) REFERENCES public.jobs (id) ON DELETE CASCADE,
    FOREIGN KEY (tag_id) REFERENCES public.tags (id) ON DELETE CASCADE
);

CREATE TABLE public.logs (
    id serial NOT NULL,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    log_type character varying(32) NOT NULL,
    level character varying(16) NOT NULL,
    job_id integer,
    device_id integer,
    source character varying(64),
    message text NOT NULL,
    meta jsonb,
    PRIMARY KEY (id),
    FOREIGN KEY (job_id) REFERENCES public.jobs (id) ON DELETE CASCADE,
    FOREIGN KEY (device_id) REFERENCES public.devices (id) ON DELETE CASCADE
);
CREATE INDEX idx_logs_job_id ON public.logs USING btree (job_id);
CREATE INDEX idx_logs_device_id ON public.logs USING btree (device_id);
CREATE INDEX idx_logs_log_type ON public.logs USING btree (log_type);
CREATE INDEX idx_logs_level ON public.logs USING btree (level);
CREATE INDEX idx_logs_timestamp ON public.logs USING btree ("timestamp");

CREATE TABLE public.job_results (
    id serial NOT NULL,
    job_id integer NOT NULL,
    device_id integer NOT NULL,
    job_type character varying(32) NOT NULL,
    status character varying(16) NOT NULL,
    result_time timestamp with time zone NOT NULL,
    details jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (job_id) REFERENCES public.jobs (id) ON DELETE CASCADE,
    FOREIGN KEY (device_id) REFERENCES public.devices (id) ON DELETE CASCADE
);
CREATE INDEX idx_job_results_device_id ON public.job_results USING btree (device_id);
CREATE INDEX idx_job_results_job_id ON public.job_results USING btree (job_id);
CREATE INDEX idx_job_results_job_type ON public.job_results USING btree (job_type);
CREATE INDEX idx_job_results_status ON public.job_results USING btree (status);
CREATE INDEX idx_job_results_result_time ON public.job_results USING btree (result_time);
