"""Integration tests talk to real servers started by the tests themselves (tests/helpers)."""

from tests.helpers.orthanc import orthanc  # noqa: F401  (fixture)
