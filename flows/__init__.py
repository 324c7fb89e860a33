"""Orchestration of newsfacts: the Prefect flow and the command-line interface (the only code importing prefect)."""
