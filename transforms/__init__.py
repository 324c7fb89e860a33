"""Pure domain logic of newsfacts: ingestion, normalisation, extraction and the lake. No prefect here."""
