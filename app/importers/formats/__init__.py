"""One module per import format, each declaring its ``FORMAT`` record (see app/importers/registry.py)."""
