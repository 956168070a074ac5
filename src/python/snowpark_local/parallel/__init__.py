"""Parallel tasks: joblib's process-based backends run in the Node side's TaskPool.

Handler process: ``joblib_backend`` (the backend), ``task_channel`` (its own connection
to the run channel). Pool worker processes: ``task_worker`` (``python -m
snowpark_local.parallel.task_worker``), ``worker_context`` (the run's sys.path, cwd, module).
"""
