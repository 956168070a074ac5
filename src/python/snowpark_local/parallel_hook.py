"""Where parallel tasks get wired in (DESIGN.md, "Parallel tasks").

The bootstrap calls ``install_parallel_backend(spec)`` once, before the handler's module is
imported. When (and only if) the handler imports joblib, its backends are replaced:

- ``loky`` and ``multiprocessing`` send tasks to the Node side's TaskPool (warm Python
  workers, every batch and task visible and cancellable);
- ``threading`` stays joblib's threads in this process;
- the default is ``threading`` on a standard warehouse, ``loky`` on a Snowpark-optimized
  one, and ``n_jobs=-1`` means the run's worker count (RunSpec ``workers``).
"""

import threading


def _get(spec, key, default=None):
    if isinstance(spec, dict):
        return spec.get(key, default)
    return getattr(spec, key, default)


def install_parallel_backend(spec):
    from snowpark_local.parallel.joblib_hook import when_joblib_imported

    warehouse_type = _get(spec, "warehouseType") or "standard"
    workers = _get(spec, "workers") or 1
    module = _get(spec, "module") or {}
    module_path = module.get("path") if isinstance(module, dict) else getattr(module, "path", None)

    def on_joblib(_joblib):
        from joblib import parallel as parallel_module

        from snowpark_local.parallel import joblib_backend

        joblib_backend.configure(workers, module_path)
        joblib_backend.install_in_handler(parallel_module, warehouse_type)
        # Connecting and warming the pool takes a round trip: not on the import's path.
        threading.Thread(target=joblib_backend.warm_pool, args=(warehouse_type,),
                         name="snowpark-local-tasks-warm", daemon=True).start()

    when_joblib_imported(on_joblib)
