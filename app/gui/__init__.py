"""The PySide6 desktop application. Talks to services only; long work runs in Ops."""
