-- NetRaven v2 at dev 8170400 (2025-05-22): the table job_runs, which NetRaven added to the same
-- Alembic revision a3992da91329 on 2025-05-21 (netraven-schema.md, Appendix B.5). A database on
-- NetRaven's dev branch has it; one on main does not, though both say the same revision.

CREATE TABLE public.job_runs (
    id serial NOT NULL,
    job_name character varying NOT NULL,
    user_id integer,
    "timestamp" timestamp with time zone NOT NULL,
    status character varying NOT NULL,
    parameters jsonb NOT NULL,
    output text,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES public.users (id)
);
