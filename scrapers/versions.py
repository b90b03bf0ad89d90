"""Versions stamped on derived rows; bump one to make the pipeline reprocess stored pages with the new code."""

PARSER_VERSION = "parse-2026.12.4"
EXTRACTOR_VERSION = "extract-2026.12.413"
