-- Figures lose their index on category. Every import paid for it: with it, storing the rows of
-- 10,000 documents took 9 % longer (0.4 s of 4.5 s, measured with the sqlite3 shell alone;
-- BENCHMARKS.md). Its only reader is `dossier export figures --category`, which picks out a tenth
-- of the figures or more; a scan of the table serves that nearly as fast (0.16 s instead of 0.07 s
-- for a small category of 1,000,000 figures, the same for a large one).
DROP INDEX figures_category;
