"""The Celery app and its one task, `reportgen.build` (see reportgen.cluster).

`celery -A reportgen.tasks worker` or `reportgen worker --broker URL` runs it; the broker
comes from REPORTGEN_BROKER (or --broker). Each worker process warms up once when it
starts (renderers imported, fonts parsed), as the local batch's processes do.
"""

from __future__ import annotations

import base64
from typing import Any

from celery import Celery
from celery.signals import worker_process_init

from reportgen.cluster.job import build_job
from reportgen.cluster.settings import celery_config
from reportgen.pipeline import FORMATS

app = Celery("reportgen")
app.conf.update(celery_config())


@worker_process_init.connect
def _warm(**_: Any) -> None:
    from reportgen.workers import warm

    warm(FORMATS)


@app.task(name="reportgen.build", bind=True)
def build(self, out_root: str, formats: list[str], bleed_mm: float = 0.0, workbook: str | None = None,
          content_b64: str | None = None, name: str = "workbook.xlsx") -> dict[str, Any]:
    """Build one workbook: `workbook`, a path every worker can read, or `content_b64`, its
    bytes (for small self-contained files). Returns cluster.job.result's dict."""
    content = base64.b64decode(content_b64) if content_b64 is not None else None
    return build_job(out_root, formats, bleed_mm, workbook, content, name, worker=self.request.hostname)
