"""A tiny reportable model, installed only in the test settings, so the core's moderation can
be tested without importing any feature app."""
