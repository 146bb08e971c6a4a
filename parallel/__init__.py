"""Where the per-file work of a run happens: in this process, a pool of local processes, or a Dask cluster."""
