#!/usr/bin/env python3
"""bench_dask - the Dask path against plan corpus on one large group.

A generated group of 1,000 plans that carry out one decision
(build/bench/bench_scale --write-group), run three ways, each as a whole
process from a clean output folder: `plan corpus` (on the machine's
processors), and examples/dask_corpus.py on a local cluster of one worker
and of two (the group compared in blocks of rows, a task each, then
merged).  Prints wall time and the largest peak resident memory of any one
process of the run (the example, a worker, a `plan` step), and checks that
every run wrote the same outputs.  Run by `make bench`; needs Debian's
python3-dask and python3-distributed.
"""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
B = os.environ.get("BUILD", os.path.join(ROOT, "build"))
PLANS = int(os.environ.get("PLAN_BENCH_DASK_PLANS", "1000"))


def run(argv, env=None):
    """Wall seconds and peak MB of the largest process of the run."""
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvpe(argv[0], argv, env or os.environ)
    _, status, ru = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"bench_dask: {' '.join(argv)} failed")
    return time.monotonic() - t0, ru.ru_maxrss / 1024


def same(a, b):
    return subprocess.run(["diff", "-r", "-q", "-x", "cache", a, b], capture_output=True).returncode == 0


def main():
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        print("dask: python3-dask and python3-distributed are missing (tools/install-deps.sh)")
        return 0
    tmp = tempfile.mkdtemp(prefix="plan-bench-dask-")
    try:
        src = os.path.join(tmp, "in")
        subprocess.run([os.path.join(B, "bench", "bench_scale"), "--write-group", src, str(PLANS)],
                       check=True)
        env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "bindings", "python"),
                   LIBPLAN_LIBRARY=os.path.join(B, "libplan.so"), PLAN=os.path.join(B, "plan"))
        print(f"dask: one group of {PLANS} generated plans, each run a whole process from a clean folder")
        print(f"  {'run':34} {'wall s':>8} {'largest process MB':>19}")
        ref = os.path.join(tmp, "ref")
        s, mb = run([os.path.join(B, "plan"), "corpus", "-q", "-o", ref, src])
        print(f"  {'plan corpus (' + str(os.cpu_count()) + ' threads)':34} {s:8.1f} {mb:19.0f}")
        times = {}
        for workers in (1, 2):
            out = os.path.join(tmp, f"dask{workers}")
            s, mb = run([sys.executable, os.path.join(ROOT, "examples", "dask_corpus.py"), "-q",
                         "--workers", str(workers), "-o", out, src], env)
            times[workers] = s
            ok = "same outputs" if same(ref, out) else "OUTPUTS DIFFER"
            print(f"  {'dask_corpus.py, ' + str(workers) + ' worker' + ('s' if workers > 1 else ''):34} "
                  f"{s:8.1f} {mb:19.0f}   {ok}")
        print(f"  two workers against one: {times[1] / times[2]:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
