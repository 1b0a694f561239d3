"""Built-in meeting formats, shipped as TOML data inside the package."""
