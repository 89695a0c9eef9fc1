"""The data core: read the YAML, check it, and hold it as records. Imports no rendering, feature or engine."""
