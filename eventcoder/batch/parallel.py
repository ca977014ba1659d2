"""Coding a stream of articles in several worker processes, in order.

Each worker gets its own pair of pipes. A feeder thread in the parent pickles
chunks of articles and hands each to a worker with room for it (at most
`ahead` chunks waiting per worker); the calling thread reads finished chunks
from whichever worker is ready and yields outcomes in input order.

Why not `multiprocessing.Pool`: on a two-core machine the parent's share of the
work is what keeps two jobs under 2x, and the pool's shared queues, result
thread and condition hand-over cost it about 0.3 s of CPU per 10,000 articles
against about 0.13 s here (benchmarks/throughput.py).
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import pickle
import queue
import signal
import sys
import threading
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator, Protocol

from eventcoder.model import Article, Outcome


class Coder(Protocol):
    """What a worker needs of a coder (eventcoder.Coder is one): code a chunk, keeping each article's error."""

    def code_many(self, articles: Iterable[Article]) -> Iterator[Outcome]: ...

_DONE = b""  # sent to a worker when there is nothing more to code


class WorkerError(RuntimeError):
    """A worker process failed in a way that is not one article's problem (a bug, or it was killed)."""


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel send SIGTERM when the parent dies (even by SIGKILL); elsewhere EOF on the task pipe does."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


def _serve(coder: Coder, tasks: Connection, results: Connection, inherited: list[Connection], parent: int) -> None:
    # the parent decides what an interrupt means; workers just stop when their pipes close or the parent goes
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, copied by fork
    _die_with_parent(parent)
    # a forked worker holding its siblings' pipes, or the parent's ends of its own, open would never see EOF when the
    # parent goes (SIGKILL included) and would block forever
    for conn in inherited:
        conn.close()
    while True:
        try:
            data = tasks.recv_bytes()
        except EOFError:
            break
        if data == _DONE:
            break
        cid, chunk = pickle.loads(data)
        try:
            reply: tuple = (cid, list(coder.code_many(chunk)), None)
        except Exception as exc:  # code_many keeps article errors; anything else is a bug to report, not to hide
            reply = (cid, None, f"{type(exc).__name__}: {exc}")
        try:
            results.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # the parent stopped reading (it finished early or was interrupted)
            break
    results.close()


class _Feeder(threading.Thread):
    def __init__(self, articles: Iterable[Article], pipes: list[Connection], chunk: int, ahead: int) -> None:
        super().__init__(daemon=True, name="eventcoder-feeder")
        self.articles = articles
        self.pipes = pipes
        self.chunk = chunk
        self.room: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        for w in range(len(pipes)):
            for _ in range(ahead):
                self.room.put(w)
        self.assigned: dict[int, int] = {}  # chunk id -> worker, until its reply is read
        self.total: int | None = None  # number of chunks, once the input is exhausted
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            it = iter(self.articles)
            for cid in itertools.count():
                batch = list(itertools.islice(it, self.chunk))
                if not batch:
                    self.total = cid
                    break
                w = self.room.get()
                if w is None:  # the consumer stopped early
                    return
                self.assigned[cid] = w
                self.pipes[w].send_bytes(pickle.dumps((cid, batch), protocol=pickle.HIGHEST_PROTOCOL))
        except BaseException as exc:  # reading the input failed: the consumer re-raises it
            self.error = exc
        finally:
            for pipe in self.pipes:
                try:
                    pipe.send_bytes(_DONE)
                except OSError:  # the worker is already gone
                    pass


def code_in_processes(coder: Coder, articles: Iterable[Article], jobs: int, chunk: int = 128,
                      ahead: int = 2, start_method: str | None = None) -> Iterator[Outcome]:
    """Like `coder.code_many(articles)`, with `jobs` worker processes; outcomes come in input order.

    Workers are forked where the platform allows it, so they share the parent's
    compiled dictionaries; elsewhere (or with start_method="spawn") the coder is
    sent to each worker with its dictionaries, which it compiles on arrival.
    Raises WorkerError when a worker dies or hits a bug (an article's own error
    stays in its Outcome, as with one process).
    """
    method = start_method or ("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    fork = method == "fork"
    ctx = mp.get_context(method)
    procs: list[mp.process.BaseProcess] = []
    task_pipes: list[Connection] = []
    result_pipes: dict[Connection, int] = {}
    feeder: _Feeder | None = None
    try:
        for w in range(jobs):
            task_r, task_w = ctx.Pipe(duplex=False)
            res_r, res_w = ctx.Pipe(duplex=False)
            inherited = [*task_pipes, *result_pipes, task_w, res_r] if fork else []
            proc = ctx.Process(target=_serve, args=(coder, task_r, res_w, inherited, os.getpid()), daemon=True,
                               name=f"eventcoder-worker-{w}")
            proc.start()
            task_r.close()
            res_w.close()
            procs.append(proc)
            task_pipes.append(task_w)
            result_pipes[res_r] = w
        # the feeder thread starts after the forks: a fork must not copy a thread mid-pickle
        feeder = _Feeder(articles, task_pipes, chunk, ahead)
        feeder.start()
        ready: dict[int, list[Outcome]] = {}
        live = dict(result_pipes)
        nxt = 0
        while True:
            if nxt in ready:
                yield from ready.pop(nxt)
                nxt += 1
                continue
            if feeder.error is not None:
                raise feeder.error
            if feeder.total is not None and nxt >= feeder.total:
                return
            # the timeout lets a feeder that failed or finished without a pending reply be noticed
            for conn in wait(list(live), timeout=0.2):
                w = live[conn]
                try:
                    cid, outcomes, problem = pickle.loads(conn.recv_bytes())
                except EOFError:
                    del live[conn]
                    if w in list(feeder.assigned.values()):
                        procs[w].join(timeout=1)
                        raise WorkerError(f"worker {w} stopped unexpectedly (exit code {procs[w].exitcode})") from None
                    continue
                if problem is not None:
                    raise WorkerError(f"worker {w} failed: {problem}")
                del feeder.assigned[cid]
                ready[cid] = outcomes
                feeder.room.put(w)
            if not live and nxt not in ready and feeder.total is None and feeder.error is None:
                raise WorkerError("all workers stopped before the input was coded")
    finally:
        if feeder is not None:
            for _ in range(jobs):
                feeder.room.put(None)
        for pipe in task_pipes:
            pipe.close()
        for pipe in result_pipes:
            pipe.close()
        for proc in procs:
            proc.join(timeout=2)
            if proc.is_alive():
                proc.terminate()
                proc.join()
