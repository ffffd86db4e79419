"""mediakit._workers.Workers: a call started in the workers while this process works, then collected."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from mediakit._workers import ONE_THREAD, Workers


def _slow_square(state: dict[str, object], x: int) -> int:
    time.sleep(0.3)
    return x * x


def _fail(state: dict[str, object], x: int) -> int:
    raise ValueError(f"no {x}")


def test_submit_returns_at_once_and_collect_gives_the_results_in_order() -> None:
    with Workers(2) as w:
        t0 = time.perf_counter()
        w.submit(_slow_square, [(3,), (4,)])
        assert time.perf_counter() - t0 < 0.25  # not waiting for the workers
        with pytest.raises(RuntimeError, match="collect"):
            w.submit(_slow_square, [(1,), (1,)])  # one call at a time
        assert w.collect() == [9, 16]
        with pytest.raises(RuntimeError, match="nothing was submitted"):
            w.collect()
        w.submit(_fail, [(1,), (2,)])
        with pytest.raises(ValueError, match="no 1"):
            w.collect()
        assert w.run(_slow_square, [(5,), (6,)]) == [25, 36]  # still usable after an error


def test_leaving_on_an_error_stops_a_running_call_at_once() -> None:
    t0 = time.perf_counter()
    with pytest.raises(KeyError), Workers(1) as w:
        w.submit(_slow_square, [(2,)])
        raise KeyError("the parent failed")
    assert not multiprocessing.active_children()
    assert time.perf_counter() - t0 < 30


def _environment(state: dict[str, object]) -> dict[str, str | None]:
    import os

    return {k: os.environ.get(k) for k in ONE_THREAD}


def test_workers_run_blas_on_one_thread_and_leave_this_process_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with Workers(2, environ=ONE_THREAD) as w:
        assert w.run(_environment, [(), ()]) == [ONE_THREAD, ONE_THREAD]
    assert os.environ["OMP_NUM_THREADS"] == "4" and "OPENBLAS_NUM_THREADS" not in os.environ
    with Workers(1) as w:  # by default, this process's environment
        assert w.run(_environment, [()]) == [{"OMP_NUM_THREADS": "4", "OPENBLAS_NUM_THREADS": None,
                                               "MKL_NUM_THREADS": os.environ.get("MKL_NUM_THREADS")}]


def _big(state: dict[str, object], n: int) -> bytes:
    return bytes(range(256)) * n  # more than a pipe's buffer: the worker waits until it is read


def test_a_last_call_ends_each_worker_once_its_result_is_sent() -> None:
    with Workers(2) as w:
        w.submit(_slow_square, [(3,), (4,)], last=True)
        procs = list(w._procs)
        deadline = time.perf_counter() + 30
        while any(p.is_alive() for p in procs) and time.perf_counter() < deadline:
            time.sleep(0.05)
        assert not any(p.is_alive() for p in procs)  # gone before the results are read
        assert w.collect() == [9, 16]  # and the results are still there
        with pytest.raises(RuntimeError, match="ended"):
            w.submit(_slow_square, [(1,), (1,)])
    with Workers(2) as w:  # results larger than the pipe's buffer
        assert w.run(_big, [(4096,), (8192,)], last=True) == [bytes(range(256)) * 4096, bytes(range(256)) * 8192]
    with Workers(1) as w, pytest.raises(ValueError, match="no 7"):  # an error is raised as before
        w.run(_fail, [(7,)], last=True)
    assert not multiprocessing.active_children()


def test_each_result_is_converted_as_soon_as_it_is_read() -> None:
    seen: list[int] = []

    def size(value: bytes) -> int:
        seen.append(len(value))
        return len(value)

    with Workers(2) as w:  # results larger than the pipe's buffer, each made small before the next is read
        assert w.run(_big, [(4096,), (8192,)], last=True, convert=size) == [256 * 4096, 256 * 8192]
    assert seen == [256 * 4096, 256 * 8192]
    with Workers(2) as w, pytest.raises(ValueError, match="no 7"):  # an error is not converted: it is raised
        w.run(_fail, [(7,), (8,)], convert=size)
    assert seen == [256 * 4096, 256 * 8192]


def _keep(state: dict[str, object], x: int) -> tuple[int, int]:
    import os

    state["x"] = int(state.get("x", 0)) + x  # type: ignore[call-overload]
    return os.getpid(), int(state["x"])  # type: ignore[call-overload]


def test_here_this_process_takes_the_first_share_and_keeps_its_state() -> None:
    import os

    with Workers(2, here=True) as w:
        assert len(w) == 2 and len(multiprocessing.active_children()) == 1  # one worker started, not two
        first = w.run(_keep, [(1,), (10,)])
        assert first[0] == (os.getpid(), 1) and first[1][0] != os.getpid() and first[1][1] == 10
        assert [x for _, x in w.run(_keep, [(2,), (20,)], convert=lambda r: r)] == [3, 30]  # states kept
        assert w.here == {"x": 3}
        with pytest.raises(ValueError, match="one tuple of arguments per worker"):
            w.submit(_keep, [(1,)])
        w.submit(_fail, [(7,), (8,)])
        with pytest.raises(ValueError, match="no 7"):  # this process's share fails first, as worker 0's would
            w.collect()
        assert [x for _, x in w.run(_keep, [(3,), (30,)])] == [6, 60]  # the worker's failed reply was read
    assert not multiprocessing.active_children()
    with Workers(1, here=True) as alone:  # no worker at all: this process does everything
        assert alone.run(_keep, [(5,)]) == [(os.getpid(), 5)] and not multiprocessing.active_children()


def _blas_threads(state: dict[str, object]) -> list[int]:
    from threadpoolctl import threadpool_info

    return sorted({int(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"})


def test_here_with_one_thread_this_process_runs_its_share_as_the_workers_do() -> None:
    import numpy  # noqa: F401  (its BLAS loaded)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=2):  # as on a machine with two cores or more
        assert _blas_threads({}) == [2]
        with Workers(2, environ=ONE_THREAD, here=True) as w:
            assert w.run(_blas_threads, [(), ()]) == [[1], [1]]  # this process's share, then the worker's
        assert _blas_threads({}) == [2]  # given back afterwards
        with Workers(1, here=True) as w:  # without environ=ONE_THREAD: left as it is
            assert w.run(_blas_threads, [()]) == [[2]]
