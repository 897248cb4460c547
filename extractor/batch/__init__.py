"""Batch processing: folders, archives and JSON Lines in; JSONL or Parquet out; local or Dask."""

from vnextract.extractor.batch.runner import BatchSummary, run_batch

__all__ = ["BatchSummary", "run_batch"]
