"""SQL models run in DuckDB by transforms.sql_models: staging/ (one per lake table) and marts/."""
