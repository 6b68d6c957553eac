"""Rule data of the checker (TOML files read with ``tomllib``)."""
