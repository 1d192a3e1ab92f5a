"""`reportgen watch` as a user runs it: a build at start, a rebuild after each save, a
broken save reported located while the last good output stays, Ctrl-C ends it cleanly."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

from readback import pdf_text
from wbfactory import META, make_workbook

TIMEOUT = 60


def _save(path, **parts) -> None:
    """Save as Excel does: a whole new file renamed over the old one."""
    tmp = path.with_name("~tmp.xlsx")
    make_workbook(tmp, **parts)
    os.replace(tmp, path)


class Watcher:
    """`reportgen watch` in a child process, its merged output read line by line."""

    def __init__(self, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "reportgen", "watch", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, start: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r} within {TIMEOUT} s; seen: {self.seen}")


def test_watch_rebuilds_on_save_and_keeps_the_last_good_output(tmp_path):
    book, out = tmp_path / "book.xlsx", tmp_path / "out"
    make_workbook(book)
    watcher = Watcher(str(book), "-o", str(out), "--only", "pdf")
    try:
        watcher.wait_for("built")
        pdf = out / "factsheet.pdf"
        assert "テスト用ファクトシート" in pdf_text(pdf)

        _save(book, meta=[("title", "第二版のファクトシート"), *META[1:]])
        watcher.wait_for("built")
        assert "第二版のファクトシート" in pdf_text(pdf)

        _save(book, content=[("type", "text"), ("paragraph", "合計 {nope} を拠出した。")])
        watcher.wait_for("1 problem(s) found")
        assert "error: content!B2: {nope} names no row of 'values' and no defined name" in watcher.seen
        assert "第二版のファクトシート" in pdf_text(pdf)  # the last good build stays
        assert sorted(p.name for p in out.iterdir()) == ["factsheet.pdf"]  # no temporaries

        _save(book)
        watcher.wait_for("built")
        assert "テスト用ファクトシート" in pdf_text(pdf)
    finally:
        watcher.proc.send_signal(signal.SIGINT)
        rc = watcher.proc.wait(timeout=TIMEOUT)
    watcher.wait_for("stopped")
    assert rc == 0
    assert not any("Traceback" in line for line in watcher.seen)
