"""Cross-app test setup."""
