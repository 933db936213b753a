"""Benchmarks against the goals of DESIGN.md: figures and ratios, never assertions."""
