"""Talking to the outside: the FHIR client, FHIR to domain mapping, the catalogue fetch. No Qt."""
