"""Builds spread over machines: Celery workers take jobs from a Redis broker.

job (one workbook → outputs named by content, the result as data; no Celery), settings
(the Celery configuration: late acks, no prefetch), submit (`reportgen batch --broker`:
send, follow, summarise), worker (`reportgen worker`). The Celery app is reportgen.tasks.
Needs the `cluster` extra (celery, redis); nothing else in reportgen imports this package.
"""
