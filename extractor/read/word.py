"""Legacy Word (.doc) and RTF → text, through the optional `[doc]` extra: antiword (Debian
`antiword`) for .doc, measured the most accurate of the fast readers (bench/read_formats.py), with
LibreOffice headless (`soffice`) as the fallback when antiword is missing or refuses a file; striprtf for RTF. Without
them the error says how to install them."""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from vnextract.extractor.errors import DeadlineExceeded, DecodeError, UnsupportedFormat
from vnextract.extractor.read.limits import Budget, ReadLimits

INSTALL_DOC = 'install a .doc reader: apt-get install antiword (or LibreOffice: apt-get install libreoffice-writer-nogui)'
INSTALL_RTF = 'install the RTF reader: pip install "vnextract[doc]"'


def _run(command: list[str], budget: Budget, *, name: str, cwd: str | None = None) -> bytes:
    timeout = budget.remaining()
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise DeadlineExceeded(f"{name}: the time limit was reached while reading the file") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DecodeError(f"{name}: not a readable Word file ({message[-1] if message else 'exit ' + str(done.returncode)})")
    return done.stdout


def _antiword_table_rows(text: str) -> str:
    """antiword draws a table row as '|cell   |cell   |': the cells become tab-separated."""
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            line = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
        lines.append(line)
    return "\n".join(lines)


def _antiword(path: Path, budget: Budget, name: str) -> str | None:
    """antiword's text, or None when it is missing or refuses the file (it refuses very short ones)."""
    if not shutil.which("antiword"):
        return None
    try:
        out = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], budget, name=name)
    except DecodeError:
        if not shutil.which("soffice"):
            raise
        return None
    return _antiword_table_rows(out.decode("utf-8", "replace"))


def _libreoffice(path: Path, budget: Budget, name: str, limits: ReadLimits) -> str:
    """LibreOffice converts the file to DOCX, which read/docx.py reads (tables keep their cells)."""
    from vnextract.extractor.read.docx import docx_text

    work = path.parent
    _run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "docx",
          "--outdir", str(work), str(path)], budget, name=name, cwd=str(work))
    result = path.with_suffix(".docx")
    if not result.exists():
        raise DecodeError(f"{name}: LibreOffice could not read the file")
    return docx_text(result.read_bytes(), name=name, limits=limits, budget=budget)


def doc_text(data: bytes, *, name: str, limits: ReadLimits, budget: Budget) -> str:
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DecodeError(f"{name}: not a Word 97–2003 document (no OLE2 header)")
    if not shutil.which("antiword") and not shutil.which("soffice"):
        raise UnsupportedFormat(f"{name}: reading .doc files needs antiword or LibreOffice: {INSTALL_DOC}")
    with tempfile.TemporaryDirectory(prefix="vnextract-doc-") as work:
        path = Path(work) / "input.doc"
        path.write_bytes(data)
        text = _antiword(path, budget, name)
        if text is None:
            text = _libreoffice(path, budget, name, limits)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def rtf_text(data: bytes, *, name: str, budget: Budget) -> str:
    try:
        from striprtf.striprtf import rtf_to_text
    except ImportError as exc:
        raise UnsupportedFormat(f"{name}: reading RTF needs striprtf: {INSTALL_RTF}") from exc
    if not data.lstrip().startswith(b"{\\rtf"):
        raise DecodeError(f"{name}: not an RTF document (no {{\\rtf header)")
    budget.check("reading the RTF")
    page = re.search(rb"\\ansicpg(\d{3,4})", data[:2048])
    encoding = f"cp{page.group(1).decode()}" if page else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="ignore")
    except (ValueError, IndexError, RecursionError) as exc:
        raise DecodeError(f"{name}: not a readable RTF document ({exc})") from exc
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
