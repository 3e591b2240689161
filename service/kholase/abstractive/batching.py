"""Dynamic batching: concurrent requests share one model call, which costs little more than a single one.

One worker thread takes the first waiting request, keeps collecting until ``max_size`` requests or ``max_wait_s``
have passed, and hands the batch to ``run_batch`` together with the latest deadline among them (so the model call
can stop once nobody is waiting any more). Requests whose caller already gave up are dropped before the call.
"""

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

logger = logging.getLogger(__name__)
_STOP = object()
# Called with every batch's size by every Batcher; the API's metrics register here (engines never import the API).
batch_size_observers: list[Callable[[int], None]] = []


@dataclass
class _Pending(Generic[Item]):
    item: Item
    deadline: float
    future: Future = field(default_factory=Future)


class Batcher(Generic[Item, Result]):
    """Thread-safe front of a batch function: ``submit`` blocks until its result is ready or its time is up."""

    def __init__(
        self,
        run_batch: Callable[[list[Item], float], list[Result]],
        max_size: int,
        max_wait_s: float,
        name: str = "kholase-batcher",
    ):
        self._run_batch = run_batch
        self._max_size = max(1, max_size)
        self._max_wait_s = max(0.0, max_wait_s)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def submit(self, item: Item, timeout_s: float) -> Result:
        """The result for ``item``; raises ``TimeoutError`` past ``timeout_s``, or whatever the batch call raised."""
        pending = _Pending(item, time.monotonic() + timeout_s)
        self._queue.put(pending)
        try:
            return pending.future.result(timeout=timeout_s)
        except TimeoutError:
            pending.future.cancel()
            raise

    def close(self) -> None:
        """Stop the worker after the batch in hand; requests still queued fail at once."""
        self._queue.put(_STOP)
        self._thread.join(timeout=60)

    def _work(self) -> None:
        while True:
            batch, stopping = self._collect()
            live = [pending for pending in batch if pending.future.set_running_or_notify_cancel()]
            if live:
                self._run(live)
            if stopping:
                self._fail_waiting()
                return

    def _collect(self) -> tuple[list[_Pending], bool]:
        first = self._queue.get()
        if first is _STOP:
            return [], True
        batch = [first]
        until = time.monotonic() + self._max_wait_s
        while len(batch) < self._max_size:
            try:
                pending = self._queue.get(timeout=max(0.0, until - time.monotonic()))
            except queue.Empty:
                break
            if pending is _STOP:
                return batch, True
            batch.append(pending)
        return batch, False

    def _run(self, live: list[_Pending]) -> None:
        for observe in batch_size_observers:
            observe(len(live))
        try:
            results = self._run_batch([pending.item for pending in live], max(p.deadline for p in live))
        except Exception as error:  # the callers decide what a failed model call means
            logger.exception("batch of %d failed", len(live))
            for pending in live:
                pending.future.set_exception(error)
            return
        for pending, result in zip(live, results, strict=True):
            pending.future.set_result(result)

    def _fail_waiting(self) -> None:
        while True:
            try:
                pending = self._queue.get_nowait()
            except queue.Empty:
                return
            if pending is not _STOP and pending.future.set_running_or_notify_cancel():
                pending.future.set_exception(RuntimeError("the engine was closed"))
