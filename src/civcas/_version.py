"""The version of civcas (one place: the package, the report and the review app read it)."""

__version__ = "0.1.0"
