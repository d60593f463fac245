"""Errors meant for people: a one-line message, exit code 2, no traceback."""


class SeedcheckError(Exception):
    """A usage, configuration or environment problem the user must fix."""
