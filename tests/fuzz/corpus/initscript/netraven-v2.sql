--
-- PostgreSQL database dump
--

\restrict zVi502sB3W8KDUAukckickNxw06nGRNKhpQoRDlnVs9wbQumzd70fsOdKefoKtq

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: nrdb; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA nrdb;


ALTER SCHEMA nrdb OWNER TO postgres;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: uuid-ossp; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;


--
-- Name: EXTENSION "uuid-ossp"; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';


--
-- Name: device_source; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.device_source AS ENUM (
    'local',
    'imported'
);


ALTER TYPE public.device_source OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: schema_history; Type: TABLE; Schema: nrdb; Owner: postgres
--

CREATE TABLE nrdb.schema_history (
    pack text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    applied_by text DEFAULT CURRENT_USER NOT NULL,
    duration_ms integer NOT NULL,
    how text NOT NULL,
    CONSTRAINT schema_history_how_check CHECK ((how = ANY (ARRAY['applied'::text, 'adopted'::text])))
);


ALTER TABLE nrdb.schema_history OWNER TO postgres;

--
-- Name: TABLE schema_history; Type: COMMENT; Schema: nrdb; Owner: postgres
--

COMMENT ON TABLE nrdb.schema_history IS 'Migrations of model packs, recorded by NetRaven DB Admin';


--
-- Name: alembic_version; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


ALTER TABLE public.alembic_version OWNER TO postgres;

--
-- Name: credential_tag_association; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.credential_tag_association (
    credential_id integer NOT NULL,
    tag_id integer NOT NULL
);


ALTER TABLE public.credential_tag_association OWNER TO postgres;

--
-- Name: credentials; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.credentials (
    id integer NOT NULL,
    username character varying NOT NULL,
    password character varying NOT NULL,
    priority integer,
    last_used timestamp with time zone,
    success_rate double precision,
    description character varying,
    is_system boolean DEFAULT false
);


ALTER TABLE public.credentials OWNER TO postgres;

--
-- Name: credentials_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.credentials_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.credentials_id_seq OWNER TO postgres;

--
-- Name: credentials_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.credentials_id_seq OWNED BY public.credentials.id;


--
-- Name: device_configurations; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.device_configurations (
    id integer NOT NULL,
    device_id integer NOT NULL,
    config_data text NOT NULL,
    retrieved_at timestamp with time zone DEFAULT now() NOT NULL,
    config_metadata jsonb,
    data_hash text 