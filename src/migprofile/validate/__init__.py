"""Checks that return a Report: they never print and never exit."""

from migprofile.validate.report import Finding, Location, Report, Severity

__all__ = ["Finding", "Location", "Report", "Severity"]
