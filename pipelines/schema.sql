-- yujuesuan database schema, version 1: the same text for SQLite (3.35 or
-- later) and PostgreSQL (13 or later). `pipelines/load --init` applies it when
-- the database is new or meta.schema is older; it is safe to apply again.
--
-- Amounts are TEXT decimals exactly as the report prints them ("442.86",
-- "0.00", "-2.99"); NULL is a nil (a dash or an empty figure cell), which is
-- not zero. Never REAL: a double turns 676699.49 into 676699.48999999999.
-- Cast in a query when you need arithmetic: CAST(value AS NUMERIC) (exact in
-- PostgreSQL; SQLite rounds to double, so sum() there is approximate).
--
-- Keys are natural, so loading the same results again changes nothing:
--   a document is its doc_id, the sha256 of its bytes;
--   a fact, finding or error is (doc_id, seq), seq being its position among
--   that document's facts (findings, errors) in the record stream, which the
--   stages write in a fixed order for the same bytes. errors.seq 0 is the
--   nightly import's own row for an inbox file whose pipe failed (doc_id is
--   then the sha256 of the inbox file).

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per nightly run (pipelines/nightly). status: running, ok (nothing
-- failed), failed (some inbox files failed; see archives), aborted (the run
-- stopped early), killed (found still 'running' by a later run).
CREATE TABLE IF NOT EXISTS runs (
    run_id           TEXT PRIMARY KEY,
    started          TEXT NOT NULL,        -- UTC, ISO 8601
    finished         TEXT,
    status           TEXT NOT NULL,
    host             TEXT,
    inbox            TEXT,
    files_new        BIGINT,
    files_skipped    BIGINT,
    files_failed     BIGINT,
    documents        BIGINT,
    facts            BIGINT,
    findings_error   BIGINT,
    findings_warning BIGINT,
    findings_info    BIGINT,
    errors           BIGINT,
    seconds          BIGINT,
    log              TEXT                   -- the run's log file
);

-- The inbox files seen, by content: the nightly import skips a file whose
-- sha256 is here with status 'done', and retries one that 'failed'.
CREATE TABLE IF NOT EXISTS archives (
    sha256    TEXT PRIMARY KEY,
    path      TEXT NOT NULL,               -- inbox-relative path when last processed
    bytes     BIGINT,
    status    TEXT NOT NULL,               -- done | failed
    message   TEXT,                        -- why it failed
    documents BIGINT,
    facts     BIGINT,
    findings  BIGINT,
    errors    BIGINT,
    run_id    TEXT                          -- the run that last processed it
);

-- One row per document (a report file, or a member of an archive).
CREATE TABLE IF NOT EXISTS documents (
    doc_id    TEXT PRIMARY KEY,            -- sha256 of the document's bytes
    source    TEXT NOT NULL,               -- inbox path, archive members joined by !
                                           -- (the smallest one when the same bytes came in twice)
    format    TEXT,
    encoding  TEXT,
    bytes     BIGINT,
    sha256    TEXT,
    entity    TEXT,
    year      TEXT,
    stage     TEXT,                        -- 预算 | 决算
    records   BIGINT,
    facts     BIGINT,
    findings  BIGINT,
    errors    BIGINT,
    truncated INTEGER                      -- 1 when the document was cut short
);

-- Every place a document was found (the same report in several archives).
CREATE TABLE IF NOT EXISTS document_sources (
    doc_id  TEXT NOT NULL,
    source  TEXT NOT NULL,
    archive TEXT NOT NULL,                 -- sha256 of the inbox file ('' when loaded by hand)
    PRIMARY KEY (doc_id, source, archive)
);

CREATE TABLE IF NOT EXISTS facts (
    doc_id      TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    entity      TEXT,
    year        TEXT,
    stage       TEXT,
    kind        TEXT,                      -- meta, table, empty_table, narrative
    table_name  TEXT,                      -- canonical table title
    form        TEXT,                      -- 公开02表
    item        TEXT,
    code        TEXT,                      -- classification code 2101501
    column_name TEXT,
    header_path TEXT,
    value       TEXT,                      -- decimal as printed, NULL = nil
    unit        TEXT,
    measure     TEXT,
    subject     TEXT,
    heading     TEXT,
    sentence    TEXT,
    locator     TEXT,                      -- JSON
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS facts_entity_year ON facts (entity, year);
CREATE INDEX IF NOT EXISTS facts_table_code ON facts (table_name, code);

CREATE TABLE IF NOT EXISTS findings (
    doc_id     TEXT NOT NULL,
    seq        BIGINT NOT NULL,
    entity     TEXT,
    year       TEXT,
    rule       TEXT,
    severity   TEXT,                       -- info, warning, error
    message    TEXT,
    expected   TEXT,
    actual     TEXT,
    difference TEXT,
    formula    TEXT,
    locator    TEXT,                       -- JSON
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS findings_severity ON findings (severity);
CREATE INDEX IF NOT EXISTS findings_entity_year ON findings (entity, year);

CREATE TABLE IF NOT EXISTS errors (
    doc_id  TEXT NOT NULL,
    seq     BIGINT NOT NULL,
    source  TEXT,
    stage   TEXT,
    code    TEXT,
    message TEXT,
    PRIMARY KEY (doc_id, seq)
);

-- The printed totals (合计, 总计 rows) of every table, per entity and year.
DROP VIEW IF EXISTS entity_year_totals;
CREATE VIEW entity_year_totals AS
SELECT f.entity, f.year, f.stage, f.form, f.table_name, f.item, f.column_name,
       f.header_path, f.value, f.unit, d.source, f.doc_id, f.seq
FROM facts f
LEFT JOIN documents d ON d.doc_id = f.doc_id
WHERE f.kind = 'table' AND (f.item LIKE '%合计%' OR f.item LIKE '%总计%');

-- Per entity and year: documents, facts, findings by severity, errors.
DROP VIEW IF EXISTS entity_year_summary;
CREATE VIEW entity_year_summary AS
SELECT d.entity, d.year, d.stage,
       count(*) AS documents,
       sum(d.facts) AS facts,
       (SELECT count(*) FROM findings f JOIN documents e ON e.doc_id = f.doc_id
        WHERE e.entity IS NOT DISTINCT FROM d.entity AND e.year IS NOT DISTINCT FROM d.year
          AND e.stage IS NOT DISTINCT FROM d.stage AND f.severity = 'error') AS findings_error,
       (SELECT count(*) FROM findings f JOIN documents e ON e.doc_id = f.doc_id
        WHERE e.entity IS NOT DISTINCT FROM d.entity AND e.year IS NOT DISTINCT FROM d.year
          AND e.stage IS NOT DISTINCT FROM d.stage AND f.severity = 'warning') AS findings_warning,
       sum(d.errors) AS errors
FROM documents d
GROUP BY d.entity, d.year, d.stage;

-- Every error finding with the document it comes from.
DROP VIEW IF EXISTS error_findings;
CREATE VIEW error_findings AS
SELECT f.entity, f.year, f.rule, f.message, f.expected, f.actual, f.difference,
       f.formula, f.locator, d.source, d.format, d.stage, f.doc_id, f.seq
FROM findings f
LEFT JOIN documents d ON d.doc_id = f.doc_id
WHERE f.severity = 'error';

INSERT INTO meta (key, value) VALUES ('schema', '1')
ON CONFLICT (key) DO UPDATE SET value = excluded.value;
