"""The order workflow: the plan (what was ordered, what already exists), the desk (decisions to records,
via consent) and sending (to the platform, exactly once)."""
