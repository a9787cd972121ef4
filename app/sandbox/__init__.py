"""The embedded regional platform: a FHIR R4 server on loopback with synthetic multi-hospital data."""
