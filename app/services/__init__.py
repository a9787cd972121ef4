"""Use cases combining domain and platform: patient look-up across sources, loading a chart. No widgets."""
