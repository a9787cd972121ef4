"""The FHIR side of the platform layer: the client and search (reading), the mapping to domain records,
and the order records it writes and reads back."""
