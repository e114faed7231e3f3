"""Measures ingest's article check (``ingest.shape.not_an_article``) on real news and on files that are not news.

Usage: python bench/eval_article_check.py DATA_DIR [--list]
DATA_DIR is ../shared/eval; skipped when it has no FNC-1 training bodies. Real news: the 1,683 FNC-1
training bodies (``fnc1/train_bodies.csv``; never a test split), each given to the same function
``ingest.extract.check_text`` calls; the target (issue 39) is 99.5 % accepted. Not news: a fixed list
of files found on a Debian machine with Python (configuration files, logs, tables, CSVs, JSON, XML,
YAML, sources in Python, shell, Perl, C and JavaScript), each read the way ``newsroom ingest PATH``
reads it (``ingest.load_source``); the target is none stored. Missing files are skipped and counted.
The thresholds in ``ingest/shape.py`` were chosen on these two sets and on nothing else.
--list prints each file with what it looks like. Ends with one key=value line.
"""

from __future__ import annotations

import csv
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # before bench/, whose ingest.py would shadow the package

from ingest import FetchPolicy, IngestError, load_source, load_text  # noqa: E402
from ingest.extract import decode  # noqa: E402
from ingest.shape import not_an_article  # noqa: E402

NEWS_TARGET = 0.995  # share of FNC-1 training bodies accepted
FILES_TARGET = 40  # files of this machine measured, at least; none of them may be stored

SYSTEM_FILES = """
/etc/passwd /etc/group /etc/hosts /etc/fstab /etc/os-release /etc/services /etc/protocols /etc/mime.types
/etc/login.defs /etc/adduser.conf /etc/deluser.conf /etc/nsswitch.conf /etc/sysctl.conf /etc/bash.bashrc
/etc/profile /etc/inputrc /etc/gai.conf /etc/locale.alias /etc/mke2fs.conf /etc/debconf.conf
/etc/ca-certificates.conf /etc/ethertypes /etc/networks /etc/shells /etc/ssl/openssl.cnf
/etc/security/limits.conf /etc/systemd/journald.conf /etc/systemd/system.conf /etc/logrotate.d/dpkg
/etc/apt/sources.list.d/debian.sources /etc/e2scrub.conf /etc/manpath.config /etc/pam.conf /etc/wgetrc
/etc/sensors3.conf /etc/xattr.conf /etc/gitconfig /etc/init.d/dbus /etc/init.d/hwclock.sh /etc/init.d/procps
/etc/fonts/fonts.conf /etc/postgresql/15/main/pg_hba.conf /etc/postgresql/15/main/postgresql.conf
/etc/java-17-openjdk/security/java.security /etc/maven/settings.xml /etc/ssh/ssh_config /etc/vim/vimrc
/etc/rpc /etc/bindresvport.blacklist /etc/ucf.conf /usr/lib/os-release
/var/log/dpkg.log /var/log/alternatives.log /var/log/apt/history.log /var/log/apt/term.log /var/log/fontconfig.log
/usr/share/distro-info/ubuntu.csv /usr/share/distro-info/debian.csv /usr/share/zoneinfo/tzdata.zi
/usr/share/zoneinfo/zone1970.tab /usr/share/zoneinfo/iso3166.tab /usr/share/base-passwd/passwd.master
/usr/share/base-passwd/group.master /usr/share/iso-codes/json/iso_3166-1.json /usr/share/iso-codes/json/iso_4217.json
/usr/share/i18n/SUPPORTED /usr/share/X11/rgb.txt /usr/share/applications/vim.desktop /usr/share/debconf/confmodule
/usr/share/perl5/Debconf/Log.pm /usr/share/perl5/Debconf/Config.pm /usr/include/stdio.h
/usr/share/bash-completion/completions/git /usr/share/vim/vim90/syntax/python.vim
/usr/share/cmake-3.25/Modules/FindPython.cmake /usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt
/usr/share/gcc/python/libstdcxx/v6/printers.py /usr/share/git-core/templates/hooks/pre-commit.sample
/usr/share/gitweb/static/gitweb.js
""".split()
#: Under the running Python's standard library.
STDLIB_FILES = """
json/__init__.py os.py argparse.py csv.py textwrap.py logging/__init__.py email/utils.py http/client.py
""".split()
#: Under the running Python's site-packages (the project's own dependencies).
SITE_FILES = """
sqlite_utils/db.py matplotlib/mpl-data/sample_data/msft.csv matplotlib/mpl-data/sample_data/Stocks.csv
numpy/random/tests/data/mt19937-testset-1.csv spacy/default_config.cfg trafilatura/settings.cfg
markdown_it/port.yaml spacy/tests/registry_contents.json matplotlib/backends/web_backend/js/mpl.js
matplotlib/backends/web_backend/css/mpl.css datasette/static/sql-formatter-2.3.3.min.js certifi/cacert.pem
datasette/templates/base.html
""".split()


def machine_files() -> list[Path]:
    """Every file of the fixed list, found here or not."""
    stdlib, site = Path(sysconfig.get_paths()["stdlib"]), Path(sysconfig.get_paths()["purelib"])
    return [Path(p) for p in SYSTEM_FILES] + [stdlib / p for p in STDLIB_FILES] + [site / p for p in SITE_FILES]


def read_bodies(data_dir: Path) -> list[str] | None:
    path = data_dir / "fnc1" / "train_bodies.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return [row["articleBody"] for row in csv.DictReader(handle)]


def judge_file(path: Path, policy: FetchPolicy) -> tuple[str | None, str | None]:
    """What the shape check says of the file's text, and why ingest refuses it (None: stored)."""
    try:
        shape = not_an_article(decode(path.read_bytes()))
    except IngestError:  # a binary or undecodable file: not the shape check's to judge
        shape = "not text"
    try:
        load_source(str(path), policy)
    except IngestError as refused:
        return shape, str(refused)
    return shape, None


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    data_dir = Path(args[0])
    bodies = read_bodies(data_dir)
    if bodies is None:
        print(f"skipped: {data_dir / 'fnc1' / 'train_bodies.csv'} not found")
        return 0
    policy = FetchPolicy()

    refused = [(i, what) for i, body in enumerate(bodies) if (what := not_an_article(body))]
    accepted = len(bodies) - len(refused)
    rate = accepted / len(bodies)
    whole = 0
    for body in bodies:
        try:
            load_text(body, policy)
            whole += 1
        except IngestError:
            pass
    print(
        f"FNC-1 training bodies read as articles: {accepted} of {len(bodies)} ({100 * rate:.2f} %; "
        f"target {100 * NEWS_TARGET:.1f} %, ratio {rate / NEWS_TARGET:.3f})"
    )
    for i, what in refused:
        print(f"  refused body #{i}: looks like {what}: {bodies[i][:70]!r}")
    print(f"  through the whole pasted-text check (length, language, shape): {whole} of {len(bodies)}")

    tried = machine_files()
    found = [p for p in tried if p.is_file()]
    judged = [(p, *judge_file(p, policy)) for p in found]
    shape_accepted = [p for p, shape, _ in judged if shape is None]
    stored = [p for p, _, refusal in judged if refusal is None]
    print(
        f"Files of this machine that are not news: {len(tried)} tried, {len(found)} found "
        f"(target {FILES_TARGET} or more, ratio {len(found) / FILES_TARGET:.2f}); "
        f"{len(shape_accepted)} read as articles, {len(stored)} would be stored (target 0)"
    )
    for path, shape, refusal in judged:
        if "--list" in sys.argv or refusal is None or shape is None:
            print(f"  {path}: {refusal or 'STORED'} (shape: {shape or 'prose'})")
    by_check = sum(1 for _, shape, refusal in judged if refusal and refusal.startswith("This looks like"))
    print(
        f"  refused by the shape check itself: {by_check}; by the other checks (length, language, binary): "
        f"{len(found) - len(stored) - by_check}"
    )
    print(
        f"fnc1_accepted={accepted} fnc1_bodies={len(bodies)} fnc1_rate={rate:.4f} fnc1_target={NEWS_TARGET} "
        f"fnc1_whole_check={whole} files_tried={len(tried)} files_found={len(found)} "
        f"files_read_as_articles={len(shape_accepted)} files_stored={len(stored)} files_target=0"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
