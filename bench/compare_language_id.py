"""Compares offline language identifiers from PyPI on speed and accuracy, for ingest's language check.

Usage: python bench/compare_language_id.py DATA_DIR [--limit 300]
English: FNC-1 bodies and ECB+ train documents (real news, some of it tables and lists) and a few
English results tables written for this check; other languages: short news paragraphs written for
this check in French, German, Spanish, Italian, Portuguese, Dutch, Russian and Ukrainian.
Each identifier that is installed is timed on the same texts. Ends with one key=value line.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

OTHER = {
    "fr": "Le gouvernement a annoncé mardi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève "
    "dans les transports publics, et le Premier ministre a déclaré qu'il recevrait leurs représentants jeudi.",
    "de": "Die Bundesregierung hat am Dienstag ein neues Gesetz zur Energiewende beschlossen. Die Opposition "
    "kritisierte die Pläne scharf und kündigte an, vor dem Verfassungsgericht zu klagen.",
    "es": "El presidente anunció el martes un nuevo plan de infraestructura. La oposición criticó la propuesta y "
    "pidió que el Congreso la debata antes de fin de mes, según fuentes del partido.",
    "it": "Il governo ha approvato martedì la nuova legge di bilancio. I sindacati hanno annunciato uno sciopero "
    "generale e il ministro dell'economia ha detto che incontrerà le parti sociali giovedì.",
    "pt": "O governo anunciou na terça-feira um novo pacote de medidas económicas. A oposição criticou o plano e "
    "pediu que o parlamento o discuta antes do fim do mês.",
    "nl": "De regering heeft dinsdag een nieuw klimaatplan gepresenteerd. De oppositie noemde het plan onvoldoende "
    "en vroeg de minister om donderdag in de Kamer uitleg te geven.",
    "ru": "Правительство во вторник объявило о новой реформе пенсионной системы. Профсоюзы призвали к забастовке, "
    "а премьер-министр заявил, что встретится с их представителями в четверг.",
    "uk": "Уряд у вівторок оголосив про нову реформу пенсійної системи. Профспілки закликали до страйку, а "
    "прем'єр-міністр заявив, що зустрінеться з їхніми представниками в четвер.",
}
TABLES = [
    "Premier League table after Saturday's games\nTeam P W D L GD Pts\nArsenal 12 9 2 1 +18 29\n"
    "Liverpool 12 8 3 1 +15 27\nManchester City 12 8 2 2 +20 26\nChelsea 12 7 3 2 +10 24",
    "Results: Men's 100m final\n1. Noah Lyles (USA) 9.79\n2. Kishane Thompson (JAM) 9.79\n"
    "3. Fred Kerley (USA) 9.81\n4. Akani Simbine (RSA) 9.82\n5. Marcell Jacobs (ITA) 9.85",
    "Market close: Dow Jones Industrial Average up 0.4% at 38,790; S&P 500 up 0.3% at 5,117; Nasdaq Composite "
    "up 0.5% at 16,103. Crude oil fell 1.2% to $78.10 a barrel. Gold rose 0.6% to $2,160 an ounce.",
]


def english_texts(data_dir: Path, limit: int) -> list[str]:
    texts = list(TABLES)
    bodies = data_dir / "fnc1" / "train_bodies.csv"
    if bodies.exists():
        with bodies.open(encoding="utf-8") as handle:
            texts += [row["articleBody"] for _, row in zip(range(limit), csv.DictReader(handle), strict=False)]
    ecb = data_dir / "ecbplus" / "train.jsonl"
    if ecb.exists():
        texts += [json.loads(line)["text"] for line in ecb.read_text(encoding="utf-8").splitlines()[:limit]]
    return texts


def identifiers() -> dict:
    found = {}
    try:
        import py3langid

        found["py3langid"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        import pycld2

        found["pycld2"] = lambda text: pycld2.detect(text)[2][0][1]
    except ImportError:
        pass
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        found["langdetect"] = detect
    except ImportError:
        pass
    return found


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    data_dir = Path(sys.argv[1])
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 300
    english = english_texts(data_dir, limit)
    line = []
    for name, identify in identifiers().items():
        identify("warm up the model")
        began = time.perf_counter()
        english_right = sum(identify(t[:5000]) == "en" for t in english)
        other_right = sum(identify(t) == lang for lang, t in OTHER.items())
        seconds = time.perf_counter() - began
        per_text = 1000 * seconds / (len(english) + len(OTHER))
        tables = sum(identify(t) == "en" for t in TABLES)
        print(
            f"{name:12} English {english_right}/{len(english)}, tables {tables}/{len(TABLES)}, "
            f"other languages {other_right}/{len(OTHER)}, {per_text:.2f} ms a text"
        )
        line.append(
            f"{name}_english={english_right / len(english):.3f} {name}_other={other_right}/{len(OTHER)} "
            f"{name}_ms={per_text:.2f}"
        )
    print(" ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
