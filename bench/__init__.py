"""Benchmarks: throughput and per-stage cost (`python -m bench.throughput`), not tests."""
