"""`reportgen worker --broker URL`: a Celery worker with reportgen's settings (a thin
wrapper over `celery -A reportgen.tasks worker`): prefork processes, each warmed once,
one job at a time each, late acknowledgement (cluster.settings)."""

from __future__ import annotations

from reportgen.cluster.settings import celery_config


def run_worker(broker: str, concurrency: int, name: str | None = None, loglevel: str = "INFO") -> None:
    """Serve jobs until stopped (Ctrl-C or SIGTERM finishes the running jobs first)."""
    from reportgen.tasks import app

    app.conf.update(celery_config(broker))
    argv = ["worker", f"--concurrency={concurrency}", "--pool=prefork", f"--loglevel={loglevel}",
            "--without-gossip", "--without-mingle"]  # no chatter between workers: they share nothing
    if name:
        argv.append(f"--hostname={name}")
    app.worker_main(argv)
