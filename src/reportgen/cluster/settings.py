"""The Celery configuration for reportgen's workers and clients, in one place.

A worker takes one job at a time (`worker_prefetch_multiplier=1`: a long job does not
hold others hostage) and acknowledges a job only when it is done (`task_acks_late`), so a
job whose worker dies is delivered again: at once when the pool process is lost
(`task_reject_on_worker_lost`), after `visibility_timeout` seconds when the whole worker
or its machine is gone (a live worker hands unacknowledged jobs back then: it looks every
tenth of the timeout, where kombu's default would look every 100 s). Jobs are idempotent
(cluster.job), so a second run writes the same files. JSON only: no pickle from the wire.
"""

from __future__ import annotations

import os

BROKER_ENV = "REPORTGEN_BROKER"
VISIBILITY_ENV = "REPORTGEN_VISIBILITY_TIMEOUT"
DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_VISIBILITY = 600  # seconds; longer than any one build, short enough to recover a lost machine


def celery_config(broker: str | None = None, visibility_timeout: float | None = None) -> dict:
    """Settings for `Celery.conf.update`: the broker also keeps the results."""
    url = broker or os.environ.get(BROKER_ENV) or DEFAULT_BROKER
    visibility = visibility_timeout or float(os.environ.get(VISIBILITY_ENV) or DEFAULT_VISIBILITY)
    transport = {"visibility_timeout": visibility, "unacked_restore_interval": max(1.0, min(10.0, visibility / 10)),
                 "unacked_restore_throttle": 1}
    return {
        "broker_url": url,
        "result_backend": url,
        "broker_transport_options": transport,
        "broker_connection_retry_on_startup": True,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "worker_prefetch_multiplier": 1,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_track_started": True,
        "result_expires": 7 * 24 * 3600,
        "worker_hijack_root_logger": False,
    }
