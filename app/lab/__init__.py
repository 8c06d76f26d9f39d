"""The lab: offline evaluation and the tools that build what the app ships. Evaluation against
baselines (evaluate), replays of real exports (replay), the explanations' evaluation (explain_eval),
the catalog builders (catalogs) and the public data sets they read (movielens, goodbooks), the CF
baselines (cf) and the metrics. Above app.services, below the CLI; the product never imports it
(an import-linter contract in pyproject.toml)."""
