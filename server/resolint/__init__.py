"""resolint: a linter and language server for drafts of resolutions."""

__version__ = "0.1.0"
