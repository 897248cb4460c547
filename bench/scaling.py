"""How the cost of one document grows with its length: 10 KB, 100 KB and 1 MB of real articles
joined, and of dense annex-like lists generated here (the shape of a commendation decision's annex:
names with titles and units, provinces with percentages, awards with recipients, decision numbers
and dates). The cost per character should stay flat: `ratio_1mb_vs_10kb` is the per-character time
at 1 MB over the one at 10 KB (the target is ≤ 1.2).

    python -m bench.scaling [--corpus ../shared/corpus/bench/baomoi-5k.jsonl.gz] [--out bench/results/scaling.json]
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import emit

SIZES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000}
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench" / "baomoi-5k.jsonl.gz"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Xuân", "Hữu", "Ngọc", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong",
         "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh"]
TITLES = ["Giám đốc Sở Nội vụ", "Phó Chủ tịch UBND tỉnh", "Trưởng phòng Tổ chức cán bộ", "Chánh Văn phòng",
          "Phó Giám đốc Sở Tài chính", "Chủ tịch UBND huyện", "Bí thư Đảng ủy xã", "Hiệu trưởng Trường THPT Chu Văn An"]
PROVINCES = ["Hà Nam", "Nam Định", "Ninh Bình", "Thái Bình", "Bắc Ninh", "Quảng Ninh", "Vĩnh Phúc", "Phú Thọ",
             "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Đắk Lắk", "Gia Lai", "Cần Thơ", "Đồng Nai"]
SUBJECTS = ["tỷ lệ hộ nghèo", "tỷ lệ xã đạt chuẩn nông thôn mới", "tỷ lệ hồ sơ giải quyết đúng hạn",
            "tỷ lệ người dân tham gia bảo hiểm y tế", "tỷ lệ trường đạt chuẩn quốc gia"]
AWARDS = ["Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động hạng Ba", "Cờ thi đua của Chính phủ",
          "Bằng khen của Chủ tịch UBND tỉnh", "Huân chương Lao động hạng Nhì", "danh hiệu Chiến sĩ thi đua cấp tỉnh"]
UNITS = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "Bệnh viện Đa khoa tỉnh", "UBND huyện Kim Bảng",
         "Trường THCS Lê Quý Đôn", "Hội Nông dân tỉnh", "Ban Quản lý các khu công nghiệp"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _officials(rng: random.Random, n: int) -> str:
    return f"{n}. Ông {_name(rng)}, {rng.choice(TITLES)} tỉnh {rng.choice(PROVINCES)};"


def _percentages(rng: random.Random, n: int) -> str:
    value = f"{rng.randint(40, 99)},{rng.randint(0, 9)}%"
    return f"{n}. Tỉnh {rng.choice(PROVINCES)}: {rng.choice(SUBJECTS)} đạt {value}, tăng {rng.randint(1, 9)},5% so với năm trước."


def _awards(rng: random.Random, n: int) -> str:
    return f"{n}. Tặng {rng.choice(AWARDS)} cho {rng.choice(UNITS)} tỉnh {rng.choice(PROVINCES)} và ông {_name(rng)};"


def _decisions(rng: random.Random, n: int) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
    return (f"{n}. Quyết định số {rng.randint(1, 3999)}/QĐ-UBND ngày {day}/{month}/{year} về việc khen thưởng; "
            f"Nghị định {rng.randint(10, 150)}/{year}/NĐ-CP ngày {day} tháng {month} năm {year}.")


GENERATORS: dict[str, Callable[[random.Random, int], str]] = {
    "officials": _officials, "percentages": _percentages, "awards": _awards, "decisions": _decisions}


def generated(kind: str, size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines, total, n = [], 0, 1
    while total < size:
        line = GENERATORS[kind](rng, n)
        lines.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(lines)[:size].rsplit("\n", 1)[0]


def joined_articles(corpus: Path, size: int) -> str:
    parts, total = [], 0
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size].rsplit("\n", 1)[0]


def _seconds(extractor, text: str, repeats: int) -> float:
    """The best of `repeats` runs (a short document is run several times, a long one once)."""
    from vnextract.extractor.types import RawDocument

    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        extractor.profile(RawDocument(text=text))
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "scaling.json")
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated among " + ", ".join(SIZES))
    args = parser.parse_args(argv)

    from vnextract.extractor import Extractor

    extractor = Extractor()
    extractor.warm_up()
    texts: dict[str, Callable[[int], str]] = {kind: (lambda size, k=kind: generated(k, size)) for kind in GENERATORS}
    if args.corpus.exists():
        texts = {"articles": lambda size: joined_articles(args.corpus, size), **texts}
    else:
        print(f"{args.corpus} not found: real articles skipped", file=sys.stderr)
    sizes = {name: SIZES[name] for name in args.sizes.split(",")}
    result: dict[str, dict] = {}
    for kind, make in texts.items():
        rows = {}
        for name, size in sizes.items():
            text = make(size)
            seconds = _seconds(extractor, text, repeats=max(1, 30 * 10_000 // size))
            rows[name] = {"chars": len(text), "seconds": round(seconds, 3),
                          "us_per_char": round(1e6 * seconds / len(text), 3)}
            print(f"{kind:12} {name:6} {len(text):>9,} chars {seconds:8.3f} s {rows[name]['us_per_char']:7.3f} µs/char",
                  file=sys.stderr, flush=True)
        if "10KB" in rows and "1MB" in rows:
            rows["ratio_1mb_vs_10kb"] = round(rows["1MB"]["us_per_char"] / rows["10KB"]["us_per_char"], 2)
        result[kind] = rows
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
