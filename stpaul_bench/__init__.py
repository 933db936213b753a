"""Benchmarks and harnesses of stpaul-field: developer tools, never shipped in the advisor's app."""
