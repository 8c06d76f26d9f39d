"""Hearth: private book and film recommendations, on your own computer."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hearth")  # the packaged app carries this metadata too
except PackageNotFoundError:  # a bare source tree
    __version__ = "0+unknown"
