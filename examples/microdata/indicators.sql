-- Four indicators per unit and year from an enterprise register, in the SQL that DuckDB, Spark SQL and Trino share:
-- no casts with ::, no engine-specific functions, only CAST, CASE, SUM, COUNT, GROUP BY and UNION ALL.
-- The table enterprises(unit, year, revenue, rd_spending, employees, hightech) is the register, one row per
-- enterprise and year; hightech is 1 for a certified high-tech enterprise, else 0.
SELECT unit, CAST(year AS INTEGER) AS year, 'RD_SHARE' AS indicator,
       CAST(100 * SUM(rd_spending) / SUM(revenue) AS DOUBLE) AS value
FROM enterprises GROUP BY unit, year
UNION ALL
SELECT unit, CAST(year AS INTEGER), 'HIGHTECH_FIRMS', CAST(SUM(hightech) AS DOUBLE)
FROM enterprises GROUP BY unit, year
UNION ALL
SELECT unit, CAST(year AS INTEGER), 'REVENUE', CAST(SUM(revenue) AS DOUBLE)
FROM enterprises GROUP BY unit, year
UNION ALL
SELECT unit, CAST(year AS INTEGER), 'HIGHTECH_JOBS_SHARE',
       CAST(100 * SUM(CASE WHEN hightech = 1 THEN employees ELSE 0 END) / SUM(employees) AS DOUBLE)
FROM enterprises GROUP BY unit, year
