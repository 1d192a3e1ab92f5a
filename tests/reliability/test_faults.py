"""Nothing lost, nothing left behind (issue 21): a build stopped by a signal leaves no
process and no temporary; the outputs move as one unit under the folder's lock; links in
the output folder are replaced, never written through; a batch isolates each workbook.

Each test runs the real CLI in a subprocess where the fault needs a process of its own.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from reliability.badbooks import run_cli
from reportgen.diagnostics import ReportError
from reportgen.output import remove_stale, staged
from reportgen.processes import available_cpus
from wbfactory import CHARTS, META, make_workbook

HEADER = ("type", "text", "ref", "caption", "options")
REGIONS = ("北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄")
WAIT = 60.0  # seconds any awaited event may take on a loaded machine (never reached when all is well)


def long_book(folder: Path, rows: int = 3000, charts: int = 6) -> Path:
    """A workbook slow enough to be stopped mid-build: charts to draw (the chart pool),
    then a long table for the PDF and DOCX workers."""
    folder.mkdir(parents=True, exist_ok=True)
    table = [("番号", "地域", "件数", "金額", "備考")]
    table += [(i, REGIONS[i % 8], i * 37 % 1000, round(i * 7.31 % 100, 2), f"記録{i}の備考です。") for i in range(rows)]
    chart_rows = [CHARTS[0]] + [(f"c{i}", ("bar", "barh", "line")[i % 3], "contributions", "拠出主体",
                                 "拠出額（億元）", f"図{i}（{folder.name}）", "億元") for i in range(charts)]
    content = [HEADER, ("section", "概要"), *[("chart", None, f"c{i}") for i in range(charts)],
               ("table", None, "records", "記録")]
    return make_workbook(folder / "long.xlsx", content=content, charts=chart_rows,
                         tables={"contributions": [("拠出主体", "拠出額（億元）"), ("A社", 27.63), ("B社", 5.93)],
                                 "records": table})


def temporaries(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.name.endswith((".tmp", ".part")))


def session_processes(sid: int) -> list[int]:
    """Live (not zombie) processes of session `sid`, from /proc (no psutil)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            found.append(int(entry))
    return found


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {WAIT:.0f} s for {what}")
        time.sleep(0.05)


def start_build(book: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportgen", "build", str(book), "-o", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def stdout_closes(proc: subprocess.Popen) -> bool:
    """Whether the build's stdout reaches EOF (no child of it keeps the pipe open)."""
    deadline = time.monotonic() + WAIT
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready and not os.read(fd, 65536):
            return True
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=["TERM", "HUP", "KILL"])
@pytest.mark.parametrize("moment", ["charts", "render"])
def test_a_stopped_build_leaves_no_process_and_no_temporary(tmp_path, sig, moment):
    """Stopped while the chart pool draws, or while the PDF and DOCX workers render: every
    child ends with it, its stdout closes, and no temporary survives (after SIGKILL,
    which runs no cleanup, the next build into the folder removes what it left)."""
    book, out = long_book(tmp_path / "in"), tmp_path / "out"
    proc = start_build(book, out)
    marker = ".charts." if moment == "charts" else ".factsheet.pdf."
    wait_for(lambda: any(marker in t for t in temporaries(out)) or proc.poll() is not None, f"a {marker} temporary")
    assert proc.poll() is None, proc.stderr.read().decode()
    if available_cpus() > 1:
        assert len(session_processes(proc.pid)) > 1  # the workers or the chart pool are running
    os.kill(proc.pid, sig)
    assert stdout_closes(proc)
    proc.wait(timeout=WAIT)
    assert proc.returncode == -sig  # ended as the signal ends a process, after cleaning up
    wait_for(lambda: not session_processes(proc.pid), "the build's children to end")
    left = temporaries(out)
    if sig != signal.SIGKILL:
        assert left == []
        assert sorted(p.name for p in out.iterdir()) in ([], [".cache"])  # nothing moved in
    else:
        small = small_book(tmp_path / "small", "小さな版")
        assert run_cli(["build", small, "-o", out, "--only", "xlsx"]).code == 0
        assert [t for t in temporaries(out) if not t.startswith(".cache/")] == []
        cache = out / ".cache" / "charts"
        if cache.exists():  # the chart cache's own leftovers go when it is next used
            remove_stale(cache)
        assert temporaries(out) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_build_whose_whole_group_is_stopped_leaves_nothing(tmp_path):
    """SIGTERM to the process group (a service manager stopping it): the workers die at
    once, the build itself removes its temporaries."""
    book, out = long_book(tmp_path / "in"), tmp_path / "out"
    proc = start_build(book, out)
    wait_for(lambda: any(".factsheet.pdf." in t for t in temporaries(out)) or proc.poll() is not None,
             "the PDF temporary")
    assert proc.poll() is None, proc.stderr.read().decode()
    os.killpg(proc.pid, signal.SIGTERM)
    assert stdout_closes(proc)
    proc.wait(timeout=WAIT)
    wait_for(lambda: not session_processes(proc.pid), "the build's children to end")
    assert temporaries(out) == []


def test_stale_temporaries_of_a_dead_process_are_removed_and_only_those(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone, alive = int(dead.stdout), os.getppid()
    for name in (f".factsheet.pdf.{gone}.abcd1234.tmp", f".factsheet.pdf.{alive}.abcd1234.tmp",
                 "notes.tmp", ".factsheet.abcd12.pdf.tmp", f"{'a' * 64}.svg.{gone}.part", f"notes.{gone}.part"):
        (tmp_path / name).write_text("x")
    (tmp_path / f".charts.{gone}.zz9_zz9z.tmp").mkdir()
    (tmp_path / f".charts.{gone}.zz9_zz9z.tmp" / "a.svg").write_text("x")
    removed = remove_stale(tmp_path)
    assert sorted(p.name for p in removed) == sorted([f".factsheet.pdf.{gone}.abcd1234.tmp", f"{'a' * 64}.svg.{gone}.part",
                                                      f".charts.{gone}.zz9_zz9z.tmp"])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f".factsheet.pdf.{alive}.abcd1234.tmp", "notes.tmp",
                                                                 ".factsheet.abcd12.pdf.tmp", f"notes.{gone}.part"])


# -- outputs as one unit ----------------------------------------------------------------

def small_book(folder: Path, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return make_workbook(folder / "wb.xlsx", meta=[("title", title), *META[1:]],
                         content=[HEADER, ("section", "概要"), ("table", None, "contributions", "拠出主体別")])


def test_a_folder_in_the_way_of_one_output_moves_none(tmp_path):
    out = tmp_path / "out"
    assert run_cli(["build", small_book(tmp_path / "a", "第一版"), "-o", out, "--only", "pdf,xlsx"]).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (out / "factsheet.docx").mkdir()
    result = run_cli(["build", small_book(tmp_path / "b", "第二版"), "-o", out])
    assert result.code == 2
    assert result.errors == [f"error: {(out / 'factsheet.docx').resolve()}: a folder is where this output goes: "
                             "move or rename it; no output was changed"]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert temporaries(out) == []


def test_a_move_that_fails_part_way_puts_back_what_moved(tmp_path, monkeypatch):
    for name in ("a.pdf", "b.docx"):
        (tmp_path / name).write_text(f"old {name}")
    real_replace, failed = os.replace, []

    def failing(src, dst, **kw):  # the new b.docx fails to move in (once: putting the old one back works)
        if Path(dst).name == "b.docx" and not failed:
            failed.append(dst)
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(ReportError, match="b.docx: cannot put the output in place .No space left on device.; "
                                          "the previous outputs were kept"):
        with staged(tmp_path) as stage:
            stage.file(tmp_path / "a.pdf").write_text("new a.pdf")
            stage.file(tmp_path / "b.docx").write_text("new b.docx")
    monkeypatch.undo()
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"a.pdf": "old a.pdf", "b.docx": "old b.docx"}


def test_a_build_waits_for_the_folder_lock_then_says_so(tmp_path, monkeypatch):
    """Another build holding the output folder: this one waits (bounded), then fails
    clearly with nothing moved."""
    import reportgen.output
    from reportgen.output import folder_lock

    monkeypatch.setattr(reportgen.output, "LOCK_WAIT", 0.3)
    (tmp_path / "a.pdf").write_text("old")
    with folder_lock(tmp_path):
        with pytest.raises(ReportError, match=r"another build has held this output folder for more than 0 s; "
                                              r"try again when it has finished"):
            with staged(tmp_path) as stage:
                stage.file(tmp_path / "a.pdf").write_text("new")
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"] and (tmp_path / "a.pdf").read_text() == "old"


BUILDER = """
import sys
from pathlib import Path
from reportgen.pipeline import Build, run
book, out = Path(sys.argv[1]), Path(sys.argv[2])
for line in sys.stdin:
    run(Build(book, out, ("docx", "xlsx"), jobs=1, log=lambda s: None))
    print("done", flush=True)
"""


def identity(path: Path) -> set[str]:
    """Which of the builders' marks (版N) the XML of an output holds."""
    with zipfile.ZipFile(path) as zf:
        text = "".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith(".xml"))
    return {mark for mark in (f"並行版{i}" for i in range(4)) if mark in text}


def test_four_builds_into_one_folder_never_mix_their_outputs(tmp_path):
    """4 processes × 50 rounds, each round started together: after every round, the DOCX
    and the appendix come from one and the same build."""
    out = tmp_path / "out"
    books = [small_book(tmp_path / f"in{i}", f"並行版{i}") for i in range(4)]
    procs = [subprocess.Popen([sys.executable, "-c", BUILDER, str(b), str(out)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for b in books]
    try:
        for _ in range(50):
            for p in procs:
                p.stdin.write("go\n")
                p.stdin.flush()
            for p in procs:
                assert p.stdout.readline() == "done\n"
            docx, xlsx = identity(out / "factsheet.docx"), identity(out / "factsheet-appendix.xlsx")
            assert len(docx) == 1 and docx == xlsx
    finally:
        for p in procs:
            p.stdin.close()
            p.wait(timeout=WAIT)
    assert temporaries(out) == []


# -- links in the output folder ----------------------------------------------------------

def test_links_in_the_output_folder_are_replaced_not_followed(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "old-release.pdf").write_bytes(b"%PDF old release")
    (out / "factsheet.pdf").symlink_to("old-release.pdf")
    (out / "charts").symlink_to(elsewhere)
    (out / ".cache").symlink_to(elsewhere)
    (tmp_path / "in").mkdir()
    book = make_workbook(tmp_path / "in" / "wb.xlsx", content=[HEADER, ("chart", None, "by_entity")])
    result = run_cli(["build", book, "-o", out, "--only", "pdf"])
    assert result.code == 0, result.err
    assert (out / "old-release.pdf").read_bytes() == b"%PDF old release"
    assert not (out / "factsheet.pdf").is_symlink() and (out / "factsheet.pdf").read_bytes().startswith(b"%PDF-")
    assert not (out / "charts").is_symlink() and (out / "charts" / "by_entity.svg").is_file()
    assert not (out / ".cache").is_symlink()
    assert list(elsewhere.iterdir()) == []


# -- batch ----------------------------------------------------------------------------

CRASHER = """
import os
import reportgen.batch as batch

real_run = batch.run

def run(build, workers=None):
    if build.workbook.stem == "crash":
        os._exit(3)  # the worker process dies, as a crash in a native library would end it
    if build.workbook.stem == "bug":
        raise RuntimeError("a bug of ours")
    return real_run(build, workers)

batch.run = run
"""


def test_a_batch_reports_every_workbook_whatever_the_others_do(tmp_path):
    """A worker process that dies, a bug and a bad workbook: each named in its own result,
    the others built, a summary at the end, exit 1 (an internal error)."""
    books = tmp_path / "in"
    books.mkdir()
    for name in ("a", "crash", "b", "bug", "c"):
        make_workbook(books / f"{name}.xlsx", meta=[("title", f"{name}版"), *META[1:]])
    make_workbook(books / "bad.xlsx", content=False)
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "sitecustomize.py").write_text(CRASHER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "hooks"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-m", "reportgen", "batch", str(books), "-o", str(tmp_path / "out"),
                           "-j", "2", "--only", "xlsx"], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 1, proc.stderr
    lines = {line.split()[-3]: line.split()[0] for line in proc.stdout.splitlines() if "->" in line}
    assert {Path(k).stem: v for k, v in lines.items()} == {"a": "ok", "b": "ok", "c": "ok", "bad": "FAILED",
                                                          "bug": "CRASHED", "crash": "CRASHED"}
    assert "internal error: crash.xlsx: the worker process building it ended unexpectedly" in proc.stderr
    assert "internal error: bug.xlsx: RuntimeError: a bug of ours" in proc.stderr
    assert "missing sheet 'content'" in proc.stderr
    summary = proc.stdout[proc.stdout.index("done"):]
    assert "3 ok, 3 failed" in summary and all(name in summary for name in ("bad.xlsx", "bug.xlsx", "crash.xlsx"))
    for name in "abc":
        assert list((tmp_path / "out" / name).glob("*-appendix.xlsx"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_a_stopped_batch_leaves_no_process_and_no_temporary(tmp_path, sig):
    """The batch's workers end with it; on SIGTERM each removes its build's temporaries."""
    books = tmp_path / "in"
    books.mkdir()
    for name in ("one", "two", "three"):
        long_book(tmp_path / name).rename(books / f"{name}.xlsx")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "batch", str(books), "-o", str(out), "-j", "2",
                             "--only", "pdf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    wait_for(lambda: any(".factsheet.pdf." in t for t in temporaries(out)) or proc.poll() is not None,
             "a book's PDF temporary")
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, sig)
    assert stdout_closes(proc)
    proc.wait(timeout=WAIT)
    wait_for(lambda: not session_processes(proc.pid), "the batch's workers to end")
    if sig == signal.SIGTERM:
        assert [t for t in temporaries(out) if not t.startswith(".cache/")] == []
