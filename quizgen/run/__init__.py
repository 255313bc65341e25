"""Running: worker processes, the parse cache, Dask clusters and the command's fast start."""
