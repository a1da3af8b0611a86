# Loaded (through PYTHONPATH) by the Ralph that tests/e2e/lib/ralph.mjs starts, and by nothing else.
# Ralph 5.1's file-system backend stores each POST with the operation "create", which refuses to
# write once its one file (fs_lrs.jsonl) exists: every POST after the first answers 500 ("already
# exists and overwrite is not allowed"). The LRS e2e test posts many times (after every step, and
# again after going offline), so its Ralph appends instead. Production LRSs (Ralph with
# Elasticsearch, MongoDB or ClickHouse, SQL LRS, Learning Locker) do not have this limit.
try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
