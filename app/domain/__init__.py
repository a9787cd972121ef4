"""Pure Python domain: models, recognition rules, identifiers. No Qt, no network, no disk."""
