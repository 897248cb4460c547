"""Hostile and broken files (tests/helpers/hostile.py): what reading each one does, how long it takes
and the peak memory of a fresh process that reads it, and the status and time of each through
/v1/extract/file (TestClient, timeout 20 s, upload limit 6 MB).

    python -m bench.hostile_files [--out bench/results/hostile_files.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {"malformed.docx": "malformed_docx", "xxe.docx": "external_entity_docx", "zeros-1GB.docx": "zeros_docx",
         "deep-page-tree.pdf": "deep_page_tree_pdf", "flate-bomb-1GB.pdf": "flate_bomb_pdf",
         "nested-100k.html": "nested_html", "one-line-5MB.txt": "one_line_text", "no-space-5MB.txt": "no_space_line",
         "nul-words-5MB.txt": "nul_separated_words"}

_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from tests.helpers import hostile
from vnextract.extractor.read import read_bytes
data = getattr(hostile, {maker!r})()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    raw = read_bytes(data, name={name!r})
    outcome = f"read: {{len(raw.text):,}} characters"
except Exception as exc:
    outcome = f"{{type(exc).__name__}}: {{str(exc)[:120]}}"
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"bytes": len(data), "outcome": outcome, "seconds": round(seconds, 3),
                  "peak_rss_mb": round(peak / 1024, 1), "growth_mb": round((peak - before) / 1024, 1)}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "hostile_files.json"))
    args = parser.parse_args()
    results: dict = {}
    for name, maker in CASES.items():
        code = _CHILD.format(root=str(ROOT), maker=maker, name=name)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        results[name] = {"read": json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else done.stderr[-300:]}
        print(name, results[name], flush=True)

    sys.path.insert(0, str(ROOT))
    from fastapi.testclient import TestClient

    from tests.helpers import hostile
    from vnextract.api.main import create_app
    from vnextract.api.settings import Settings

    with TestClient(create_app(Settings(api_keys=[], max_bytes=6 * 1024 * 1024, timeout_seconds=20))) as client:
        for name, maker in CASES.items():
            data = getattr(hostile, maker)()
            started = time.perf_counter()
            response = client.post("/v1/extract/file", files={"file": (name, data)})
            error = response.json().get("error") if response.status_code != 200 else None
            results[name]["service"] = {"status": response.status_code, "code": (error or {}).get("code"),
                                        "seconds": round(time.perf_counter() - started, 2)}
            print(name, results[name]["service"], flush=True)
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
