"""Built-in readings, program profiles and the topic bank, shipped as TOML data."""
