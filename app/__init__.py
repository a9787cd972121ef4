"""Huren (互认) workstation: mutual recognition of test results between hospitals."""

__version__ = "0.1.0"
