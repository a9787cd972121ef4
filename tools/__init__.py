"""Maintainer commands (not shipped with the program)."""
