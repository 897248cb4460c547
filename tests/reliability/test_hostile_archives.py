"""Hostile archives, the way real archives go wrong, and what a batch run must do with each: write
every good document once, report every bad member with its archive path, go on, and say so in
its summary and exit code.

Read the table first: each row is an input file, the documents that must come out of it, and the
members that must be reported (with the error code and a word of the message). The tests below it
run the rows one by one, then all together through the CLI; after them come resume, Ctrl-C and a
killed parent.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.archives import (
    jsonl,
    malformed_docx,
    tar_bytes,
    tar_gz_corrupt_in_the_middle,
    tar_gz_with_bomb,
    tar_with_corrupt_header,
    zip_bytes,
    zip_with_corrupt_member,
    zip_with_deflate64_member,
    zip_with_encrypted_member,
)
from tests.helpers.documents import make_docx
from vnextract.extractor.batch import run_batch
from vnextract.extractor.batch.sources import MAX_MEMBER_BYTES

REPO = Path(__file__).resolve().parents[2]
PLACES = ["Hà Nam", "Ninh Bình", "Nam Định", "Thái Bình", "Quảng Ninh", "Hải Dương", "Bắc Ninh", "Hưng Yên",
          "Vĩnh Phúc", "Phú Thọ", "Lào Cai", "Yên Bái"]


def text(n: int) -> str:
    """A short report sentence, different for each n."""
    return (f"Ngày {n % 28 + 1}/3/2024, UBND tỉnh {PLACES[n % len(PLACES)]} tổ chức hội nghị sơ kết; "
            f"tỷ lệ giải ngân đạt {n % 90 + 5},{n % 10}%.")


def members(prefix: str, count: int, start: int = 0) -> list[tuple[str, bytes]]:
    return [(f"{prefix}{n}.txt", text(start + n).encode()) for n in range(count)]


def names(members_: list[tuple[str, bytes]]) -> list[str]:
    return [name for name, _ in members_]


LONG = ("Ông Nguyễn Văn An, Giám đốc Sở Y tế, dự họp lúc %d giờ. " * 300 % tuple(range(300))).encode()
TEN = [(f"m{n}.txt", " ".join(text(100 + n * 300 + k) for k in range(300)).encode()) for n in range(10)]   # 40 KB each

# (input file, its bytes, member paths (line numbers for JSON Lines) that must be written,
#  {member path: (code, word in the error)})
HOSTILE_ARCHIVES = [
    ("corrupt-deflate.zip", zip_with_corrupt_member(members("z", 2), "hong.txt", LONG), ["z0.txt", "z1.txt"],
     {"hong.txt": ("undecodable", "unreadable member")}),
    ("encrypted.zip", zip_with_encrypted_member(members("e", 2, 10), "mat.txt"), ["e0.txt", "e1.txt"],
     {"mat.txt": ("undecodable", "encrypted")}),
    ("deflate64.zip", zip_with_deflate64_member(members("d", 2, 20), "d64.txt"), ["d0.txt", "d1.txt"],
     {"d64.txt": ("unsupported_type", "compression")}),
    ("docx-inside.zip", zip_bytes([("ok.docx", make_docx([text(30)])), ("hong.docx", malformed_docx(text(31))),
                                   ("ok.txt", text(32).encode())]), ["ok.docx", "ok.txt"],
     {"hong.docx": ("undecodable", "XMLSyntaxError")}),
    ("corrupt-middle.tar.gz", tar_gz_corrupt_in_the_middle(TEN), None,
     {"<after": ("undecodable", "corrupt after")}),
    ("corrupt-header.tar", tar_with_corrupt_header(TEN, 5), [n for n in names(TEN) if n != "m5.txt"],
     {"<before m6.txt>": ("undecodable", "1 member(s)")}),
    ("bomb-first.tar.gz", tar_gz_with_bomb(members("b", 2, 40), MAX_MEMBER_BYTES + 1, members("c", 3, 50)),
     ["b0.txt", "b1.txt", "c0.txt", "c1.txt", "c2.txt"], {"bom.txt": ("too_large", "bomb")}),
    ("nested.zip", zip_bytes([("trong.zip", zip_bytes(members("n", 2, 60))),
                              ("trong.tar.gz", tar_bytes(members("t", 2, 70), "w:gz")),
                              ("sau.zip", zip_bytes([("sau-hon.zip", zip_bytes(members("x", 1, 80)))]))]),
     ["trong.zip!n0.txt", "trong.zip!n1.txt", "trong.tar.gz!t0.txt", "trong.tar.gz!t1.txt"],
     {"sau.zip!sau-hon.zip": ("too_large", "nested")}),
    ("lines.jsonl", jsonl({"id": "ok1", "text": text(90)},
                          {"id": "meta-list", "text": text(91), "meta": [1, 2]},
                          {"id": "meta-string", "text": text(92), "meta": "2024-01-01"},
                          {"id": {"nested": 1}, "text": text(93)},
                          b'{"id": "bad-byte", "text": "T\xe1\xbb\x89nh H\xff Nam"}',
                          b"{not json",
                          [text(94)],
                          {"id": "surrogate", "text": "T\ud800nh"},
                          {"id": 7, "text": text(95)},
                          {"id": "ok2", "text": text(96)}),
     ["1", "9", "10"],                                                     # line numbers
     {"2": ("invalid_input", "'meta' must be a mapping"), "3": ("invalid_input", "'meta' must be a mapping"),
      "4": ("invalid_input", "'id' must be"), "5": ("undecodable", "not UTF-8"), "6": ("invalid_input", "bad JSON"),
      "7": ("invalid_input", "an object is needed"), "8": ("invalid_input", "lone surrogate")}),
]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()] if path.exists() else []


def _member_of(source: str, archive: Path) -> str:
    return source[len(str(archive.resolve())) + 1:]


@pytest.mark.parametrize("filename, data, written, reported", HOSTILE_ARCHIVES, ids=[r[0] for r in HOSTILE_ARCHIVES])
def test_hostile_archive(tmp_path, filename, data, written, reported):
    source = tmp_path / filename
    source.write_bytes(data)
    out = tmp_path / "out.jsonl"
    summary = run_batch([source], out, progress=False)
    documents, errors = _lines(out), _lines(tmp_path / "out.jsonl.errors.jsonl")
    got = [_member_of(d["source"], source) for d in documents]
    if written is None:                                        # a stream corrupt mid-way: what came before it
        assert 1 <= len(got) < len(TEN) and got == names(TEN)[:len(got)]
    else:
        assert got == written                                  # each once, in order
    for member, (code, word) in reported.items():
        matching = [e for e in errors if _member_of(e["source"], source).startswith(member)]
        assert matching, f"{member} is not reported: {errors}"
        assert matching[0]["code"] == code and word in matching[0]["error"], matching[0]
    # where a stream is corrupt mid-way, the member being read when it broke may be garbage: reported too
    damaged = [e for e in errors if written is None and _member_of(e["source"], source) in names(TEN)]
    assert summary.ok == len(documents) and summary.failed == len(errors) == len(reported) + len(damaged)
    assert len(damaged) <= 1
    for d in documents:
        for e in d["entities"]:
            assert d["text"][e["start"]:e["end"]] == e["text"]


@pytest.fixture
def every_bad_member(tmp_path: Path) -> Path:
    root = tmp_path / "luu-tru"
    root.mkdir()
    for filename, data, _, _ in HOSTILE_ARCHIVES:
        (root / filename).write_bytes(data)
    (root / "anh.png").write_bytes(b"\x89PNG")                        # not a type that is read: skipped
    return root


def _cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vnextract", "batch", *args, "--quiet"], cwd=kwargs.pop("cwd", REPO),
                          capture_output=True, text=True, timeout=600, **kwargs)


def test_every_bad_member_together_through_the_cli(every_bad_member, tmp_path):
    out = tmp_path / "out.jsonl"
    run = _cli(str(every_bad_member), "--out", str(out), "--workers", "2")
    assert run.returncode == 3, run.stderr                          # some failed
    assert "Traceback" not in run.stderr
    summary = json.loads(run.stderr.strip().splitlines()[-1])
    documents, errors = _lines(out), _lines(tmp_path / "out.jsonl.errors.jsonl")
    expected_written = sum(len(w) for _, _, w, _ in HOSTILE_ARCHIVES if w is not None)
    assert len(documents) - expected_written in range(1, len(TEN))     # plus the start of the corrupt tar.gz
    assert len({d["key"] for d in documents}) == len(documents)         # each once
    assert len(errors) - sum(len(r) for _, _, _, r in HOSTILE_ARCHIVES) in (0, 1)   # the damaged member, if any
    assert summary["written"] == len(documents) and summary["failed"] == len(errors)
    assert summary["read"] == len(documents) + len(errors) and summary["skipped_unsupported"] == 1


@pytest.mark.parametrize("contents, code", [
    ({"hong.zip": b"PK\x03\x04 not really", "rong.txt": b"   "}, 4),     # every document failed
    ({}, 4),                                                              # nothing to read
    ({"a.txt": text(1).encode()}, 0),
])
def test_exit_codes(tmp_path, contents, code):
    root = tmp_path / "in"
    root.mkdir()
    for name, data in contents.items():
        (root / name).write_bytes(data)
    run = _cli(str(root), "--out", str(tmp_path / "out.jsonl"))
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr


def test_an_input_that_does_not_exist_is_a_usage_error(tmp_path):
    run = _cli(str(tmp_path / "khong-co"), "--out", str(tmp_path / "out.jsonl"))
    assert run.returncode == 2 and "no such file" in run.stderr and not (tmp_path / "out.jsonl").exists()


def _many(tmp_path: Path, count: int) -> Path:
    source = tmp_path / "many.jsonl"
    source.write_bytes(jsonl(*({"id": f"n{i}", "text": text(i)} for i in range(count))))
    return source


def test_resume_after_a_cut_inside_a_multibyte_character_is_byte_identical(tmp_path):
    source = _many(tmp_path, 40)
    clean = tmp_path / "clean.jsonl"
    run_batch([source], clean, progress=False)
    data = clean.read_bytes()
    cut = next(i for i in range(len(data) // 2, len(data)) if data[i] & 0xC0 == 0x80)     # inside a character
    out = tmp_path / "out.jsonl"
    out.write_bytes(data[:cut])
    summary = run_batch([source], out, resume=True, progress=False)
    assert out.read_bytes() == data
    assert summary.skipped == data[:cut].count(b"\n") and summary.ok == 40 - summary.skipped


def test_resume_with_the_input_named_relatively_does_not_duplicate(tmp_path):
    source = _many(tmp_path, 30)
    clean, out = tmp_path / "clean.jsonl", tmp_path / "out.jsonl"
    run_batch([source], clean, progress=False)
    out.write_bytes(b"".join(clean.read_bytes().splitlines(keepends=True)[:12]))          # as if stopped at 12
    run = _cli("many.jsonl", "--out", "out.jsonl", "--resume", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == clean.read_bytes()
    assert json.loads(run.stderr.strip().splitlines()[-1])["skipped_by_resume"] == 12


def _start(tmp_path: Path, count: int, engine: str) -> tuple[subprocess.Popen, Path]:
    source = _many(tmp_path, count)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "vnextract", "batch", str(source), "--out", str(out), "--quiet",
                                "--workers", "2", "--chunk-size", "2", "--engine", engine], cwd=REPO,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 4):
        time.sleep(0.05)
    return process, out


def _workers(pid: int) -> list[int]:
    """The children of every thread of `pid` (Dask starts its workers from a thread of its own)."""
    return [int(child) for tasks in Path(f"/proc/{pid}/task").glob("*/children") for child in tasks.read_text().split()]


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.time() + within
    while time.time() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in Path(f"/proc/{p}/status").read_text()]
        if not alive:
            return True
        time.sleep(0.1)
    return False


# Enough documents that a run outlasts a busy machine's delay between the first lines and the signal (4,000 once
# finished first, with two evaluations running beside the tests); an interrupted run stops early whatever the count.
MANY = 20_000


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_ctrl_c_ends_with_the_summary_and_130_and_no_traceback(tmp_path, engine):
    process, out = _start(tmp_path, MANY, engine)
    workers = _workers(process.pid)
    os.killpg(process.pid, signal.SIGINT)                       # as a terminal sends it: to the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    summary = json.loads(stderr.strip().splitlines()[-1])
    assert summary["interrupted"] and 4 <= summary["written"] < MANY
    assert summary["written"] == out.read_bytes().count(b"\n")
    assert _gone(workers, 10)


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_pool_workers_die_with_a_killed_parent(tmp_path, engine):
    process, _ = _start(tmp_path, MANY, engine)
    workers = _workers(process.pid)
    assert len(workers) >= 2, workers
    os.kill(process.pid, signal.SIGKILL)                         # the parent only, not its group
    process.wait()
    assert _gone(workers, 10), "pool workers outlived their parent"


def test_a_ctrl_c_before_a_dask_call_starts_prints_no_traceback(caplog):
    """The race behind a rare traceback at Ctrl-C, made certain: the client's event loop is busy,
    so the interrupted call has not started when `distributed.utils.sync` cancels it, and the
    cancel fails inside tornado. The Dask engine's filter keeps that record from the terminal."""
    import asyncio
    import logging

    from distributed.utils import LoopRunner, sync

    from vnextract.extractor.batch.engines import _SYNC_CANCEL_FILTER

    def interrupted_call(logger_filter) -> list[logging.LogRecord]:
        logger = logging.getLogger("tornado.application")
        installed = _SYNC_CANCEL_FILTER in logger.filters      # an earlier in-process Dask run added it
        logger.removeFilter(_SYNC_CANCEL_FILTER)
        if logger_filter is not None:
            logger.addFilter(logger_filter)
        runner = LoopRunner(asynchronous=False)
        runner.start()
        previous = signal.signal(signal.SIGALRM, signal.default_int_handler)   # the alarm acts as Ctrl-C
        caplog.clear()
        try:
            runner.loop.add_callback(time.sleep, 0.6)                         # the loop is busy
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            with pytest.raises(KeyboardInterrupt):
                sync(runner.loop, asyncio.sleep, 5)
            time.sleep(1.0)                                                   # the loop runs the cancel
            return [r for r in caplog.records if r.name == "tornado.application"]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            runner.stop()
            logger.removeFilter(_SYNC_CANCEL_FILTER)
            if installed:
                logger.addFilter(_SYNC_CANCEL_FILTER)

    if not interrupted_call(None):
        pytest.skip("this distributed cancels an unstarted call cleanly: the filter is no longer needed")
    assert interrupted_call(_SYNC_CANCEL_FILTER) == []
