"""Shared parsing used by several extractors: numbers, places, countries and calendar dates."""
