\restrict AbC123
SET client_encoding = 'UTF8';
CREATE SCHEMA netraven;
ALTER SCHEMA netraven OWNER TO netraven;
ALTER TABLE netraven.devices OWNER TO "Some Role";
ALTER TABLE ONLY netraven.devices ADD CONSTRAINT devices_pkey PRIMARY KEY (id);
-- Name: devices; Type: TABLE; Schema: netraven; Owner: netraven
\unrestrict AbC123
