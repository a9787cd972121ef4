"""PySide6 widgets, item models and background workers. Calls services, never requests directly."""
