#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates the bundled Patchwise demo fleet ("Acme Shop") in resources/demo/data/.

What it writes (all synthetic, but shaped exactly like the real tools' output):
  scans/*.json.gz          Trivy `image -f json --list-all-pkgs` reports (SchemaVersion 2) of
                           six base images and 35 application images, some scanned 2-3 times
                           between August and November 2026
  inventory/pods.json      `kubectl get pods -A -o json`
  inventory/services.json  `kubectl get svc -A -o json`
  inventory/ingresses.json `kubectl get ingress -A -o json`
  inventory/docker-ops-01.json   `docker inspect` of the containers on the docker host
  feeds/known_exploited_vulnerabilities.json   CISA KEV excerpt
  feeds/epss_scores-2026-11-27.csv.gz          FIRST EPSS excerpt (every CVE of the fleet)

Rerun from the repository root (deterministic: fixed seed, fixed dates, no network, stdlib
only; it deletes and recreates resources/demo/data/):

    python3 resources/demo/generate.py

The fleet is pinned to the analysis date AS_OF below; health grades, SLA and exposure days
depend on "now", so run `patchwise-cli ... --now 2026-11-28T00:00:00Z` to see the numbers
the demo was tuned for. `--as-of` is not offered on purpose: the dates of the CVEs (several
published weeks before AS_OF) are part of the story.
"""

import copy
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import shutil
import sys

SEED = 20261128
AS_OF = "2026-11-28"
REGISTRY = "registry.acme-shop.io"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------

def digest(*parts):
    """A deterministic sha256:... from the given text parts."""
    return "sha256:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def hexid(n, *parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:n]


def hnum(*parts):
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest()[:12], 16)


def day(s):
    return dt.date.fromisoformat(s)


def at(date, seconds=0):
    """A UTC datetime on `date` (YYYY-MM-DD) plus `seconds`."""
    return dt.datetime.combine(day(date), dt.time(0, 0), tzinfo=dt.timezone.utc) + \
        dt.timedelta(seconds=seconds)


def zulu(t, frac=False):
    if frac:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%09d" % (hnum(t.isoformat()) % 10**9) + "Z"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def nvd_time(date, salt):
    h = hnum(date, salt)
    return "%sT%02d:%02d:%02d.%03dZ" % (date, 10 + h % 12, h // 7 % 60, h // 13 % 60, h % 1000)


def local_created_at(t):
    """Trivy's CreatedAt: local time (Europe/Berlin) with nanoseconds and offset."""
    offset = 1 if t.date() >= day("2026-10-25") else 2
    lt = t.astimezone(dt.timezone(dt.timedelta(hours=offset)))
    return lt.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d" % (hnum(t.isoformat(), "ns") % 10**6) + \
        "+%02d:00" % offset


def add_days(date, n):
    return (day(date) + dt.timedelta(days=n)).isoformat()


# ----------------------------------------------------------------------------------------
# CVSS v3.1 base score (FIRST specification), so every vector and score agree
# ----------------------------------------------------------------------------------------

_W = {
    "AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
    "AC": {"L": 0.77, "H": 0.44},
    "UI": {"N": 0.85, "R": 0.62},
    "CIA": {"H": 0.56, "L": 0.22, "N": 0.0},
}


def _roundup(x):
    i = int(round(x * 100000))
    return i / 100000.0 if i % 10000 == 0 else (math.floor(i / 10000) + 1) / 10.0


def cvss31(short):
    """'N/L/N/N/U/H/H/H' (AV/AC/PR/UI/S/C/I/A) -> (vector, score)."""
    av, ac, pr, ui, s, c, i, a = short.split("/")
    changed = s == "C"
    prw = {"N": 0.85, "L": 0.68 if changed else 0.62, "H": 0.5 if changed else 0.27}[pr]
    iss = 1 - (1 - _W["CIA"][c]) * (1 - _W["CIA"][i]) * (1 - _W["CIA"][a])
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    expl = 8.22 * _W["AV"][av] * _W["AC"][ac] * prw * _W["UI"][ui]
    if impact <= 0:
        score = 0.0
    elif changed:
        score = _roundup(min(1.08 * (impact + expl), 10))
    else:
        score = _roundup(min(impact + expl, 10))
    vector = "CVSS:3.1/AV:%s/AC:%s/PR:%s/UI:%s/S:%s/C:%s/I:%s/A:%s" % (av, ac, pr, ui, s, c, i, a)
    return vector, score


V2_SCORES = {  # the few v2-only NVD records in the catalog (scores checked with patchwise-cli)
    "AV:N/AC:L/Au:N/C:C/I:C/A:C": 10.0,
    "AV:L/AC:L/Au:N/C:C/I:N/A:N": 4.9,
    "AV:N/AC:L/Au:N/C:N/I:N/A:P": 5.0,
}


def band(score):
    return 4 if score >= 9.0 else 3 if score >= 7.0 else 2 if score >= 4.0 else 1 if score > 0 else 0


SEV_WORD = {0: "UNKNOWN", 1: "LOW", 2: "MEDIUM", 3: "HIGH", 4: "CRITICAL"}


# ----------------------------------------------------------------------------------------
# The vulnerability registry: one record per id, shared by every image that has it
# ----------------------------------------------------------------------------------------

VULNS = {}
_VENDOR_KEYS = {"d": "debian", "u": "ubuntu", "r": "redhat", "g": "ghsa", "a": "amazon"}


def parse_sevs(text):
    out = {}
    for tok in (text or "").split():
        out[_VENDOR_KEYS[tok[0]]] = int(tok[1:])
    return out


def vuln(vid, pub, vec, sevs, title, rv=None, gv=None, desc=None, cwe=None):
    """Registers (or completes) a vulnerability.

    vec: 'AV/AC/PR/UI/S/C/I/A' short v3.1 vector for NVD, 'v2:...' for a v2-only NVD record,
    or None when NVD has not analysed it yet. rv / gv: Red Hat's / GHSA's own v3.1 vector.
    """
    v = VULNS.get(vid)
    if v is None:
        v = VULNS[vid] = {"id": vid, "pub": pub, "vec": vec, "sev": {}, "title": title,
                          "rv": rv, "gv": gv, "desc": desc, "cwe": cwe}
    v["sev"].update(parse_sevs(sevs))
    if rv and not v["rv"]:
        v["rv"] = rv
    if gv and not v["gv"]:
        v["gv"] = gv
    return v


# ----------------------------------------------------------------------------------------
# Debian 12 (bookworm): source packages, their binaries and version history
# ----------------------------------------------------------------------------------------

DEB_SRC = {
    "glibc": (["libc-bin", "libc6"], [
        ("2023-06-10", "2.36-9+deb12u1"), ("2023-10-03", "2.36-9+deb12u3"),
        ("2024-01-31", "2.36-9+deb12u4"), ("2024-05-06", "2.36-9+deb12u7"),
        ("2025-05-20", "2.36-9+deb12u10"), ("2026-01-10", "2.36-9+deb12u13"),
        ("2026-10-02", "2.36-9+deb12u14"), ("2026-11-20", "2.36-9+deb12u15")]),
    "systemd": (["libsystemd0", "libudev1"], [
        ("2023-07-01", "252.12-1~deb12u1"), ("2024-03-17", "252.22-1~deb12u1"),
        ("2025-07-20", "252.38-1~deb12u1"), ("2026-09-06", "252.39-1~deb12u1")]),
    "util-linux": (["bsdutils", "libblkid1", "libmount1", "libsmartcols1", "libuuid1",
                    "mount", "util-linux"], [
        ("2023-05-01", "2.38.1-5+b1"), ("2024-05-10", "2.38.1-5+deb12u1"),
        ("2025-03-15", "2.38.1-5+deb12u3")]),
    "perl": (["perl-base"], [
        ("2023-04-01", "5.36.0-7"), ("2023-11-30", "5.36.0-7+deb12u1"),
        ("2025-04-25", "5.36.0-7+deb12u2"), ("2025-08-10", "5.36.0-7+deb12u3")]),
    "tar": (["tar"], [("2023-01-01", "1.34+dfsg-1.2"), ("2024-05-01", "1.34+dfsg-1.2+deb12u1")]),
    "coreutils": (["coreutils"], [("2023-01-01", "9.1-1")]),
    "ncurses": (["libtinfo6", "ncurses-base", "ncurses-bin", "libncursesw6"], [
        ("2023-01-01", "6.4-4")]),
    "shadow": (["login", "passwd"], [
        ("2023-01-01", "1:4.13+dfsg1-1"), ("2024-10-05", "1:4.13+dfsg1-1+deb12u1")]),
    "pam": (["libpam-modules", "libpam-modules-bin", "libpam-runtime", "libpam0g"], [
        ("2023-01-01", "1.5.2-6"), ("2024-02-10", "1.5.2-6+deb12u1"),
        ("2026-08-30", "1.5.2-6+deb12u2")]),
    "gnutls28": (["libgnutls30"], [
        ("2023-01-01", "3.7.9-2"), ("2024-01-20", "3.7.9-2+deb12u1"),
        ("2024-04-10", "3.7.9-2+deb12u3"), ("2025-02-12", "3.7.9-2+deb12u4"),
        ("2025-07-20", "3.7.9-2+deb12u5"), ("2026-11-08", "3.7.9-2+deb12u6")]),
    "libgcrypt20": (["libgcrypt20"], [("2023-01-01", "1.10.1-3")]),
    "gnupg2": (["gpgv"], [("2023-01-01", "2.2.40-1.1"), ("2025-04-01", "2.2.40-1.1+deb12u1")]),
    "apt": (["apt", "libapt-pkg6.0"], [("2023-01-01", "2.6.1")]),
    "zlib": (["zlib1g"], [("2023-01-01", "1:1.2.13.dfsg-1")]),
    "bash": (["bash"], [("2023-01-01", "5.2.15-2+b2"), ("2025-01-10", "5.2.15-2+b7")]),
    "dpkg": (["dpkg"], [("2023-01-01", "1.21.22"), ("2025-08-01", "1.21.23")]),
    "libcap2": (["libcap2"], [("2023-01-01", "1:2.66-4"), ("2025-04-20", "1:2.66-4+deb12u1")]),
    "libzstd": (["libzstd1"], [("2023-01-01", "1.5.4+dfsg2-5")]),
    "xz-utils": (["liblzma5", "xz-utils"], [("2023-01-01", "5.4.1-0.2"), ("2025-04-10", "5.4.1-1")]),
    "sysvinit": (["sysvinit-utils"], [("2023-01-01", "3.06-4")]),
    "openssl": (["libssl3", "openssl"], [
        ("2023-06-01", "3.0.9-1"), ("2023-09-25", "3.0.11-1~deb12u1"),
        ("2024-02-08", "3.0.11-1~deb12u2"), ("2024-07-09", "3.0.13-1~deb12u1"),
        ("2024-11-15", "3.0.15-1~deb12u1"), ("2025-05-10", "3.0.16-1~deb12u1"),
        ("2025-10-08", "3.0.17-1~deb12u3"), ("2026-08-20", "3.0.18-1~deb12u1"),
        ("2026-11-14", "3.0.18-1~deb12u2")]),
    "sqlite3": (["libsqlite3-0"], [
        ("2023-01-01", "3.40.1-2"), ("2025-05-02", "3.40.1-2+deb12u1"),
        ("2026-08-02", "3.40.1-2+deb12u2")]),
    "expat": (["libexpat1"], [
        ("2023-01-01", "2.5.0-1"), ("2024-09-10", "2.5.0-1+deb12u1"),
        ("2026-03-05", "2.5.0-1+deb12u2")]),
    "curl": (["curl", "libcurl4"], [
        ("2023-05-25", "7.88.1-10"), ("2023-10-11", "7.88.1-10+deb12u4"),
        ("2023-12-20", "7.88.1-10+deb12u5"), ("2024-07-31", "7.88.1-10+deb12u7"),
        ("2024-12-02", "7.88.1-10+deb12u8"), ("2025-06-20", "7.88.1-10+deb12u12"),
        ("2025-10-15", "7.88.1-10+deb12u14"), ("2026-09-10", "7.88.1-10+deb12u15")]),
    "nghttp2": (["libnghttp2-14"], [
        ("2023-01-01", "1.52.0-1"), ("2023-10-12", "1.52.0-1+deb12u1"),
        ("2024-04-20", "1.52.0-1+deb12u2")]),
    "openssh": (["openssh-client"], [
        ("2023-05-01", "1:9.2p1-2"), ("2024-01-02", "1:9.2p1-2+deb12u2"),
        ("2024-07-01", "1:9.2p1-2+deb12u3"), ("2025-02-18", "1:9.2p1-2+deb12u5"),
        ("2025-04-20", "1:9.2p1-2+deb12u6"), ("2026-10-20", "1:9.2p1-2+deb12u7")]),
    "git": (["git", "git-man"], [
        ("2023-01-01", "1:2.39.2-1.1"), ("2024-06-10", "1:2.39.5-0+deb12u1"),
        ("2025-07-15", "1:2.39.5-0+deb12u2"), ("2026-10-28", "1:2.39.5-0+deb12u3")]),
    "krb5": (["libgssapi-krb5-2", "libk5crypto3", "libkrb5-3", "libkrb5support0"], [
        ("2023-08-01", "1.20.1-2+deb12u1"), ("2024-07-10", "1.20.1-2+deb12u2"),
        ("2025-05-10", "1.20.1-2+deb12u3"), ("2026-09-30", "1.20.1-2+deb12u4")]),
    "openldap": (["libldap-2.5-0"], [("2023-01-01", "2.5.13+dfsg-5")]),
    "libssh2": (["libssh2-1"], [("2023-01-01", "1.10.0-3+b1")]),
    "brotli": (["libbrotli1"], [("2023-01-01", "1.0.9-2+b6")]),
    "postgresql-15": (["libpq5"], [
        ("2023-05-15", "15.3-0+deb12u1"), ("2024-02-12", "15.6-0+deb12u1"),
        ("2024-11-21", "15.10-0+deb12u1"), ("2025-02-20", "15.12-0+deb12u1"),
        ("2025-08-20", "15.14-0+deb12u1"), ("2026-08-25", "15.16-0+deb12u1")]),
    "libxml2": (["libxml2"], [
        ("2023-01-01", "2.9.14+dfsg-1.3~deb12u1"), ("2025-03-01", "2.9.14+dfsg-1.3~deb12u2"),
        ("2025-07-01", "2.9.14+dfsg-1.3~deb12u3")]),
    "libwebp": (["libwebp7"], [("2023-01-01", "1.2.4-0.2"), ("2023-09-13", "1.2.4-0.2+deb12u1")]),
    "tiff": (["libtiff6"], [
        ("2023-01-01", "4.5.0-6"), ("2023-10-20", "4.5.0-6+deb12u1"),
        ("2024-12-10", "4.5.0-6+deb12u2"), ("2025-08-10", "4.5.0-6+deb12u3")]),
    "freetype": (["libfreetype6"], [
        ("2023-01-01", "2.12.1+dfsg-5"), ("2024-06-10", "2.12.1+dfsg-5+deb12u3"),
        ("2025-03-18", "2.12.1+dfsg-5+deb12u4")]),
    "libpng1.6": (["libpng16-16"], [("2023-01-01", "1.6.39-2")]),
    "libjpeg-turbo": (["libjpeg62-turbo"], [("2023-01-01", "1:2.1.5-2")]),
    "ca-certificates": (["ca-certificates"], [("2023-01-01", "20230311")]),
    "tzdata": (["tzdata"], [
        ("2023-03-01", "2023c-5"), ("2025-04-01", "2025b-0+deb12u1"),
        ("2026-04-10", "2026a-0+deb12u1")]),
    "readline": (["libreadline8", "readline-common"], [("2023-01-01", "8.2-1.3")]),
    "gdbm": (["libgdbm6"], [("2023-01-01", "1.23-3")]),
    "netbase": (["netbase"], [("2023-01-01", "6.4")]),
    "fontconfig": (["fontconfig-config", "libfontconfig1"], [("2023-01-01", "2.14.1-4")]),
}

# Packages of debian:12-slim with no CVE in the demo (name -> version).
DEB_STATIC = {
    "adduser": "3.134", "base-files": "12.4+deb12u11", "base-passwd": "3.6.1",
    "debconf": "1.5.82", "debian-archive-keyring": "2023.3+deb12u2", "debianutils": "5.7-0.5~deb12u1",
    "diffutils": "1:3.8-4", "findutils": "4.9.0-4", "gcc-12-base": "12.2.0-14+deb12u1",
    "grep": "3.8-5", "gzip": "1.12-1", "hostname": "3.23+nmu1", "init-system-helpers": "1.65.2",
    "libacl1": "2.3.1-3", "libattr1": "1:2.5.1-4", "libaudit-common": "1:3.0.9-1",
    "libaudit1": "1:3.0.9-1", "libbz2-1.0": "1.0.8-5+b1", "libcrypt1": "1:4.4.33-2",
    "libdb5.3": "5.3.28+dfsg2-1", "libdebconfclient0": "0.270", "libffi8": "3.4.4-1",
    "libgcc-s1": "12.2.0-14+deb12u1", "libgmp10": "2:6.2.1+dfsg1-1.1", "libhogweed6": "3.8.1-2",
    "libidn2-0": "2.3.3-1+b1", "liblz4-1": "1.9.4-1", "libmd0": "1.0.4-2", "libnettle8": "3.8.1-2",
    "libp11-kit0": "0.24.1-2", "libpcre2-8-0": "10.42-1", "libseccomp2": "2.5.4-1+deb12u1",
    "libselinux1": "3.4-1+b6", "libsemanage-common": "3.4-1", "libsemanage2": "3.4-1+b5",
    "libsepol2": "3.4-2.1", "libstdc++6": "12.2.0-14+deb12u1", "libtasn1-6": "4.19.0-2+deb12u1",
    "libunistring2": "1.0-2", "libxxhash0": "0.8.1-1", "mawk": "1.3.4.20200120-3.1",
    "sed": "4.9-1", "sensible-utils": "0.0.17+nmu1", "usr-is-merged": "37~deb12u1", "dash": "0.5.12-2",
}

DEB_BASE_SOURCES = ["glibc", "systemd", "util-linux", "perl", "tar", "coreutils", "ncurses",
                    "shadow", "pam", "gnutls28", "libgcrypt20", "gnupg2", "apt", "zlib", "bash",
                    "dpkg", "libcap2", "libzstd", "xz-utils", "sysvinit"]
DEB_BASE_SKIP_BINS = {"libncursesw6", "xz-utils"}  # not in the slim image itself

# Debian CVE entries:
# (source, id, published, nvd vector, vendor severities, fixed version | None,
#  status when unfixed, title[, extra options])
DEB_CVES = [
    # glibc
    ("glibc", "CVE-2010-4756", "2011-03-02", "N/L/L/N/U/N/N/L", "d1 r2", None, "will_not_fix",
     "glibc: glob implementation can cause excessive CPU and memory consumption due to crafted glob expressions"),
    ("glibc", "CVE-2018-20796", "2019-02-26", "N/L/N/N/U/N/N/H", "d1 r2", None, "affected",
     "glibc: uncontrolled recursion in function check_dst_limits_calc_pos_1 in posix/regexec.c"),
    ("glibc", "CVE-2019-1010022", "2019-07-15", "N/L/N/N/U/H/H/H", "d1 r2", None, "affected",
     "glibc: stack guard protection bypass"),
    ("glibc", "CVE-2019-1010023", "2019-07-15", "N/L/N/R/U/H/H/H", "d1 r2", None, "affected",
     "glibc: running ldd on malicious ELF leads to code execution because of wrong size computation"),
    ("glibc", "CVE-2019-1010025", "2019-07-15", "N/L/N/N/U/L/N/N", "d1 r2", None, "affected",
     "glibc: information disclosure of heap addresses of pthread_created thread"),
    ("glibc", "CVE-2023-4911", "2023-10-03", "L/L/L/N/U/H/H/H", "d3 r3 u3", "2.36-9+deb12u3", None,
     "glibc: buffer overflow in ld.so leading to privilege escalation"),
    ("glibc", "CVE-2023-6246", "2024-01-31", "L/L/L/N/U/H/H/H", "d3 r3", "2.36-9+deb12u4", None,
     "glibc: heap-based buffer overflow in __vsyslog_internal()"),
    ("glibc", "CVE-2023-6779", "2024-01-31", "N/L/N/N/U/N/N/H", "d3 r3", "2.36-9+deb12u4", None,
     "glibc: off-by-one heap-based buffer overflow in __vsyslog_internal()"),
    ("glibc", "CVE-2023-6780", "2024-01-31", "N/H/N/N/U/N/N/H", "d2 r2", "2.36-9+deb12u4", None,
     "glibc: integer overflow in __vsyslog_internal()"),
    ("glibc", "CVE-2024-2961", "2024-04-17", "N/L/N/N/U/L/L/L", "d3 r3 u2", "2.36-9+deb12u7", None,
     "glibc: out of bounds write in iconv may lead to remote code execution"),
    ("glibc", "CVE-2024-33599", "2024-05-06", "N/L/N/N/U/N/N/H", "d2 r3", "2.36-9+deb12u7", None,
     "glibc: stack-based buffer overflow in netgroup cache"),
    ("glibc", "CVE-2024-33600", "2024-05-06", "N/H/N/N/U/N/N/H", "d2 r2", "2.36-9+deb12u7", None,
     "glibc: null pointer dereferences after failed netgroup cache insertion"),
    ("glibc", "CVE-2025-4802", "2025-05-16", "L/H/N/R/U/H/H/H", "d2 r2 u2", "2.36-9+deb12u10", None,
     "glibc: static setuid binary dlopen may incorrectly search LD_LIBRARY_PATH",
     {"rv": "L/H/N/R/U/H/H/H"}),
    ("glibc", "CVE-2025-8058", "2025-07-23", "N/H/N/N/U/N/N/H", "d2 r2 u2", "2.36-9+deb12u13", None,
     "glibc: double free in glibc regcomp"),
    ("glibc", "CVE-2026-27703", "2026-06-30", "L/H/L/N/U/H/H/H", "d1 r2", None, "fix_deferred",
     "glibc: race condition in posix_spawn file actions may leak descriptors"),
    ("glibc", "CVE-2026-31244", "2026-09-21", "N/L/N/N/U/H/H/H", "d3 r3 u3", "2.36-9+deb12u14", None,
     "glibc: heap overflow in getaddrinfo() when parsing crafted DNS responses"),
    ("glibc", "CVE-2026-40518", "2026-11-16", "L/L/L/N/U/N/N/H", "d2 r2 u2", "2.36-9+deb12u15", None,
     "glibc: assertion failure in malloc_trim() with crafted tunables"),
    # systemd
    ("systemd", "CVE-2013-4392", "2013-10-28", "L/L/L/N/U/L/N/N", "d1", None, "will_not_fix",
     "systemd: TOCTOU race condition when updating file permissions and SELinux security contexts"),
    ("systemd", "CVE-2023-31437", "2023-06-13", "N/L/N/N/U/N/L/N", "d1", None, "affected",
     "systemd: modification of a sealed log file may be missed by journalctl --verify"),
    ("systemd", "CVE-2023-31439", "2023-06-13", "N/L/N/N/U/N/L/N", "d1", None, "affected",
     "systemd: journalctl --verify does not notice a modified sealed log"),
    ("systemd", "CVE-2023-7008", "2023-12-23", "N/H/N/N/U/N/H/N", "d3 r2 u1", None, "affected",
     "systemd-resolved: unsigned name response in signed zone is not refused when DNSSEC=yes"),
    ("systemd", "CVE-2025-4598", "2025-05-30", "L/H/L/N/U/H/N/N", "d2 r2 u2", "252.38-1~deb12u1", None,
     "systemd-coredump: race condition that allows a local attacker to crash a SUID program and read its core dump"),
    ("systemd", "CVE-2026-29411", "2026-08-25", "L/L/L/N/U/H/H/H", "d3 r3 u2", "252.39-1~deb12u1", None,
     "systemd: privilege escalation through crafted transient unit properties"),
    # util-linux
    ("util-linux", "CVE-2022-0563", "2022-02-21", "L/H/L/N/U/H/N/N", "d1 r2 u1", None, "affected",
     "util-linux: partial disclosure of arbitrary files in chfn and chsh when compiled with libreadline"),
    ("util-linux", "CVE-2024-28085", "2024-03-27", "L/L/L/N/U/H/N/N", "d2 r2", "2.38.1-5+deb12u1", None,
     "util-linux: CVE-2024-28085: wall: escape sequence injection"),
    # perl
    ("perl", "CVE-2011-4116", "2020-01-31", "N/L/N/N/U/N/H/N", "d1", None, "affected",
     "perl: File:: Temp insecure temporary file handling"),
    ("perl", "CVE-2023-31484", "2023-04-29", "N/H/N/N/U/H/H/N", "d1 r3", None, "affected",
     "perl: CPAN.pm does not verify TLS certificates when downloading distributions over HTTPS"),
    ("perl", "CVE-2023-31486", "2023-04-29", "N/H/N/N/U/H/H/N", "d1 r3", None, "will_not_fix",
     "http-tiny: insecure TLS cert default"),
    ("perl", "CVE-2023-47038", "2023-12-18", "L/L/L/N/U/H/H/H", "d3 r3", "5.36.0-7+deb12u1", None,
     "perl: Write past buffer end via illegal user-defined Unicode property"),
    ("perl", "CVE-2024-56406", "2025-04-13", "N/L/N/N/U/L/L/H", "d3 r3 u2", "5.36.0-7+deb12u2", None,
     "perl: heap buffer overflow when transliterating non-ASCII bytes"),
    ("perl", "CVE-2025-40909", "2025-05-30", "N/H/N/N/U/N/H/N", "d2 r2 u2", "5.36.0-7+deb12u3", None,
     "perl: perl threads have a working directory race condition where file operations may target unintended paths"),
    # tar
    ("tar", "CVE-2005-2541", "2005-08-10", "v2:AV:N/AC:L/Au:N/C:C/I:C/A:C", "d1", None, "will_not_fix",
     "tar: does not properly warn the user when extracting setuid or setgid files"),
    ("tar", "TEMP-0290435-0B57B5", None, None, "d1", None, "affected",
     "[tar's rmt command may have undesired side effects]"),
    ("tar", "CVE-2023-39804", "2024-03-27", "L/L/N/R/U/N/N/H", "d2 r2", "1.34+dfsg-1.2+deb12u1", None,
     "tar: Incorrectly handled extension attributes in PAX archives can lead to a crash"),
    ("tar", "CVE-2025-45582", "2025-07-11", "N/H/N/R/U/N/H/N", "d3 r2 u2", None, "affected",
     "tar: Tar path traversal"),
    # coreutils
    ("coreutils", "CVE-2016-2781", "2017-02-07", "L/L/L/N/C/N/H/N", "d1 r2 u1", None, "will_not_fix",
     "coreutils: Non-privileged session can escape to the parent session in chroot"),
    ("coreutils", "CVE-2017-18018", "2018-01-04", "L/H/L/N/U/N/H/N", "d1 r1", None, "affected",
     "coreutils: race condition vulnerability in chown and chgrp"),
    ("coreutils", "CVE-2025-5278", "2025-05-27", "L/L/N/R/U/L/N/H", "d1 r2 u2", None, "affected",
     "coreutils: heap buffer under-read in GNU coreutils sort via key specification"),
    # ncurses
    ("ncurses", "CVE-2023-50495", "2023-12-12", "N/L/N/N/U/N/N/H", "d1 r2", None, "affected",
     "ncurses: segmentation fault via _nc_wrap_entry()"),
    ("ncurses", "CVE-2025-6141", "2025-06-16", "L/L/L/N/U/L/N/N", "d1 r1 u1", None, "affected",
     "gnu-ncurses: ncurses Stack Buffer Overflow"),
    # shadow
    ("shadow", "CVE-2007-5686", "2007-10-28", "v2:AV:L/AC:L/Au:N/C:C/I:N/A:N", "d1 r1", None, "affected",
     "initscripts in rPath Linux 1 sets insecure permissions for the /var/log/btmp file"),
    ("shadow", "CVE-2023-29383", "2023-04-14", "L/L/L/N/U/L/N/N", "d1 r1", "1:4.13+dfsg1-1+deb12u1", None,
     "shadow: Improper input validation in shadow-utils package utility chfn"),
    ("shadow", "CVE-2023-4641", "2023-12-27", "L/H/L/N/U/H/N/N", "d2 r2", "1:4.13+dfsg1-1+deb12u1", None,
     "shadow-utils: possible password leak during passwd(1) change"),
    ("shadow", "TEMP-0628843-DBAD28", None, None, "d1", None, "affected",
     "[more related to CVE-2005-4890]"),
    # pam
    ("pam", "CVE-2024-22365", "2024-02-06", "L/L/L/N/U/N/N/H", "d2 r2", "1.5.2-6+deb12u1", None,
     "pam: allowing unprivileged user to block another user namespace"),
    ("pam", "CVE-2024-10041", "2024-10-23", "L/H/L/N/U/H/N/N", "d1 r2 u2", None, "affected",
     "pam: libpam: Libpam vulnerable to read hashed password"),
    ("pam", "CVE-2025-6020", "2025-06-17", "L/L/L/N/U/H/H/H", "d2 r3 u2", "1.5.2-6+deb12u2", None,
     "linux-pam: Linux-pam directory Traversal"),
    # gnutls
    ("gnutls28", "CVE-2011-3389", "2011-09-06", "N/H/N/N/U/H/N/N", "d1 r2", None, "affected",
     "HTTPS: block-wise chosen-plaintext attack against SSL/TLS (BEAST)"),
    ("gnutls28", "CVE-2023-5981", "2023-11-28", "N/H/N/N/U/H/N/N", "d2 r2", "3.7.9-2+deb12u1", None,
     "gnutls: timing side-channel in the RSA-PSK authentication"),
    ("gnutls28", "CVE-2024-0553", "2024-01-16", "N/L/N/N/U/H/N/N", "d2 r2", "3.7.9-2+deb12u1", None,
     "gnutls: incomplete fix for CVE-2023-5981"),
    ("gnutls28", "CVE-2024-0567", "2024-01-16", "N/L/N/N/U/N/N/H", "d2 r2", "3.7.9-2+deb12u1", None,
     "gnutls: rejects certificate chain with distributed trust"),
    ("gnutls28", "CVE-2024-28834", "2024-03-21", "N/L/N/N/U/L/N/N", "d2 r2", "3.7.9-2+deb12u3", None,
     "gnutls: vulnerable to Minerva side-channel information leak"),
    ("gnutls28", "CVE-2024-12243", "2025-02-10", "N/L/N/N/U/N/N/L", "d2 r2 u2", "3.7.9-2+deb12u4", None,
     "gnutls: GnuTLS Impacted by Inefficient DER Decoding in libtasn1 Leading to Remote DoS"),
    ("gnutls28", "CVE-2025-32988", "2025-07-10", "N/H/N/N/U/L/L/H", "d2 r2 u2", "3.7.9-2+deb12u5", None,
     "gnutls: Vulnerability in GnuTLS otherName SAN export"),
    ("gnutls28", "CVE-2026-33817", "2026-10-27", "N/L/N/N/U/N/N/H", "d2 r2 u2", "3.7.9-2+deb12u6", None,
     "gnutls: NULL pointer dereference when verifying certificates with empty policy constraints"),
    # libgcrypt, gnupg, apt, zlib, bash, dpkg, libcap2, zstd, xz
    ("libgcrypt20", "CVE-2018-6829", "2018-02-07", "N/L/N/N/U/H/N/N", "d1 r1", None, "affected",
     "libgcrypt: ElGamal implementation doesn't have semantic security due to incorrectly encoded plaintexts"),
    ("libgcrypt20", "CVE-2024-2236", "2024-03-06", "N/H/N/N/U/H/N/N", "d1 r2 u2", None, "affected",
     "libgcrypt: vulnerable to Marvin Attack"),
    ("gnupg2", "CVE-2022-3219", "2023-02-23", "L/L/L/N/U/N/N/L", "d1 r1 u1", None, "affected",
     "gnupg: denial of service issue (resource consumption) using compressed packets"),
    ("gnupg2", "CVE-2025-30258", "2025-03-19", "N/H/L/R/U/N/N/L", "d1 r1 u1", "2.2.40-1.1+deb12u1", None,
     "gnupg: verification DoS due to a malicious subkey in the keyring"),
    ("apt", "CVE-2011-3374", "2019-11-26", "N/H/N/N/U/N/L/N", "d1", None, "affected",
     "It was found that apt-key in apt, all versions, do not correctly validate gpg keys with the master keyring, leading to a potential man-in-the-middle attack."),
    ("zlib", "CVE-2023-45853", "2023-10-14", "N/L/N/N/U/H/H/H", "d1 r2", None, "will_not_fix",
     "zlib: integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_6"),
    ("bash", "TEMP-0841856-B18BAF", None, None, "d1", None, "affected",
     "[Privilege escalation possible to other user than root]"),
    ("dpkg", "CVE-2025-6297", "2025-07-01", "L/L/L/N/U/N/N/H", "d2 u2", "1.21.23", None,
     "dpkg: dpkg-deb does not sanitize directory permissions when extracting a control member"),
    ("libcap2", "CVE-2025-1390", "2025-02-18", "L/L/N/N/U/L/L/N", "d1 r2 u2", "1:2.66-4+deb12u1", None,
     "libcap: pam_cap: Fix potential configuration parsing error"),
    ("libzstd", "CVE-2022-4899", "2023-03-31", "N/L/N/N/U/N/N/H", "d1 r2", None, "affected",
     "zstd: mysql: buffer overrun in util.c"),
    ("xz-utils", "CVE-2025-31115", "2025-04-03", "N/L/N/N/U/N/N/H", "d2 r2 u2", "5.4.1-1", None,
     "xz: XZ has a heap-use-after-free bug in threaded .xz decoder"),
    ("xz-utils", "CVE-2024-3094", "2024-03-29", "N/L/N/N/C/H/H/H", "d4 r4", None, None,
     "xz: malicious code in distributed source",
     {"only": {"5.6.1-1": "5.6.1+really5.4.5-1"}}),
    ("sysvinit", "TEMP-0517018-A83CE6", None, None, "d1", None, "affected",
     "[sysvinit: no-root option in expert installer exposes locally exploitable security flaw]"),
    # openssl
    ("openssl", "CVE-2023-5363", "2023-10-25", "N/L/N/N/U/H/N/N", "d3 r3", "3.0.11-1~deb12u2", None,
     "openssl: Incorrect cipher key and IV length processing"),
    ("openssl", "CVE-2023-5678", "2023-11-06", "N/L/N/N/U/N/N/L", "d1 r2", "3.0.11-1~deb12u2", None,
     "openssl: Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow"),
    ("openssl", "CVE-2023-6129", "2024-01-09", "N/H/N/N/U/H/N/H", "d1 r2", "3.0.13-1~deb12u1", None,
     "openssl: POLY1305 MAC implementation corrupts vector registers on PowerPC"),
    ("openssl", "CVE-2023-6237", "2024-04-25", "N/H/N/N/U/N/N/H", "d1 r1", "3.0.13-1~deb12u1", None,
     "openssl: Excessive time spent checking invalid RSA public keys"),
    ("openssl", "CVE-2024-0727", "2024-01-26", "L/L/N/R/U/N/N/H", "d1 r1", "3.0.13-1~deb12u1", None,
     "openssl: denial of service via null dereference"),
    ("openssl", "CVE-2024-2511", "2024-04-08", "N/H/N/N/U/N/N/H", "d1 r1", "3.0.13-1~deb12u1", None,
     "openssl: Unbounded memory growth with session handling in TLSv1.3"),
    ("openssl", "CVE-2024-4741", "2024-11-13", "N/L/N/N/U/N/N/H", "d2 r1", "3.0.15-1~deb12u1", None,
     "openssl: Use After Free with SSL_free_buffers"),
    ("openssl", "CVE-2024-5535", "2024-06-27", "N/L/N/N/U/H/N/H", "d1 r2", "3.0.15-1~deb12u1", None,
     "openssl: SSL_select_next_proto buffer overread"),
    ("openssl", "CVE-2024-6119", "2024-09-03", "N/L/N/N/U/N/N/H", "d2 r2", "3.0.15-1~deb12u1", None,
     "openssl: Possible denial of service in X.509 name checks"),
    ("openssl", "CVE-2024-9143", "2024-10-16", "N/H/N/N/U/L/L/N", "d1 r1 u1", "3.0.15-1~deb12u1", None,
     "openssl: Low-level invalid GF(2^m) parameters lead to OOB memory access"),
    ("openssl", "CVE-2024-13176", "2025-01-20", "L/H/H/N/U/H/N/N", "d1 r2 u1", "3.0.16-1~deb12u1", None,
     "openssl: Timing side-channel in ECDSA signature computation"),
    ("openssl", "CVE-2025-27587", "2025-04-15", "N/H/N/N/U/H/N/N", "d1 u1", None, "affected",
     "openssl: Timing side-channel vulnerability in P-384 implementation when used with ECDSA in the PowerPC architecture"),
    ("openssl", "CVE-2025-9230", "2025-09-30", "N/H/N/N/U/H/H/H", "d2 r2 u2", "3.0.17-1~deb12u3", None,
     "openssl: Out-of-bounds read & write in RFC 3211 KEK Unwrap"),
    ("openssl", "CVE-2025-9232", "2025-09-30", "N/H/N/N/U/N/N/H", "d1 r1 u2", "3.0.17-1~deb12u3", None,
     "openssl: Out-of-bounds read in HTTP client no_proxy handling"),
    ("openssl", "CVE-2026-24135", "2026-08-12", "N/L/N/N/U/N/N/H", "d2 r2 u2", "3.0.18-1~deb12u1", None,
     "openssl: excessive time spent parsing crafted ASN.1 certificate policies"),
    ("openssl", "CVE-2026-38870", "2026-11-10", "N/H/N/N/U/H/H/H", "d3 r3 u3", "3.0.18-1~deb12u2", None,
     "openssl: use-after-free in SSL_free_buffers after a failed renegotiation"),
    # sqlite3, expat
    ("sqlite3", "CVE-2021-45346", "2022-02-14", "N/H/N/R/U/L/N/N", "d1 r1", None, "affected",
     "sqlite: crafted SQL query allows a malicious user to obtain sensitive information"),
    ("sqlite3", "CVE-2023-7104", "2023-12-29", "N/L/N/N/U/L/L/L", "d2 r2", "3.40.1-2+deb12u1", None,
     "sqlite: heap-buffer-overflow at sessionfuzz"),
    ("sqlite3", "CVE-2025-29088", "2025-04-10", "N/L/L/N/U/N/N/H", "d1 r2 u2", "3.40.1-2+deb12u1", None,
     "sqlite: Denial of Service in SQLite"),
    ("sqlite3", "CVE-2025-6965", "2025-07-15", "N/L/N/N/U/L/L/H", "d2 r3 u2", "3.40.1-2+deb12u2", None,
     "sqlite: Integer Truncation in SQLite"),
    ("sqlite3", "CVE-2025-7709", "2025-09-08", "N/L/N/N/U/N/N/H", "d2 u2", None, "affected",
     "sqlite: integer overflow in the FTS5 extension"),
    ("expat", "CVE-2023-52425", "2024-02-04", "N/L/N/N/U/N/N/H", "d2 r2", "2.5.0-1+deb12u1", None,
     "expat: parsing large tokens can trigger a denial of service"),
    ("expat", "CVE-2023-52426", "2024-02-04", "L/L/L/N/U/N/N/H", "d1 r1", None, "will_not_fix",
     "expat: recursive XML Entity Expansion vulnerability"),
    ("expat", "CVE-2024-28757", "2024-03-10", "N/L/N/N/U/N/N/H", "d2 r2", "2.5.0-1+deb12u1", None,
     "expat: XML Entity Expansion"),
    ("expat", "CVE-2024-45490", "2024-08-30", "N/L/N/N/U/H/H/H", "d2 r2", "2.5.0-1+deb12u1", None,
     "libexpat: Negative Length Parsing Vulnerability in libexpat"),
    ("expat", "CVE-2024-45491", "2024-08-30", "N/L/N/N/U/H/H/H", "d2 r2", "2.5.0-1+deb12u1", None,
     "libexpat: Integer Overflow or Wraparound"),
    ("expat", "CVE-2024-45492", "2024-08-30", "N/L/N/N/U/H/H/H", "d2 r2", "2.5.0-1+deb12u1", None,
     "libexpat: integer overflow"),
    ("expat", "CVE-2024-50602", "2024-10-27", "N/H/N/N/U/N/N/H", "d1 r2 u2", "2.5.0-1+deb12u2", None,
     "libexpat: expat: DoS via XML_ResumeParser"),
    ("expat", "CVE-2025-59375", "2025-09-15", "N/L/N/N/U/N/N/H", "d2 r3 u2", None, "affected",
     "expat: libexpat in Expat allows attackers to trigger large dynamic memory allocations"),
    # curl and friends
    ("curl", "CVE-2023-38545", "2023-10-18", "N/L/N/N/U/H/H/H", "d3 r3 u3", "7.88.1-10+deb12u4", None,
     "curl: heap based buffer overflow in the SOCKS5 proxy handshake"),
    ("curl", "CVE-2023-38546", "2023-10-18", "N/H/N/N/U/N/L/N", "d1 r1", "7.88.1-10+deb12u4", None,
     "curl: cookie injection with none file"),
    ("curl", "CVE-2023-46218", "2023-12-07", "N/L/N/N/U/L/L/N", "d2 r2", "7.88.1-10+deb12u5", None,
     "curl: information disclosure by exploiting a mixed case flaw"),
    ("curl", "CVE-2023-46219", "2023-12-12", "N/L/N/N/U/L/N/N", "d1 r2", "7.88.1-10+deb12u5", None,
     "curl: excessively long file name may lead to unknown HSTS status"),
    ("curl", "CVE-2024-2004", "2024-03-30", "N/H/N/R/U/L/N/N", "d1 r1", "7.88.1-10+deb12u7", None,
     "curl: Usage of disabled protocol"),
    ("curl", "CVE-2024-2398", "2024-03-27", "N/L/N/N/U/N/N/H", "d2 r2", "7.88.1-10+deb12u7", None,
     "curl: HTTP/2 push headers memory-leak"),
    ("curl", "CVE-2024-7264", "2024-07-31", "N/L/N/R/U/N/N/H", "d2 r2", "7.88.1-10+deb12u8", None,
     "curl: libcurl: ASN.1 date parser overread"),
    ("curl", "CVE-2024-8096", "2024-09-11", "N/L/N/R/U/H/N/N", "d2 r2", "7.88.1-10+deb12u8", None,
     "curl: OCSP stapling bypass with GnuTLS"),
    ("curl", "CVE-2024-9681", "2024-11-06", "N/H/N/N/U/L/N/N", "d1 r1", "7.88.1-10+deb12u12", None,
     "curl: HSTS subdomain overwrites parent cache entry"),
    ("curl", "CVE-2024-11053", "2024-12-11", "N/H/N/R/U/L/N/N", "d1 r1", "7.88.1-10+deb12u12", None,
     "curl: curl netrc password leak"),
    ("curl", "CVE-2025-0167", "2025-02-05", "N/H/N/R/U/L/N/N", "d1 r1", "7.88.1-10+deb12u12", None,
     "curl: netrc and default credential leak"),
    ("curl", "CVE-2025-0725", "2025-02-05", "N/L/N/N/U/L/L/L", "d1 r2", "7.88.1-10+deb12u12", None,
     "libcurl: Buffer Overflow in libcurl via zlib Integer Overflow"),
    ("curl", "CVE-2025-9086", "2025-09-12", "N/L/N/N/U/N/N/H", "d2 r2 u2", "7.88.1-10+deb12u14", None,
     "curl: Curl out of bounds read for cookie path"),
    ("curl", "CVE-2025-10148", "2025-09-12", "N/L/N/N/U/N/L/N", "d1 r1 u1", None, "affected",
     "curl: predictable WebSocket mask"),
    ("curl", "CVE-2026-29034", "2026-09-03", "N/L/N/R/U/H/N/N", "d2 r2 u2", "7.88.1-10+deb12u15", None,
     "curl: credentials leak when following a redirect to a different port over HTTP/2"),
    ("nghttp2", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "d3 r3 u3", "1.52.0-1+deb12u1", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("nghttp2", "CVE-2023-35945", "2023-07-13", "N/L/N/N/U/N/N/H", "d2 r2", "1.52.0-1+deb12u1", None,
     "envoy: HTTP/2 memory leak in nghttp2 codec"),
    ("nghttp2", "CVE-2024-28182", "2024-04-04", "N/L/N/N/U/N/N/L", "d2 r2", "1.52.0-1+deb12u2", None,
     "nghttp2: CONTINUATION frames DoS"),
    ("openssh", "CVE-2024-6387", "2024-07-01", "N/H/N/N/U/H/H/H", "d3 r3 u3", "1:9.2p1-2+deb12u3", None,
     "openssh: regreSSHion: RCE in OpenSSH's server, on glibc-based Linux systems"),
    ("openssh", "CVE-2023-48795", "2023-12-18", "N/H/N/N/U/N/H/N", "d2 r2 u2", "1:9.2p1-2+deb12u2", None,
     "ssh: Prefix truncation attack on Binary Packet Protocol (BPP)"),
    ("openssh", "CVE-2023-51385", "2023-12-18", "N/H/N/N/U/H/H/H", "d2 r2", "1:9.2p1-2+deb12u2", None,
     "openssh: potential command injection via shell metacharacters"),
    ("openssh", "CVE-2023-51384", "2023-12-18", "N/L/N/N/U/N/L/N", "d2 r2", "1:9.2p1-2+deb12u2", None,
     "openssh: destination constraints only apply to first PKCS#11 key"),
    ("openssh", "CVE-2024-6409", "2024-07-08", "N/H/N/N/U/H/H/H", "d2 r3", "1:9.2p1-2+deb12u3", None,
     "openssh: Possible remote code execution due to a race condition in signal handling affecting Red Hat Enterprise Linux 9"),
    ("openssh", "CVE-2025-26465", "2025-02-18", "N/H/N/R/U/H/H/N", "d2 r2 u2", "1:9.2p1-2+deb12u5", None,
     "openssh: Machine-in-the-middle attack if VerifyHostKeyDNS is enabled"),
    ("openssh", "CVE-2025-32728", "2025-04-10", "N/H/N/N/U/N/L/N", "d1 r1 u1", "1:9.2p1-2+deb12u6", None,
     "openssh: DisableForwarding directive does not adhere to documentation"),
    ("openssh", "CVE-2007-2243", "2007-04-25", "v2:AV:N/AC:L/Au:N/C:N/I:N/A:P", "d1", None, "will_not_fix",
     "OpenSSH 4.6 and earlier, when ChallengeResponseAuthentication is enabled, allows remote attackers to determine the existence of user accounts"),
    ("openssh", "CVE-2026-35790", "2026-10-15", "N/H/N/R/U/H/H/N", "d2 r2 u2", "1:9.2p1-2+deb12u7", None,
     "openssh: ssh client agent forwarding may expose keys to a malicious server via crafted extension"),
    ("git", "CVE-2018-1000021", "2018-02-09", "N/L/N/R/U/H/H/H", "d1 r2", None, "affected",
     "git: client prints server sent ANSI escape codes to the terminal"),
    ("git", "CVE-2024-32002", "2024-05-14", "N/H/N/R/C/H/H/H", "d3 r3", "1:2.39.5-0+deb12u1", None,
     "git: Recursive clones on case-insensitive filesystems that support symlinks are susceptible to Remote Code Execution"),
    ("git", "CVE-2024-32004", "2024-05-14", "L/L/L/R/U/H/H/H", "d2 r3", "1:2.39.5-0+deb12u1", None,
     "git: RCE while cloning local repos"),
    ("git", "CVE-2024-32020", "2024-05-14", "L/H/L/R/U/L/L/N", "d1 r1", "1:2.39.5-0+deb12u1", None,
     "git: can create hardlinks to arbitrary user-readable files"),
    ("git", "CVE-2024-32465", "2024-05-14", "L/H/L/R/U/H/H/H", "d2 r2", "1:2.39.5-0+deb12u1", None,
     "git: additional local RCE"),
    ("git", "CVE-2025-48384", "2025-07-08", "N/H/N/R/U/H/H/H", "d3 r3 u3", "1:2.39.5-0+deb12u2", None,
     "git: Git arbitrary code execution"),
    ("git", "CVE-2025-48385", "2025-07-08", "N/H/N/R/U/H/H/H", "d2 r3", "1:2.39.5-0+deb12u2", None,
     "git: Git arbitrary file writes"),
    ("git", "CVE-2025-48386", "2025-07-08", "N/H/N/R/U/L/L/L", "d1 r2", "1:2.39.5-0+deb12u2", None,
     "git: Git wincred credential helper buffer overflow"),
    ("git", "CVE-2026-30127", "2026-10-21", "N/L/N/R/U/H/H/N", "d2 r2", "1:2.39.5-0+deb12u3", None,
     "git: path traversal in sparse-checkout cone patterns"),
    ("krb5", "CVE-2018-5709", "2018-01-16", "N/L/N/N/U/N/H/N", "d1 r1", None, "affected",
     "krb5: integer overflow in dbentry->n_key_data in kadmin/dbutil/dump.c"),
    ("krb5", "CVE-2024-26458", "2024-02-29", "N/L/N/N/U/N/N/L", "d1 r1", None, "will_not_fix",
     "krb5: Memory leak at /krb5/src/lib/rpc/pmap_rmt.c"),
    ("krb5", "CVE-2024-26461", "2024-02-29", "N/L/N/N/U/N/N/L", "d1 r1", None, "affected",
     "krb5: Memory leak at /krb5/src/lib/gssapi/krb5/k5sealv3.c"),
    ("krb5", "CVE-2024-37370", "2024-06-28", "N/H/N/N/U/H/H/N", "d2 r2", "1.20.1-2+deb12u2", None,
     "krb5: GSS message token handling"),
    ("krb5", "CVE-2024-37371", "2024-06-28", "N/L/N/N/U/H/N/H", "d2 r2", "1.20.1-2+deb12u2", None,
     "krb5: GSS message token handling"),
    ("krb5", "CVE-2025-3576", "2025-04-15", "N/H/N/N/U/H/H/N", "d2 r2", "1.20.1-2+deb12u3", None,
     "krb5: Vulnerability in the MIT Kerberos implementation allows attackers to spoof GSSAPI messages"),
    ("krb5", "CVE-2025-24528", "2025-01-16", "N/L/L/N/U/N/N/H", "d2 r2", "1.20.1-2+deb12u3", None,
     "krb5: overflow when calculating ulog block size"),
    ("krb5", "CVE-2026-34491", "2026-09-22", "N/L/L/N/U/H/H/H", "d1 r3", "1.20.1-2+deb12u4", None,
     "krb5: double free in kadmind when handling crafted principal names"),
    ("openldap", "CVE-2023-2953", "2023-05-30", "N/L/N/N/U/N/N/H", "d1 r2", None, "affected",
     "openldap: null pointer dereference in ber_memalloc_x function"),
    ("openldap", "CVE-2015-3276", "2015-12-07", "N/L/N/N/U/H/N/N", "d1 r1", None, "affected",
     "openldap: incorrect multi-keyword mode cipherstring parsing"),
    ("openldap", "CVE-2017-14159", "2017-09-05", "L/H/L/N/U/N/N/H", "d1 r1", None, "affected",
     "openldap: Privilege escalation via PID file manipulation"),
    ("openldap", "CVE-2017-17740", "2017-12-18", "N/L/N/N/U/N/N/H", "d1 r1", None, "affected",
     "openldap: contrib/slapd-modules/nops/nops.c attempts to free stack buffer allowing remote attackers to cause a denial of service"),
    ("openldap", "CVE-2020-15719", "2020-07-14", "N/H/N/N/U/L/L/N", "d1 r2", None, "affected",
     "openldap: Certificate validation incorrectly matches name against CN-ID"),
    ("libssh2", "CVE-2023-48795", "2023-12-18", "N/H/N/N/U/N/H/N", "d2 r2 u2", None, "affected",
     "ssh: Prefix truncation attack on Binary Packet Protocol (BPP)"),
    ("brotli", "CVE-2025-6176", "2025-10-31", "N/L/N/N/U/N/N/H", "d2 r2", None, "affected",
     "brotli: decompression bomb in the Python bindings and libbrotlidec streaming API"),
    ("postgresql-15", "CVE-2024-10977", "2024-11-14", "N/H/N/N/U/N/L/N", "d1 r1", "15.10-0+deb12u1", None,
     "postgresql: PostgreSQL libpq retains an error message from man-in-the-middle"),
    ("postgresql-15", "CVE-2024-10979", "2024-11-14", "N/L/L/N/U/H/H/H", "d2 r3", "15.10-0+deb12u1", None,
     "postgresql: PostgreSQL PL/Perl environment variable changes execute arbitrary code"),
    ("postgresql-15", "CVE-2025-1094", "2025-02-13", "N/H/N/N/U/H/H/H", "d3 r3", "15.12-0+deb12u1", None,
     "postgresql: PostgreSQL quoting APIs miss neutralizing quoting syntax in text that fails encoding validation"),
    ("postgresql-15", "CVE-2025-8714", "2025-08-14", "N/L/H/R/U/H/H/H", "d2 r2", "15.14-0+deb12u1", None,
     "postgresql: PostgreSQL executes arbitrary code in restore operation"),
    ("postgresql-15", "CVE-2025-8715", "2025-08-14", "N/L/H/R/U/H/H/H", "d2 r2", "15.14-0+deb12u1", None,
     "postgresql: PostgreSQL executes arbitrary code in restore operation"),
    ("postgresql-15", "CVE-2026-28816", "2026-08-14", "N/H/N/N/U/H/N/N", "d2 r2", "15.16-0+deb12u1", None,
     "postgresql: libpq SCRAM channel binding can be downgraded by a man-in-the-middle"),
    ("libxml2", "CVE-2023-39615", "2023-08-29", "L/L/N/R/U/N/N/H", "d1 r2", None, "affected",
     "libxml2: crafted xml can cause global buffer overflow"),
    ("libxml2", "CVE-2023-45322", "2023-10-06", "N/H/N/N/U/N/N/H", "d1 r1", None, "will_not_fix",
     "libxml2: use-after-free in xmlUnlinkNode() in tree.c"),
    ("libxml2", "CVE-2024-25062", "2024-02-04", "N/L/N/N/U/N/N/H", "d2 r2", "2.9.14+dfsg-1.3~deb12u2", None,
     "libxml2: use-after-free in XMLReader"),
    ("libxml2", "CVE-2024-56171", "2025-02-18", "N/L/N/N/U/L/N/H", "d2 r3", "2.9.14+dfsg-1.3~deb12u2", None,
     "libxml2: Use-After-Free in libxml2"),
    ("libxml2", "CVE-2025-24928", "2025-02-18", "L/L/N/R/U/H/H/H", "d2 r3", "2.9.14+dfsg-1.3~deb12u2", None,
     "libxml2: Stack-based buffer overflow in xmlSnprintfElements of libxml2"),
    ("libxml2", "CVE-2025-27113", "2025-02-18", "N/H/N/N/U/N/N/L", "d1 r1", "2.9.14+dfsg-1.3~deb12u2", None,
     "libxml2: NULL Pointer Dereference in libxml2 xmlPatPushState"),
    ("libxml2", "CVE-2025-32414", "2025-04-08", "N/L/N/N/U/N/N/H", "d2 r2", "2.9.14+dfsg-1.3~deb12u3", None,
     "libxml2: Out-of-Bounds Read in libxml2"),
    ("libxml2", "CVE-2025-49794", "2025-06-16", "N/L/N/N/U/N/N/H", "d2 r3", None, "affected",
     "libxml: Heap use after free (UAF) leads to Denial of service (DoS)"),
    ("libxml2", "CVE-2025-49796", "2025-06-16", "N/L/N/N/U/N/N/H", "d2 r3", None, "affected",
     "libxml: Type confusion leads to Denial of service (DoS)"),
    ("libwebp", "CVE-2023-4863", "2023-09-12", "N/L/N/R/U/H/H/H", "d3 r3 u3", "1.2.4-0.2+deb12u1", None,
     "libwebp: Heap buffer overflow in WebP Codec"),
    ("tiff", "CVE-2017-16232", "2017-11-03", "N/L/N/N/U/N/N/H", "d1 r1", None, "will_not_fix",
     "libtiff: Memory leaks in tif_open.c, tif_lzw.c, and tif_aux.c"),
    ("tiff", "CVE-2017-17973", "2017-12-29", "N/L/N/R/U/H/H/H", "d1 r1", None, "will_not_fix",
     "libtiff: heap-based use after free in tiff2pdf.c:t2p_writeproc"),
    ("tiff", "CVE-2018-10126", "2018-04-21", "N/L/N/R/U/N/N/H", "d1 r1", None, "will_not_fix",
     "libtiff: NULL pointer dereference in the jpeg_fdct_16x16 function in jfdctint.c"),
    ("tiff", "CVE-2023-52355", "2024-01-25", "N/L/N/N/U/N/N/H", "d1 r2", None, "affected",
     "libtiff: TIFFRasterScanlineSize64 produce too-big size and could cause OOM"),
    ("tiff", "CVE-2023-52356", "2024-01-25", "N/L/N/N/U/N/N/H", "d2 r2", "4.5.0-6+deb12u2", None,
     "libtiff: Segment fault in libtiff in TIFFReadRGBATileExt() leading to denial of service"),
    ("tiff", "CVE-2023-6277", "2023-11-24", "N/L/N/R/U/N/N/H", "d1 r2", None, "affected",
     "libtiff: Out-of-memory in TIFFOpen via a craft file"),
    ("tiff", "CVE-2023-25433", "2023-06-29", "L/L/N/R/U/N/N/H", "d1 r2", "4.5.0-6+deb12u1", None,
     "libtiff: Buffer Overflow via /libtiff/tools/tiffcrop.c"),
    ("tiff", "CVE-2024-7006", "2024-08-12", "N/L/N/N/U/N/N/H", "d2 r2", "4.5.0-6+deb12u2", None,
     "libtiff: NULL pointer dereference in tif_dirinfo.c"),
    ("tiff", "CVE-2025-8176", "2025-07-26", "L/L/L/N/U/L/L/L", "d2 r2", "4.5.0-6+deb12u3", None,
     "libtiff: LibTIFF Use-After-Free Vulnerability"),
    ("tiff", "CVE-2025-9900", "2025-09-23", "L/L/N/R/U/H/H/H", "d2 r3", None, "affected",
     "libtiff: Libtiff Write-What-Where"),
    ("freetype", "CVE-2025-27363", "2025-03-11", "N/H/N/N/U/H/H/H", "d3 r3 u3", "2.12.1+dfsg-5+deb12u4", None,
     "freetype: OOB write when attempting to parse font subglyph structures related to TrueType GX and variable font files"),
    ("libpng1.6", "CVE-2021-4214", "2022-08-24", "L/L/N/R/U/N/N/H", "d1 r1", None, "affected",
     "libpng: hardcoded value leads to heap-overflow"),
    ("libjpeg-turbo", "CVE-2023-2804", "2023-05-25", "L/L/N/R/U/N/N/H", "d1 r2", None, "affected",
     "libjpeg-turbo: heap-based buffer overflow in jpeg_tjbench"),
]

# ----------------------------------------------------------------------------------------
# Ubuntu 24.04 (noble), for eclipse-temurin:21-jre
# ----------------------------------------------------------------------------------------

UBU_SRC = {
    "glibc": (["libc-bin", "libc6", "locales"], [
        ("2024-04-10", "2.39-0ubuntu8.1"), ("2025-02-10", "2.39-0ubuntu8.4"),
        ("2025-06-02", "2.39-0ubuntu8.5"), ("2025-08-05", "2.39-0ubuntu8.6"),
        ("2026-09-29", "2.39-0ubuntu8.7"), ("2026-11-19", "2.39-0ubuntu8.8")]),
    "openssl": (["libssl3t64", "openssl"], [
        ("2024-04-10", "3.0.13-0ubuntu3.1"), ("2024-10-28", "3.0.13-0ubuntu3.4"),
        ("2025-02-11", "3.0.13-0ubuntu3.5"), ("2025-10-01", "3.0.13-0ubuntu3.6"),
        ("2026-08-21", "3.0.13-0ubuntu3.7"), ("2026-11-15", "3.0.13-0ubuntu3.8")]),
    "systemd": (["libsystemd0", "libudev1"], [
        ("2024-04-10", "255.4-1ubuntu8"), ("2025-06-10", "255.4-1ubuntu8.8"),
        ("2026-09-08", "255.4-1ubuntu8.11")]),
    "pam": (["libpam-modules", "libpam-modules-bin", "libpam-runtime", "libpam0g"], [
        ("2024-04-10", "1.5.3-5ubuntu5"), ("2024-12-02", "1.5.3-5ubuntu5.1"),
        ("2025-07-01", "1.5.3-5ubuntu5.4")]),
    "coreutils": (["coreutils"], [("2024-04-10", "9.4-3ubuntu6")]),
    "tar": (["tar"], [("2024-04-10", "1.35+dfsg-3build1")]),
    "shadow": (["login", "passwd"], [("2024-04-10", "1:4.13+dfsg1-4ubuntu3.2")]),
    "gnupg2": (["gpgv"], [("2024-04-10", "2.4.4-2ubuntu17"), ("2025-04-02", "2.4.4-2ubuntu17.2")]),
    "libgcrypt20": (["libgcrypt20"], [("2024-04-10", "1.10.3-2build1")]),
    "ncurses": (["libncursesw6", "libtinfo6", "ncurses-base", "ncurses-bin"], [
        ("2024-04-10", "6.4+20240113-1ubuntu2")]),
    "perl": (["perl-base"], [
        ("2024-04-10", "5.38.2-3.2build2"), ("2025-04-29", "5.38.2-3.2ubuntu0.1"),
        ("2025-06-12", "5.38.2-3.2ubuntu0.2")]),
    "util-linux": (["bsdutils", "libblkid1", "libmount1", "libsmartcols1", "libuuid1",
                    "mount", "util-linux"], [("2024-04-10", "2.39.3-9ubuntu6.3")]),
    "gnutls28": (["libgnutls30t64"], [
        ("2024-04-10", "3.8.3-1.1ubuntu3.2"), ("2025-02-12", "3.8.3-1.1ubuntu3.3"),
        ("2025-07-15", "3.8.3-1.1ubuntu3.4"), ("2026-11-09", "3.8.3-1.1ubuntu3.5")]),
    "wget": (["wget"], [("2024-04-10", "1.21.4-1ubuntu4"), ("2024-07-02", "1.21.4-1ubuntu4.1")]),
    "expat": (["libexpat1"], [("2024-04-10", "2.6.1-2build1"), ("2025-03-20", "2.6.1-2ubuntu0.3")]),
    "libtasn1-6": (["libtasn1-6"], [("2024-04-10", "4.19.0-3build1"), ("2025-02-18", "4.19.0-3ubuntu0.24.04.1")]),
    "xz-utils": (["liblzma5"], [("2024-04-10", "5.6.1+really5.4.5-1build0.1"),
                                ("2025-04-08", "5.6.1+really5.4.5-1ubuntu0.2")]),
    "libpng1.6": (["libpng16-16t64"], [("2024-04-10", "1.6.43-5build1")]),
    "freetype": (["libfreetype6"], [("2024-04-10", "2.13.2+dfsg-1build3")]),
    "fontconfig": (["fontconfig", "fontconfig-config", "libfontconfig1"], [("2024-04-10", "2.15.0-1.1ubuntu2")]),
    "ca-certificates": (["ca-certificates"], [("2024-04-10", "20240203")]),
    "p11-kit": (["libp11-kit0", "p11-kit", "p11-kit-modules"], [("2024-04-10", "0.25.3-4ubuntu2.1")]),
    "tzdata": (["tzdata"], [("2024-04-10", "2024a-3ubuntu1.1"), ("2026-04-01", "2026a-0ubuntu0.24.04")]),
}

UBU_STATIC = {
    "apt": "2.7.14build2", "base-files": "13ubuntu10.3", "bash": "5.2.21-2ubuntu4", "dash": "0.5.12-6ubuntu5",
    "debconf": "1.5.86ubuntu1", "debianutils": "5.17build1", "diffutils": "1:3.10-1build1",
    "dpkg": "1.22.6ubuntu6.1", "findutils": "4.9.0-5build1", "gcc-14-base": "14.2.0-4ubuntu2~24.04",
    "grep": "3.11-4build1", "gzip": "1.12-1ubuntu3", "hostname": "3.23+nmu2ubuntu2",
    "libacl1": "2.3.2-1build1.1", "libapt-pkg6.0t64": "2.7.14build2", "libattr1": "1:2.5.2-1build1.1",
    "libaudit1": "1:3.1.2-2.1build1.1", "libbz2-1.0": "1.0.8-5.1build0.1", "libcap-ng0": "0.8.4-2build2",
    "libcap2": "1:2.66-5ubuntu2.2", "libcrypt1": "1:4.4.36-4build1", "libdb5.3t64": "5.3.28+dfsg2-7",
    "libffi8": "3.4.6-1build1", "libgcc-s1": "14.2.0-4ubuntu2~24.04", "libgmp10": "2:6.3.0+dfsg-2ubuntu6.1",
    "libhogweed6t64": "3.9.1-2.2build1.1", "libidn2-0": "2.3.7-2build1.1", "liblz4-1": "1.9.4-1build1.1",
    "libmd0": "1.1.0-2build1.1", "libnettle8t64": "3.9.1-2.2build1.1", "libpcre2-8-0": "10.42-4ubuntu2.1",
    "libseccomp2": "2.5.5-1ubuntu3.1", "libselinux1": "3.5-2ubuntu2.1", "libstdc++6": "14.2.0-4ubuntu2~24.04",
    "libunistring5": "1.1-2build1.1", "libxxhash0": "0.8.2-2build1", "libzstd1": "1.5.5+dfsg2-2build1.1",
    "mawk": "1.3.4.20240123-1build1", "sed": "4.9-2build1", "zlib1g": "1:1.3.dfsg-3.1ubuntu2.1",
}

UBU_BASE_SOURCES = ["glibc", "systemd", "pam", "coreutils", "tar", "shadow", "gnupg2", "libgcrypt20",
                    "ncurses", "perl", "util-linux", "gnutls28", "libtasn1-6", "xz-utils"]
UBU_BASE_SKIP_BINS = {"locales"}
UBU_TEMURIN_SOURCES = ["glibc", "openssl", "wget", "expat", "libpng1.6", "freetype", "fontconfig",
                       "ca-certificates", "p11-kit", "tzdata"]

UBU_CVES = [
    ("glibc", "CVE-2016-20013", "2022-02-19", "N/L/N/N/U/N/N/H", "u1", None, "affected",
     "glibc: sha256crypt and sha512crypt through 0.6 allow attackers to cause a denial of service (CPU consumption)"),
    ("glibc", "CVE-2025-4802", "2025-05-16", None, "u2", "2.39-0ubuntu8.5", None, None),
    ("glibc", "CVE-2025-8058", "2025-07-23", None, "u2", "2.39-0ubuntu8.6", None, None),
    ("glibc", "CVE-2026-31244", "2026-09-21", None, "u3", "2.39-0ubuntu8.7", None, None),
    ("glibc", "CVE-2026-40518", "2026-11-16", None, "u2", "2.39-0ubuntu8.8", None, None),
    ("openssl", "CVE-2024-41996", "2024-08-26", "N/L/N/N/U/N/N/H", "u1 r2", None, "affected",
     "openssl: remote attackers to cause a denial of service when validating the order of the public keys in the Diffie-Hellman Key Agreement Protocol"),
    ("openssl", "CVE-2024-9143", "2024-10-16", None, "u1", "3.0.13-0ubuntu3.4", None, None),
    ("openssl", "CVE-2024-13176", "2025-01-20", None, "u1", "3.0.13-0ubuntu3.5", None, None),
    ("openssl", "CVE-2025-27587", "2025-04-15", None, "u1", None, "affected", None),
    ("openssl", "CVE-2025-9230", "2025-09-30", None, "u2", "3.0.13-0ubuntu3.6", None, None),
    ("openssl", "CVE-2025-9232", "2025-09-30", None, "u2", "3.0.13-0ubuntu3.6", None, None),
    ("openssl", "CVE-2026-24135", "2026-08-12", None, "u2", "3.0.13-0ubuntu3.7", None, None),
    ("openssl", "CVE-2026-38870", "2026-11-10", None, "u3", "3.0.13-0ubuntu3.8", None, None),
    ("systemd", "CVE-2023-7008", "2023-12-23", None, "u1", None, "affected", None),
    ("systemd", "CVE-2025-4598", "2025-05-30", None, "u2", "255.4-1ubuntu8.8", None, None),
    ("systemd", "CVE-2026-29411", "2026-08-25", None, "u2", "255.4-1ubuntu8.11", None, None),
    ("pam", "CVE-2024-10041", "2024-10-23", None, "u2", "1.5.3-5ubuntu5.1", None, None),
    ("pam", "CVE-2025-6020", "2025-06-17", None, "u2", "1.5.3-5ubuntu5.4", None, None),
    ("pam", "CVE-2025-8941", "2025-08-21", "L/L/L/N/U/H/H/H", "u2 r3", None, "affected",
     "linux-pam: Incomplete fix for CVE-2025-6020"),
    ("coreutils", "CVE-2016-2781", "2017-02-07", None, "u1", None, "affected", None),
    ("tar", "CVE-2025-45582", "2025-07-11", None, "u2", None, "affected", None),
    ("shadow", "CVE-2024-56433", "2024-12-26", "N/H/N/N/U/L/L/L", "u1 r1", None, "affected",
     "shadow-utils: Default subordinate ID configuration in /etc/login.defs could lead to compromise"),
    ("gnupg2", "CVE-2022-3219", "2023-02-23", None, "u1", None, "affected", None),
    ("gnupg2", "CVE-2025-30258", "2025-03-19", None, "u1", "2.4.4-2ubuntu17.2", None, None),
    ("libgcrypt20", "CVE-2024-2236", "2024-03-06", None, "u2", None, "affected", None),
    ("ncurses", "CVE-2025-6141", "2025-06-16", None, "u1", None, "affected", None),
    ("perl", "CVE-2024-56406", "2025-04-13", None, "u2", "5.38.2-3.2ubuntu0.1", None, None),
    ("perl", "CVE-2025-40909", "2025-05-30", None, "u2", "5.38.2-3.2ubuntu0.2", None, None),
    ("util-linux", "CVE-2022-0563", "2022-02-21", None, "u1", None, "affected", None),
    ("gnutls28", "CVE-2024-12243", "2025-02-10", None, "u2", "3.8.3-1.1ubuntu3.3", None, None),
    ("gnutls28", "CVE-2025-32988", "2025-07-10", None, "u2", "3.8.3-1.1ubuntu3.4", None, None),
    ("gnutls28", "CVE-2026-33817", "2026-10-27", None, "u2", "3.8.3-1.1ubuntu3.5", None, None),
    ("wget", "CVE-2021-31879", "2021-04-29", "N/L/N/R/C/L/L/N", "u2 r2", None, "affected",
     "wget: authorization header disclosure on redirect"),
    ("wget", "CVE-2024-38428", "2024-06-16", "N/L/N/N/U/H/H/N", "u2 r2", "1.21.4-1ubuntu4.1", None,
     "wget: Misinterpretation of input may lead to improper behavior"),
    ("expat", "CVE-2024-8176", "2025-03-14", "N/L/N/N/U/N/N/H", "u2 r3", "2.6.1-2ubuntu0.3", None,
     "libexpat: expat: Improper Restriction of XML Entity Expansion Depth in libexpat"),
    ("expat", "CVE-2025-59375", "2025-09-15", None, "u2", None, "affected", None),
    ("libtasn1-6", "CVE-2024-12133", "2025-02-10", "N/L/N/N/U/N/N/L", "u2 r2", "4.19.0-3ubuntu0.24.04.1", None,
     "libtasn1: Inefficient DER Decoding in libtasn1 Leading to Potential Remote DoS"),
    ("xz-utils", "CVE-2025-31115", "2025-04-03", None, "u2", "5.6.1+really5.4.5-1ubuntu0.2", None, None),
]

# ----------------------------------------------------------------------------------------
# Alpine 3.19 (end of life since November 2025: the secdb gets no more fixes)
# ----------------------------------------------------------------------------------------

ALPINE_PKGS = [  # (name, source, version)
    ("alpine-baselayout", "alpine-baselayout", "3.4.3-r2"),
    ("alpine-baselayout-data", "alpine-baselayout", "3.4.3-r2"),
    ("alpine-keys", "alpine-keys", "2.4-r1"), ("apk-tools", "apk-tools", "2.14.4-r0"),
    ("busybox", "busybox", "1.36.1-r21"), ("busybox-binsh", "busybox", "1.36.1-r21"),
    ("ca-certificates-bundle", "ca-certificates", "20250619-r0"),
    ("libc-utils", "libc-dev", "0.7.2-r5"), ("libcrypto3", "openssl", "3.1.8-r1"),
    ("libssl3", "openssl", "3.1.8-r1"), ("musl", "musl", "1.2.4_git20230717-r5"),
    ("musl-utils", "musl", "1.2.4_git20230717-r5"), ("scanelf", "pax-utils", "1.3.7-r2"),
    ("ssl_client", "busybox", "1.36.1-r21"), ("zlib", "zlib", "1.3.1-r0"),
]
ALPINE_CVES = [  # (source, id, published, vector, title)
    ("busybox", "CVE-2024-58251", "2025-04-23", "L/H/L/N/U/N/N/L",
     "busybox: Busybox netstat local DoS via crafted process name"),
    ("busybox", "CVE-2025-46394", "2025-04-23", "L/H/L/R/U/N/L/N",
     "busybox: Busybox tar hides files with terminal escape sequences"),
    ("openssl", "CVE-2025-27587", "2025-04-15", None, None),
]

# ----------------------------------------------------------------------------------------
# Language packages: (ecosystem, package, id, published, nvd vector, vendor severities,
#                     fixed versions ("" = no fix), introduced in (or None), title)
# ----------------------------------------------------------------------------------------

LANG_CVES = [
    # --- npm ---
    ("npm", "express", "CVE-2024-29041", "2024-03-25", "N/L/N/R/C/L/L/N", "g2", "4.19.2, 5.0.0-beta.3", None,
     "express: cause malformed URLs to be evaluated"),
    ("npm", "express", "CVE-2024-43796", "2024-09-10", "N/H/N/R/U/L/L/N", "g1", "4.20.0, 5.0.0", None,
     "express: Improper Input Handling in Express Redirects"),
    ("npm", "body-parser", "CVE-2024-45590", "2024-09-10", "N/L/N/N/U/N/N/H", "g3", "1.20.3", None,
     "body-parser: Denial of Service Vulnerability in body-parser"),
    ("npm", "path-to-regexp", "CVE-2024-45296", "2024-09-09", "N/L/N/N/U/N/N/H", "g3", "0.1.10, 1.9.0, 3.3.0, 6.3.0, 8.0.0", None,
     "path-to-regexp: Backtracking regular expressions cause ReDoS"),
    ("npm", "path-to-regexp", "CVE-2024-52798", "2024-12-05", "N/L/N/N/U/N/N/H", "g3", "0.1.12", None,
     "path-to-regexp: path-to-regexp Unpatched `path-to-regexp` ReDoS in 0.1.x"),
    ("npm", "cookie", "CVE-2024-47764", "2024-10-04", "N/L/N/R/U/N/L/N", "g1", "0.7.0", None,
     "cookie: cookie accepts cookie name, path, and domain with out of bounds characters"),
    ("npm", "send", "CVE-2024-43799", "2024-09-10", "N/H/N/R/U/L/L/N", "g1", "0.19.0", None,
     "send: Code Execution Vulnerability in Send Library"),
    ("npm", "serve-static", "CVE-2024-43800", "2024-09-10", "N/H/N/R/U/L/L/N", "g1", "1.16.0, 2.1.0", None,
     "serve-static: Improper Sanitization in serve-static"),
    ("npm", "axios", "CVE-2023-45857", "2023-11-08", "N/L/N/N/U/H/N/N", "g2", "1.6.0, 0.28.0", "0.8.1",
     "axios: exposure of confidential data stored in cookies"),
    ("npm", "axios", "CVE-2024-39338", "2024-08-12", "N/L/N/N/U/H/N/N", "g3", "1.7.4", "1.3.2",
     "axios: Server-Side Request Forgery"),
    ("npm", "axios", "CVE-2025-27152", "2025-03-07", "N/L/N/N/U/L/N/N", "g3", "1.8.2, 0.30.0", None,
     "axios: Possible SSRF and Credential Leakage via Absolute URL in axios Requests"),
    ("npm", "axios", "CVE-2025-58754", "2025-09-12", "N/L/N/N/U/N/N/H", "g3", "1.12.0, 0.30.2", None,
     "axios: Axios DoS via lack of data size check"),
    ("npm", "follow-redirects", "CVE-2023-26159", "2024-01-02", "N/L/N/R/C/L/L/N", "g2", "1.15.4", None,
     "follow-redirects: Improper Input Validation due to the improper handling of URLs by the url.parse()"),
    ("npm", "follow-redirects", "CVE-2024-28849", "2024-03-14", "N/H/N/N/U/H/N/N", "g2", "1.15.6", None,
     "follow-redirects: Possible credential leak"),
    ("npm", "ws", "CVE-2024-37890", "2024-06-17", "N/L/N/N/U/N/N/H", "g3", "8.17.1, 7.5.10, 6.2.3, 5.2.4", None,
     "nodejs-ws: denial of service when handling a request with many HTTP headers"),
    ("npm", "semver", "CVE-2022-25883", "2023-06-21", "N/L/N/N/U/N/N/H", "g2", "7.5.2, 6.3.1, 5.7.2", None,
     "nodejs-semver: Regular expression denial of service"),
    ("npm", "tough-cookie", "CVE-2023-26136", "2023-07-01", "N/L/N/N/U/H/H/H", "g2", "4.1.3", None,
     "tough-cookie: prototype pollution in cookie memstore"),
    ("npm", "jsonwebtoken", "CVE-2022-23539", "2022-12-23", "N/H/L/N/U/H/L/N", "g3", "9.0.0", None,
     "jsonwebtoken: Unrestricted key type could lead to legacy keys usagen"),
    ("npm", "jsonwebtoken", "CVE-2022-23540", "2022-12-22", "N/L/N/N/U/L/H/L", "g2", "9.0.0", None,
     "jsonwebtoken: Insecure default algorithm in jwt.verify() could lead to signature validation bypass"),
    ("npm", "jsonwebtoken", "CVE-2022-23541", "2022-12-22", "N/H/L/N/U/L/L/L", "g2", "9.0.0", None,
     "jsonwebtoken: Insecure implementation of key retrieval function could lead to Forgeable Public/Private Tokens from RSA to HMAC"),
    ("npm", "jsonwebtoken", "CVE-2026-33520", "2026-03-18", "N/L/N/N/U/H/H/N", "g4", "9.0.3", "9.0.0",
     "jsonwebtoken: algorithm confusion allows forged tokens when ECDSA public keys are passed as secrets"),
    ("npm", "lodash", "CVE-2021-23337", "2021-02-15", "N/L/H/N/U/H/H/H", "g3", "4.17.21", None,
     "nodejs-lodash: command injection via template"),
    ("npm", "lodash", "CVE-2020-28500", "2021-02-15", "N/L/N/N/U/N/N/L", "g2", "4.17.21", None,
     "nodejs-lodash: ReDoS via the toNumber, trim and trimEnd functions"),
    ("npm", "minimist", "CVE-2021-44906", "2022-03-17", "N/L/N/N/U/H/H/H", "g4", "1.2.6, 0.2.4", None,
     "minimist: prototype pollution"),
    ("npm", "braces", "CVE-2024-4068", "2024-05-14", "N/L/N/N/U/N/N/H", "g3", "3.0.3", None,
     "braces: fails to limit the number of characters it can handle"),
    ("npm", "micromatch", "CVE-2024-4067", "2024-05-14", "N/L/N/N/U/N/N/L", "g2", "4.0.8", None,
     "micromatch: vulnerable to Regular Expression Denial of Service"),
    ("npm", "cross-spawn", "CVE-2024-21538", "2024-11-08", "N/L/N/N/U/N/N/H", "g3", "7.0.5, 6.0.6", None,
     "cross-spawn: regular expression denial of service"),
    ("npm", "nanoid", "CVE-2024-55565", "2024-12-09", "N/H/N/N/U/L/N/N", "g2", "5.0.9, 3.3.8", None,
     "nanoid: nanoid mishandles non-integer values"),
    ("npm", "next", "CVE-2024-34351", "2024-05-09", "N/H/N/N/U/H/N/N", "g3", "14.1.1", "13.4.0",
     "next.js: next: Server-Side Request Forgery in Server Actions"),
    ("npm", "next", "CVE-2024-46982", "2024-09-17", "N/L/N/N/U/N/H/N", "g3", "13.5.7, 14.2.10", "13.5.1",
     "next.js: Cache Poisoning"),
    ("npm", "next", "CVE-2024-47831", "2024-10-14", "N/L/N/N/U/N/N/L", "g2", "14.2.7", "10.0.0",
     "next.js: Denial of Service condition in Next.js image optimization"),
    ("npm", "next", "CVE-2024-56332", "2025-01-03", "N/L/N/N/U/N/N/L", "g2", "13.5.8, 14.2.21, 15.1.2", "13.0.0",
     "next.js: Next.js Vulnerable to Denial of Service (DoS) with Server Actions"),
    ("npm", "next", "CVE-2025-29927", "2025-03-21", "N/L/N/N/U/H/H/N", "g4", "12.3.5, 13.5.9, 14.2.25, 15.2.3", "11.1.4",
     "nextjs: Authorization Bypass in Next.js Middleware"),
    ("npm", "next", "CVE-2025-32421", "2025-05-14", "N/H/N/N/U/L/N/N", "g1", "14.2.24, 15.1.6", None,
     "next.js: Next.js Race Condition to Cache Poisoning"),
    ("npm", "next", "CVE-2025-57752", "2025-08-29", "N/H/N/N/U/H/N/N", "g2", "14.2.31, 15.4.5", None,
     "next.js: Next.js Affected by Cache Key Confusion for Image Optimization API Routes"),
    ("npm", "next", "CVE-2026-28931", "2026-09-16", "N/L/N/N/U/N/H/N", "g3", "15.5.3, 14.2.35", "14.0.0",
     "next.js: cache poisoning of React Server Component payloads via crafted request headers"),
    ("npm", "tar", "CVE-2024-28863", "2024-03-21", "N/L/N/R/U/N/N/H", "g2", "6.2.1", None,
     "node-tar: denial of service while parsing a tar file due to lack of folders depth validation"),
    ("npm", "tar", "CVE-2026-23745", "2026-01-16", "N/L/N/R/U/N/H/H", "g3", "7.5.3", None,
     "node-tar: arbitrary file overwrite through hardlink entries with absolute link targets"),
    ("npm", "undici", "CVE-2024-24758", "2024-02-16", "N/H/H/N/U/L/N/N", "g1", "5.28.3, 6.6.1", None,
     "undici: Proxy-Authorization header not cleared on cross-origin redirect"),
    ("npm", "undici", "CVE-2024-30260", "2024-04-04", "N/H/H/N/U/L/N/N", "g1", "5.28.4, 6.11.1", None,
     "undici: proxy-authorization header not cleared on cross-origin redirect in fetch"),
    ("npm", "undici", "CVE-2025-22150", "2025-01-21", "N/H/N/N/U/N/H/N", "g2", "5.28.5, 6.21.1, 7.2.3", None,
     "undici: Use of Insufficiently Random Values in undici"),
    ("npm", "undici", "CVE-2025-47279", "2025-05-15", "N/H/N/N/U/N/N/L", "g1", "5.29.0, 6.21.2, 7.5.0", None,
     "undici: Undici Memory Leak with Invalid Certificates"),
    ("npm", "undici", "CVE-2026-36514", "2026-10-06", "N/L/N/N/U/N/N/H", "g3", "6.22.1, 7.16.1", "6.0.0",
     "undici: unbounded memory growth when decompressing chained Content-Encoding responses"),
    ("npm", "socket.io-parser", "CVE-2023-32695", "2023-05-27", "N/L/N/N/U/N/N/H", "g3", "4.2.3, 3.4.3, 3.3.4", None,
     "socket.io-parser: insufficient validation when decoding a Socket.IO packet"),
    ("npm", "engine.io", "CVE-2023-31125", "2023-05-08", "N/L/L/N/U/N/N/H", "g2", "6.4.2", "5.1.0",
     "engine.io: crafted HTTP request can trigger an uncaught exception"),
    ("npm", "systeminformation", "CVE-2021-21315", "2021-02-16", "L/L/L/N/U/H/H/H", "g3", "5.3.1", None,
     "nodejs-systeminformation: command injection vulnerability"),
    ("npm", "systeminformation", "CVE-2021-21388", "2021-04-29", "N/L/N/N/U/H/H/H", "g4", "5.6.4", None,
     "systeminformation: command injection via unsanitized input in si.inetLatency()"),
    ("npm", "systeminformation", "CVE-2023-42810", "2023-09-21", "N/L/N/N/U/H/H/H", "g4", "5.21.7", "5.0.0",
     "systeminformation: SSID Command Injection Vulnerability"),
    ("npm", "systeminformation", "CVE-2024-56334", "2024-12-20", "L/L/L/N/U/H/H/H", "g3", "5.23.7", None,
     "systeminformation: command injection vulnerability in getWindowsIEEE8021x"),
    ("npm", "postcss", "CVE-2023-44270", "2023-09-29", "N/L/N/N/U/N/L/N", "g2", "8.4.31", None,
     "PostCSS: Improper input validation in PostCSS"),
    ("npm", "ejs", "CVE-2023-29827", "2023-05-04", "N/L/N/N/U/H/H/H", "g1", "", None,
     "ejs: server-side template injection (disputed)"),
    ("npm", "xml2js", "CVE-2023-0842", "2023-04-05", "N/L/N/N/U/N/L/N", "g2", "0.5.0", None,
     "node-xml2js: xml2js is vulnerable to prototype pollution"),
    ("npm", "sharp", "CVE-2023-4863", "2023-09-12", "N/L/N/R/U/H/H/H", "g3", "0.32.6", "0.30.0",
     "libwebp: Heap buffer overflow in WebP Codec"),
    ("npm", "brace-expansion", "CVE-2025-5889", "2025-06-09", "N/H/L/N/U/N/N/L", "g1", "1.1.12, 2.0.2, 3.0.1, 4.0.1", None,
     "brace-expansion: juliangruber brace-expansion index.js expand redos"),
    ("npm", "form-data", "CVE-2025-7783", "2025-07-18", "N/H/N/N/U/H/H/H", "g4", "4.0.4, 3.0.4, 2.5.4", None,
     "form-data: Unsafe random function in form-data"),
    ("npm", "on-headers", "CVE-2025-7339", "2025-07-17", "N/H/N/R/U/N/L/N", "g1", "1.1.0", None,
     "on-headers: on-headers vulnerable to http response header manipulation"),
    ("npm", "multer", "CVE-2025-47944", "2025-05-19", "N/L/N/N/U/N/N/H", "g3", "2.0.0", "1.4.4-lts.1",
     "multer: Multer vulnerable to Denial of Service from maliciously crafted requests"),
    ("npm", "multer", "CVE-2025-48997", "2025-06-03", "N/L/N/N/U/N/N/H", "g3", "2.0.1", "1.4.4-lts.1",
     "multer: Multer vulnerable to Denial of Service via unhandled exception"),
    ("npm", "multer", "CVE-2025-7338", "2025-07-17", "N/L/N/N/U/N/N/H", "g3", "2.0.2", "1.4.4-lts.1",
     "multer: Multer vulnerable to Denial of Service via unhandled exception from malformed request"),
    ("npm", "http-proxy-middleware", "CVE-2024-21536", "2024-10-19", "N/L/N/N/U/N/N/H", "g3", "2.0.7, 3.0.3", None,
     "http-proxy-middleware: Denial of Service"),
    ("npm", "jose", "CVE-2024-28176", "2024-03-09", "N/H/N/R/U/N/N/H", "g2", "2.0.7, 4.15.5", None,
     "jose: resource exhaustion via specifically crafted JWE with compressed plaintext"),
    # --- pip ---
    ("pip", "django", "CVE-2023-41164", "2023-11-03", "N/L/N/N/U/N/N/H", "g2", "3.2.21, 4.1.11, 4.2.5", None,
     "python-django: Potential denial of service vulnerability in django.utils.encoding.uri_to_iri()"),
    ("pip", "django", "CVE-2023-43665", "2023-11-03", "N/L/N/N/U/N/N/H", "g2", "3.2.22, 4.1.12, 4.2.6", None,
     "python-django: Denial-of-service in django.utils.text.Truncator"),
    ("pip", "django", "CVE-2023-46695", "2023-11-02", "N/L/N/N/U/N/N/H", "g2", "3.2.23, 4.1.13, 4.2.7", None,
     "python-django: Potential denial of service vulnerability in UsernameField on Windows"),
    ("pip", "django", "CVE-2024-24680", "2024-02-06", "N/L/N/N/U/N/N/H", "g2", "3.2.24, 4.2.10, 5.0.2", None,
     "Django: denial-of-service in ``intcomma`` template filter"),
    ("pip", "django", "CVE-2024-27351", "2024-03-15", "N/L/N/N/U/N/N/H", "g2", "3.2.25, 4.2.11, 5.0.3", None,
     "python-django: Potential regular expression denial-of-service in django.utils.text.Truncator.words()"),
    ("pip", "django", "CVE-2024-38875", "2024-07-10", "N/L/N/N/U/N/N/H", "g3", "4.2.14, 5.0.7", None,
     "python-django: Potential denial-of-service in django.utils.html.urlize()"),
    ("pip", "django", "CVE-2024-39329", "2024-07-10", "N/L/N/N/U/L/N/N", "g2", "4.2.14, 5.0.7", None,
     "python-django: Username enumeration through timing difference for users with unusable passwords"),
    ("pip", "django", "CVE-2024-39614", "2024-07-10", "N/L/N/N/U/N/N/H", "g3", "4.2.14, 5.0.7", None,
     "python-django: Potential denial-of-service in django.utils.translation.get_supported_language_variant()"),
    ("pip", "django", "CVE-2024-41989", "2024-08-07", "N/L/N/N/U/N/N/H", "g3", "4.2.15, 5.0.8", None,
     "python-django: Memory exhaustion in django.utils.numberformat.floatformat()"),
    ("pip", "django", "CVE-2024-41991", "2024-08-07", "N/L/N/N/U/N/N/H", "g2", "4.2.15, 5.0.8", None,
     "python-django: Potential denial-of-service vulnerability in django.utils.html.urlize() and AdminURLFieldWidget"),
    ("pip", "django", "CVE-2024-42005", "2024-08-07", "N/L/N/N/U/H/H/H", "g3", "4.2.15, 5.0.8", None,
     "python-django: Potential SQL injection in QuerySet.values() and values_list()"),
    ("pip", "django", "CVE-2024-45230", "2024-10-08", "N/L/N/N/U/N/N/H", "g2", "4.2.16, 5.0.9, 5.1.1", None,
     "python-django: Potential denial-of-service vulnerability in django.utils.html.urlize()"),
    ("pip", "django", "CVE-2024-53907", "2024-12-06", "N/L/N/N/U/N/N/H", "g3", "4.2.17, 5.0.10, 5.1.4", None,
     "django: Potential denial-of-service in django.utils.html.strip_tags()"),
    ("pip", "django", "CVE-2024-53908", "2024-12-06", "N/L/N/N/U/H/H/H", "g3", "4.2.17, 5.0.10, 5.1.4", None,
     "django: Potential SQL injection in HasKey(lhs, rhs) on Oracle"),
    ("pip", "django", "CVE-2025-26699", "2025-03-06", "N/L/N/N/U/N/N/L", "g2", "4.2.20, 5.0.13, 5.1.7", None,
     "python-django: Potential denial-of-service vulnerability in django.utils.text.wrap()"),
    ("pip", "django", "CVE-2025-32873", "2025-05-08", "N/L/N/N/U/N/N/L", "g2", "4.2.21, 5.1.9, 5.2.1", None,
     "django: Django Denial of Service in strip_tags()"),
    ("pip", "django", "CVE-2025-57833", "2025-09-03", "N/L/L/N/U/H/H/N", "g3", "4.2.24, 5.1.12, 5.2.6", None,
     "Django: Django SQL injection in FilteredRelation column aliases"),
    ("pip", "requests", "CVE-2023-32681", "2023-05-26", "N/H/N/R/C/H/N/N", "g2", "2.31.0", "2.3.0",
     "python-requests: Unintended leak of Proxy-Authorization header"),
    ("pip", "requests", "CVE-2024-35195", "2024-05-20", "L/H/H/R/U/H/H/N", "g2", "2.32.0", None,
     "requests: subsequent requests to the same host ignore cert verification"),
    ("pip", "requests", "CVE-2024-47081", "2025-06-09", "N/H/N/R/U/H/N/N", "g2", "2.32.4", None,
     "requests: Requests vulnerable to .netrc credentials leak via malicious URLs"),
    ("pip", "urllib3", "CVE-2023-43804", "2023-10-04", "N/H/N/N/U/H/H/N", "g3", "1.26.17, 2.0.6", None,
     "python-urllib3: Cookie request header isn't stripped during cross-origin redirects"),
    ("pip", "urllib3", "CVE-2023-45803", "2023-10-17", "A/H/H/R/U/H/N/N", "g2", "1.26.18, 2.0.7", None,
     "urllib3: Request body not stripped after redirect from 303 status changes request method to GET"),
    ("pip", "urllib3", "CVE-2024-37891", "2024-06-17", "N/H/H/N/U/H/N/N", "g2", "1.26.19, 2.2.2", None,
     "urllib3: proxy-authorization request header is not stripped during cross-origin redirects"),
    ("pip", "urllib3", "CVE-2025-50181", "2025-06-19", "N/H/N/N/U/L/L/N", "g2", "2.5.0", None,
     "urllib3: urllib3 redirects are not disabled when retries are disabled on PoolManager instantiation"),
    ("pip", "urllib3", "CVE-2025-66418", "2025-12-05", "N/L/N/N/U/N/N/H", "g3", "2.6.0", "1.24",
     "urllib3: Unbounded decompression chain leads to resource exhaustion"),
    ("pip", "urllib3", "CVE-2026-39911", "2026-11-05", "N/L/N/N/U/H/N/L", "g3", "2.6.2", "2.0.0",
     "urllib3: proxy credentials forwarded to the origin after an HTTPS-to-HTTP redirect"),
    ("pip", "certifi", "CVE-2023-37920", "2023-07-25", "N/L/N/N/U/H/H/H", "g3", "2023.7.22", None,
     "python-certifi: Removal of e-Tugra root certificate"),
    ("pip", "certifi", "CVE-2024-39689", "2024-07-05", "N/L/N/N/U/N/H/N", "g1", "2024.7.4", "2021.5.30",
     "python-certifi: Remove GLOBALTRUST root certificate"),
    ("pip", "idna", "CVE-2024-3651", "2024-07-07", "L/L/N/N/U/N/N/H", "g2", "3.7", None,
     "python-idna: potential DoS via resource consumption via specially crafted inputs to idna.encode()"),
    ("pip", "jinja2", "CVE-2024-22195", "2024-01-11", "N/L/N/R/C/L/L/N", "g2", "3.1.3", None,
     "jinja2: HTML attribute injection when passing user input as keys to xmlattr filter"),
    ("pip", "jinja2", "CVE-2024-34064", "2024-05-06", "N/L/N/R/C/L/L/N", "g2", "3.1.4", None,
     "jinja2: accepts keys containing non-attribute characters"),
    ("pip", "jinja2", "CVE-2024-56201", "2024-12-23", "N/L/L/N/U/H/H/H", "g2", "3.1.5", "3.0.0",
     "jinja2: Jinja has a sandbox breakout through malicious filenames"),
    ("pip", "jinja2", "CVE-2024-56326", "2024-12-23", "N/L/L/N/U/H/H/H", "g2", "3.1.5", None,
     "jinja2: Jinja has a sandbox breakout through indirect reference to format method"),
    ("pip", "jinja2", "CVE-2025-27516", "2025-03-05", "N/L/L/N/U/H/H/H", "g2", "3.1.6", None,
     "jinja2: Jinja sandbox breakout through attr filter selecting format method"),
    ("pip", "werkzeug", "CVE-2023-46136", "2023-10-25", "N/L/N/N/U/N/N/H", "g2", "2.3.8, 3.0.1", None,
     "python-werkzeug: high resource consumption leading to denial of service"),
    ("pip", "werkzeug", "CVE-2024-34069", "2024-05-06", "N/H/N/R/U/H/H/H", "g3", "3.0.3", None,
     "python-werkzeug: user may execute code on a developer's machine"),
    ("pip", "werkzeug", "CVE-2024-49766", "2024-10-25", "N/H/N/N/U/L/N/N", "g2", "3.0.6", None,
     "werkzeug: python-werkzeug: Werkzeug safe_join not safe on Windows"),
    ("pip", "werkzeug", "CVE-2024-49767", "2024-10-25", "N/L/N/N/U/N/N/H", "g2", "3.0.6", None,
     "werkzeug: python-werkzeug: Werkzeug possible resource exhaustion when parsing file data in forms"),
    ("pip", "flask", "CVE-2023-30861", "2023-05-02", "N/L/N/N/U/H/N/N", "g3", "2.2.5, 2.3.2", None,
     "flask: Possible disclosure of permanent session cookie due to missing Vary: Cookie header"),
    ("pip", "cryptography", "CVE-2023-49083", "2023-11-29", "N/L/N/N/U/N/N/H", "g2", "41.0.6", None,
     "python-cryptography: NULL-dereference when loading PKCS7 certificates"),
    ("pip", "cryptography", "CVE-2023-50782", "2024-02-05", "N/L/N/N/U/H/N/N", "g3", "42.0.0", None,
     "python-cryptography: Bleichenbacher timing oracle attack against RSA decryption - incomplete fix for CVE-2020-25659"),
    ("pip", "cryptography", "CVE-2024-0727", "2024-01-26", "L/L/N/R/U/N/N/H", "g2", "42.0.2", None,
     "openssl: denial of service via null dereference"),
    ("pip", "cryptography", "CVE-2024-26130", "2024-02-21", "N/L/N/N/U/N/N/H", "g3", "42.0.4", "38.0.0",
     "python-cryptography: NULL pointer dereference with pkcs12.serialize_key_and_certificates when called with a non-matching certificate and private key and an hmac_hash override"),
    ("pip", "cryptography", "GHSA-h4gh-qq45-vh27", "2024-09-03", None, "g2", "43.0.1", "37.0.0",
     "pyca/cryptography has a vulnerable OpenSSL included in cryptography wheels"),
    ("pip", "cryptography", "CVE-2024-12797", "2025-02-11", "N/H/N/N/U/L/L/N", "g3", "44.0.1", "42.0.0",
     "openssl: RFC7250 handshakes with unauthenticated servers don't abort as expected"),
    ("pip", "aiohttp", "CVE-2023-47627", "2023-11-14", "N/L/N/N/U/N/L/N", "g2", "3.8.6", None,
     "python-aiohttp: numerous issues in HTTP parser with header parsing"),
    ("pip", "aiohttp", "CVE-2023-49081", "2023-11-30", "N/L/N/N/U/N/L/N", "g2", "3.9.0", None,
     "aiohttp: HTTP request modification"),
    ("pip", "aiohttp", "CVE-2023-49082", "2023-11-29", "N/L/N/N/U/L/L/N", "g2", "3.9.0", None,
     "aiohttp: CRLF injection if user controls the HTTP method using aiohttp client"),
    ("pip", "aiohttp", "CVE-2024-23334", "2024-01-29", "N/L/N/N/U/H/N/N", "g3", "3.9.2", "1.0.5",
     "aiohttp: follow_symlinks directory traversal vulnerability"),
    ("pip", "aiohttp", "CVE-2024-23829", "2024-01-29", "N/L/N/N/U/N/L/N", "g2", "3.9.2", None,
     "python-aiohttp: http request smuggling"),
    ("pip", "aiohttp", "CVE-2024-27306", "2024-04-18", "N/L/N/R/C/L/L/N", "g2", "3.9.4", None,
     "aiohttp: XSS on index pages for static file handling"),
    ("pip", "aiohttp", "CVE-2024-30251", "2024-05-02", "N/L/N/N/U/N/N/H", "g3", "3.9.4", None,
     "aiohttp: DoS when trying to parse malformed POST requests"),
    ("pip", "aiohttp", "CVE-2024-52304", "2024-11-18", "N/L/N/N/U/L/N/N", "g2", "3.10.11", None,
     "aiohttp: aiohttp vulnerable to request smuggling due to incorrect parsing of chunk extensions"),
    ("pip", "aiohttp", "CVE-2025-53643", "2025-07-14", "N/L/N/N/U/N/L/N", "g1", "3.12.14", None,
     "aiohttp: AIOHTTP is vulnerable to HTTP Request/Response Smuggling through incorrect parsing of chunked trailer sections"),
    ("pip", "aiohttp", "CVE-2026-32008", "2026-04-07", "N/L/N/N/U/H/H/N", "g4", "3.13.2", "3.9.0",
     "aiohttp: request smuggling through chunk extensions in the pure-Python HTTP parser"),
    ("pip", "pillow", "CVE-2023-4863", "2023-09-12", "N/L/N/R/U/H/H/H", "g3", "10.0.1", "8.2.0",
     "libwebp: Heap buffer overflow in WebP Codec"),
    ("pip", "pillow", "CVE-2023-44271", "2023-11-03", "N/L/N/N/U/N/N/H", "g3", "10.0.0", None,
     "python-pillow: uncontrolled resource consumption when textlength in an ImageDraw instance operates on a long text argument"),
    ("pip", "pillow", "CVE-2023-50447", "2024-01-19", "L/H/N/N/U/H/H/H", "g3", "10.2.0", None,
     "pillow: Arbitrary Code Execution via the environment parameter"),
    ("pip", "pillow", "CVE-2024-28219", "2024-04-03", "L/L/N/N/U/L/L/L", "g2", "10.3.0", None,
     "python-pillow: buffer overflow in _imagingcms.c"),
    ("pip", "setuptools", "CVE-2022-40897", "2022-12-23", "N/H/N/N/U/N/N/H", "g2", "65.5.1", None,
     "pypa-setuptools: Regular Expression Denial of Service (ReDoS) in package_index.py"),
    ("pip", "setuptools", "CVE-2024-6345", "2024-07-15", "N/L/N/R/U/H/H/H", "g3", "70.0.0", None,
     "pypa/setuptools: Remote code execution via download functions in the package_index module in pypa/setuptools"),
    ("pip", "setuptools", "CVE-2025-47273", "2025-05-17", "L/L/L/N/U/N/H/N", "g3", "78.1.1", None,
     "setuptools: Path Traversal Vulnerability in setuptools PackageIndex"),
    ("pip", "pip", "CVE-2023-5752", "2023-10-03", "L/H/H/N/U/N/L/N", "g1", "23.3", None,
     "pip: Mercurial configuration injectable in repo revision when installing via pip"),
    ("pip", "pip", "CVE-2025-8869", "2025-09-24", "N/H/N/R/U/N/H/N", "g2", "25.3", None,
     "pip: pip missing checks on symbolic link extraction"),
    ("pip", "gunicorn", "CVE-2024-1135", "2024-04-16", "N/L/N/N/U/N/H/N", "g3", "22.0.0", None,
     "python-gunicorn: HTTP Request Smuggling due to improper validation of Transfer-Encoding headers"),
    ("pip", "gunicorn", "CVE-2024-6827", "2025-03-20", "N/L/N/N/U/N/H/N", "g3", "23.0.0", None,
     "gunicorn: HTTP Request/Response Smuggling vulnerability"),
    ("pip", "python-multipart", "CVE-2024-24762", "2024-02-05", "N/L/N/N/U/N/N/H", "g3", "0.0.7", None,
     "python-multipart: Regular Expression Denial of Service (ReDoS) in python-multipart"),
    ("pip", "python-multipart", "CVE-2024-53981", "2024-12-02", "N/L/N/N/U/N/N/H", "g3", "0.0.18", None,
     "python-multipart: python-multipart has a DoS via deformation `multipart/form-data` boundary"),
    ("pip", "fastapi", "CVE-2024-24762", "2024-02-05", "N/L/N/N/U/N/N/H", "g3", "0.109.1", None,
     "python-multipart: Regular Expression Denial of Service (ReDoS) in python-multipart"),
    ("pip", "starlette", "CVE-2024-47874", "2024-10-15", "N/L/N/N/U/N/N/H", "g3", "0.40.0", None,
     "starlette: Starlette Denial of service (DoS) via multipart/form-data"),
    ("pip", "starlette", "CVE-2025-54121", "2025-07-21", "N/L/N/N/U/N/N/L", "g2", "0.47.2", None,
     "starlette: Starlette has possible denial-of-service vector when parsing large files in multipart forms"),
    ("pip", "starlette", "CVE-2026-25519", "2026-09-15", "N/L/N/N/U/N/N/H", "g3", "0.49.1", "0.25.0",
     "starlette: quadratic-time parsing of Range headers in FileResponse allows denial of service"),
    ("pip", "h11", "CVE-2025-43859", "2025-04-24", "N/L/N/N/U/H/H/N", "g4", "0.16.0", None,
     "h11: h11 accepts some malformed Chunked-Encoding bodies"),
    ("pip", "sqlparse", "CVE-2024-4340", "2024-04-15", "N/L/N/N/U/N/N/H", "g3", "0.5.0", None,
     "sqlparse: parsing heavily nested list leads to Denial of Service"),
    ("pip", "paramiko", "CVE-2023-48795", "2023-12-18", "N/H/N/N/U/N/H/N", "g2", "3.4.0", None,
     "ssh: Prefix truncation attack on Binary Packet Protocol (BPP)"),
    ("pip", "tornado", "CVE-2024-52804", "2024-11-22", "N/L/N/N/U/N/N/H", "g3", "6.4.2", None,
     "python-tornado: Tornado has an HTTP cookie parsing DoS vulnerability"),
    ("pip", "tornado", "CVE-2025-47287", "2025-05-15", "N/L/N/N/U/N/N/H", "g3", "6.5", None,
     "tornado: Tornado vulnerable to excessive logging caused by malformed multipart form data"),
    ("pip", "protobuf", "CVE-2025-4565", "2025-06-16", "N/L/N/N/U/N/N/H", "g3", "4.25.8, 5.29.5, 6.31.1", None,
     "protobuf: Unbounded recursion in Python Protobuf"),
    ("pip", "scikit-learn", "CVE-2024-5206", "2024-06-06", "N/L/N/N/U/L/N/N", "g2", "1.5.0", None,
     "scikit-learn: sensitive data leakage vulnerability in scikit-learn"),
    ("pip", "pyarrow", "CVE-2023-47248", "2023-11-09", "N/L/N/N/U/H/H/H", "g4", "14.0.1", "0.14.0",
     "PyArrow: Arbitrary code execution when loading a malicious data file"),
    ("pip", "mlflow", "CVE-2023-6831", "2023-12-15", "N/L/L/N/U/H/H/H", "g3", "2.9.2", None,
     "mlflow: Path Traversal in mlflow/mlflow"),
    ("pip", "mlflow", "CVE-2023-6909", "2023-12-18", "N/L/N/N/U/H/N/N", "g3", "2.9.2", None,
     "mlflow: Local File Inclusion"),
    ("pip", "mlflow", "CVE-2023-6940", "2023-12-19", "N/L/N/N/U/H/H/H", "g4", "2.9.2", None,
     "mlflow: Only a single url parameter can cause arbitrary file read"),
    ("pip", "mlflow", "CVE-2024-27132", "2024-02-23", "N/L/N/R/C/L/L/N", "g3", "2.10.0", None,
     "mlflow: cross-site scripting in recipes"),
    ("pip", "mlflow", "CVE-2024-37052", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "1.1.0",
     "mlflow: Deserialization of untrusted data can occur in versions of the MLflow platform running version 1.1.0 or newer"),
    ("pip", "mlflow", "CVE-2024-37053", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "1.1.0",
     "mlflow: Deserialization of untrusted data in scikit-learn models"),
    ("pip", "mlflow", "CVE-2024-37054", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "0.9.0",
     "mlflow: Deserialization of untrusted data in PyFunc models"),
    ("pip", "mlflow", "CVE-2024-37055", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "1.24.0",
     "mlflow: Deserialization of untrusted data in pmdarima models"),
    ("pip", "mlflow", "CVE-2024-37056", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "1.23.0",
     "mlflow: Deserialization of untrusted data in LightGBM scikit-learn models"),
    ("pip", "mlflow", "CVE-2024-37057", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "2.0.0rc0",
     "mlflow: Deserialization of untrusted data in Tensorflow models"),
    ("pip", "mlflow", "CVE-2024-37059", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "0.5.0",
     "mlflow: Deserialization of untrusted data in PyTorch models"),
    ("pip", "mlflow", "CVE-2024-37060", "2024-06-04", "N/L/L/R/U/H/H/H", "g3", "", "1.27.0",
     "mlflow: Deserialization of untrusted data in recipes"),
    ("pip", "jupyter-server", "CVE-2024-35178", "2024-06-06", "N/L/N/R/U/H/N/N", "g2", "2.14.1", None,
     "jupyter-server: Jupyter Server on Windows discloses Windows user's NTLMv2 password hashes"),
    ("pip", "jupyterlab", "CVE-2024-22420", "2024-01-19", "N/L/N/R/U/L/L/N", "g2", "3.6.7, 4.0.11", None,
     "jupyterlab: JupyterLab vulnerable to potential authentication and CSRF tokens leak"),
    ("pip", "jupyterlab", "CVE-2024-43805", "2024-08-28", "N/L/N/R/C/H/H/N", "g3", "3.6.8, 4.2.5", None,
     "jupyterlab: HTML injection in Jupyter Notebook and JupyterLab leading to DOM Clobbering"),
    ("pip", "notebook", "CVE-2024-22421", "2024-01-19", "N/L/N/R/U/L/L/N", "g2", "7.0.7", "7.0.0",
     "notebook: JupyterLab vulnerable to potential authentication and CSRF tokens leak"),
    ("pip", "nltk", "CVE-2024-39705", "2024-06-27", "N/L/N/N/U/H/H/H", "g4", "3.9", None,
     "nltk: remote code execution if untrusted packages have pickled Python code"),
    ("pip", "black", "CVE-2024-21503", "2024-03-19", "L/L/N/N/U/N/N/L", "g2", "24.3.0", None,
     "psf/black: ReDoS via the lines_with_leading_tabs_expanded() function in strings.py file"),
    ("pip", "zipp", "CVE-2024-5569", "2024-07-09", "L/L/N/N/U/N/N/H", "g2", "3.19.1", None,
     "github.com/jaraco/zipp: Denial of Service Vulnerability in jaraco/zipp"),
    ("pip", "torch", "CVE-2025-32434", "2025-04-18", "N/L/N/N/U/H/H/H", "g4", "2.6.0", None,
     "pytorch: PyTorch torch.load with weights_only=True leads to remote code execution"),
    ("pip", "torch", "CVE-2024-31580", "2024-04-17", "L/L/N/R/U/N/N/H", "g2", "2.2.0", None,
     "pytorch: heap buffer overflow vulnerability in torch/csrc/jit/runtime/vararg_functions.cpp"),
    ("pip", "torch", "CVE-2025-3730", "2025-04-16", "L/L/L/N/U/N/N/L", "g1", "2.8.0", None,
     "pytorch: PyTorch ctc_loss denial of service"),
    # --- maven ---
    ("maven", "org.apache.logging.log4j:log4j-core", "CVE-2021-44228", "2021-12-10", "N/L/N/N/C/H/H/H", "g4", "2.15.0, 2.3.1, 2.12.2", "2.0-beta9",
     "log4j-core: Remote code execution in Log4j 2.x when logs contain an attacker-controlled string value"),
    ("maven", "org.apache.logging.log4j:log4j-core", "CVE-2021-45046", "2021-12-14", "N/H/N/N/C/H/H/H", "g4", "2.16.0, 2.12.2", "2.0-beta9",
     "log4j-core: DoS in log4j 2.x with thread context message pattern and context lookup pattern (incomplete fix for CVE-2021-44228)"),
    ("maven", "org.apache.logging.log4j:log4j-core", "CVE-2021-45105", "2021-12-18", "N/H/N/N/U/N/N/H", "g2", "2.17.0, 2.12.3, 2.3.1", "2.0-beta9",
     "log4j-core: DoS in log4j 2.x with Thread Context Map (MDC) input data contains a recursive lookup and context lookup pattern"),
    ("maven", "org.apache.logging.log4j:log4j-core", "CVE-2021-44832", "2021-12-28", "N/H/H/N/U/H/H/H", "g2", "2.17.1, 2.12.4, 2.3.2", "2.0-beta7",
     "log4j-core: remote code execution via JDBC Appender"),
    ("maven", "log4j:log4j", "CVE-2019-17571", "2019-12-20", "N/L/N/N/U/H/H/H", "g4", "", None,
     "log4j: deserialization of untrusted data in SocketServer"),
    ("maven", "log4j:log4j", "CVE-2021-4104", "2021-12-14", "N/H/H/N/U/H/H/H", "g3", "", None,
     "log4j: Remote code execution in Log4j 1.x when application is configured to use JMSAppender"),
    ("maven", "log4j:log4j", "CVE-2022-23302", "2022-01-18", "N/L/L/N/U/H/H/H", "g3", "", None,
     "log4j: Remote code execution in Log4j 1.x when application is configured to use JMSSink"),
    ("maven", "log4j:log4j", "CVE-2022-23305", "2022-01-18", "N/L/N/N/U/H/H/H", "g4", "", None,
     "log4j: SQL injection in Log4j 1.x when application is configured to use JDBCAppender"),
    ("maven", "log4j:log4j", "CVE-2022-23307", "2022-01-18", "N/L/L/N/U/H/H/H", "g4", "", None,
     "log4j: Unsafe deserialization flaw in Chainsaw log viewer"),
    ("maven", "org.springframework:spring-beans", "CVE-2022-22965", "2022-04-01", "N/L/N/N/U/H/H/H", "g4", "5.3.18, 5.2.20", None,
     "spring-framework: RCE via Data Binding on JDK 9+"),
    ("maven", "org.springframework:spring-core", "CVE-2022-22968", "2022-04-14", "N/L/N/N/U/N/L/N", "g2", "5.3.19, 5.2.21", None,
     "Spring Framework: Data Binding Rules Vulnerability"),
    ("maven", "org.springframework:spring-expression", "CVE-2023-20861", "2023-03-23", "N/L/L/N/U/N/N/H", "g2", "6.0.7, 5.3.26, 5.2.23", None,
     "springframework: Spring Expression DoS Vulnerability"),
    ("maven", "org.springframework:spring-expression", "CVE-2023-20863", "2023-04-13", "N/L/L/N/U/N/N/H", "g2", "6.0.8, 5.3.27, 5.2.24", None,
     "springframework: Spring Expression DoS Vulnerability"),
    ("maven", "org.springframework:spring-web", "CVE-2016-1000027", "2020-01-02", "N/L/N/N/U/H/H/H", "g4", "6.0.0", None,
     "spring: HttpInvokerServiceExporter readRemoteInvocation method untrusted java deserialization"),
    ("maven", "org.springframework:spring-web", "CVE-2024-22243", "2024-02-23", "N/L/N/R/U/H/H/N", "g3", "6.1.4, 6.0.17, 5.3.32", None,
     "springframework: URL Parsing with Host Validation"),
    ("maven", "org.springframework:spring-web", "CVE-2024-22259", "2024-03-16", "N/L/N/R/U/H/H/N", "g3", "6.1.5, 6.0.18, 5.3.33", None,
     "springframework: URL Parsing with Host Validation"),
    ("maven", "org.springframework:spring-web", "CVE-2024-22262", "2024-04-16", "N/L/N/R/U/H/H/N", "g3", "6.1.6, 6.0.19, 5.3.34", None,
     "springframework: URL Parsing with Host Validation"),
    ("maven", "org.springframework:spring-web", "CVE-2024-38809", "2024-09-27", "N/L/N/N/U/N/N/L", "g2", "6.1.12, 6.0.23, 5.3.38", None,
     "org.springframework:spring-web: Spring Framework DoS via conditional HTTP request"),
    ("maven", "org.springframework:spring-web", "CVE-2026-21745", "2026-03-12", "N/L/N/N/U/H/H/N", "g4", "6.2.12, 6.1.22", "6.0.0",
     "springframework: path traversal in functional web endpoints serving static resources"),
    ("maven", "org.springframework:spring-webmvc", "CVE-2024-38816", "2024-09-13", "N/L/N/N/U/H/N/N", "g3", "6.1.13, 6.0.24, 5.3.40", None,
     "spring-webmvc: Path traversal vulnerability in functional web frameworks"),
    ("maven", "org.springframework:spring-webmvc", "CVE-2024-38819", "2024-12-19", "N/L/N/N/U/H/N/N", "g3", "6.1.14, 6.0.25, 5.3.41", None,
     "org.springframework/spring-webmvc: Path traversal vulnerability in functional web frameworks"),
    ("maven", "org.springframework.security:spring-security-web", "CVE-2024-22257", "2024-03-18", "N/L/N/N/U/H/L/N", "g3", "5.7.12, 5.8.11, 6.0.9, 6.1.8, 6.2.3", None,
     "spring-security: Broken Access Control With Direct Use of AuthenticatedVoter"),
    ("maven", "org.springframework.security:spring-security-web", "CVE-2024-38821", "2024-10-28", "N/L/N/N/U/H/H/H", "g4", "5.7.13, 5.8.15, 6.0.13, 6.1.11, 6.2.7, 6.3.4", None,
     "spring-security: Authorization Bypass of Static Resources in WebFlux Applications"),
    ("maven", "org.springframework.boot:spring-boot", "CVE-2023-20873", "2023-05-26", "N/L/N/N/U/H/H/H", "g4", "3.0.6, 2.7.11, 2.6.15, 2.5.15", None,
     "spring-boot: Security Bypass With Wildcard Pattern Matching on Cloud Foundry"),
    ("maven", "org.springframework.cloud:spring-cloud-function-context", "CVE-2022-22963", "2022-04-01", "N/L/N/N/U/H/H/H", "g4", "3.2.3, 3.1.7", None,
     "spring-cloud-function: Remote code execution in Spring Cloud Function by malicious Spring Expression"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "g3", "11.0.0-M12, 10.1.14, 9.0.81, 8.5.94", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2023-46589", "2023-11-28", "N/L/N/N/U/N/H/N", "g3", "11.0.0-M11, 10.1.16, 9.0.83, 8.5.96", None,
     "tomcat: HTTP request smuggling via malformed trailer headers"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2024-24549", "2024-03-13", "N/L/N/N/U/N/N/H", "g3", "11.0.0-M17, 10.1.19, 9.0.86, 8.5.99", None,
     "Tomcat: HTTP/2 header handling DoS"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2024-34750", "2024-07-03", "N/L/N/N/U/N/N/H", "g3", "11.0.0-M21, 10.1.25, 9.0.90", None,
     "tomcat: Improper Handling of Exceptional Conditions on HTTP/2 stream"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2024-50379", "2024-12-17", "N/H/N/N/U/H/H/H", "g4", "11.0.2, 10.1.34, 9.0.98", None,
     "tomcat: RCE due to TOCTOU issue in JSP compilation"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2024-56337", "2024-12-20", "N/H/N/N/U/H/H/H", "g4", "11.0.2, 10.1.34, 9.0.98", None,
     "tomcat: Incomplete fix for CVE-2024-50379 - RCE due to TOCTOU issue in JSP compilation"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2025-24813", "2025-03-10", "N/L/N/N/U/H/H/H", "g4", "11.0.3, 10.1.35, 9.0.99", None,
     "tomcat: Potential RCE and/or information disclosure and/or information corruption with partial PUT"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2025-31650", "2025-04-28", "N/L/N/N/U/N/N/H", "g3", "11.0.6, 10.1.40, 9.0.104", None,
     "tomcat: Apache Tomcat: DoS via invalid HTTP priority header"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2025-48988", "2025-06-16", "N/L/N/N/U/N/N/H", "g3", "11.0.8, 10.1.42, 9.0.106", None,
     "tomcat: Apache Tomcat: DoS in multipart upload"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2025-52520", "2025-07-10", "N/L/N/N/U/N/N/H", "g3", "11.0.9, 10.1.43, 9.0.107", None,
     "tomcat: Apache Tomcat: DoS via integer overflow in multipart file upload"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2025-55752", "2025-10-27", "N/H/N/N/U/H/H/N", "g3", "11.0.11, 10.1.45, 9.0.109", None,
     "tomcat: Apache Tomcat: Directory traversal via rewrite with possible RCE if PUT is enabled"),
    ("maven", "org.apache.tomcat.embed:tomcat-embed-core", "CVE-2026-34172", "2026-09-29", "N/L/N/N/U/N/N/H", "g3", "11.0.13, 10.1.49, 9.0.112", None,
     "tomcat: HTTP/2 CONTINUATION frames with oversized headers exhaust memory"),
    ("maven", "com.fasterxml.jackson.core:jackson-databind", "CVE-2020-36518", "2022-03-11", "N/L/N/N/U/N/N/H", "g3", "2.12.6.1, 2.13.2.1", None,
     "jackson-databind: denial of service via a large depth of nested objects"),
    ("maven", "com.fasterxml.jackson.core:jackson-databind", "CVE-2022-42003", "2022-10-02", "N/L/N/N/U/N/N/H", "g3", "2.13.4.1, 2.12.7.1", None,
     "jackson-databind: deep wrapper array nesting wrt UNWRAP_SINGLE_VALUE_ARRAYS"),
    ("maven", "com.fasterxml.jackson.core:jackson-databind", "CVE-2022-42004", "2022-10-02", "N/L/N/N/U/N/N/H", "g3", "2.13.4, 2.12.7.1", None,
     "jackson-databind: use of deeply nested arrays"),
    ("maven", "com.fasterxml.jackson.core:jackson-core", "CVE-2026-38002", "2026-11-04", "N/L/N/N/U/N/N/H", "g3", "2.20.2, 2.19.4, 2.18.6", "2.15.0",
     "jackson-core: number parsing with very long exponents exhausts CPU despite StreamReadConstraints"),
    ("maven", "org.yaml:snakeyaml", "CVE-2022-1471", "2022-12-01", "N/L/N/N/U/H/H/H", "g3", "2.0", None,
     "SnakeYaml: Constructor Deserialization Remote Code Execution"),
    ("maven", "org.yaml:snakeyaml", "CVE-2022-25857", "2022-08-30", "N/L/N/N/U/N/N/H", "g3", "1.31", None,
     "snakeyaml: Denial of Service due to missing nested depth limitation for collections"),
    ("maven", "org.yaml:snakeyaml", "CVE-2022-38749", "2022-09-05", "N/L/L/N/U/N/N/H", "g2", "1.31", None,
     "snakeyaml: Uncaught exception in org.yaml.snakeyaml.composer.Composer.composeSequenceNode"),
    ("maven", "org.yaml:snakeyaml", "CVE-2022-41854", "2022-11-11", "N/L/N/R/U/N/N/H", "g2", "1.32", None,
     "dev-java/snakeyaml: DoS via stack overflow"),
    ("maven", "io.netty:netty-codec-http2", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "g3", "4.1.100.Final", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("maven", "io.netty:netty-codec-http2", "CVE-2025-55163", "2025-08-13", "N/L/N/N/U/N/N/H", "g3", "4.2.4.Final, 4.1.124.Final", None,
     "netty-codec-http2: Netty MadeYouReset HTTP/2 DDoS Vulnerability"),
    ("maven", "io.netty:netty-codec-http", "CVE-2024-29025", "2024-03-25", "N/L/N/N/U/N/N/L", "g2", "4.1.108.Final", None,
     "netty-codec-http: Allocation of Resources Without Limits or Throttling"),
    ("maven", "io.netty:netty-handler", "CVE-2023-34462", "2023-06-22", "N/L/L/N/U/N/N/H", "g2", "4.1.94.Final", None,
     "netty: SniHandler 16MB allocation leads to OOM"),
    ("maven", "io.netty:netty-handler", "CVE-2025-24970", "2025-02-10", "N/L/N/N/U/N/N/H", "g3", "4.1.118.Final", "4.1.91.Final",
     "io.netty:netty-handler: SslHandler doesn't correctly validate packets which can lead to native crash when using native SSLEngine"),
    ("maven", "io.netty:netty-common", "CVE-2024-47535", "2024-11-12", "L/L/N/N/U/N/N/H", "g2", "4.1.115.Final", None,
     "netty: Denial of Service attack on windows app using Netty"),
    ("maven", "ch.qos.logback:logback-classic", "CVE-2023-6378", "2023-11-29", "N/L/N/N/U/N/N/H", "g3", "1.4.12, 1.3.12, 1.2.13", None,
     "logback: serialization vulnerability in logback receiver"),
    ("maven", "ch.qos.logback:logback-core", "CVE-2023-6481", "2023-12-04", "N/L/N/N/U/N/N/H", "g3", "1.4.14, 1.3.14, 1.2.13", None,
     "logback: A serialization vulnerability in logback receiver"),
    ("maven", "ch.qos.logback:logback-core", "CVE-2024-12798", "2024-12-19", "L/L/H/N/U/H/H/N", "g2", "1.5.13, 1.3.15", "1.3.0",
     "logback-core: arbitrary code execution via JaninoEventEvaluator"),
    ("maven", "ch.qos.logback:logback-core", "CVE-2024-12801", "2024-12-19", "L/H/H/R/U/N/N/L", "g1", "1.5.13, 1.3.15", "1.3.0",
     "logback-core: SaxEventRecorder vulnerable to Server-Side Request Forgery (SSRF) attacks"),
    ("maven", "org.apache.commons:commons-text", "CVE-2022-42889", "2022-10-13", "N/L/N/N/U/H/H/H", "g4", "1.10.0", None,
     "apache-commons-text: variable interpolation RCE"),
    ("maven", "commons-io:commons-io", "CVE-2021-29425", "2021-04-13", "N/H/N/N/U/L/L/N", "g2", "2.7", None,
     "apache-commons-io: Limited path traversal in Apache Commons IO 2.2 to 2.6"),
    ("maven", "commons-io:commons-io", "CVE-2024-47554", "2024-10-03", "N/L/N/N/U/N/N/L", "g2", "2.14.0", "2.0",
     "commons-io: Possible denial of service attack on untrusted input to XmlStreamReader"),
    ("maven", "com.google.guava:guava", "CVE-2018-10237", "2018-04-26", "N/H/N/N/U/N/N/H", "g2", "24.1.1-android", "11.0",
     "guava: Unbounded memory allocation in AtomicDoubleArray and CompoundOrdering classes allow remote attackers to cause a denial of service"),
    ("maven", "com.google.guava:guava", "CVE-2020-8908", "2020-12-10", "L/L/L/N/U/L/N/N", "g1", "32.0.0-android", None,
     "guava: local information disclosure via temporary directory created with unsafe permissions"),
    ("maven", "com.google.guava:guava", "CVE-2023-2976", "2023-06-14", "L/L/L/N/U/H/H/N", "g2", "32.0.0-android", "1.0",
     "guava: insecure temporary directory creation"),
    ("maven", "org.postgresql:postgresql", "CVE-2022-31197", "2022-08-03", "N/H/L/R/U/H/H/H", "g3", "42.4.1, 42.3.7, 42.2.26", None,
     "postgresql: SQL Injection in ResultSet.refreshRow() with malicious column names"),
    ("maven", "org.postgresql:postgresql", "CVE-2022-41946", "2022-11-23", "L/L/L/N/U/H/N/N", "g2", "42.5.1, 42.4.3, 42.3.8, 42.2.27", None,
     "jdbc-postgresql: postgresql-jdbc: PreparedStatement.setText(int, InputStream) will create a temporary file if the InputStream is larger than 2k"),
    ("maven", "org.postgresql:postgresql", "CVE-2024-1597", "2024-02-19", "N/L/N/N/U/H/H/H", "g4", "42.7.2, 42.6.1, 42.5.5, 42.4.4, 42.3.9, 42.2.28", None,
     "pgjdbc: PostgreSQL JDBC Driver allows attacker to inject SQL if using PreferQueryMode=SIMPLE"),
    ("maven", "com.h2database:h2", "CVE-2022-45868", "2022-11-23", "L/L/N/N/U/H/N/N", "g3", "", None,
     "h2: Password exposure in H2 Database (disputed)"),
    ("maven", "org.apache.kafka:kafka-clients", "CVE-2024-31141", "2024-11-19", "N/L/H/N/U/L/N/N", "g2", "3.7.1", "2.3.0",
     "kafka-clients: Apache Kafka Clients: Privilege escalation to filesystem read-access via automatic ConfigProvider"),
    ("maven", "org.apache.kafka:kafka-clients", "CVE-2025-27817", "2025-06-10", "N/L/L/N/U/H/N/N", "g3", "3.9.1", "3.1.0",
     "kafka-clients: Apache Kafka Client Arbitrary File Read and Server Side Request Forgery Vulnerability"),
    ("maven", "org.apache.kafka:kafka-clients", "CVE-2025-27818", "2025-06-10", "N/L/H/N/U/H/H/H", "g3", "3.9.1", "2.3.0",
     "kafka-clients: Apache Kafka Client: Arbitrary File Read and SSRF via LdapLoginModule"),
    ("maven", "org.apache.activemq:activemq-client", "CVE-2023-46604", "2023-10-27", "N/L/N/N/U/H/H/H", "g4", "5.15.16, 5.16.7, 5.17.6, 5.18.3, 6.0.0", None,
     "activemq: OpenWire protocol unbounded deserialization allows remote code execution"),
    ("maven", "org.apache.zookeeper:zookeeper", "CVE-2023-44981", "2023-10-11", "N/L/N/N/U/H/H/H", "g4", "3.7.2, 3.8.3, 3.9.1", None,
     "zookeeper: Authorization Bypass in Apache ZooKeeper"),
    ("maven", "org.apache.zookeeper:zookeeper", "CVE-2024-23944", "2024-03-06", "N/L/N/N/U/L/N/N", "g2", "3.8.4, 3.9.2", None,
     "zookeeper: Information disclosure in persistent watcher handling"),
    ("maven", "org.apache.avro:avro", "CVE-2023-39410", "2023-09-29", "N/L/N/N/U/N/N/H", "g3", "1.11.3", None,
     "apache-avro: Apache Avro Java SDK: Memory when deserializing untrusted data in Avro Java SDK"),
    ("maven", "org.apache.avro:avro", "CVE-2024-47561", "2024-10-03", "N/L/N/N/U/H/H/H", "g4", "1.11.4", None,
     "avro: Schema parsing may trigger Remote Code Execution (RCE)"),
    ("maven", "com.google.protobuf:protobuf-java", "CVE-2021-22569", "2022-01-10", "N/L/N/N/U/N/N/H", "g2", "3.16.1, 3.18.2, 3.19.2", None,
     "protobuf-java: potential DoS in the parsing procedure for binary data"),
    ("maven", "com.google.protobuf:protobuf-java", "CVE-2024-7254", "2024-09-19", "N/L/N/N/U/N/N/H", "g3", "3.25.5, 4.27.5, 4.28.2", None,
     "protobuf: StackOverflow vulnerability in Protocol Buffers"),
    ("maven", "org.apache.commons:commons-compress", "CVE-2024-25710", "2024-02-19", "L/L/N/R/U/N/N/H", "g2", "1.26.0", "1.3",
     "commons-compress: Denial of service caused by an infinite loop for a corrupted DUMP file"),
    ("maven", "org.apache.commons:commons-compress", "CVE-2024-26308", "2024-02-19", "L/L/N/R/U/N/N/H", "g2", "1.26.0", "1.21",
     "commons-compress: OutOfMemoryError unpacking broken Pack200 file"),
    ("maven", "net.minidev:json-smart", "CVE-2023-1370", "2023-03-22", "N/L/N/N/U/N/N/H", "g3", "2.4.9", None,
     "json-smart: Uncontrolled Resource Consumption vulnerability in json-smart (Resource Exhaustion)"),
    ("maven", "com.nimbusds:nimbus-jose-jwt", "CVE-2023-52428", "2024-02-11", "N/L/N/N/U/N/N/H", "g3", "9.37.2", None,
     "nimbus-jose-jwt: large JWE p2c header value causes Denial of Service"),
    ("maven", "com.nimbusds:nimbus-jose-jwt", "CVE-2025-53864", "2025-07-11", "N/H/N/N/U/N/N/H", "g2", "10.0.2, 9.37.4", None,
     "nimbus-jose-jwt: Uncontrolled recursion in Connect2id Nimbus JOSE + JWT"),
    ("maven", "org.bouncycastle:bcprov-jdk18on", "CVE-2024-29857", "2024-05-14", "N/L/N/N/U/N/N/H", "g2", "1.78", None,
     "org.bouncycastle: Importing an EC certificate with crafted F2m parameters may lead to Denial of Service"),
    ("maven", "org.bouncycastle:bcprov-jdk18on", "CVE-2024-30171", "2024-05-14", "N/H/N/N/U/H/N/N", "g2", "1.78", None,
     "bc-java: BouncyCastle vulnerable to a timing variant of Bleichenbacher (Marvin Attack)"),
    ("maven", "org.bouncycastle:bcprov-jdk18on", "CVE-2024-30172", "2024-05-14", "N/L/N/N/U/N/N/H", "g2", "1.78", None,
     "org.bouncycastle: Infinite loop in ED25519 verification in the ScalarUtil class"),
    ("maven", "org.apache.spark:spark-core_2.12", "CVE-2022-33891", "2022-07-18", "N/L/N/N/U/H/H/H", "g3", "3.1.3, 3.2.2", None,
     "spark: Apache Spark shell command injection vulnerability via Spark UI"),
    ("maven", "org.apache.spark:spark-core_2.12", "CVE-2023-22946", "2023-04-17", "N/L/L/N/C/H/H/H", "g4", "3.4.0", None,
     "spark: proxy-user privilege escalation from malicious configuration class"),
    ("maven", "org.apache.spark:spark-core_2.12", "CVE-2023-32007", "2023-05-02", "N/L/N/N/U/H/H/H", "g3", "3.2.2", "3.1.1",
     "spark: Apache Spark UI can allow impersonation when ACLs are enabled (incomplete fix of CVE-2022-33891)"),
    ("maven", "org.apache.hadoop:hadoop-common", "CVE-2022-25168", "2022-08-04", "N/L/N/N/U/H/H/H", "g4", "2.10.2, 3.2.4, 3.3.3", None,
     "hadoop: Command injection in org.apache.hadoop.fs.FileUtil.unTarUsingTar"),
    ("maven", "org.apache.ivy:ivy", "CVE-2022-46751", "2023-08-21", "N/L/N/R/U/H/N/L", "g3", "2.5.2", None,
     "apache-ivy: XML External Entity vulnerability"),
    ("maven", "org.eclipse.jetty:jetty-http", "CVE-2023-40167", "2023-09-15", "N/L/N/N/U/N/L/N", "g2", "9.4.52.v20230823, 10.0.16, 11.0.16, 12.0.1", None,
     "jetty: Improper validation of HTTP/1 content-length"),
    ("maven", "org.eclipse.jetty:jetty-http", "CVE-2024-6763", "2024-10-14", "N/H/L/N/U/N/L/N", "g1", "12.0.12", None,
     "org.eclipse.jetty:jetty-http: jetty: Jetty URI parsing of invalid authority"),
    ("maven", "org.eclipse.jetty:jetty-server", "CVE-2024-8184", "2024-10-14", "N/L/N/N/U/N/N/L", "g2", "9.4.56.v20240826, 10.0.24, 11.0.24, 12.0.9", None,
     "org.eclipse.jetty:jetty-server: Jetty ThreadLimitHandler.getRemote() vulnerable to remote DoS attacks"),
    ("maven", "org.eclipse.jetty:jetty-server", "CVE-2024-13009", "2025-05-08", "N/L/N/N/U/N/N/H", "g3", "9.4.57.v20241219", "9.4.0",
     "jetty: Gzip Request Body Buffer Release Issue in Eclipse Jetty"),
    ("maven", "org.xerial.snappy:snappy-java", "CVE-2023-34453", "2023-06-15", "N/L/N/N/U/N/N/H", "g3", "1.1.10.1", None,
     "snappy-java: Integer overflow in shuffle leads to DoS"),
    ("maven", "org.xerial.snappy:snappy-java", "CVE-2023-34455", "2023-06-15", "N/L/N/N/U/N/N/H", "g3", "1.1.10.1", None,
     "snappy-java: Unchecked chunk length leads to DoS"),
    ("maven", "org.xerial.snappy:snappy-java", "CVE-2023-43642", "2023-09-25", "N/L/N/N/U/N/N/H", "g3", "1.1.10.4", None,
     "snappy-java: Missing upper bound check on chunk length in snappy-java can lead to Denial of Service (DoS) impact"),
    ("maven", "org.bitbucket.b_c:jose4j", "CVE-2023-51775", "2024-02-29", "N/L/L/N/U/N/N/H", "g2", "0.9.4", None,
     "jose4j: denial of service via specifically crafted JWE"),
    ("maven", "org.eclipse.jgit:org.eclipse.jgit", "CVE-2023-4759", "2023-09-12", "N/L/N/R/U/H/H/H", "g3", "6.6.1.202309021850-r, 5.13.2.202306221912-r", None,
     "jgit: arbitrary file overwrite"),
    # --- go ---
    ("go", "stdlib", "CVE-2022-27664", "2022-09-06", "N/L/N/N/U/N/N/H", "", "1.18.6, 1.19.1", None,
     "golang: net/http: handle server errors after sending GOAWAY"),
    ("go", "stdlib", "CVE-2022-41715", "2022-10-14", "N/L/N/N/U/N/N/H", "", "1.18.7, 1.19.2", None,
     "golang: regexp/syntax: limit memory used by parsing regexps"),
    ("go", "stdlib", "CVE-2022-41716", "2022-11-02", "N/L/N/N/U/H/H/N", "", "1.18.8, 1.19.3", None,
     "Go: syscall, os/exec: unsanitized NUL in environment variables"),
    ("go", "stdlib", "CVE-2022-41717", "2022-12-08", "N/L/N/N/U/N/N/L", "", "1.18.9, 1.19.4", None,
     "golang: net/http: An attacker can cause excessive memory growth in a Go server accepting HTTP/2 requests"),
    ("go", "stdlib", "CVE-2022-41723", "2023-02-28", "N/L/N/N/U/N/N/H", "", "1.19.6, 1.20.1", None,
     "golang.org/x/net/http2: avoid quadratic complexity in HPACK decoding"),
    ("go", "stdlib", "CVE-2022-41724", "2023-02-28", "N/L/N/N/U/N/N/H", "", "1.19.6, 1.20.1", None,
     "golang: crypto/tls: large handshake records may cause panics"),
    ("go", "stdlib", "CVE-2022-41725", "2023-02-28", "N/L/N/N/U/N/N/H", "", "1.19.6, 1.20.1", None,
     "golang: net/http, mime/multipart: denial of service from excessive resource consumption"),
    ("go", "stdlib", "CVE-2023-24534", "2023-04-06", "N/L/N/N/U/N/N/H", "", "1.19.8, 1.20.3", None,
     "golang: net/http, net/textproto: denial of service from excessive memory allocation"),
    ("go", "stdlib", "CVE-2023-24536", "2023-04-06", "N/L/N/N/U/N/N/H", "", "1.19.8, 1.20.3", None,
     "golang: net/http, net/textproto, mime/multipart: denial of service from excessive resource consumption"),
    ("go", "stdlib", "CVE-2023-24537", "2023-04-06", "N/L/N/N/U/N/N/H", "", "1.19.8, 1.20.3", None,
     "golang: go/parser: Infinite loop in parsing"),
    ("go", "stdlib", "CVE-2023-24538", "2023-04-06", "N/L/N/N/U/H/H/H", "", "1.19.8, 1.20.3", None,
     "golang: html/template: backticks not treated as string delimiters"),
    ("go", "stdlib", "CVE-2023-24540", "2023-05-11", "N/L/N/N/U/H/H/H", "", "1.19.9, 1.20.4", None,
     "golang: html/template: improper handling of JavaScript whitespace"),
    ("go", "stdlib", "CVE-2023-29400", "2023-05-11", "N/L/N/N/U/L/L/L", "", "1.19.9, 1.20.4", None,
     "golang: html/template: improper handling of empty HTML attributes"),
    ("go", "stdlib", "CVE-2023-29402", "2023-06-08", "N/L/N/N/U/H/H/H", "", "1.19.10, 1.20.5", None,
     "golang: cmd/go: cgo code injection"),
    ("go", "stdlib", "CVE-2023-29404", "2023-06-08", "N/L/N/N/U/H/H/H", "", "1.19.10, 1.20.5", None,
     "golang: cmd/go: LDFLAGS sanitization bypass"),
    ("go", "stdlib", "CVE-2023-29405", "2023-06-08", "N/L/N/N/U/H/H/H", "", "1.19.10, 1.20.5", None,
     "golang: cmd/cgo: Arbitrary code execution triggered by linker flags"),
    ("go", "stdlib", "CVE-2023-39323", "2023-10-05", "N/L/N/N/U/H/H/H", "", "1.20.9, 1.21.2", None,
     "golang: cmd/go: line directives allows arbitrary execution during build"),
    ("go", "stdlib", "CVE-2023-39325", "2023-10-11", "N/L/N/N/U/N/N/H", "", "1.20.10, 1.21.3", None,
     "golang: net/http, x/net/http2: rapid stream resets can cause excessive work (CVE-2023-44487)"),
    ("go", "stdlib", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "", "1.20.10, 1.21.3", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("go", "stdlib", "CVE-2023-45283", "2023-11-09", "N/L/N/N/U/H/N/N", "", "1.20.11, 1.21.4", None,
     "The filepath package does not recognize paths with a \\??\\ prefix as special"),
    ("go", "stdlib", "CVE-2023-45284", "2023-11-09", "N/L/N/N/U/L/N/N", "", "1.20.11, 1.21.4", None,
     "golang: path/filepath: IsLocal incorrectly detects reserved device names on Windows"),
    ("go", "stdlib", "CVE-2023-39326", "2023-12-06", "N/L/N/N/U/L/N/N", "", "1.20.12, 1.21.5", None,
     "golang: net/http/internal: Denial of Service (DoS) via Resource Consumption via HTTP requests"),
    ("go", "stdlib", "CVE-2023-45285", "2023-12-06", "N/L/N/N/U/H/N/N", "", "1.20.12, 1.21.5", None,
     "cmd/go: Protocol Fallback when fetching modules"),
    ("go", "stdlib", "CVE-2023-45288", "2024-04-04", "N/L/N/N/U/N/N/H", "", "1.21.9, 1.22.2", None,
     "golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS"),
    ("go", "stdlib", "CVE-2023-45289", "2024-03-05", "N/L/N/R/C/L/L/N", "", "1.21.8, 1.22.1", None,
     "golang: net/http/cookiejar: incorrect forwarding of sensitive headers and cookies on HTTP redirect"),
    ("go", "stdlib", "CVE-2023-45290", "2024-03-05", "N/L/N/R/U/N/N/H", "", "1.21.8, 1.22.1", None,
     "golang: net/http: memory exhaustion in Request.ParseMultipartForm"),
    ("go", "stdlib", "CVE-2024-24783", "2024-03-05", "N/H/N/N/U/N/N/H", "", "1.21.8, 1.22.1", None,
     "golang: crypto/x509: Verify panics on certificates with an unknown public key algorithm"),
    ("go", "stdlib", "CVE-2024-24784", "2024-03-05", "N/L/N/N/U/N/H/N", "", "1.21.8, 1.22.1", None,
     "golang: net/mail: comments in display names are incorrectly handled"),
    ("go", "stdlib", "CVE-2024-24785", "2024-03-05", "N/L/N/R/C/L/L/N", "", "1.21.8, 1.22.1", None,
     "golang: html/template: errors returned from MarshalJSON methods may break template escaping"),
    ("go", "stdlib", "CVE-2024-24789", "2024-06-05", "L/L/L/N/U/N/N/H", "", "1.21.11, 1.22.4", None,
     "golang: archive/zip: Incorrect handling of certain ZIP files"),
    ("go", "stdlib", "CVE-2024-24790", "2024-06-05", "N/L/N/N/U/H/H/N", "", "1.21.11, 1.22.4", None,
     "golang: net/netip: Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses"),
    ("go", "stdlib", "CVE-2024-24791", "2024-07-02", "N/L/N/N/U/N/N/H", "", "1.21.12, 1.22.5", None,
     "net/http: Denial of service due to improper 100-continue handling in net/http"),
    ("go", "stdlib", "CVE-2024-34155", "2024-09-06", "N/L/N/N/U/N/N/H", "", "1.22.7, 1.23.1", None,
     "go/parser: golang: Calling any of the Parse functions containing deeply nested literals can cause a panic"),
    ("go", "stdlib", "CVE-2024-34156", "2024-09-06", "N/L/N/N/U/N/N/H", "", "1.22.7, 1.23.1", None,
     "encoding/gob: golang: Calling Decoder.Decode on a message which contains deeply nested structures can cause a panic"),
    ("go", "stdlib", "CVE-2024-34158", "2024-09-06", "N/L/N/N/U/N/N/H", "", "1.22.7, 1.23.1", None,
     "go/build/constraint: golang: Calling Parse on a \"// +build\" build tag line with deeply nested expressions can cause a panic"),
    ("go", "stdlib", "CVE-2024-45336", "2025-01-28", "N/H/N/N/U/H/N/N", "", "1.22.11, 1.23.5, 1.24.0-rc.2", None,
     "golang: net/http: net/http: sensitive headers incorrectly sent after cross-domain redirect"),
    ("go", "stdlib", "CVE-2024-45341", "2025-01-28", "N/H/N/N/U/L/L/N", "", "1.22.11, 1.23.5, 1.24.0-rc.2", None,
     "golang: crypto/x509: crypto/x509: usage of IPv6 zone IDs can bypass URI name constraints"),
    ("go", "stdlib", "CVE-2025-22866", "2025-02-06", "L/H/L/N/U/L/N/N", "", "1.22.12, 1.23.6, 1.24.0-rc.3", None,
     "crypto/internal/nistec: golang: Timing sidechannel for P-256 on ppc64le in crypto/internal/nistec"),
    ("go", "stdlib", "CVE-2025-22870", "2025-03-12", "N/H/N/N/U/L/L/L", "", "1.23.7, 1.24.1", None,
     "golang.org/x/net/proxy: golang.org/x/net/http/httpproxy: HTTP Proxy bypass using IPv6 Zone IDs in golang.org/x/net"),
    ("go", "stdlib", "CVE-2025-22871", "2025-04-08", "N/L/N/N/U/N/H/N", "", "1.23.8, 1.24.2", None,
     "net/http: Request smuggling due to acceptance of invalid chunked data in net/http"),
    ("go", "stdlib", "CVE-2025-22874", "2025-06-11", "N/L/N/N/U/H/H/N", "", "1.24.4", "1.24.0",
     "crypto/x509: Usage of ExtKeyUsageAny disables policy validation in crypto/x509"),
    ("go", "stdlib", "CVE-2025-0913", "2025-07-01", "L/H/L/N/U/N/N/H", "", "1.23.10, 1.24.4", None,
     "os: Inconsistent handling of O_CREATE|O_EXCL on Unix and Windows in os in syscall"),
    ("go", "stdlib", "CVE-2025-4673", "2025-07-02", "N/H/N/R/U/H/H/N", "", "1.23.10, 1.24.4", None,
     "net/http: Sensitive headers not cleared on cross-origin redirect in net/http"),
    ("go", "stdlib", "CVE-2025-47906", "2025-09-18", "L/H/L/N/U/N/H/N", "", "1.23.12, 1.24.6", None,
     "os/exec: LookPath may return unexpected paths"),
    ("go", "stdlib", "CVE-2025-47907", "2025-08-07", "N/H/N/N/U/L/L/H", "", "1.23.12, 1.24.6", None,
     "database/sql: Postgres Scan Race Condition"),
    ("go", "stdlib", "CVE-2025-58183", "2025-10-29", "N/L/N/N/U/N/N/L", "", "1.24.8, 1.25.2", None,
     "archive/tar: Unbounded allocation when parsing GNU sparse map"),
    ("go", "stdlib", "CVE-2025-61723", "2025-10-29", "N/L/N/N/U/N/N/H", "", "1.24.8, 1.25.2", None,
     "encoding/pem: Quadratic complexity when parsing some invalid inputs"),
    ("go", "stdlib", "CVE-2025-61725", "2025-10-29", "N/L/N/N/U/N/N/H", "", "1.24.8, 1.25.2", None,
     "net/mail: Excessive CPU consumption in ParseAddress"),
    ("go", "stdlib", "CVE-2026-27139", "2026-02-10", "N/L/N/N/U/N/N/H", "", "1.25.7, 1.26.1", None,
     "net/http: excessive memory use when parsing many small multipart parts"),
    ("go", "stdlib", "CVE-2026-32280", "2026-06-04", "N/L/N/N/U/H/H/N", "", "1.25.11, 1.26.4", None,
     "crypto/tls: session ticket confusion allows authentication bypass on resumption"),
    ("go", "stdlib", "CVE-2026-39884", "2026-10-07", "N/L/N/N/U/N/N/H", "", "1.26.8, 1.27.2", None,
     "net/http: HTTP/2 server panics on PRIORITY_UPDATE frames for closed streams"),
    ("go", "stdlib", "CVE-2026-42110", "2026-11-12", None, "", "1.26.9, 1.27.3", None,
     "mime/multipart: FileHeader.Open may read beyond the part boundary"),
    ("go", "golang.org/x/net", "CVE-2023-3978", "2023-08-02", "N/L/N/R/C/L/L/N", "g2", "0.13.0", None,
     "golang.org/x/net/html: Cross site scripting"),
    ("go", "golang.org/x/net", "CVE-2023-39325", "2023-10-11", "N/L/N/N/U/N/N/H", "g3", "0.17.0", None,
     "golang: net/http, x/net/http2: rapid stream resets can cause excessive work (CVE-2023-44487)"),
    ("go", "golang.org/x/net", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "g2", "0.17.0", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("go", "golang.org/x/net", "CVE-2023-45288", "2024-04-04", "N/L/N/N/U/N/N/H", "g2", "0.23.0", None,
     "golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS"),
    ("go", "golang.org/x/net", "CVE-2024-45338", "2024-12-18", "N/L/N/N/U/N/N/L", "g2", "0.33.0", None,
     "golang.org/x/net/html: Non-linear parsing of case-insensitive content in golang.org/x/net/html"),
    ("go", "golang.org/x/net", "CVE-2025-22870", "2025-03-12", "N/H/N/N/U/L/L/L", "g2", "0.36.0", None,
     "golang.org/x/net/proxy: golang.org/x/net/http/httpproxy: HTTP Proxy bypass using IPv6 Zone IDs in golang.org/x/net"),
    ("go", "golang.org/x/net", "CVE-2025-22872", "2025-04-16", "N/L/N/N/U/L/L/N", "g2", "0.38.0", None,
     "golang.org/x/net/html: Incorrect Neutralization of Input During Web Page Generation in x/net in golang.org/x/net"),
    ("go", "golang.org/x/crypto", "CVE-2023-48795", "2023-12-18", "N/H/N/N/U/N/H/N", "g2", "0.17.0", None,
     "ssh: Prefix truncation attack on Binary Packet Protocol (BPP)"),
    ("go", "golang.org/x/crypto", "CVE-2024-45337", "2024-12-12", "N/L/N/N/U/H/H/N", "g4", "0.31.0", None,
     "golang.org/x/crypto/ssh: Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass in golang.org/x/crypto"),
    ("go", "golang.org/x/crypto", "CVE-2025-22869", "2025-02-26", "N/L/N/N/U/N/N/H", "g3", "0.35.0", None,
     "golang.org/x/crypto/ssh: Denial of Service in the Key Exchange of golang.org/x/crypto/ssh"),
    ("go", "golang.org/x/oauth2", "CVE-2025-22868", "2025-02-26", "N/L/N/N/U/N/N/H", "g3", "0.27.0", None,
     "golang.org/x/oauth2/jws: Unexpected memory consumption during token parsing in golang.org/x/oauth2"),
    ("go", "google.golang.org/grpc", "CVE-2023-44487", "2023-10-10", "N/L/N/N/U/N/N/H", "g3", "1.56.3, 1.57.1, 1.58.3", None,
     "HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable to a DDoS attack (Rapid Reset Attack)"),
    ("go", "google.golang.org/grpc", "GHSA-m425-mq94-257g", "2023-10-25", None, "g3", "1.56.3, 1.57.1, 1.58.3", None,
     "gRPC-Go HTTP/2 Rapid Reset vulnerability"),
    ("go", "google.golang.org/protobuf", "CVE-2024-24786", "2024-03-05", "N/L/N/N/U/N/N/H", "g2", "1.33.0", None,
     "golang-protobuf: encoding/protojson, internal/encoding/json: infinite loop in protojson.Unmarshal when unmarshaling certain forms of invalid JSON"),
    ("go", "github.com/golang-jwt/jwt/v4", "CVE-2024-51744", "2024-11-04", "N/H/N/R/U/L/N/N", "g1", "4.5.1", None,
     "golang-jwt: Bad documentation of error handling in ParseWithClaims can lead to potentially dangerous situations in golang-jwt"),
    ("go", "github.com/golang-jwt/jwt/v4", "CVE-2025-30204", "2025-03-21", "N/L/N/N/U/N/N/H", "g3", "4.5.2", None,
     "golang-jwt/jwt: jwt-go allows excessive memory allocation during header parsing"),
    ("go", "github.com/jackc/pgx/v5", "CVE-2024-27304", "2024-03-06", "N/L/N/N/U/H/H/H", "g4", "5.5.4", "5.0.0",
     "pgx: SQL Injection via Protocol Message Size Overflow"),
    ("go", "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp", "CVE-2023-45142", "2023-10-12", "N/L/N/N/U/N/N/H", "g3", "0.44.0", None,
     "opentelemetry-go-contrib: DoS vulnerability in otelhttp"),
    ("go", "github.com/go-jose/go-jose/v3", "CVE-2024-28180", "2024-03-09", "N/H/N/R/U/N/N/L", "g2", "3.0.3", None,
     "jose-go: improper handling of highly compressed data"),
    ("go", "github.com/go-jose/go-jose/v3", "CVE-2025-27144", "2025-02-24", "N/H/N/N/U/N/N/H", "g2", "3.0.4", None,
     "go-jose: Go JOSE's Parsing Vulnerable to Denial of Service"),
    ("go", "github.com/hashicorp/go-retryablehttp", "CVE-2024-6104", "2024-06-24", "L/L/H/N/U/H/N/N", "g2", "0.7.7", None,
     "go-retryablehttp: url might write sensitive information to log file"),
    ("go", "github.com/docker/docker", "CVE-2024-41110", "2024-07-24", "N/L/N/N/C/H/H/H", "g4", "23.0.15, 26.1.5, 27.1.1, 25.0.6", None,
     "moby: Authz zero length regression"),
    ("go", "github.com/opencontainers/runc", "CVE-2024-21626", "2024-01-31", "L/L/N/R/C/H/H/H", "g3", "1.1.12", None,
     "runc: file descriptor leak"),
    ("go", "github.com/opencontainers/runc", "CVE-2024-45310", "2024-09-03", "L/H/L/R/C/N/L/N", "g1", "1.1.14, 1.2.0-rc.3", None,
     "runc: runc can be tricked into creating empty files/directories on host"),
    ("go", "github.com/rs/cors", "GHSA-mh55-gqvf-xfwm", "2024-08-27", None, "g2", "1.11.0", "1.9.0",
     "Denial of service via malicious preflight requests in github.com/rs/cors"),
]

# Vulnerabilities that a later scan of the same image no longer reports (the advisory was
# withdrawn or the package reclassified as not affected), with the date that happened.
WITHDRAWN = {
    "CVE-2019-1010025": "2026-10-01",   # Debian: negligible, marked not-affected
    "CVE-2023-31439": "2026-10-01",     # systemd: disputed, rejected
    "CVE-2024-26461": "2026-10-20",     # krb5 leak: not affected in bookworm
    "CVE-2025-10148": "2026-11-01",     # curl: Debian marked not-affected
    "CVE-2023-2804": "2026-11-01",      # libjpeg-turbo: tjbench not shipped
    "CVE-2016-20013": "2026-11-01",     # glibc in Ubuntu: negligible, closed
    "CVE-2024-37056": "2026-10-10",     # mlflow: advisory withdrawn
    "CVE-2024-37060": "2026-10-10",
    "CVE-2023-29827": "2026-11-15",     # ejs: disputed, GHSA withdrawn
    "CVE-2022-45868": "2026-11-15",     # h2: disputed
}

# ----------------------------------------------------------------------------------------
# Registration of every catalog entry in VULNS
# ----------------------------------------------------------------------------------------

OS_CVES = {"debian": {}, "ubuntu": {}, "alpine": {}}   # family -> source -> [entry]
LANG_INDEX = {}                                         # (eco, package) -> [entry]


def _register():
    for family, table in (("debian", DEB_CVES), ("ubuntu", UBU_CVES)):
        for e in table:
            src, vid, pub, vec, sevs, fix, status, title = e[:8]
            opts = e[8] if len(e) > 8 else {}
            if vid not in VULNS and title is None:
                raise SystemExit("catalog: %s needs a title" % vid)
            vuln(vid, pub, vec, sevs, title, rv=opts.get("rv"))
            OS_CVES[family].setdefault(src, []).append(
                {"id": vid, "fix": fix, "status": status, "only": opts.get("only")})
    for src, vid, pub, vec, title in ALPINE_CVES:
        if vid not in VULNS:
            vuln(vid, pub, vec, "", title)
        OS_CVES["alpine"].setdefault(src, []).append(
            {"id": vid, "fix": None, "status": "affected", "only": None})
    for eco, pkg, vid, pub, vec, sevs, fixes, intro, title in LANG_CVES:
        vuln(vid, pub, vec, sevs, title)
        LANG_INDEX.setdefault((eco, pkg), []).append(
            {"id": vid, "fixes": [f.strip() for f in fixes.split(",") if f.strip()], "intro": intro})


_register()


# ----------------------------------------------------------------------------------------
# Versions
# ----------------------------------------------------------------------------------------

_PRE = re.compile(r"^[-.]?(rc|beta|alpha|a|b|m|dev|pre)", re.I)


def vkey(v):
    v = v.strip().lstrip("v")
    m = re.match(r"^([0-9]+(?:\.[0-9]+)*)(.*)$", v)
    if not m:
        return ((0,) * 5, 0)
    nums = [int(x) for x in m.group(1).split(".")]
    rest = m.group(2)
    pre = 0 if rest and _PRE.match(rest) and not rest.lower().startswith(("-android", "-jre", ".final", ".release")) else 1
    nums = (nums + [0] * 5)[:5]
    return (tuple(nums), pre)


def lang_affected(version, fixes, intro):
    k = vkey(version)
    if intro and k < vkey(intro):
        return False
    if not fixes:
        return True
    fk = [vkey(f) for f in fixes]
    same = [f for f in fk if f[0][:2] == k[0][:2]]
    if same:
        return k < min(same)
    return any(k < f for f in fk)


def timeline(family, src):
    table = DEB_SRC if family == "debian" else UBU_SRC
    return table[src][1]


def version_at(family, src, date):
    best = None
    for d, v in timeline(family, src):
        if d <= date:
            best = v
    if best is None:
        best = timeline(family, src)[0][1]
    return best


def fix_date(family, src, version):
    for d, v in timeline(family, src):
        if v == version:
            return d
    raise SystemExit("catalog: %s %s has no version %s" % (family, src, version))


def version_index(family, src, version):
    for i, (_, v) in enumerate(timeline(family, src)):
        if v == version:
            return i
    return None


# ----------------------------------------------------------------------------------------
# Image builds: history, layers, packages
# ----------------------------------------------------------------------------------------

class Build:
    def __init__(self, key, family=None, os_name=None, eosl=False):
        self.key = key
        self.family = family
        self.os_name = os_name
        self.eosl = eosl
        self.history = []      # {"created", "created_by", "empty_layer", "comment"}
        self.layers = []       # {"diff", "size"}
        self.os = {}           # binary -> {"name", "src", "version", "layer", "family"}
        self.lang = []         # {"target", "type", "eco", "layer", "pkgs": [(name, version, path)]}
        self.config = {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                       "Cmd": None, "Entrypoint": None, "User": "", "ExposedPorts": {},
                       "Labels": {}, "WorkingDir": ""}

    def derive(self, key):
        b = copy.deepcopy(self)
        b.key = key
        return b

    def entry(self, t, created_by, empty=True, comment="buildkit.dockerfile.v0"):
        h = {"created": zulu(t), "created_by": created_by}
        if comment:
            h["comment"] = comment
        if empty:
            h["empty_layer"] = True
        self.history.append(h)

    def layer(self, t, created_by, size, comment="buildkit.dockerfile.v0"):
        self.entry(t, created_by, empty=False, comment=comment)
        self.layers.append({"diff": digest("layer", self.key, str(len(self.layers)), created_by),
                            "size": size})
        return len(self.layers) - 1

    def install(self, layer, family, sources, date, skip=()):
        for src in sources:
            bins = (DEB_SRC if family == "debian" else UBU_SRC)[src][0]
            ver = version_at(family, src, date)
            for b in bins:
                if b in skip:
                    continue
                cur = self.os.get(b)
                if cur is None or vkey_deb_index(family, src, cur["version"]) < vkey_deb_index(family, src, ver):
                    self.os[b] = {"name": b, "src": src, "version": ver, "layer": layer, "family": family}

    def upgrade(self, layer, family, sources, date):
        for src in sources:
            ver = version_at(family, src, date)
            for b, p in list(self.os.items()):
                if p["src"] == src and vkey_deb_index(family, src, p["version"]) < vkey_deb_index(family, src, ver):
                    self.os[b] = dict(p, version=ver, layer=layer)

    def pin(self, layer, family, items):
        for b, src, ver in items:
            self.os[b] = {"name": b, "src": src, "version": ver, "layer": layer, "family": family}

    def static(self, layer, family, table):
        for b, ver in table.items():
            self.os.setdefault(b, {"name": b, "src": None, "version": ver, "layer": layer, "family": family})

    def add_lang(self, layer, target, rtype, eco, pkgs):
        self.lang.append({"target": target, "type": rtype, "eco": eco, "layer": layer, "pkgs": pkgs})


def vkey_deb_index(family, src, version):
    i = version_index(family, src, version)
    return -1 if i is None else i


def T(date, minutes=0, hour=9):
    return at(date, hour * 3600 + minutes * 60)


def debian_point(date):
    table = [("2023-06-10", "12.0"), ("2023-07-22", "12.1"), ("2023-10-07", "12.2"),
             ("2025-05-17", "12.11"), ("2025-09-06", "12.12"), ("2026-01-10", "12.13"),
             ("2026-05-16", "12.14"), ("2026-09-12", "12.15")]
    best = "12.0"
    for d, n in table:
        if d <= date:
            best = n
    return best


def debian_base(key, date):
    b = Build(key, "debian", debian_point(date))
    epoch = int(at(date).timestamp())
    li = b.layer(T(date, 0, 0), "# debian.sh --arch 'amd64' out/ 'bookworm' '@%d'" % epoch,
                 28_230_000 + hnum(key) % 900_000, comment="debuerreotype 0.15")
    b.install(li, "debian", DEB_BASE_SOURCES, date, skip=DEB_BASE_SKIP_BINS)
    b.static(li, "debian", DEB_STATIC)
    b.entry(T(date, 0, 0), 'CMD ["bash"]')
    b.config["Cmd"] = ["bash"]
    return b


def python_on(base, key, date, pyver, pipver, py="3.12", extra_pkgs=()):
    b = base.derive(key)
    t = lambda m: T(date, m, 18)
    b.entry(t(0), "ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    b.entry(t(0), "ENV LANG=C.UTF-8")
    li = b.layer(t(1), "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends "
                       "\t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit",
                 4_980_000 + hnum(key, "l2") % 90_000)
    b.install(li, "debian", ["ca-certificates", "netbase", "tzdata", "openssl"], date)
    b.entry(t(1), "ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305")
    b.entry(t(1), "ENV PYTHON_VERSION=%s" % pyver)
    b.entry(t(1), "ENV PYTHON_SHA256=%s" % hexid(64, "pysha", pyver))
    li = b.layer(t(9), "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; "
                       "\tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev "
                       "\t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev "
                       "\t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev "
                       "\t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; ... ./configure --enable-optimizations "
                       "--with-lto --with-ensurepip; make -j \"$nproc\"; make install; ... python3 --version; pip3 --version # buildkit",
                 41_300_000 + hnum(key, "l3") % 900_000)
    b.install(li, "debian", ["sqlite3", "expat", "readline", "gdbm", "ncurses"], date)
    pkgs = [("pip", pipver, "usr/local/lib/python%s/site-packages/pip-%s.dist-info/METADATA" % (py, pipver))]
    for name, ver in extra_pkgs:
        pkgs.append((name, ver, "usr/local/lib/python%s/site-packages/%s-%s.dist-info/METADATA" % (py, name, ver)))
    b.add_lang(li, "Python", "python-pkg", "pip", pkgs)
    b.layer(t(10), "RUN /bin/sh -c set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\t"
                   "dst=\"$(echo \"$src\" | tr -d 3)\"; \t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; "
                   "\t\tln -svT \"$src\" \"/usr/local/bin/$dst\"; \tdone # buildkit", 2_048)
    b.entry(t(10), 'CMD ["python3"]')
    b.config["Env"] = ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
                       "PYTHON_VERSION=%s" % pyver, "PYTHON_SHA256=%s" % hexid(64, "pysha", pyver)]
    b.config["Cmd"] = ["python3"]
    return b


def node_on(base, key, date, nodever, bundled):
    b = base.derive(key)
    t = lambda m: T(date, m, 20)
    b.layer(t(0), "RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash "
                  "--create-home node # buildkit", 8_900)
    b.entry(t(0), "ENV NODE_VERSION=%s" % nodever)
    li = b.layer(t(3), "RUN /bin/sh -c ARCH= OPENSSL_ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" ... "
                       "&& curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\" "
                       "... && node --version   && npm --version # buildkit", 116_200_000 + hnum(key) % 800_000)
    b.add_lang(li, "Node.js", "node-pkg", "npm",
               [(n, v, "usr/local/lib/node_modules/npm/node_modules/%s/package.json" % n) for n, v in bundled])
    b.entry(t(3), "ENV YARN_VERSION=1.22.22")
    b.layer(t(4), "RUN /bin/sh -c set -ex   && savedAptMark=\"$(apt-mark showmanual)\" ... && yarn --version   "
                  "&& rm -rf /tmp/* # buildkit", 5_330_000)
    b.layer(t(4), "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 388)
    b.entry(t(4), 'ENTRYPOINT ["docker-entrypoint.sh"]')
    b.entry(t(4), 'CMD ["node"]')
    b.config["Env"] = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "NODE_VERSION=%s" % nodever, "YARN_VERSION=1.22.22"]
    b.config["Entrypoint"] = ["docker-entrypoint.sh"]
    b.config["Cmd"] = ["node"]
    return b


def alpine_base(key, date):
    b = Build(key, "alpine", "3.19.9", eosl=True)
    li = b.layer(T(date, 0, 6), "/bin/sh -c #(nop) ADD file:%s in / " % hexid(64, "alpine-rootfs", key),
                 7_380_000, comment=None)
    for name, src, ver in ALPINE_PKGS:
        b.os[name] = {"name": name, "src": src, "version": ver, "layer": li, "family": "alpine"}
    b.entry(T(date, 0, 6), '/bin/sh -c #(nop)  CMD ["/bin/sh"]', comment=None)
    b.config["Cmd"] = ["/bin/sh"]
    return b


def temurin_base(key, ubuntu_date, date, jver):
    b = Build(key, "ubuntu", "24.04")
    t0 = lambda m: T(ubuntu_date, m, 5)
    b.entry(t0(0), "ARG RELEASE")
    b.entry(t0(0), "ARG LAUNCHPAD_BUILD_ARCH")
    b.entry(t0(0), "LABEL org.opencontainers.image.ref.name=ubuntu")
    b.entry(t0(0), "LABEL org.opencontainers.image.version=24.04")
    li = b.layer(t0(1), "ADD file:%s in / " % hexid(64, "ubuntu-rootfs", key), 78_120_000 + hnum(key) % 500_000)
    b.install(li, "ubuntu", UBU_BASE_SOURCES, ubuntu_date, skip=UBU_BASE_SKIP_BINS)
    b.static(li, "ubuntu", UBU_STATIC)
    b.entry(t0(1), 'CMD ["/bin/bash"]')
    t = lambda m: T(date, m, 11)
    b.entry(t(0), "ENV JAVA_HOME=/opt/java/openjdk")
    b.entry(t(0), "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    b.entry(t(0), "ENV LANG=en_US.UTF-8 LANGUAGE=en_US:en LC_ALL=en_US.UTF-8")
    li = b.layer(t(2), "RUN /bin/sh -c set -eux;     apt-get update;     DEBIAN_FRONTEND=noninteractive apt-get install -y "
                       "--no-install-recommends         wget         fontconfig         ca-certificates p11-kit         "
                       "tzdata         locales     ;     echo \"en_US.UTF-8 UTF-8\" >> /etc/locale.gen;     "
                       "locale-gen en_US.UTF-8;     rm -rf /var/lib/apt/lists/* # buildkit",
                 19_840_000 + hnum(key, "t") % 300_000)
    b.install(li, "ubuntu", UBU_TEMURIN_SOURCES, date)
    b.entry(t(2), "ENV JAVA_VERSION=%s" % jver)
    b.layer(t(5), "RUN /bin/sh -c set -eux;     ARCH=\"$(dpkg --print-architecture)\";     case \"${ARCH}\" in ... "
                  "curl -LfsSo /tmp/openjdk.tar.gz ${BINARY_URL};     echo \"${ESUM} */tmp/openjdk.tar.gz\" | sha256sum -c -; "
                  "    mkdir -p \"$JAVA_HOME\";     tar --extract --file /tmp/openjdk.tar.gz --directory \"$JAVA_HOME\" "
                  "--strip-components 1 --no-same-owner     ;     rm -f /tmp/openjdk.tar.gz ${JAVA_HOME}/lib/src.zip; # buildkit",
                  157_600_000)
    b.layer(t(6), "RUN /bin/sh -c set -eux;     echo \"Verifying install ...\";     fileEncoding=\"$(echo 'System.out.println"
                  "(System.getProperty(\"file.encoding\"))' | jshell -s -)\"; [ \"$fileEncoding\" = 'UTF-8' ]; "
                  "rm -rf ~/.java;     echo \"java --version\"; java --version;     echo \"Complete.\" # buildkit", 0)
    b.layer(t(6), "COPY --chmod=755 entrypoint.sh /__cacert_entrypoint.sh # buildkit", 5_120)
    b.entry(t(6), 'ENTRYPOINT ["/__cacert_entrypoint.sh"]')
    b.config["Env"] = ["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/opt/java/openjdk", "LANG=en_US.UTF-8", "LANGUAGE=en_US:en",
                       "LC_ALL=en_US.UTF-8", "JAVA_VERSION=%s" % jver]
    b.config["Entrypoint"] = ["/__cacert_entrypoint.sh"]
    b.config["Cmd"] = None
    return b


def redis_on(base, key, date):
    b = base.derive(key)
    t = lambda m: T(date, m, 3)
    b.layer(t(0), "RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit", 4_200)
    li = b.layer(t(1), "RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends "
                       "\t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit", 1_620_000)
    b.install(li, "debian", ["tzdata"], date)
    b.entry(t(1), "ENV GOSU_VERSION=1.17")
    li = b.layer(t(2), "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; "
                       "\tapt-get install -y --no-install-recommends ca-certificates gnupg wget; ... wget -O /usr/local/bin/gosu "
                       "\"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; ... gosu --version; "
                       "\tgosu nobody true # buildkit", 4_080_000)
    b.add_lang(li, "usr/local/bin/gosu", "gobinary", "go",
               [("github.com/tianon/gosu", "(devel)", None), ("stdlib", "v1.18.8", None),
                ("github.com/moby/sys/user", "v0.1.0", None), ("golang.org/x/sys", "v0.1.0", None)])
    b.entry(t(2), "ENV REDIS_VERSION=7.2.10")
    b.entry(t(2), "ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.2.10.tar.gz")
    b.entry(t(2), "ENV REDIS_DOWNLOAD_SHA=%s" % hexid(64, "redis-sha"))
    b.layer(t(8), "RUN /bin/sh -c set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; ... make -C /usr/src/redis -j \"$(nproc)\" all; "
                  "\tmake -C /usr/src/redis install; ... redis-cli --version; \tredis-server --version # buildkit", 11_800_000)
    b.layer(t(8), "RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit", 0)
    b.entry(t(8), "VOLUME [/data]")
    b.entry(t(8), "WORKDIR /data")
    b.layer(t(8), "COPY docker-entrypoint.sh /usr/local/bin/ # buildkit", 2_100)
    b.entry(t(8), 'ENTRYPOINT ["docker-entrypoint.sh"]')
    b.entry(t(8), "EXPOSE map[6379/tcp:{}]")
    b.entry(t(8), 'CMD ["redis-server"]')
    b.config["Env"] += ["GOSU_VERSION=1.17", "REDIS_VERSION=7.2.10"]
    b.config["Entrypoint"] = ["docker-entrypoint.sh"]
    b.config["Cmd"] = ["redis-server"]
    b.config["ExposedPorts"] = {"6379/tcp": {}}
    b.config["WorkingDir"] = "/data"
    return b

# ----------------------------------------------------------------------------------------
# Application build steps
# ----------------------------------------------------------------------------------------

def S_env(text):
    return ("env", text)


def S_workdir(path):
    return ("workdir", path)


def S_user(user):
    return ("user", user)


def S_expose(port):
    return ("expose", port)


def S_cmd(cmd):
    return ("cmd", cmd)


def S_entry(cmd):
    return ("entrypoint", cmd)


def S_run(created_by, size):
    return ("run", created_by, size)


def S_apt(created_by, sources, size, date=None):
    return ("apt", created_by, sources, size, date)


def S_aptup(created_by, sources, size, date=None):
    return ("aptup", created_by, sources, size, date)


def S_pin(created_by, items, size):
    return ("pin", created_by, items, size)


def S_lang(created_by, size, target, rtype, eco, pkgs):
    return ("lang", created_by, size, target, rtype, eco, pkgs)


def node_steps(deps, port="3000/tcp", cmd=("node", "server.js"), user="node", extra=()):
    return [S_workdir("/app"), S_env("NODE_ENV=production")] + list(extra) + [
        S_lang("COPY --from=build --chown=node:node /app /app # buildkit", 38_000_000,
               "app/package-lock.json", "npm", "npm", list(deps.items())),
        S_user(user), S_expose(port), S_cmd(list(cmd))]


def py_steps(deps, port="8000/tcp", cmd=("gunicorn", "-b", "0.0.0.0:8000", "app.wsgi"), user="",
             apt=(), size=64_000_000):
    steps = [S_workdir("/app"), S_env("PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1")] + list(apt) + [
        S_lang("COPY requirements.txt . # buildkit", 1_900, "app/requirements.txt", "pip", "pip",
               list(deps.items())),
        S_run("RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit", size),
        S_run("COPY . . # buildkit", 2_400_000)]
    if user:
        steps.append(S_user(user))
    return steps + [S_expose(port), S_cmd(list(cmd))]


def java_steps(jar, deps, port="8080/tcp", user="1001"):
    pkgs = []
    for name, ver in deps.items():
        artifact = name.split(":")[1]
        pkgs.append((name, ver, "app/app.jar/BOOT-INF/lib/%s-%s.jar" % (artifact, ver)))
    steps = [S_workdir("/app"),
             S_lang("COPY target/%s /app/app.jar # buildkit" % jar, 71_000_000, "Java", "jar", "maven", pkgs)]
    if user:
        steps.append(S_user(user))
    return steps + [S_expose(port), S_cmd(["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"])]


def go_steps(binary, deps, port="8080/tcp", user="65532:65532", apk=True):
    steps = []
    if apk:
        steps.append(("apk", "RUN /bin/sh -c apk add --no-cache ca-certificates tzdata # buildkit", 1_450_000))
    steps.append(S_lang("COPY --from=build /out/%s /usr/local/bin/%s # buildkit" % (binary, binary), 24_000_000,
                        "usr/local/bin/%s" % binary, "gobinary", "go", list(deps.items())))
    if user:
        steps.append(S_user(user))
    if port:
        steps.append(S_expose(port))
    steps.append(S_entry(["/usr/local/bin/%s" % binary]))
    return steps


# ----------------------------------------------------------------------------------------
# The fleet
# ----------------------------------------------------------------------------------------

BASES = {}
BASES["D0"] = debian_base("debian-12-slim-2023-08", "2023-08-14")
BASES["DCI"] = debian_base("debian-12-slim-2025-06", "2025-06-10")
BASES["D1"] = debian_base("debian-12-slim-2026-07", "2026-07-21")
BASES["D2"] = debian_base("debian-12-slim-2026-11", "2026-11-03")
BASES["P0"] = python_on(BASES["D0"], "python-3.11-slim-2023-08", "2023-08-16", "3.11.4", "23.2.1", py="3.11",
                        extra_pkgs=[("setuptools", "65.5.1"), ("wheel", "0.41.1")])
BASES["P1"] = python_on(BASES["D1"], "python-3.12-slim-2026-07", "2026-07-23", "3.12.11", "25.0.1")
BASES["P2"] = python_on(BASES["D2"], "python-3.12-slim-2026-11", "2026-11-04", "3.12.12", "25.3")
BASES["N1"] = node_on(BASES["D1"], "node-20-slim-2026-07", "2026-07-24", "20.19.4",
                      [("npm", "10.8.2"), ("brace-expansion", "2.0.1"), ("tar", "6.2.1"),
                       ("cross-spawn", "7.0.6"), ("semver", "7.6.3"), ("glob", "10.4.5")])
BASES["N2"] = node_on(BASES["D2"], "node-20-slim-2026-11", "2026-11-05", "20.19.6",
                      [("npm", "10.9.4"), ("brace-expansion", "2.0.2"), ("tar", "7.5.3"),
                       ("cross-spawn", "7.0.6"), ("semver", "7.7.2"), ("glob", "10.4.5")])
BASES["A1"] = alpine_base("alpine-3.19-2025-10", "2025-10-08")
BASES["U1"] = temurin_base("temurin-21-jre-2026-07", "2026-06-30", "2026-07-14", "jdk-21.0.8+9")
BASES["U2"] = temurin_base("temurin-21-jre-2026-10", "2026-09-25", "2026-10-12", "jdk-21.0.9+10")
BASES["R1"] = redis_on(BASES["D1"], "redis-7.2-bookworm-2026-07", "2026-07-23")

# Scanned base images: (base key, artifact name, tags, scan dates)
SCANNED_BASES = [
    ("D1", "debian:12-slim", ["debian:12-slim", "debian:bookworm-slim"], ["2026-08-02", "2026-11-20"]),
    ("D2", "debian:12-slim", ["debian:12-slim", "debian:bookworm-slim"], ["2026-11-05", "2026-11-26"]),
    ("P1", "python:3.12-slim", ["python:3.12-slim", "python:3.12.11-slim"], ["2026-08-02", "2026-11-20"]),
    ("P2", "python:3.12-slim", ["python:3.12-slim", "python:3.12.12-slim"], ["2026-11-05", "2026-11-26"]),
    ("N1", "node:20-bookworm-slim", ["node:20-bookworm-slim", "node:20.19.4-bookworm-slim"], ["2026-08-02", "2026-11-20"]),
    ("A1", "alpine:3.19", ["alpine:3.19", "alpine:3.19.9"], ["2026-08-02", "2026-11-26"]),
]

R = REGISTRY
APPS = [
    # ---------------------------------------------------------------- shop
    dict(key="shop-web-1.4.0", repo=R + "/shop/web", tag="1.4.0", base="N1", created="2026-08-04",
         scans=["2026-08-05"],
         steps=node_steps({"next": "14.1.0", "react": "18.2.0", "react-dom": "18.2.0", "axios": "1.6.0",
                           "follow-redirects": "1.15.3", "cookie": "0.5.0", "semver": "7.5.1", "nanoid": "3.3.6",
                           "postcss": "8.4.21", "ws": "8.13.0", "braces": "3.0.2", "micromatch": "4.0.5",
                           "cross-spawn": "7.0.3", "undici": "5.26.3", "tar": "6.1.15", "form-data": "4.0.0",
                           "zod": "3.22.4", "swr": "2.2.4"})),
    dict(key="shop-web-1.5.0", repo=R + "/shop/web", tag="1.5.0", base="N1", created="2026-09-08",
         scans=["2026-09-10", "2026-10-15", "2026-11-26"],
         steps=node_steps({"next": "14.2.3", "react": "18.3.1", "react-dom": "18.3.1", "axios": "1.6.8",
                           "follow-redirects": "1.15.6", "cookie": "0.6.0", "semver": "7.6.0", "nanoid": "3.3.7",
                           "postcss": "8.4.38", "ws": "8.16.0", "braces": "3.0.3", "micromatch": "4.0.8",
                           "cross-spawn": "7.0.3", "undici": "6.11.1", "form-data": "4.0.0", "zod": "3.23.8",
                           "swr": "2.2.5"})),
    dict(key="shop-web-1.6.0", repo=R + "/shop/web", tag="1.6.0", base="N2", created="2026-11-12",
         label="node:20-bookworm-slim", scans=["2026-11-13", "2026-11-26"],
         steps=node_steps({"next": "15.5.2", "react": "19.1.1", "react-dom": "19.1.1", "axios": "1.12.2",
                           "follow-redirects": "1.15.11", "cookie": "1.0.2", "semver": "7.7.2", "nanoid": "3.3.11",
                           "postcss": "8.5.6", "ws": "8.18.3", "undici": "7.16.0", "form-data": "4.0.4",
                           "zod": "4.1.5", "swr": "2.3.6"})),
    dict(key="shop-cart-2.2.0", repo=R + "/shop/cart", tag="2.2.0", base="P1", created="2026-08-10",
         label="python:3.12-slim", scans=["2026-08-11"],
         steps=py_steps({"fastapi": "0.109.0", "starlette": "0.35.1", "python-multipart": "0.0.6",
                         "pydantic": "2.5.3", "uvicorn": "0.25.0", "h11": "0.14.0", "httpx": "0.26.0",
                         "anyio": "4.2.0", "redis": "5.0.1", "sqlalchemy": "2.0.25", "requests": "2.31.0",
                         "urllib3": "2.0.7", "idna": "3.6", "certifi": "2023.11.17", "cryptography": "41.0.7"},
                        cmd=("uvicorn", "cart.main:app", "--host", "0.0.0.0"), user="10001")),
    dict(key="shop-cart-2.3.1", repo=R + "/shop/cart", tag="2.3.1", base="P1", created="2026-09-22",
         label="python:3.12-slim", scans=["2026-09-23", "2026-11-25"],
         steps=py_steps({"fastapi": "0.118.0", "starlette": "0.48.0", "python-multipart": "0.0.20",
                         "pydantic": "2.11.9", "uvicorn": "0.37.0", "h11": "0.16.0", "httpx": "0.28.1",
                         "anyio": "4.11.0", "redis": "6.4.0", "sqlalchemy": "2.0.43", "requests": "2.32.5",
                         "urllib3": "2.5.0", "idna": "3.10", "certifi": "2025.8.3", "cryptography": "46.0.1"},
                        cmd=("uvicorn", "cart.main:app", "--host", "0.0.0.0"), user="10001",
                        apt=[S_aptup("RUN /bin/sh -c apt-get update && apt-get install -y --only-upgrade openssl "
                                     "libssl3 && rm -rf /var/lib/apt/lists/* # buildkit", ["openssl"], 6_700_000)])),
    dict(key="shop-catalog-3.1.0", repo=R + "/shop/catalog", tag="3.1.0", base="A1", created="2026-08-18",
         scans=["2026-08-19", "2026-11-24"],
         steps=go_steps("catalog", {"registry.acme-shop.io/shop/catalog": "(devel)", "stdlib": "v1.22.5",
                                    "golang.org/x/net": "v0.25.0", "google.golang.org/grpc": "v1.64.0",
                                    "google.golang.org/protobuf": "v1.34.1", "github.com/jackc/pgx/v5": "v5.5.3",
                                    "github.com/golang-jwt/jwt/v4": "v4.5.0", "golang.org/x/crypto": "v0.23.0",
                                    "github.com/prometheus/client_golang": "v1.19.1"})),
    dict(key="shop-search-1.8.2", repo=R + "/shop/search", tag="1.8.2", base="U2", created="2026-10-20",
         label="eclipse-temurin:21-jre", scans=["2026-10-21", "2026-11-25"],
         steps=java_steps("search-1.8.2.jar", {
             "org.springframework.boot:spring-boot": "3.5.6", "org.springframework:spring-web": "6.2.12",
             "org.springframework:spring-webmvc": "6.2.11", "org.springframework:spring-core": "6.2.11",
             "org.apache.tomcat.embed:tomcat-embed-core": "10.1.46",
             "com.fasterxml.jackson.core:jackson-databind": "2.19.2",
             "com.fasterxml.jackson.core:jackson-core": "2.19.2", "ch.qos.logback:logback-core": "1.5.18",
             "ch.qos.logback:logback-classic": "1.5.18", "org.yaml:snakeyaml": "2.4",
             "co.elastic.clients:elasticsearch-java": "8.18.1", "commons-io:commons-io": "2.11.0",
             "net.minidev:json-smart": "2.5.2"})),
    dict(key="shop-recommendations-0.9.4", repo=R + "/shop/recommendations", tag="0.9.4", base="P2",
         created="2026-11-06", label="python:3.12-slim", scans=["2026-11-07"],
         steps=py_steps({"torch": "2.2.2", "scikit-learn": "1.4.2", "numpy": "1.26.4", "pandas": "2.2.2",
                         "flask": "3.0.3", "werkzeug": "3.0.3", "jinja2": "3.1.4", "gunicorn": "22.0.0",
                         "requests": "2.32.3", "urllib3": "2.2.2", "joblib": "1.4.2", "certifi": "2024.7.4"},
                        size=812_000_000)),
    dict(key="shop-image-resizer-1.2.0", repo=R + "/shop/image-resizer", tag="1.2.0", base="N1",
         created="2026-08-26", scans=["2026-08-27", "2026-11-24"],
         steps=node_steps({"sharp": "0.32.5", "express": "4.18.2", "body-parser": "1.20.1",
                           "path-to-regexp": "0.1.7", "cookie": "0.5.0", "send": "0.18.0",
                           "serve-static": "1.15.0", "qs": "6.11.0", "multer": "1.4.5-lts.1", "axios": "1.6.2",
                           "follow-redirects": "1.15.3", "lru-cache": "10.1.0"},
                          port="8080/tcp", cmd=("node", "src/index.js"))),
    dict(key="shop-legacy-admin-2.9.0", repo=R + "/shop/legacy-admin", tag="2.9.0", base="P0",
         created="2023-09-04", scans=["2026-08-12", "2026-11-24"], trivy_flags={"severity": (3, 4)},
         steps=py_steps({"django": "4.2.4", "pillow": "10.0.0", "gunicorn": "22.0.0", "psycopg2": "2.9.7",
                         "requests": "2.31.0", "urllib3": "2.0.4", "sqlparse": "0.4.4", "certifi": "2023.7.22",
                         "idna": "3.4", "django-storages": "1.14"},
                        cmd=("gunicorn", "-b", "0.0.0.0:8000", "admin.wsgi"),
                        apt=[S_apt("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends "
                                   "libpq5 libwebp7 libfreetype6 curl openssh-client && rm -rf /var/lib/apt/lists/* # buildkit",
                                   ["postgresql-15", "libwebp", "freetype", "curl", "nghttp2", "openssh", "krb5",
                                    "openldap", "libssh2", "brotli", "libpng1.6"], 31_500_000)])),
    dict(key="redis-7.2-bookworm", artifact="redis:7.2-bookworm", repo="redis", tag="7.2-bookworm",
         base="R1", created=None, scans=["2026-08-03", "2026-11-25"], steps=[]),
    # ---------------------------------------------------------------- payments
    dict(key="payments-gateway-5.1.3", repo=R + "/payments/gateway", tag="5.1.3", base="U1",
         created="2026-07-28", scans=["2026-08-01"],
         steps=java_steps("gateway-5.1.3.jar", {
             "org.springframework.boot:spring-boot": "3.1.5", "org.springframework:spring-web": "6.0.13",
             "org.springframework:spring-webmvc": "6.0.13", "org.springframework:spring-expression": "6.0.13",
             "org.springframework.security:spring-security-web": "6.1.5",
             "org.apache.tomcat.embed:tomcat-embed-core": "10.1.15",
             "com.fasterxml.jackson.core:jackson-databind": "2.15.3", "ch.qos.logback:logback-classic": "1.4.11",
             "ch.qos.logback:logback-core": "1.4.11", "org.yaml:snakeyaml": "2.0",
             "io.netty:netty-codec-http2": "4.1.97.Final", "io.netty:netty-handler": "4.1.97.Final",
             "io.netty:netty-codec-http": "4.1.97.Final", "io.netty:netty-common": "4.1.97.Final",
             "com.nimbusds:nimbus-jose-jwt": "9.31", "org.bouncycastle:bcprov-jdk18on": "1.76",
             "org.postgresql:postgresql": "42.6.0"}, port="8443/tcp")),
    dict(key="payments-gateway-5.2.0", repo=R + "/payments/gateway", tag="5.2.0", base="U1",
         created="2026-08-19", scans=["2026-08-20", "2026-10-01", "2026-11-26"],
         steps=java_steps("gateway-5.2.0.jar", {
             "org.springframework.boot:spring-boot": "3.2.4", "org.springframework:spring-web": "6.1.5",
             "org.springframework:spring-webmvc": "6.1.5", "org.springframework:spring-expression": "6.1.5",
             "org.springframework.security:spring-security-web": "6.2.3",
             "org.apache.tomcat.embed:tomcat-embed-core": "10.1.19",
             "com.fasterxml.jackson.core:jackson-databind": "2.16.2", "ch.qos.logback:logback-classic": "1.4.14",
             "ch.qos.logback:logback-core": "1.4.14", "org.yaml:snakeyaml": "2.2",
             "io.netty:netty-codec-http2": "4.1.107.Final", "io.netty:netty-handler": "4.1.107.Final",
             "io.netty:netty-codec-http": "4.1.107.Final", "io.netty:netty-common": "4.1.107.Final",
             "com.nimbusds:nimbus-jose-jwt": "9.37.3", "org.bouncycastle:bcprov-jdk18on": "1.77",
             "org.postgresql:postgresql": "42.7.1"}, port="8443/tcp")),
    dict(key="payments-ledger-2.0.4", repo=R + "/payments/ledger", tag="2.0.4", base="U2", created="2026-10-28",
         label="eclipse-temurin:21-jre", scans=["2026-10-29"],
         steps=java_steps("ledger-2.0.4.jar", {
             "org.springframework.boot:spring-boot": "3.3.4", "org.springframework:spring-web": "6.1.13",
             "org.springframework:spring-webmvc": "6.1.13", "org.apache.tomcat.embed:tomcat-embed-core": "10.1.30",
             "org.postgresql:postgresql": "42.7.4", "com.fasterxml.jackson.core:jackson-databind": "2.17.2",
             "com.fasterxml.jackson.core:jackson-core": "2.17.2", "ch.qos.logback:logback-core": "1.5.8",
             "ch.qos.logback:logback-classic": "1.5.8", "org.bouncycastle:bcprov-jdk18on": "1.78.1",
             "org.flywaydb:flyway-core": "10.10.0"})),
    dict(key="payments-fraud-scorer-1.3.0", repo=R + "/payments/fraud-scorer", tag="1.3.0", base="P1",
         created="2026-08-28", scans=["2026-08-29", "2026-11-25"],
         steps=py_steps({"scikit-learn": "1.3.2", "numpy": "1.26.2", "pandas": "2.1.3", "fastapi": "0.104.1",
                         "starlette": "0.27.0", "python-multipart": "0.0.6", "uvicorn": "0.24.0", "h11": "0.14.0",
                         "requests": "2.31.0", "urllib3": "2.1.0", "joblib": "1.3.2", "aiohttp": "3.9.1",
                         "protobuf": "4.25.1"},
                        cmd=("uvicorn", "scorer.api:app", "--host", "0.0.0.0"), size=402_000_000)),
    dict(key="payments-legacy-batch-0.8.1", repo=R + "/payments/legacy-batch", tag="0.8.1", base="U1",
         created="2026-07-30", scans=["2026-08-01", "2026-11-24"],
         steps=java_steps("legacy-batch-0.8.1.jar", {
             "org.apache.logging.log4j:log4j-core": "2.14.1", "org.apache.logging.log4j:log4j-api": "2.14.1",
             "org.springframework:spring-core": "5.3.17", "org.springframework:spring-beans": "5.3.17",
             "org.springframework:spring-context": "5.3.17", "org.springframework:spring-expression": "5.3.17",
             "org.springframework:spring-web": "5.3.17",
             "org.springframework.cloud:spring-cloud-function-context": "3.2.2",
             "org.springframework.batch:spring-batch-core": "4.3.5", "org.apache.commons:commons-text": "1.9",
             "com.fasterxml.jackson.core:jackson-databind": "2.13.2", "org.yaml:snakeyaml": "1.30",
             "com.h2database:h2": "2.1.210", "org.postgresql:postgresql": "42.3.3",
             "commons-io:commons-io": "2.6"}, port=None, user="")),
    dict(key="payments-webhook-relay-1.0.2", repo=R + "/payments/webhook-relay", tag="1.0.2", base="A1",
         created="2026-09-01", scans=["2026-09-02"],
         steps=go_steps("webhook-relay", {"registry.acme-shop.io/payments/webhook-relay": "(devel)",
                                          "stdlib": "v1.23.1", "golang.org/x/net": "v0.29.0",
                                          "golang.org/x/crypto": "v0.27.0", "github.com/golang-jwt/jwt/v4": "v4.5.0",
                                          "github.com/go-chi/chi/v5": "v5.1.0"})),
    # ---------------------------------------------------------------- platform
    dict(key="platform-edge-proxy-2.7.1", repo=R + "/platform/edge-proxy", tag="2.7.1", base="A1",
         created="2026-08-05", scans=["2026-08-06", "2026-10-02", "2026-11-26"],
         steps=go_steps("edge-proxy", {"registry.acme-shop.io/platform/edge-proxy": "(devel)",
                                       "stdlib": "v1.21.4", "golang.org/x/net": "v0.17.0",
                                       "google.golang.org/grpc": "v1.58.2", "google.golang.org/protobuf": "v1.31.0",
                                       "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp": "v0.42.0",
                                       "golang.org/x/crypto": "v0.14.0", "github.com/rs/cors": "v1.10.1"},
                        port="8443/tcp", user="")),
    dict(key="platform-auth-3.3.2", repo=R + "/platform/auth", tag="3.3.2", base="N1", created="2026-08-12",
         scans=["2026-08-13"],
         steps=node_steps({"jsonwebtoken": "8.5.1", "express": "4.18.2", "body-parser": "1.20.1",
                           "path-to-regexp": "0.1.7", "cookie": "0.5.0", "send": "0.18.0", "serve-static": "1.15.0",
                           "passport": "0.6.0", "bcrypt": "5.1.0", "axios": "1.6.0", "follow-redirects": "1.15.3",
                           "tough-cookie": "4.1.2", "semver": "7.5.1", "jose": "4.14.4"}, port="8080/tcp")),
    dict(key="platform-auth-3.4.0", repo=R + "/platform/auth", tag="3.4.0", base="N2", created="2026-11-10",
         label="node:20-bookworm-slim", scans=["2026-11-11", "2026-11-26"],
         steps=node_steps({"jsonwebtoken": "9.0.2", "express": "4.21.2", "body-parser": "1.20.3",
                           "path-to-regexp": "0.1.12", "cookie": "0.7.1", "send": "0.19.0", "serve-static": "1.16.2",
                           "passport": "0.7.0", "bcrypt": "5.1.1", "axios": "1.12.2", "follow-redirects": "1.15.11",
                           "semver": "7.7.2", "jose": "5.9.6"}, port="8080/tcp")),
    dict(key="platform-ci-runner-2025.06", repo=R + "/platform/ci-runner", tag="2025.06", base="DCI",
         created="2025-06-20", scans=["2026-08-04", "2026-11-24"], trivy_flags={"ignore_unfixed": True},
         steps=[S_apt("RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends git openssh-client "
                      "curl ca-certificates gnupg jq && rm -rf /var/lib/apt/lists/*",
                      ["git", "openssh", "curl", "nghttp2", "krb5", "openldap", "libssh2", "brotli", "openssl",
                       "ca-certificates", "expat"], 58_200_000),
                S_lang("COPY --from=docker:28-cli /usr/local/bin/docker /usr/local/bin/docker", 39_100_000,
                       "usr/local/bin/docker", "gobinary", "go",
                       [("github.com/docker/cli", "v28.2.2+incompatible"), ("stdlib", "v1.25.5"),
                        ("golang.org/x/net", "v0.38.0"), ("golang.org/x/crypto", "v0.36.0")]),
                S_lang("COPY acme-runner /usr/local/bin/acme-runner", 18_600_000, "usr/local/bin/acme-runner",
                       "gobinary", "go",
                       [("registry.acme-shop.io/platform/ci-runner", "(devel)"), ("stdlib", "v1.24.3"),
                        ("github.com/docker/docker", "v26.1.4+incompatible"),
                        ("github.com/opencontainers/runc", "v1.1.12"), ("golang.org/x/oauth2", "v0.21.0"),
                        ("github.com/hashicorp/go-retryablehttp", "v0.7.4")]),
                S_workdir("/work"), S_entry(["/usr/local/bin/acme-runner"])],
         classic=True),
    dict(key="platform-config-service-1.9.0", repo=R + "/platform/config-service", tag="1.9.0", base="U1",
         created="2026-08-07", label="eclipse-temurin:21-jre", scans=["2026-08-08", "2026-11-25"],
         steps=java_steps("config-service-1.9.0.jar", {
             "org.springframework.cloud:spring-cloud-config-server": "4.1.0",
             "org.springframework.boot:spring-boot": "3.2.1", "org.springframework:spring-web": "6.1.2",
             "org.springframework:spring-webmvc": "6.1.2", "org.apache.tomcat.embed:tomcat-embed-core": "10.1.17",
             "org.yaml:snakeyaml": "2.2", "org.eclipse.jgit:org.eclipse.jgit": "6.6.0.202305301015-r",
             "org.bouncycastle:bcprov-jdk18on": "1.76", "org.apache.commons:commons-compress": "1.24.0",
             "com.fasterxml.jackson.core:jackson-databind": "2.15.3"}, port="8888/tcp")),
    dict(key="platform-notification-1.1.0", repo=R + "/platform/notification", tag="1.1.0", base="P2",
         created="2026-11-05", scans=["2026-11-06", "2026-11-26"],
         steps=py_steps({"aiohttp": "3.12.15", "jinja2": "3.1.6", "celery": "5.4.0", "kombu": "5.4.2",
                         "redis": "5.2.1", "requests": "2.32.5", "urllib3": "2.6.0", "certifi": "2025.8.3",
                         "idna": "3.10", "pydantic": "2.11.9"},
                        cmd=("celery", "-A", "notify", "worker"), user="app", port="8080/tcp")),
    dict(key="platform-backup-agent-1.3.0", repo=R + "/platform/backup-agent", tag="1.3.0", base="A1",
         created="2026-10-14", scans=["2026-10-15"],
         steps=go_steps("backup-agent", {"registry.acme-shop.io/platform/backup-agent": "(devel)",
                                         "stdlib": "v1.27.1", "github.com/aws/aws-sdk-go-v2": "v1.39.2",
                                         "github.com/klauspost/compress": "v1.18.0",
                                         "github.com/go-jose/go-jose/v3": "v3.0.3",
                                         "github.com/hashicorp/go-retryablehttp": "v0.7.4",
                                         "google.golang.org/protobuf": "v1.32.0"}, port=None, user="")[:2] + [
             S_lang("COPY --from=restic/restic:0.16.5 /usr/bin/restic /usr/local/bin/restic # buildkit", 26_400_000,
                    "usr/local/bin/restic", "gobinary", "go",
                    [("github.com/restic/restic", "v0.16.5"), ("stdlib", "v1.22.5"),
                     ("golang.org/x/net", "v0.26.0"), ("golang.org/x/crypto", "v0.24.0"),
                     ("golang.org/x/oauth2", "v0.21.0"), ("google.golang.org/protobuf", "v1.34.2")]),
             S_entry(["/usr/local/bin/backup-agent"])]),
    # ---------------------------------------------------------------- data
    dict(key="data-etl-runner-4.1.0", repo=R + "/data/etl-runner", tag="4.1.0", base="P1", created="2026-08-03",
         label="python:3.12-slim", scans=["2026-08-04"],
         steps=py_steps({"pandas": "2.2.2", "pyarrow": "14.0.0", "sqlalchemy": "2.0.25", "boto3": "1.34.10",
                         "requests": "2.31.0", "urllib3": "2.0.7", "paramiko": "3.3.1", "cryptography": "41.0.4",
                         "certifi": "2023.11.17", "idna": "3.6"}, cmd=("python", "-m", "etl.run"))),
    dict(key="data-etl-runner-4.2.0", repo=R + "/data/etl-runner", tag="4.2.0", base="P1", created="2026-09-14",
         label="python:3.12-slim", scans=["2026-09-15", "2026-11-24"],
         steps=py_steps({"pandas": "2.2.3", "pyarrow": "17.0.0", "sqlalchemy": "2.0.36", "boto3": "1.35.40",
                         "requests": "2.32.3", "urllib3": "2.2.3", "paramiko": "3.5.0", "cryptography": "43.0.1",
                         "certifi": "2024.8.30", "idna": "3.10"}, cmd=("python", "-m", "etl.run"),
                        apt=[S_pin("RUN /bin/sh -c echo 'deb [check-valid-until=no] https://snapshot.debian.org/archive/"
                                   "debian/20240328T000000Z sid main' > /etc/apt/sources.list.d/sid.list && apt-get update "
                                   "&& apt-get install -y -t sid xz-utils=5.6.1-1 liblzma5=5.6.1-1 && rm -rf /var/lib/apt/lists/* # buildkit",
                                   [("liblzma5", "xz-utils", "5.6.1-1"), ("xz-utils", "xz-utils", "5.6.1-1")],
                                   1_150_000)])),
    dict(key="data-spark-job-3.2.1", repo=R + "/data/spark-job", tag="3.2.1", base="U1", created="2026-08-21",
         scans=["2026-08-22", "2026-11-25"],
         steps=java_steps("spark-job-3.2.1.jar", {
             "org.apache.spark:spark-core_2.12": "3.2.1", "log4j:log4j": "1.2.17",
             "org.apache.activemq:activemq-client": "5.18.2", "org.apache.hadoop:hadoop-common": "3.3.1",
             "com.fasterxml.jackson.core:jackson-databind": "2.12.3", "org.apache.commons:commons-text": "1.9",
             "org.apache.avro:avro": "1.10.2", "com.google.protobuf:protobuf-java": "2.5.0",
             "org.apache.zookeeper:zookeeper": "3.6.2", "io.netty:netty-codec-http2": "4.1.68.Final",
             "io.netty:netty-handler": "4.1.68.Final", "org.apache.ivy:ivy": "2.5.0",
             "org.apache.commons:commons-compress": "1.21", "com.google.guava:guava": "14.0.1"},
             port="4040/tcp", user="185")),
    dict(key="data-kafka-connect-7.4.0", repo=R + "/data/kafka-connect", tag="7.4.0", base="U2",
         created="2026-10-20", label="eclipse-temurin:21-jre", scans=["2026-10-21"],
         steps=java_steps("kafka-connect-7.4.0.jar", {
             "org.apache.kafka:kafka-clients": "3.4.0", "org.apache.kafka:connect-runtime": "3.4.0",
             "org.eclipse.jetty:jetty-server": "9.4.51.v20230217", "org.eclipse.jetty:jetty-http": "9.4.51.v20230217",
             "org.apache.avro:avro": "1.11.1", "org.xerial.snappy:snappy-java": "1.1.8.4",
             "org.apache.zookeeper:zookeeper": "3.6.3", "com.fasterxml.jackson.core:jackson-databind": "2.14.2",
             "io.netty:netty-handler": "4.1.92.Final", "io.netty:netty-codec-http": "4.1.92.Final",
             "commons-io:commons-io": "2.11.0", "org.bitbucket.b_c:jose4j": "0.9.3"},
             port="8083/tcp", user="1000")),
    dict(key="data-notebook-2026.09", repo=R + "/data/notebook", tag="2026.09", base="P1", created="2026-09-08",
         label="python:3.12-slim", scans=["2026-09-09", "2026-11-20"],
         steps=py_steps({"jupyterlab": "4.0.9", "jupyter-server": "2.7.3", "notebook": "7.0.6", "tornado": "6.3.3",
                         "mlflow": "2.8.0", "nltk": "3.8.1", "pyarrow": "14.0.1",
                         "pillow": "10.0.1", "jinja2": "3.1.2", "requests": "2.31.0", "urllib3": "2.0.7",
                         "setuptools": "68.2.2",
                         "certifi": "2023.7.22"},
                        port="8888/tcp", cmd=("jupyter", "lab", "--ip=0.0.0.0", "--allow-root"),
                        size=1_430_000_000)),
    dict(key="data-feature-store-0.7.2", repo=R + "/data/feature-store", tag="0.7.2", base="P2",
         created="2026-11-08", scans=["2026-11-09"],
         steps=py_steps({"redis": "5.2.0", "pandas": "2.2.3", "pyarrow": "17.0.0", "fastapi": "0.115.6",
                         "starlette": "0.41.3", "protobuf": "5.28.3", "uvicorn": "0.32.1", "requests": "2.32.5",
                         "urllib3": "2.5.0", "pydantic": "2.10.3"},
                        cmd=("uvicorn", "features.server:app", "--host", "0.0.0.0", "--port", "6566"),
                        port="6566/tcp", user="app")),
    # ---------------------------------------------------------------- monitoring
    dict(key="monitoring-node-agent-1.4.2", repo=R + "/monitoring/node-agent", tag="1.4.2", base="N1",
         created="2026-08-14", scans=["2026-08-15", "2026-11-25"],
         steps=node_steps({"systeminformation": "5.2.6", "prom-client": "14.2.0", "express": "4.19.2",
                           "body-parser": "1.20.2", "path-to-regexp": "0.1.7", "send": "0.18.0",
                           "serve-static": "1.15.0", "cookie": "0.6.0", "pino": "8.17.2"},
                          port="9100/tcp", cmd=("node", "agent.js"), user="")),
    dict(key="monitoring-log-shipper-2.1.0", repo=R + "/monitoring/log-shipper", tag="2.1.0", base="A1",
         created="2026-10-01", scans=["2026-10-02", "2026-11-26"],
         steps=go_steps("log-shipper", {"registry.acme-shop.io/monitoring/log-shipper": "(devel)",
                                        "stdlib": "v1.27.2", "github.com/hashicorp/go-retryablehttp": "v0.7.4",
                                        "github.com/go-jose/go-jose/v3": "v3.0.1",
                                        "google.golang.org/protobuf": "v1.32.0",
                                        "github.com/rs/cors": "v1.10.1", "golang.org/x/net": "v0.45.0",
                                        "github.com/fsnotify/fsnotify": "v1.9.0"}, port="2020/tcp", user="")[:2] + [
             S_lang("COPY --from=build /out/ship-health /usr/local/bin/ship-health # buildkit", 9_800_000,
                    "usr/local/bin/ship-health", "gobinary", "go",
                    [("registry.acme-shop.io/monitoring/log-shipper/cmd/ship-health", "(devel)"),
                     ("stdlib", "v1.27.2"), ("golang.org/x/net", "v0.30.0"),
                     ("github.com/hashicorp/go-retryablehttp", "v0.7.5"), ("google.golang.org/protobuf", "v1.31.0"),
                     ("github.com/go-jose/go-jose/v3", "v3.0.2")]),
             S_expose("2020/tcp"), S_entry(["/usr/local/bin/log-shipper"])]),
    dict(key="monitoring-alert-router-0.5.1", repo=R + "/monitoring/alert-router", tag="0.5.1", base="P2",
         created="2026-11-09", label="python:3.12-slim", scans=["2026-11-10", "2026-11-26"],
         steps=py_steps({"fastapi": "0.121.0", "starlette": "0.49.3", "pydantic": "2.12.3", "httpx": "0.28.1",
                         "jinja2": "3.1.6", "pyyaml": "6.0.3", "uvicorn": "0.38.0", "h11": "0.16.0"},
                        cmd=("uvicorn", "router.app:app", "--host", "0.0.0.0", "--port", "9093"),
                        port="9093/tcp", user="app")),
    dict(key="monitoring-status-page-1.0.0", repo=R + "/monitoring/status-page", tag="1.0.0", base="N2",
         created="2026-11-11", scans=["2026-11-12", "2026-11-26"],
         steps=node_steps({"express": "4.21.2", "ejs": "3.1.10", "marked": "15.0.12", "on-headers": "1.0.2",
                           "body-parser": "1.20.3", "path-to-regexp": "0.1.12", "cookie": "0.7.1",
                           "http-proxy-middleware": "2.0.9"})),
    dict(key="monitoring-uptime-probe-0.3.0", repo=R + "/monitoring/uptime-probe", tag="0.3.0", base="N2",
         created="2026-11-16", label="node:20-bookworm-slim", scans=["2026-11-17"],
         steps=node_steps({"express": "4.21.2", "socket.io": "4.8.1", "ws": "8.18.3", "axios": "1.12.2",
                           "on-headers": "1.0.2", "brace-expansion": "2.0.1", "undici": "6.22.1",
                           "dayjs": "1.11.18"}, port="3001/tcp")),
]

# ----------------------------------------------------------------------------------------
# Building the application images
# ----------------------------------------------------------------------------------------

def classic(created_by):
    """The classic builder's history line for a Dockerfile instruction."""
    if created_by.startswith("RUN /bin/sh -c "):
        return "/bin/sh -c " + created_by[len("RUN /bin/sh -c "):]
    if created_by.startswith("RUN "):
        return "/bin/sh -c " + created_by[4:]
    if created_by.startswith("COPY "):
        parts = created_by.split()
        return "/bin/sh -c #(nop) COPY file:%s in %s " % (hexid(64, created_by), parts[-1])
    return "/bin/sh -c #(nop)  " + created_by


def build_app(spec):
    base = BASES[spec["base"]]
    if not spec["steps"]:
        return base
    b = base.derive(spec["key"])
    date = spec["created"]
    minute = [0]
    is_classic = spec.get("classic", False)

    def when():
        minute[0] += 1
        return T(date, minute[0], 14)

    def line(text):
        if not is_classic:
            return text if text.endswith("# buildkit") or not text.startswith("RUN") else text + " # buildkit"
        return classic(text.replace(" # buildkit", ""))

    comment = None if is_classic else "buildkit.dockerfile.v0"

    def empty(text):
        b.entry(when(), line(text), comment=comment)

    for step in spec["steps"]:
        kind = step[0]
        if kind == "env":
            empty("ENV " + step[1])
            key, _, value = step[1].partition("=")
            b.config["Env"] = [e for e in b.config["Env"] if not e.startswith(key + "=")] + \
                [tok for tok in step[1].split(" ")]
        elif kind == "workdir":
            empty("WORKDIR " + step[1])
            b.config["WorkingDir"] = step[1]
        elif kind == "user":
            empty("USER " + step[1])
            b.config["User"] = step[1]
        elif kind == "expose":
            empty("EXPOSE map[%s:{}]" % step[1])
            b.config["ExposedPorts"] = {step[1]: {}}
        elif kind == "cmd":
            empty("CMD " + json.dumps(step[1]))
            b.config["Cmd"] = step[1]
        elif kind == "entrypoint":
            empty("ENTRYPOINT " + json.dumps(step[1]))
            b.config["Entrypoint"] = step[1]
            b.config["Cmd"] = None
        elif kind == "run":
            b.layer(when(), line(step[1]), step[2], comment=comment)
        elif kind == "apk":
            li = b.layer(when(), line(step[1]), step[2], comment=comment)
            b.os.setdefault("tzdata", {"name": "tzdata", "src": "tzdata", "version": "2025b-r0",
                                       "layer": li, "family": "alpine"})
        elif kind in ("apt", "aptup"):
            li = b.layer(when(), line(step[1]), step[3], comment=comment)
            d = step[4] or date
            if kind == "apt":
                b.install(li, b.family, step[2], d)
            else:
                b.upgrade(li, b.family, step[2], d)
        elif kind == "pin":
            li = b.layer(when(), line(step[1]), step[3], comment=comment)
            b.pin(li, b.family, step[2])
        elif kind == "lang":
            _, created_by, size, target, rtype, eco, pkgs = step
            li = b.layer(when(), line(created_by), size, comment=comment)
            norm = [(p[0], p[1], p[2] if len(p) > 2 else None) for p in pkgs]
            b.add_lang(li, target, rtype, eco, norm)
        else:
            raise SystemExit("unknown step " + kind)
    labels = {"org.opencontainers.image.source": "https://git.acme-shop.io/%s" % spec["repo"].split("/", 1)[1],
              "org.opencontainers.image.revision": hexid(40, "rev", spec["key"]),
              "org.opencontainers.image.version": spec["tag"],
              "org.opencontainers.image.vendor": "Acme Shop GmbH"}
    if spec.get("label"):
        labels["org.opencontainers.image.base.name"] = spec["label"]
    empty("LABEL " + " ".join("%s=%s" % kv for kv in sorted(labels.items())))
    b.config["Labels"] = dict(b.config["Labels"], **labels)
    return b


# ----------------------------------------------------------------------------------------
# Trivy reports
# ----------------------------------------------------------------------------------------

def purl_deb(family, name, version, os_name):
    epoch = None
    v = version
    if ":" in v:
        epoch, v = v.split(":", 1)
    q = "arch=amd64&distro=%s-%s" % (family, os_name)
    if epoch:
        q += "&epoch=" + epoch
    return "pkg:deb/%s/%s@%s?%s" % (family, name.replace("+", "%2B"), v.replace("+", "%2B"), q)


def purl_lang(eco, name, version):
    if eco == "npm":
        return "pkg:npm/%s@%s" % (name.replace("@", "%40"), version)
    if eco == "pip":
        return "pkg:pypi/%s@%s" % (name.lower(), version)
    if eco == "maven":
        g, a = name.split(":")
        return "pkg:maven/%s/%s@%s" % (g, a, version)
    return "pkg:golang/%s@%s" % (name, version)


def uid(*parts):
    return hexid(16, "uid", *parts)


CWE_RULES = [
    ("sql injection", "CWE-89"), ("command injection", "CWE-78"), ("code injection", "CWE-94"),
    ("traversal", "CWE-22"), ("use-after-free", "CWE-416"), ("use after free", "CWE-416"),
    ("deserializ", "CWE-502"), ("server-side request forgery", "CWE-918"), ("ssrf", "CWE-918"),
    ("cross site scripting", "CWE-79"), ("xss", "CWE-79"), ("redos", "CWE-1333"),
    ("regular expression", "CWE-1333"), ("null pointer", "CWE-476"), ("null-dereference", "CWE-476"),
    ("prototype pollution", "CWE-1321"), ("smuggling", "CWE-444"), ("timing", "CWE-208"),
    ("side-channel", "CWE-203"), ("integer overflow", "CWE-190"), ("heap", "CWE-122"),
    ("buffer overflow", "CWE-120"), ("out-of-bounds read", "CWE-125"), ("overread", "CWE-125"),
    ("out of bounds write", "CWE-787"), ("race", "CWE-362"), ("leak", "CWE-200"), ("disclos", "CWE-200"),
    ("denial of service", "CWE-400"), ("dos", "CWE-400"), ("memory", "CWE-770"), ("bypass", "CWE-863"),
    ("privilege escalation", "CWE-269"), ("certificate", "CWE-295"), ("redirect", "CWE-601"),
]


def cwes_of(title):
    t = (title or "").lower()
    for needle, cwe in CWE_RULES:
        if needle in t:
            return [cwe]
    return []


def impact_sentence(vec):
    if not vec or vec.startswith("v2:"):
        return ""
    av, ac, pr, ui, s, c, i, a = vec.split("/")
    who = {"N": "A remote", "A": "An adjacent-network", "L": "A local", "P": "A physically present"}[av]
    who += " attacker" if pr == "N" else " authenticated attacker"
    if c == "H" and i == "H":
        what = "execute arbitrary code or take full control of the affected component"
    elif i == "H":
        what = "modify data or bypass security checks"
    elif c == "H":
        what = "read sensitive information"
    elif a == "H":
        what = "cause a denial of service"
    else:
        what = "cause limited information disclosure or integrity impact"
    how = " by tricking a user into processing crafted input" if ui == "R" else " with crafted input"
    return " %s could exploit this flaw%s to %s." % (who, how, what)


SEV_VECTORS = {4: "N/L/N/N/U/H/H/H", 3: "N/L/N/N/U/N/N/H", 2: "N/H/N/N/U/N/N/H", 1: "N/H/N/R/U/L/N/N"}


def vuln_static(vid):
    """The parts of a vulnerability object that do not depend on the package."""
    v = VULNS[vid]
    out = {"sev": dict(v["sev"]), "cvss": {}}
    nvd_score = None
    if v["vec"]:
        if v["vec"].startswith("v2:"):
            vec2 = v["vec"][3:]
            nvd_score = V2_SCORES[vec2]
            out["cvss"]["nvd"] = {"V2Vector": vec2, "V2Score": nvd_score}
        else:
            vector, nvd_score = cvss31(v["vec"])
            out["cvss"]["nvd"] = {"V3Vector": vector, "V3Score": nvd_score}
        out["sev"]["nvd"] = band(nvd_score)
    if "ghsa" in v["sev"]:
        g = v["gv"] or (v["vec"] if v["vec"] and not v["vec"].startswith("v2:") and band(nvd_score) == v["sev"]["ghsa"]
                        else SEV_VECTORS[v["sev"]["ghsa"]])
        vector, score = cvss31(g)
        out["cvss"]["ghsa"] = {"V3Vector": vector, "V3Score": score}
    if "redhat" in v["sev"]:
        rv = v["rv"]
        if not rv and (nvd_score is None or band(nvd_score) != v["sev"]["redhat"]) and hnum(vid, "rh") % 3:
            rv = SEV_VECTORS[v["sev"]["redhat"]]
        if rv:
            vector, score = cvss31(rv)
            out["cvss"]["redhat"] = {"V3Vector": vector, "V3Score": score}
    out["nvd_score"] = nvd_score
    return out


def primary_url(vid):
    if vid.startswith("CVE-"):
        return "https://avd.aquasec.com/nvd/" + vid.lower()
    if vid.startswith("GHSA-"):
        return "https://github.com/advisories/" + vid
    return "https://security-tracker.debian.org/tracker/" + vid


DATA_SOURCES = {
    "debian": {"ID": "debian", "Name": "Debian Security Tracker",
               "URL": "https://salsa.debian.org/security-tracker-team/security-tracker"},
    "ubuntu": {"ID": "ubuntu", "Name": "Ubuntu CVE Tracker", "URL": "https://git.launchpad.net/ubuntu-cve-tracker"},
    "alpine": {"ID": "alpine", "Name": "Alpine Secdb", "URL": "https://secdb.alpinelinux.org/"},
    "npm": {"ID": "ghsa", "Name": "GitHub Security Advisory npm",
            "URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Anpm"},
    "pip": {"ID": "ghsa", "Name": "GitHub Security Advisory pip",
            "URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Apip"},
    "maven": {"ID": "ghsa", "Name": "GitHub Security Advisory Maven",
              "URL": "https://github.com/advisories?query=type%3Areviewed+ecosystem%3Amaven"},
    "go": {"ID": "govulndb", "Name": "The Go Vulnerability Database", "URL": "https://pkg.go.dev/vuln/"},
}


def describe(v):
    """A description in the style of the advisory text: the title without its "package:" prefix."""
    title = v["title"].strip("[]")
    head, sep, rest = title.partition(": ")
    core = rest if sep and len(head) <= 40 and " " not in head.strip() else title
    core = core[0].upper() + core[1:]
    return core.rstrip(".") + "." + impact_sentence(v["vec"])


def vuln_object(vid, pkg_name, pkg_id, purl, installed, status, fixed, diff_id, source_key, vendor, scan_date,
                pkg_path=None):
    v = VULNS[vid]
    st = vuln_static(vid)
    o = {"VulnerabilityID": vid, "PkgID": pkg_id, "PkgName": pkg_name}
    if pkg_path:
        o["PkgPath"] = pkg_path
    o["PkgIdentifier"] = {"PURL": purl, "UID": uid(purl)}
    o["InstalledVersion"] = installed
    if fixed:
        o["FixedVersion"] = fixed
    o["Status"] = status
    o["Layer"] = {"DiffID": diff_id}
    if vendor and vendor in st["sev"]:
        sev, sev_src = st["sev"][vendor], vendor
    elif "nvd" in st["sev"]:
        sev, sev_src = st["sev"]["nvd"], "nvd"
    else:
        sev, sev_src = 0, None
    if sev_src:
        o["SeveritySource"] = sev_src
    o["PrimaryURL"] = primary_url(vid)
    o["DataSource"] = DATA_SOURCES[source_key]
    o["Title"] = v["title"]
    o["Description"] = v["desc"] or describe(v)
    o["Severity"] = SEV_WORD[sev]
    cw = v["cwe"] or cwes_of(v["title"])
    if cw:
        o["CweIDs"] = cw
    if st["sev"]:
        o["VendorSeverity"] = {k: st["sev"][k] for k in sorted(st["sev"])}
    if st["cvss"]:
        o["CVSS"] = {k: st["cvss"][k] for k in sorted(st["cvss"])}
    refs = []
    if vid.startswith("CVE-"):
        refs.append("https://nvd.nist.gov/vuln/detail/" + vid)
        refs.append("https://www.cve.org/CVERecord?id=" + vid)
    if source_key in ("debian",) and not vid.startswith("GHSA"):
        refs.append("https://security-tracker.debian.org/tracker/" + vid)
    if source_key == "ubuntu":
        refs.append("https://ubuntu.com/security/" + vid)
    if source_key in ("npm", "pip", "maven") or vid.startswith("GHSA"):
        refs.append("https://github.com/advisories?query=" + vid)
    if source_key == "go":
        refs.append("https://pkg.go.dev/vuln/GO-%d-%04d" % (int(v["pub"][:4]) if v["pub"] else 2024,
                                                           1000 + hnum(vid, "go") % 3000))
    o["References"] = sorted(set(refs))
    if v["pub"]:
        o["PublishedDate"] = nvd_time(v["pub"], vid)
        mod = add_days(v["pub"], 3 + hnum(vid, "mod") % 240)
        if mod >= scan_date:  # what the vulnerability DB knew on the day of the scan
            mod = add_days(scan_date, -1)
        if mod < v["pub"]:
            mod = v["pub"]
        o["LastModifiedDate"] = nvd_time(mod, vid + "m")
    return o


def os_finding(e, pkg, family, scan_date):
    v = VULNS[e["id"]]
    if v["pub"] and v["pub"] >= scan_date:  # the nightly scan runs before that day's NVD publications
        return None
    w = WITHDRAWN.get(e["id"])
    if w and scan_date >= w:
        return None
    if family == "alpine":
        return ("affected", None)
    inst, src = pkg["version"], pkg["src"]
    if e["only"]:
        if inst in e["only"]:
            return ("fixed", e["only"][inst])
        return None
    idx = version_index(family, src, inst)
    if idx is None:
        return None
    if e["fix"]:
        if idx >= version_index(family, src, e["fix"]):
            return None
        if fix_date(family, src, e["fix"]) <= scan_date:
            return ("fixed", e["fix"])
        return ("affected", None)
    return (e["status"], None)


def lang_finding(e, version, scan_date):
    v = VULNS[e["id"]]
    if v["pub"] and v["pub"] >= scan_date:  # the nightly scan runs before that day's NVD publications
        return None
    w = WITHDRAWN.get(e["id"])
    if w and scan_date >= w:
        return None
    if not version or version.startswith("("):
        return None
    if not lang_affected(version, e["fixes"], e["intro"]):
        return None
    if e["fixes"]:
        return ("fixed", ", ".join(e["fixes"]))
    return ("affected", None)


def split_deb_version(version):
    epoch = None
    v = version
    if ":" in v:
        epoch, v = v.split(":", 1)
    if "-" in v:
        up, rel = v.rsplit("-", 1)
    else:
        up, rel = v, None
    return epoch, up, rel


TRIVY_VERSION = [("2026-08-01", "0.71.1"), ("2026-09-15", "0.72.0"), ("2026-10-20", "0.72.2"),
                 ("2026-11-10", "0.73.0")]


def trivy_version(date):
    best = TRIVY_VERSION[0][1]
    for d, v in TRIVY_VERSION:
        if d <= date:
            best = v
    return best


def keep(img, o):
    """The scan's own flags (--severity, --ignore-unfixed) as the team ran it."""
    flags = img.get("trivy_flags") or {}
    if "severity" in flags and {"LOW": 1, "MEDIUM": 2, "HIGH": 3, "CRITICAL": 4}.get(o["Severity"], 0) not in flags["severity"]:
        return False
    if flags.get("ignore_unfixed") and o["Status"] != "fixed":
        return False
    return True


def uuid7(t, salt):
    ms = "%012x" % int(t.timestamp() * 1000)
    r = hexid(20, "uuid7", salt, t.isoformat())
    variant = "89ab"[int(r[3], 16) % 4]
    return "%s-%s-7%s-%s%s-%s" % (ms[:8], ms[8:], r[:3], variant, r[4:7], r[8:20])


def trivy_report(img, scan_date):
    b = img["build"]
    scan_t = at(scan_date, 3600 + hnum(img["key"], scan_date) % 7200)
    results = []
    counts = {"findings": 0}
    if b.family:
        family = b.family
        target = "%s (%s %s)" % (img["artifact"], family, b.os_name)
        pkgs, vulns = [], []
        for name in sorted(b.os):
            p = b.os[name]
            diff = b.layers[p["layer"]]["diff"]
            if family == "alpine":
                purl = "pkg:apk/alpine/%s@%s?arch=x86_64&distro=%s" % (name, p["version"], b.os_name)
                entry = {"ID": "%s@%s" % (name, p["version"]), "Name": name,
                         "Identifier": {"PURL": purl, "UID": uid(purl)}, "Version": p["version"],
                         "Arch": "x86_64", "SrcName": p["src"] or name, "SrcVersion": p["version"],
                         "Layer": {"DiffID": diff}, "AnalyzedBy": "apk"}
            else:
                purl = purl_deb(family, name, p["version"], b.os_name)
                epoch, up, rel = split_deb_version(p["version"])
                entry = {"ID": "%s@%s" % (name, p["version"]), "Name": name,
                         "Identifier": {"PURL": purl, "UID": uid(purl)}, "Version": up}
                if rel:
                    entry["Release"] = rel
                if epoch:
                    entry["Epoch"] = int(epoch)
                entry.update({"Arch": "all" if name in ("tzdata", "ncurses-base", "ca-certificates",
                                                         "git-man", "readline-common", "fontconfig-config",
                                                         "netbase", "libpam-runtime") else "amd64",
                              "SrcName": p["src"] or name, "SrcVersion": up})
                if rel:
                    entry["SrcRelease"] = rel
                entry["Layer"] = {"DiffID": diff}
                entry["AnalyzedBy"] = "dpkg"
            pkgs.append(entry)
            if not p["src"]:
                continue
            for e in OS_CVES[family].get(p["src"], []):
                r = os_finding(e, p, family, scan_date)
                if not r:
                    continue
                status, fixed = r
                vulns.append(vuln_object(e["id"], name, "%s@%s" % (name, p["version"]), purl, p["version"],
                                         status, fixed, diff, family, None if family == "alpine" else family,
                                         scan_date))
        vulns = [o for o in vulns if keep(img, o)]
        vulns.sort(key=lambda o: (o["PkgName"], o["VulnerabilityID"]))
        res = {"Target": target, "Class": "os-pkgs", "Type": family, "Packages": pkgs}
        if vulns:
            res["Vulnerabilities"] = vulns
        counts["findings"] += len(vulns)
        results.append(res)
    for lr in b.lang:
        eco = lr["eco"]
        diff = b.layers[lr["layer"]]["diff"]
        pkgs, vulns = [], []
        for name, version, path in lr["pkgs"]:
            if version == "(devel)":
                pkgs.append({"ID": name, "Name": name,
                             "Identifier": {"PURL": "pkg:golang/" + name, "UID": uid(name)},
                             "Relationship": "root", "Layer": {"DiffID": diff}})
                continue
            purl = purl_lang(eco, name, version)
            pid = "%s:%s" % (name, version) if eco == "maven" else "%s@%s" % (name, version)
            entry = {"ID": pid, "Name": name, "Identifier": {"PURL": purl, "UID": uid(purl, lr["target"])},
                     "Version": version, "Layer": {"DiffID": diff}}
            if path:
                entry["FilePath"] = path
            pkgs.append(entry)
            for e in LANG_INDEX.get((eco, name), []):
                r = lang_finding(e, version, scan_date)
                if not r:
                    continue
                status, fixed = r
                vendor = None if (eco == "go" and name == "stdlib") else "ghsa"
                vulns.append(vuln_object(e["id"], name, pid, purl, version, status, fixed, diff, eco, vendor,
                                         scan_date, pkg_path=path if eco in ("maven",) or lr["type"].endswith("-pkg") else None))
        vulns = [o for o in vulns if keep(img, o)]
        vulns.sort(key=lambda o: (o["PkgName"], o["VulnerabilityID"]))
        res = {"Target": lr["target"], "Class": "lang-pkgs", "Type": lr["type"], "Packages": pkgs}
        if vulns:
            res["Vulnerabilities"] = vulns
        counts["findings"] += len(vulns)
        results.append(res)

    history = b.history
    created = max(h["created"] for h in history)
    config = {"architecture": "amd64", "created": created.replace("Z", ".%09dZ" % (hnum(b.key, "ns") % 10**9)),
              "history": history, "os": "linux",
              "rootfs": {"type": "layers", "diff_ids": [l["diff"] for l in b.layers]},
              "config": {}}
    c = b.config
    cfg = {}
    if c["Cmd"]:
        cfg["Cmd"] = c["Cmd"]
    if c["Entrypoint"]:
        cfg["Entrypoint"] = c["Entrypoint"]
    cfg["Env"] = c["Env"]
    if c["ExposedPorts"]:
        cfg["ExposedPorts"] = c["ExposedPorts"]
    if c["Labels"]:
        cfg["Labels"] = c["Labels"]
    if c["User"]:
        cfg["User"] = c["User"]
    if c["WorkingDir"]:
        cfg["WorkingDir"] = c["WorkingDir"]
    cfg["ArgsEscaped"] = True
    config["config"] = cfg
    os_meta = {"Family": b.family, "Name": b.os_name} if b.family else None
    if os_meta and b.eosl:
        os_meta["EOSL"] = True
    meta = {"Size": sum(l["size"] for l in b.layers)}
    if os_meta:
        meta["OS"] = os_meta
    meta.update({"ImageID": img["image_id"], "DiffIDs": [l["diff"] for l in b.layers],
                 "RepoTags": img["tags"], "RepoDigests": img["repo_digests"],
                 "Reference": img["artifact"], "ImageConfig": config,
                 "Layers": [{"Size": l["size"], "DiffID": l["diff"]} for l in b.layers]})
    report = {"SchemaVersion": 2, "Trivy": {"Version": trivy_version(scan_date)},
              "ReportID": uuid7(scan_t, img["key"]),
              "CreatedAt": local_created_at(scan_t), "ArtifactID": digest("artifact", img["key"]),
              "ArtifactName": img["artifact"], "ArtifactType": "container_image", "Metadata": meta,
              "Results": results}
    return report, counts["findings"], scan_t

# ----------------------------------------------------------------------------------------
# Runtime inventory: Kubernetes and one docker host
# ----------------------------------------------------------------------------------------

NODES = [("k8s-node-1", "10.20.0.11"), ("k8s-node-2", "10.20.0.12"), ("k8s-node-3", "10.20.0.13")]
INVENTORY_TIME = "2026-11-27"

# (namespace, workload, kind, replicas, image key, container port, options)
WORKLOADS = [
    ("shop", "web", "Deployment", 3, "shop-web-1.5.0", 3000,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1000},
      "sc": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True}}),
    ("shop", "web-canary", "Deployment", 1, "shop-web-1.6.0", 3000,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1000}, "sc": {"allowPrivilegeEscalation": False}}),
    ("shop", "cart", "Deployment", 2, "shop-cart-2.3.1", 8000, {"pod_sc": {"runAsNonRoot": True}}),
    ("shop", "catalog", "Deployment", 2, "shop-catalog-3.1.0", 8080,
     {"sc": {"runAsUser": 65532, "runAsNonRoot": True, "readOnlyRootFilesystem": True,
             "allowPrivilegeEscalation": False}}),
    ("shop", "search", "Deployment", 1, "shop-search-1.8.2", 8080, {}),
    ("shop", "recommendations", "Deployment", 1, "shop-recommendations-0.9.4", 8000, {}),
    ("shop", "image-resizer", "Deployment", 2, "shop-image-resizer-1.2.0", 8080, {}),
    ("shop", "redis", "StatefulSet", 1, "redis-7.2-bookworm", 6379, {"pod_sc": {"runAsUser": 999, "fsGroup": 999}}),
    ("payments", "gateway", "Deployment", 3, "payments-gateway-5.2.0", 8443,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1001}, "sc": {"allowPrivilegeEscalation": False}}),
    ("payments", "ledger", "Deployment", 2, "payments-ledger-2.0.4", 8080,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1001}, "init": "migrate"}),
    ("payments", "fraud-scorer", "Deployment", 2, "payments-fraud-scorer-1.3.0", 8000, {}),
    ("payments", "legacy-batch", "Job", 1, "payments-legacy-batch-0.8.1", None, {"job": "legacy-batch-29400480"}),
    ("payments", "webhook-relay", "Deployment", 2, "payments-webhook-relay-1.0.2", 8080,
     {"sc": {"runAsUser": 65532, "runAsNonRoot": True}}),
    ("platform", "edge-proxy", "Deployment", 2, "platform-edge-proxy-2.7.1", 8443,
     {"sc": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}}),
    ("platform", "auth", "Deployment", 2, "platform-auth-3.4.0", 8080, {"pod_sc": {"runAsNonRoot": True}}),
    ("platform", "ci-runner", "StatefulSet", 1, "platform-ci-runner-2025.06", None,
     {"sc": {"privileged": True, "runAsUser": 0}, "hostPaths": [("docker-sock", "/var/run/docker.sock")]}),
    ("platform", "config-service", "Deployment", 2, "platform-config-service-1.9.0", 8888,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1001}}),
    ("platform", "notification", "Deployment", 1, "platform-notification-1.1.0", 8080, {}),
    ("data", "etl-runner", "Deployment", 1, "data-etl-runner-4.2.0", None, {}),
    ("data", "spark-driver", "StatefulSet", 1, "data-spark-job-3.2.1", 4040,
     {"labels": {"app": "spark-job", "spark-role": "driver"}, "pod_sc": {"runAsUser": 185}}),
    ("data", "spark-exec", "Deployment", 2, "data-spark-job-3.2.1", None,
     {"labels": {"app": "spark-job", "spark-role": "executor"}, "pod_sc": {"runAsUser": 185}}),
    ("data", "kafka-connect", "StatefulSet", 2, "data-kafka-connect-7.4.0", 8083, {"pod_sc": {"runAsUser": 1000}}),
    ("data", "notebook", "Deployment", 1, "data-notebook-2026.09", 8888,
     {"sc": {"runAsUser": 0, "allowPrivilegeEscalation": True}}),
    ("data", "feature-store", "Deployment", 2, "data-feature-store-0.7.2", 6566, {"pod_sc": {"runAsNonRoot": True}}),
    ("monitoring", "node-agent", "DaemonSet", 3, "monitoring-node-agent-1.4.2", 9100,
     {"hostNetwork": True, "hostPID": True, "sc": {"privileged": True, "runAsUser": 0},
      "hostPaths": [("proc", "/proc"), ("sys", "/sys"), ("root", "/")]}),
    ("monitoring", "log-shipper", "DaemonSet", 3, "monitoring-log-shipper-2.1.0", 2020,
     {"sc": {"runAsUser": 0, "readOnlyRootFilesystem": True},
      "hostPaths": [("varlog", "/var/log"), ("containers", "/var/lib/docker/containers")]}),
    ("monitoring", "alert-router", "Deployment", 1, "monitoring-alert-router-0.5.1", 9093, {"pod_sc": {"runAsNonRoot": True}}),
    ("monitoring", "status-page", "Deployment", 2, "monitoring-status-page-1.0.0", 3000,
     {"pod_sc": {"runAsNonRoot": True, "runAsUser": 1000}}),
    # cluster add-ons that nobody scans (they show up as running but unscanned)
    ("kube-system", "coredns", "Deployment", 2, "ext:registry.k8s.io/coredns/coredns:v1.11.3", 53,
     {"sc": {"runAsNonRoot": True, "allowPrivilegeEscalation": False, "capabilities": {"add": ["NET_BIND_SERVICE"]}}}),
    ("kube-system", "kube-proxy", "DaemonSet", 3, "ext:registry.k8s.io/kube-proxy:v1.30.6", None,
     {"hostNetwork": True, "sc": {"privileged": True}, "hostPaths": [("lib-modules", "/lib/modules")]}),
    ("ingress-nginx", "ingress-nginx-controller", "Deployment", 2,
     "ext:registry.k8s.io/ingress-nginx/controller:v1.11.3", 80,
     {"labels": {"app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller"},
      "sc": {"runAsUser": 101, "allowPrivilegeEscalation": True, "capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}}),
]

PENDING = [  # a rollout stuck on an image that was never pushed
    ("data", "feature-store", R + "/data/feature-store:0.8.0", 6566),
]


def k8s_uid(*parts):
    h = hexid(32, "uid", *parts)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def pod_suffix(*parts):
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    n = hnum("pod", *parts)
    out = ""
    for _ in range(5):
        out += alphabet[n % len(alphabet)]
        n //= len(alphabet)
    return out


def rs_hash(*parts):
    alphabet = "bcdfghjklmnpqrstvwxz2456789"
    n = hnum("rs", *parts)
    out = ""
    for _ in range(10):
        out += alphabet[n % len(alphabet)]
        n //= len(alphabet)
    return out


def make_pods(images):
    items = []
    for ns, wl, kind, replicas, image_key, port, opt in WORKLOADS:
        if image_key.startswith("ext:"):
            ref = image_key[4:]
            repo = ref.rsplit(":", 1)[0]
            image_id = "docker-pullable://%s@%s" % (repo, digest("ext-manifest", ref))
            started_base = "2026-09-14"
            status_image = ref
        else:
            img = images[image_key]
            ref = img["tags"][0]
            image_id = "docker-pullable://" + img["repo_digests"][0]
            created = img["build_date"]
            started_base = max(add_days(created, 1 + hnum(wl) % 3), "2026-06-01")
            status_image = ref
        labels = dict(opt.get("labels") or {"app": wl})
        if "app.kubernetes.io/name" not in labels:
            labels["app.kubernetes.io/name"] = labels.get("app", wl)
        labels["app.kubernetes.io/part-of"] = "acme-shop" if ns not in ("kube-system", "ingress-nginx") else ns
        h = rs_hash(ns, wl, image_key)
        for i in range(replicas):
            node, node_ip = NODES[(hnum(ns, wl, str(i)) + i) % 3] if kind != "DaemonSet" else NODES[i]
            if kind == "Deployment":
                name = "%s-%s-%s" % (wl, h, pod_suffix(ns, wl, str(i)))
                owner = {"kind": "ReplicaSet", "name": "%s-%s" % (wl, h)}
                plabels = dict(labels, **{"pod-template-hash": h})
            elif kind == "StatefulSet":
                name = "%s-%d" % (wl, i)
                owner = {"kind": "StatefulSet", "name": wl}
                plabels = dict(labels, **{"statefulset.kubernetes.io/pod-name": name,
                                          "controller-revision-hash": "%s-%s" % (wl, h[:10])})
            elif kind == "DaemonSet":
                name = "%s-%s" % (wl, pod_suffix(ns, wl, str(i)))
                owner = {"kind": "DaemonSet", "name": wl}
                plabels = dict(labels, **{"controller-revision-hash": h[:10], "pod-template-generation": "3"})
            else:  # Job
                name = "%s-%s" % (opt["job"], pod_suffix(ns, wl, str(i)))
                owner = {"kind": "Job", "name": opt["job"]}
                plabels = dict(labels, **{"job-name": opt["job"], "batch.kubernetes.io/job-name": opt["job"]})
            started = add_days(started_base, hnum(name) % 4)
            if kind == "Job":
                started = "2026-11-27"
            restarts = [0, 0, 0, 1, 0, 2, 0, 0][hnum(name, "r") % 8]
            start_t = at(started, 3600 * 8 + hnum(name, "t") % 30000)
            container = {"name": wl if kind != "Job" else "batch", "image": ref, "imagePullPolicy": "IfNotPresent"}
            if port:
                p = {"containerPort": port, "name": "http" if port not in (53, 6379) else ("dns" if port == 53 else "redis"),
                     "protocol": "TCP" if port != 53 else "UDP"}
                if opt.get("hostNetwork"):
                    p["hostPort"] = port
                container["ports"] = [p]
            container["resources"] = {"limits": {"memory": "512Mi"}, "requests": {"cpu": "100m", "memory": "256Mi"}}
            if opt.get("sc"):
                container["securityContext"] = opt["sc"]
            mounts = [{"mountPath": path if path != "/" else "/host", "name": vname, "readOnly": True}
                      for vname, path in opt.get("hostPaths", [])]
            if mounts:
                container["volumeMounts"] = mounts
            container["terminationMessagePath"] = "/dev/termination-log"
            container["terminationMessagePolicy"] = "File"
            spec = {"containers": [container], "dnsPolicy": "ClusterFirst", "enableServiceLinks": True,
                    "nodeName": node, "restartPolicy": "Always" if kind != "Job" else "OnFailure",
                    "schedulerName": "default-scheduler", "securityContext": opt.get("pod_sc", {}),
                    "serviceAccountName": "default", "terminationGracePeriodSeconds": 30}
            if opt.get("hostNetwork"):
                spec["hostNetwork"] = True
                spec["dnsPolicy"] = "ClusterFirstWithHostNet"
            if opt.get("hostPID"):
                spec["hostPID"] = True
            if opt.get("hostPaths"):
                spec["volumes"] = [{"name": vname, "hostPath": {"path": path, "type": ""}}
                                   for vname, path in opt["hostPaths"]]
            cid = hexid(64, "cid", name)
            status_c = {"containerID": "docker://" + cid, "image": status_image, "imageID": image_id,
                        "lastState": {} if not restarts else
                        {"terminated": {"containerID": "docker://" + hexid(64, "old", name), "exitCode": 137,
                                        "finishedAt": zulu(start_t - dt.timedelta(seconds=5)),
                                        "reason": "OOMKilled", "startedAt": zulu(at(started_base, 3600 * 9))}},
                        "name": container["name"], "ready": True, "restartCount": restarts, "started": True,
                        "state": {"running": {"startedAt": zulu(start_t)}}}
            pod_ip = node_ip if opt.get("hostNetwork") else "10.244.%d.%d" % (NODES.index((node, node_ip)) + 1,
                                                                               2 + hnum(name, "ip") % 250)
            status = {"conditions": [
                {"lastProbeTime": None, "lastTransitionTime": zulu(start_t), "status": "True", "type": t}
                for t in ("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled")],
                "containerStatuses": [status_c], "hostIP": node_ip, "hostIPs": [{"ip": node_ip}], "phase": "Running",
                "podIP": pod_ip, "podIPs": [{"ip": pod_ip}], "qosClass": "Burstable",
                "startTime": zulu(start_t - dt.timedelta(seconds=40))}
            if opt.get("init"):
                init = dict(container, name=opt["init"], command=["java", "-jar", "/app/app.jar", "--migrate"])
                init.pop("ports", None)
                spec["initContainers"] = [init]
                status["initContainerStatuses"] = [{
                    "containerID": "docker://" + hexid(64, "init", name), "image": status_image, "imageID": image_id,
                    "lastState": {}, "name": opt["init"], "ready": True, "restartCount": 0, "started": False,
                    "state": {"terminated": {"containerID": "docker://" + hexid(64, "init", name), "exitCode": 0,
                                             "finishedAt": zulu(start_t - dt.timedelta(seconds=8)),
                                             "reason": "Completed",
                                             "startedAt": zulu(start_t - dt.timedelta(seconds=35))}}}]
            items.append({"apiVersion": "v1", "kind": "Pod", "metadata": {
                "creationTimestamp": zulu(start_t - dt.timedelta(seconds=45)), "labels": plabels, "name": name,
                "namespace": ns, "ownerReferences": [{"apiVersion": "batch/v1" if kind == "Job" else "apps/v1",
                                                      "blockOwnerDeletion": True, "controller": True,
                                                      "kind": owner["kind"], "name": owner["name"],
                                                      "uid": k8s_uid(ns, owner["name"])}],
                "resourceVersion": str(48_000_000 + hnum(name) % 2_000_000), "uid": k8s_uid(ns, name)},
                "spec": spec, "status": status})
    for ns, wl, ref, port in PENDING:
        h = rs_hash(ns, wl, ref)
        name = "%s-%s-%s" % (wl, h, pod_suffix(ns, wl, "pending"))
        t = at(INVENTORY_TIME, 3600 * 2)
        items.append({"apiVersion": "v1", "kind": "Pod", "metadata": {
            "creationTimestamp": zulu(t), "labels": {"app": wl, "app.kubernetes.io/name": wl,
                                                     "app.kubernetes.io/part-of": "acme-shop", "pod-template-hash": h},
            "name": name, "namespace": ns,
            "ownerReferences": [{"apiVersion": "apps/v1", "blockOwnerDeletion": True, "controller": True,
                                 "kind": "ReplicaSet", "name": "%s-%s" % (wl, h), "uid": k8s_uid(ns, wl, h)}],
            "resourceVersion": str(49_990_000 + hnum(name) % 9000), "uid": k8s_uid(ns, name)},
            "spec": {"containers": [{"image": ref, "imagePullPolicy": "IfNotPresent", "name": wl,
                                     "ports": [{"containerPort": port, "name": "http", "protocol": "TCP"}]}],
                     "nodeName": NODES[1][0], "restartPolicy": "Always", "securityContext": {"runAsNonRoot": True},
                     "serviceAccountName": "default"},
            "status": {"conditions": [{"lastProbeTime": None, "lastTransitionTime": zulu(t), "status": "False",
                                       "type": "Ready", "reason": "ContainersNotReady",
                                       "message": "containers with unready status: [%s]" % wl}],
                       "containerStatuses": [{"image": ref, "imageID": "", "lastState": {}, "name": wl,
                                              "ready": False, "restartCount": 0, "started": False,
                                              "state": {"waiting": {"message": "Back-off pulling image \"%s\"" % ref,
                                                                    "reason": "ImagePullBackOff"}}}],
                       "hostIP": NODES[1][1], "phase": "Pending", "podIP": "10.244.2.77",
                       "qosClass": "BestEffort", "startTime": zulu(t)}})
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


SERVICES = [
    # namespace, name, type, selector, [(port, targetPort, nodePort)], load balancer address
    ("shop", "web", "ClusterIP", {"app": "web"}, [(80, 3000, None)], None),
    ("shop", "web-canary", "ClusterIP", {"app": "web-canary"}, [(80, 3000, None)], None),
    ("shop", "cart", "ClusterIP", {"app": "cart"}, [(8000, 8000, None)], None),
    ("shop", "catalog", "ClusterIP", {"app": "catalog"}, [(8080, 8080, None)], None),
    ("shop", "search", "ClusterIP", {"app": "search"}, [(8080, 8080, None)], None),
    ("shop", "recommendations", "ClusterIP", {"app": "recommendations"}, [(8000, 8000, None)], None),
    ("shop", "image-resizer", "ClusterIP", {"app": "image-resizer"}, [(80, 8080, None)], None),
    ("shop", "redis", "ClusterIP", {"app": "redis"}, [(6379, 6379, None)], "headless"),
    ("payments", "payments-api", "LoadBalancer", {"app": "gateway"}, [(443, 8443, 31443)], "203.0.113.24"),
    ("payments", "ledger", "ClusterIP", {"app": "ledger"}, [(8080, 8080, None)], None),
    ("payments", "fraud-scorer", "ClusterIP", {"app": "fraud-scorer"}, [(8000, 8000, None)], None),
    ("payments", "webhook-relay", "NodePort", {"app": "webhook-relay"}, [(8080, 8080, 30443)], None),
    ("platform", "edge-proxy", "LoadBalancer", {"app": "edge-proxy"}, [(443, 8443, 32443)], "203.0.113.10"),
    ("platform", "auth", "ClusterIP", {"app": "auth"}, [(80, 8080, None)], None),
    ("platform", "config-service", "ClusterIP", {"app": "config-service"}, [(8888, 8888, None)], None),
    ("platform", "notification", "ClusterIP", {"app": "notification"}, [(8080, 8080, None)], None),
    ("data", "spark-ui", "NodePort", {"app": "spark-job", "spark-role": "driver"}, [(4040, 4040, 31040)], None),
    ("data", "kafka-connect", "ClusterIP", {"app": "kafka-connect"}, [(8083, 8083, None)], None),
    ("data", "notebook", "ClusterIP", {"app": "notebook"}, [(8888, 8888, None)], None),
    ("data", "feature-store", "ClusterIP", {"app": "feature-store"}, [(6566, 6566, None)], None),
    ("monitoring", "node-agent", "ClusterIP", {"app": "node-agent"}, [(9100, 9100, None)], "headless"),
    ("monitoring", "alert-router", "ClusterIP", {"app": "alert-router"}, [(9093, 9093, None)], None),
    ("monitoring", "status-page", "LoadBalancer", {"app": "status-page"}, [(80, 3000, 30080)], "203.0.113.30"),
    ("monitoring", "status-page-internal", "LoadBalancer", {"app": "status-page"}, [(8080, 3000, 30081)], "pending"),
    ("kube-system", "kube-dns", "ClusterIP", {"k8s-app": "kube-dns"}, [(53, 53, None)], None),
    ("ingress-nginx", "ingress-nginx-controller", "LoadBalancer",
     {"app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller"},
     [(80, 80, 30800), (443, 443, 30843)], "203.0.113.50"),
]


def make_services():
    items = []
    for ns, name, stype, selector, ports, lb in SERVICES:
        spec_ports = []
        for port, target, node_port in ports:
            p = {"name": "https" if port == 443 else "http", "port": port, "protocol": "TCP", "targetPort": target}
            if node_port:
                p["nodePort"] = node_port
            spec_ports.append(p)
        cluster_ip = "None" if lb == "headless" else "10.96.%d.%d" % (hnum(ns, name) % 250, 2 + hnum(name, ns) % 250)
        spec = {"clusterIP": cluster_ip, "clusterIPs": [cluster_ip], "internalTrafficPolicy": "Cluster",
                "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "ports": spec_ports, "selector": selector,
                "sessionAffinity": "None", "type": stype}
        if stype in ("NodePort", "LoadBalancer"):
            spec["externalTrafficPolicy"] = "Cluster"
        status = {"loadBalancer": {}}
        if stype == "LoadBalancer" and lb and lb != "pending":
            status["loadBalancer"] = {"ingress": [{"ip": lb, "ipMode": "VIP"}]}
        meta = {"creationTimestamp": zulu(at("2026-03-02", hnum(ns, name) % 80000)), "name": name, "namespace": ns,
                "resourceVersion": str(12_000_000 + hnum(name) % 900_000), "uid": k8s_uid("svc", ns, name),
                "labels": {"app.kubernetes.io/part-of": "acme-shop"}}
        if name == "status-page-internal":
            meta["annotations"] = {"service.beta.kubernetes.io/aws-load-balancer-internal": "true"}
        items.append({"apiVersion": "v1", "kind": "Service", "metadata": meta, "spec": spec, "status": status})
    return {"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


INGRESSES = [
    ("shop", "storefront", [("shop.acme-shop.io", [("/", "web", 80), ("/api/catalog", "catalog", 8080),
                                                    ("/img", "image-resizer", 80)])], "storefront-tls"),
    ("shop", "storefront-beta", [("beta.acme-shop.io", [("/", "web-canary", 80)])], "storefront-tls"),
    ("platform", "auth", [("auth.acme-shop.io", [("/", "auth", 80)])], "auth-tls"),
    ("data", "notebooks", [("notebooks.acme-shop.io", [("/", "notebook", 8888)])], None),
]


def make_ingresses():
    items = []
    for ns, name, rules, tls in INGRESSES:
        spec_rules = []
        hosts = []
        for host, paths in rules:
            hosts.append(host)
            spec_rules.append({"host": host, "http": {"paths": [
                {"backend": {"service": {"name": svc, "port": {"number": port}}}, "path": path,
                 "pathType": "Prefix"} for path, svc, port in paths]}})
        spec = {"ingressClassName": "nginx", "rules": spec_rules}
        if tls:
            spec["tls"] = [{"hosts": hosts, "secretName": tls}]
        items.append({"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {
            "annotations": {"cert-manager.io/cluster-issuer": "letsencrypt"} if tls else
            {"nginx.ingress.kubernetes.io/proxy-body-size": "512m"},
            "creationTimestamp": zulu(at("2026-04-15", hnum(ns, name) % 80000)), "generation": 3, "name": name,
            "namespace": ns, "resourceVersion": str(31_000_000 + hnum(name) % 900_000), "uid": k8s_uid("ing", ns, name)},
            "spec": spec, "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.50"}]}}})
    return {"apiVersion": "networking.k8s.io/v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}


DOCKER_CONTAINERS = [
    # name, image key, published ports [(container port, host ip, host port)], options
    ("legacy-admin", "shop-legacy-admin-2.9.0", [("8000/tcp", "0.0.0.0", "8080")],
     {"env": ["DJANGO_SETTINGS_MODULE=admin.settings.prod"], "restart": "unless-stopped", "started": "2026-10-03"}),
    ("uptime-probe", "monitoring-uptime-probe-0.3.0", [("3001/tcp", "0.0.0.0", "3001")],
     {"restart": "always", "started": "2026-11-18"}),
    ("backup-agent", "platform-backup-agent-1.3.0", [],
     {"privileged": True, "binds": ["/var/lib/docker/volumes:/backup/volumes:ro", "/etc/backup:/etc/backup:ro"],
      "restart": "always", "started": "2026-10-16"}),
    ("redis", "redis-7.2-bookworm", [("6379/tcp", "127.0.0.1", "6379")],
     {"restart": "unless-stopped", "started": "2026-09-02"}),
]


def make_docker(images):
    out = []
    for name, key, ports, opt in DOCKER_CONTAINERS:
        img = images[key]
        b = img["build"]
        cid = hexid(64, "docker", name)
        started = at(opt["started"], 3600 * 6 + hnum(name) % 20000)
        net_ports = {}
        bindings = {}
        for p in b.config["ExposedPorts"]:
            net_ports[p] = None
        for cport, hip, hport in ports:
            net_ports[cport] = [{"HostIp": hip, "HostPort": hport}] + \
                ([{"HostIp": "::", "HostPort": hport}] if hip == "0.0.0.0" else [])
            bindings[cport] = [{"HostIp": "" if hip == "0.0.0.0" else hip, "HostPort": hport}]
        env = list(b.config["Env"]) + opt.get("env", [])
        cmd = b.config["Cmd"] or []
        entry = b.config["Entrypoint"]
        out.append({
            "Id": cid, "Created": zulu(started - dt.timedelta(seconds=3), frac=True),
            "Path": (entry or cmd or ["/bin/sh"])[0], "Args": ((entry or []) + cmd)[1:] if entry else cmd[1:],
            "State": {"Status": "running", "Running": True, "Paused": False, "Restarting": False, "OOMKilled": False,
                      "Dead": False, "Pid": 2000 + hnum(name) % 30000, "ExitCode": 0, "Error": "",
                      "StartedAt": zulu(started, frac=True), "FinishedAt": "0001-01-01T00:00:00Z"},
            "Image": img["image_id"],
            "ResolvConfPath": "/var/lib/docker/containers/%s/resolv.conf" % cid,
            "HostnamePath": "/var/lib/docker/containers/%s/hostname" % cid,
            "HostsPath": "/var/lib/docker/containers/%s/hosts" % cid,
            "LogPath": "/var/lib/docker/containers/%s/%s-json.log" % (cid, cid),
            "Name": "/" + name, "RestartCount": 0, "Driver": "overlay2", "Platform": "linux",
            "MountLabel": "", "ProcessLabel": "", "AppArmorProfile": "" if opt.get("privileged") else "docker-default",
            "ExecIDs": None,
            "HostConfig": {"Binds": opt.get("binds"), "ContainerIDFile": "",
                           "LogConfig": {"Type": "json-file", "Config": {"max-size": "50m"}},
                           "NetworkMode": "ops_default", "PortBindings": bindings,
                           "RestartPolicy": {"Name": opt.get("restart", "no"), "MaximumRetryCount": 0},
                           "AutoRemove": False, "CapAdd": None, "CapDrop": None, "CgroupnsMode": "private",
                           "IpcMode": "private", "PidMode": "", "Privileged": bool(opt.get("privileged")),
                           "PublishAllPorts": False, "ReadonlyRootfs": False, "SecurityOpt": None,
                           "UTSMode": "", "UsernsMode": "", "ShmSize": 67108864, "Runtime": "runc"},
            "Mounts": [{"Type": "bind", "Source": bind.split(":")[0], "Destination": bind.split(":")[1],
                        "Mode": "ro", "RW": False, "Propagation": "rprivate"} for bind in opt.get("binds", [])],
            "Config": {"Hostname": cid[:12], "Domainname": "", "User": b.config["User"], "AttachStdin": False,
                       "AttachStdout": False, "AttachStderr": False,
                       "ExposedPorts": {p: {} for p in b.config["ExposedPorts"]} or None,
                       "Tty": False, "OpenStdin": False, "StdinOnce": False, "Env": env, "Cmd": cmd or None,
                       "Image": img["tags"][0], "Volumes": None, "WorkingDir": b.config["WorkingDir"],
                       "Entrypoint": entry, "OnBuild": None,
                       "Labels": dict(b.config["Labels"], **{
                           "com.docker.compose.project": "ops", "com.docker.compose.service": name,
                           "com.docker.compose.version": "2.29.7",
                           "com.docker.compose.config-hash": hexid(64, "compose", name)})},
            "NetworkSettings": {"Bridge": "", "SandboxID": hexid(64, "sandbox", name), "HairpinMode": False,
                                "Ports": net_ports, "SandboxKey": "/var/run/docker/netns/" + hexid(12, "ns", name),
                                "Networks": {"ops_default": {
                                    "IPAMConfig": None, "Links": None, "Aliases": [name, cid[:12]],
                                    "NetworkID": hexid(64, "net"), "EndpointID": hexid(64, "ep", name),
                                    "Gateway": "172.18.0.1",
                                    "IPAddress": "172.18.0.%d" % (2 + DOCKER_CONTAINERS.index(
                                        next(c for c in DOCKER_CONTAINERS if c[0] == name))),
                                    "IPPrefixLen": 16, "MacAddress": "02:42:ac:12:00:%02x" % (2 + hnum(name) % 200),
                                    "DriverOpts": None}}}})
    return out


# ----------------------------------------------------------------------------------------
# Threat feeds
# ----------------------------------------------------------------------------------------

REQUIRED = ("Apply mitigations per vendor instructions, follow applicable BOD 22-01 guidance for cloud services, "
            "or discontinue use of the product if mitigations are unavailable.")
OSS_NOTE = ("This vulnerability affects a common open-source component, third-party library, or a protocol used "
            "by different products. For more information, please see: ")

KEV = [  # cveID, vendorProject, product, name, dateAdded, dueDate, ransomware, cwes, description, notes
    ("CVE-2021-44228", "Apache", "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability", "2021-12-10",
     "2021-12-24", "Known", ["CWE-20", "CWE-400", "CWE-502"],
     "Apache Log4j2 contains a vulnerability where JNDI features do not protect against attacker-controlled JNDI-related endpoints, allowing for remote code execution.",
     "https://logging.apache.org/log4j/2.x/security.html ; https://nvd.nist.gov/vuln/detail/CVE-2021-44228"),
    ("CVE-2021-45046", "Apache", "Log4j2", "Apache Log4j2 Deserialization of Untrusted Data Vulnerability",
     "2023-05-01", "2023-05-22", "Known", ["CWE-917"],
     "Apache Log4j2 contains a deserialization of untrusted data vulnerability due to the incomplete fix of CVE-2021-44228, where the Thread Context Lookup Pattern is vulnerable to remote code execution in certain non-default configurations.",
     "https://logging.apache.org/log4j/2.x/security.html ; https://nvd.nist.gov/vuln/detail/CVE-2021-45046"),
    ("CVE-2022-22965", "VMware", "Spring Framework", "Spring Framework JDK 9+ Remote Code Execution Vulnerability",
     "2022-04-04", "2022-04-25", "Unknown", ["CWE-94"],
     "Spring MVC or Spring WebFlux application running on JDK 9+ may be vulnerable to remote code execution (RCE) via data binding.",
     "https://tanzu.vmware.com/security/cve-2022-22965 ; https://nvd.nist.gov/vuln/detail/CVE-2022-22965"),
    ("CVE-2022-22963", "VMware Tanzu", "Spring Cloud", "VMware Tanzu Spring Cloud Function Remote Code Execution Vulnerability",
     "2022-08-25", "2022-09-15", "Unknown", ["CWE-917"],
     "When using routing functionality in VMware Tanzu's Spring Cloud Function, it is possible for a user to provide a specially crafted SpEL as a routing-expression that may result in remote code execution and access to local resources.",
     "https://tanzu.vmware.com/security/cve-2022-22963 ; https://nvd.nist.gov/vuln/detail/CVE-2022-22963"),
    ("CVE-2022-33891", "Apache", "Spark", "Apache Spark Command Injection Vulnerability", "2023-03-07", "2023-03-28",
     "Unknown", ["CWE-78"],
     "Apache Spark contains a command injection vulnerability via Spark User Interface (UI) when Access Control Lists (ACLs) are enabled.",
     "https://lists.apache.org/thread/p847l3kopoo5bjtmxrcwk21xp6tjxqlc ; https://nvd.nist.gov/vuln/detail/CVE-2022-33891"),
    ("CVE-2021-21315", "System Information Library for Node.JS", "System Information Library for Node.JS",
     "System Information Library for Node.JS Command Injection", "2022-01-18", "2022-07-18", "Unknown", ["CWE-78"],
     "System Information Library for Node.JS (npm package \"systeminformation\") is vulnerable to command injection.",
     "https://nvd.nist.gov/vuln/detail/CVE-2021-21315"),
    ("CVE-2023-44487", "IETF", "HTTP/2", "HTTP/2 Rapid Reset Attack Vulnerability", "2023-10-10", "2023-10-31",
     "Unknown", ["CWE-400"],
     "HTTP/2 contains a rapid reset vulnerability that allows for a distributed denial-of-service attack (DDoS).",
     OSS_NOTE + "https://blog.cloudflare.com/technical-breakdown-http2-rapid-reset-ddos-attack/ ; https://nvd.nist.gov/vuln/detail/CVE-2023-44487"),
    ("CVE-2023-4863", "Google", "Chromium WebP", "Google Chromium WebP Heap-Based Buffer Overflow Vulnerability",
     "2023-09-13", "2023-10-04", "Unknown", ["CWE-787"],
     "Google Chromium WebP contains a heap-based buffer overflow vulnerability that allows a remote attacker to perform an out-of-bounds memory write via a crafted HTML page. This vulnerability could affect applications that use the WebP Codec.",
     OSS_NOTE + "https://chromereleases.googleblog.com/2023/09/stable-channel-update-for-desktop_11.html ; https://nvd.nist.gov/vuln/detail/CVE-2023-4863"),
    ("CVE-2023-4911", "GNU", "GNU C Library", "GNU C Library Buffer Overflow Vulnerability", "2023-11-21",
     "2023-12-12", "Unknown", ["CWE-122"],
     "GNU C Library's dynamic loader ld.so contains a buffer overflow vulnerability when processing the GLIBC_TUNABLES environment variable, allowing a local attacker to execute code with elevated privileges.",
     OSS_NOTE + "https://www.openwall.com/lists/oss-security/2023/10/03/2 ; https://nvd.nist.gov/vuln/detail/CVE-2023-4911"),
    ("CVE-2023-38545", "Haxx", "curl", "Haxx curl SOCKS5 Heap-Based Buffer Overflow Vulnerability", "2024-01-22",
     "2024-02-12", "Unknown", ["CWE-787"],
     "curl and libcurl contain a heap-based buffer overflow in the SOCKS5 proxy handshake that can be triggered by a malicious server when a slow SOCKS5 handshake resolves hostnames locally.",
     OSS_NOTE + "https://curl.se/docs/CVE-2023-38545.html ; https://nvd.nist.gov/vuln/detail/CVE-2023-38545"),
    ("CVE-2023-46604", "Apache", "ActiveMQ", "Apache ActiveMQ Deserialization of Untrusted Data Vulnerability",
     "2023-11-02", "2023-11-23", "Known", ["CWE-502"],
     "Apache ActiveMQ contains a deserialization of untrusted data vulnerability that may allow a remote attacker with network access to a broker to run shell commands by manipulating serialized class types in the OpenWire protocol to cause the broker to instantiate any class on the classpath.",
     "https://activemq.apache.org/security-advisories.data/CVE-2023-46604-announcement.txt ; https://nvd.nist.gov/vuln/detail/CVE-2023-46604"),
    ("CVE-2024-3094", "Tukaani Project", "XZ Utils", "XZ Utils Embedded Malicious Code Vulnerability", "2024-04-01",
     "2024-04-22", "Unknown", ["CWE-506"],
     "XZ Utils versions 5.6.0 and 5.6.1 contain malicious code in the upstream tarballs that modifies liblzma and can be used to compromise sshd on affected systems.",
     OSS_NOTE + "https://www.openwall.com/lists/oss-security/2024/03/29/4 ; https://nvd.nist.gov/vuln/detail/CVE-2024-3094"),
    ("CVE-2024-6387", "OpenBSD", "OpenSSH", "OpenSSH Signal Handler Race Condition Vulnerability", "2024-07-15",
     "2024-08-05", "Unknown", ["CWE-364"],
     "OpenSSH server (sshd) contains a signal handler race condition that allows an unauthenticated remote attacker to execute code as root on glibc-based Linux systems.",
     OSS_NOTE + "https://www.openssh.com/txt/release-9.8 ; https://nvd.nist.gov/vuln/detail/CVE-2024-6387"),
    ("CVE-2025-24813", "Apache", "Tomcat", "Apache Tomcat Path Equivalence Vulnerability", "2025-04-01",
     "2025-04-22", "Unknown", ["CWE-44", "CWE-502"],
     "Apache Tomcat contains a path equivalence vulnerability that allows a remote attacker to execute code, disclose information, or inject malicious content via a partial PUT request.",
     "https://lists.apache.org/thread/j5fkjv2k477os90nczf2v9l61fb0kkgq ; https://nvd.nist.gov/vuln/detail/CVE-2025-24813"),
    ("CVE-2025-27363", "FreeType", "FreeType", "FreeType Out-of-Bounds Write Vulnerability", "2025-05-06",
     "2025-05-27", "Unknown", ["CWE-787"],
     "FreeType contains an out-of-bounds write vulnerability when attempting to parse font subglyph structures related to TrueType GX and variable font files that may allow for arbitrary code execution.",
     OSS_NOTE + "https://www.facebook.com/security/advisories/cve-2025-27363 ; https://nvd.nist.gov/vuln/detail/CVE-2025-27363"),
    ("CVE-2025-48384", "Git", "Git", "Git Link Following Vulnerability", "2025-08-25", "2025-09-15", "Unknown",
     ["CWE-59", "CWE-436"],
     "Git contains a link following vulnerability that stems from Git's inconsistent handling of carriage return characters in configuration files.",
     OSS_NOTE + "https://github.com/git/git/security/advisories/GHSA-vwqx-4fm8-6qc9 ; https://nvd.nist.gov/vuln/detail/CVE-2025-48384"),
    # not in the fleet: the catalogue is an excerpt, not a filter
    ("CVE-2023-34362", "Progress", "MOVEit Transfer", "Progress MOVEit Transfer SQL Injection Vulnerability",
     "2023-06-02", "2023-06-23", "Known", ["CWE-89"],
     "Progress MOVEit Transfer contains a SQL injection vulnerability that could allow an unauthenticated attacker to gain unauthorized access to MOVEit Transfer's database.",
     "https://community.progress.com/s/article/MOVEit-Transfer-Critical-Vulnerability-31May2023 ; https://nvd.nist.gov/vuln/detail/CVE-2023-34362"),
    ("CVE-2023-20198", "Cisco", "IOS XE Web UI", "Cisco IOS XE Web UI Privilege Escalation Vulnerability",
     "2023-10-16", "2023-10-20", "Known", ["CWE-420"],
     "Cisco IOS XE Web UI contains a privilege escalation vulnerability in the web user interface that could allow a remote, unauthenticated attacker to create an account with privilege level 15 access.",
     "https://sec.cloudapps.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-iosxe-webui-privesc-j22SaA4z ; https://nvd.nist.gov/vuln/detail/CVE-2023-20198"),
    ("CVE-2024-21887", "Ivanti", "Connect Secure and Policy Secure", "Ivanti Connect Secure and Policy Secure Command Injection Vulnerability",
     "2024-01-10", "2024-01-22", "Known", ["CWE-77"],
     "Ivanti Connect Secure and Ivanti Policy Secure contain a command injection vulnerability in the web components of these products, which can allow an authenticated administrator to send crafted requests to execute code on affected appliances.",
     "https://forums.ivanti.com/s/article/CVE-2023-46805-Authentication-Bypass-CVE-2024-21887-Command-Injection-for-Ivanti-Connect-Secure-and-Ivanti-Policy-Secure-Gateways ; https://nvd.nist.gov/vuln/detail/CVE-2024-21887"),
    ("CVE-2024-1709", "ConnectWise", "ScreenConnect", "ConnectWise ScreenConnect Authentication Bypass Vulnerability",
     "2024-02-22", "2024-02-29", "Known", ["CWE-288"],
     "ConnectWise ScreenConnect contains an authentication bypass vulnerability that allows an attacker with network access to the management interface to create a new, administrator-level account on affected devices.",
     "https://www.connectwise.com/company/trust/security-bulletins/connectwise-screenconnect-23.9.8 ; https://nvd.nist.gov/vuln/detail/CVE-2024-1709"),
    ("CVE-2024-8068", "Citrix", "Session Recording", "Citrix Session Recording Improper Privilege Management Vulnerability",
     "2025-08-25", "2025-09-15", "Unknown", ["CWE-269"],
     "Citrix Session Recording contains an improper privilege management vulnerability that could allow for privilege escalation to NetworkService Account access.",
     "https://support.citrix.com/external/article/691941 ; https://nvd.nist.gov/vuln/detail/CVE-2024-8068"),
]


def make_kev():
    vulns = []
    for cve, vendor, product, name, added, due, ransom, cwes, desc, notes in sorted(KEV, key=lambda k: k[4], reverse=True):
        vulns.append({"cveID": cve, "vendorProject": vendor, "product": product, "vulnerabilityName": name,
                      "dateAdded": added, "shortDescription": desc, "requiredAction": REQUIRED, "dueDate": due,
                      "knownRansomwareCampaignUse": ransom, "notes": notes, "cwes": cwes})
    return {"title": "CISA Catalog of Known Exploited Vulnerabilities", "catalogVersion": "2026.11.26",
            "dateReleased": "2026-11-26T17:03:11.2291Z", "count": len(vulns), "vulnerabilities": vulns}


EPSS_PINNED = {  # well-known ones, so the demo ranks them the way an analyst expects
    "CVE-2021-44228": 0.94358, "CVE-2021-45046": 0.94127, "CVE-2022-22965": 0.94410, "CVE-2022-22963": 0.94471,
    "CVE-2022-33891": 0.94285, "CVE-2023-46604": 0.94231, "CVE-2023-44487": 0.93961, "CVE-2023-4863": 0.92370,
    "CVE-2023-4911": 0.78912, "CVE-2024-3094": 0.84551, "CVE-2024-6387": 0.59733, "CVE-2023-38545": 0.24461,
    "CVE-2025-24813": 0.93877, "CVE-2025-27363": 0.61208, "CVE-2025-48384": 0.09873, "CVE-2021-21315": 0.93712,
    "CVE-2022-42889": 0.94108, "CVE-2024-1597": 0.61422, "CVE-2023-22946": 0.53010, "CVE-2019-17571": 0.91845,
    "CVE-2022-23305": 0.71240, "CVE-2024-50379": 0.52318, "CVE-2024-47561": 0.21540, "CVE-2025-29927": 0.92911,
    "CVE-2024-45337": 0.26877, "CVE-2024-41110": 0.05331, "CVE-2023-47248": 0.66154, "CVE-2024-39705": 0.30112,
    "CVE-2016-1000027": 0.81560, "CVE-2023-6940": 0.41276, "CVE-2025-32434": 0.12644,
    "CVE-2023-34362": 0.94347, "CVE-2023-20198": 0.94112, "CVE-2024-21887": 0.94389, "CVE-2024-1709": 0.94301,
    "CVE-2024-8068": 0.01212,
}
EPSS_PERCENTILE = [(0.0, 0.0), (0.0002, 0.03), (0.0004, 0.09), (0.0008, 0.31), (0.002, 0.55), (0.005, 0.72),
                   (0.01, 0.82), (0.05, 0.92), (0.1, 0.945), (0.5, 0.978), (0.9, 0.9955), (0.95, 0.9999),
                   (1.0, 1.0)]


def percentile(e):
    for (x0, y0), (x1, y1) in zip(EPSS_PERCENTILE, EPSS_PERCENTILE[1:]):
        if e <= x1:
            return y0 + (y1 - y0) * (e - x0) / (x1 - x0)
    return 1.0


def make_epss(cves):
    rows = []
    erng = random.Random(SEED + 1)
    for cve in sorted(cves, key=lambda c: (int(c.split("-")[1]), int(c.split("-")[2]))):
        if cve in EPSS_PINNED:
            e = EPSS_PINNED[cve]
        else:
            v = VULNS.get(cve)
            score = vuln_static(cve)["nvd_score"] if v else None
            age_years = max(0.0, (day(AS_OF) - day(v["pub"])).days / 365.0) if v and v["pub"] else 1.0
            mu = -6.6 + (0.9 if (score or 0) >= 9 else 0.35 if (score or 0) >= 7 else 0) + min(age_years, 4) * 0.25
            if v and v["vec"] and v["vec"].startswith("N/L/N/N"):
                mu += 0.6
            e = math.exp(erng.gauss(mu, 1.25))
            if erng.random() < 0.03:
                e = erng.uniform(0.1, 0.6)
            e = min(max(e, 0.00018), 0.9)
        rows.append((cve, "%.5f" % e, "%.5f" % min(percentile(e), 0.99999)))
    buf = io.StringIO()
    buf.write("#model_version:v2023.03.01,score_date:%sT00:00:00+0000\n" % "2026-11-27")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["cve", "epss", "percentile"])
    w.writerows(rows)
    return buf.getvalue()


# ----------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------

def write_json(path, obj, gz=False, indent=None):
    text = json.dumps(obj, indent=indent, ensure_ascii=False) + "\n"
    data = text.encode()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if gz:
        with open(path, "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
                g.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def collect_images():
    images = {}
    for key, artifact, tags, scans in SCANNED_BASES:
        b = BASES[key]
        repo = artifact.split(":")[0]
        images["base-" + key] = {"key": "base-" + key, "build": b, "artifact": artifact, "tags": tags,
                                 "repo_digests": ["%s@%s" % (repo, digest("manifest", b.key))],
                                 "image_id": digest("config", b.key), "scans": scans,
                                 "build_date": max(h["created"] for h in b.history)[:10]}
    for spec in APPS:
        b = build_app(spec)
        artifact = spec.get("artifact") or "%s:%s" % (spec["repo"], spec["tag"])
        tags = [artifact]
        if spec["key"] == "redis-7.2-bookworm":
            tags = ["redis:7.2-bookworm", "redis:7.2.10-bookworm"]
        images[spec["key"]] = {"key": spec["key"], "build": b, "artifact": artifact, "tags": tags,
                               "repo_digests": ["%s@%s" % (spec["repo"], digest("manifest", b.key))],
                               "image_id": digest("config", b.key), "scans": spec["scans"],
                               "trivy_flags": spec.get("trivy_flags"),
                               "build_date": max(h["created"] for h in b.history)[:10]}
    return images


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    images = collect_images()
    fleet_cves = set()
    summary = []
    total_size = 0
    for key in sorted(images):
        img = images[key]
        for scan_date in img["scans"]:
            report, n, scan_t = trivy_report(img, scan_date)
            for r in report["Results"]:
                for v in r.get("Vulnerabilities", []):
                    if v["VulnerabilityID"].startswith("CVE-"):
                        fleet_cves.add(v["VulnerabilityID"])
            name = "%s--%s.json.gz" % (img["artifact"].replace(REGISTRY + "/", "").replace("/", "_").replace(":", "_"),
                                       scan_date)
            write_json(os.path.join(OUT, "scans", name), report, gz=True)
            summary.append((img["artifact"], scan_date, n))
    write_json(os.path.join(OUT, "inventory", "pods.json"), make_pods(images), indent=1)
    write_json(os.path.join(OUT, "inventory", "services.json"), make_services(), indent=1)
    write_json(os.path.join(OUT, "inventory", "ingresses.json"), make_ingresses(), indent=1)
    write_json(os.path.join(OUT, "inventory", "docker-ops-01.json"), make_docker(images), indent=1)
    kev = make_kev()
    write_json(os.path.join(OUT, "feeds", "known_exploited_vulnerabilities.json"), kev, indent=4)
    epss_cves = fleet_cves | {k["cveID"] for k in kev["vulnerabilities"]}
    epss = make_epss(epss_cves)
    path = os.path.join(OUT, "feeds", "epss_scores-2026-11-27.csv.gz")
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(epss.encode())
    for root, _, files in os.walk(OUT):
        for fn in files:
            total_size += os.path.getsize(os.path.join(root, fn))
    if "-v" in sys.argv[1:]:
        for artifact, scan_date, n in summary:
            print("%-60s %s %4d" % (artifact, scan_date, n))
    print("wrote %d reports of %d images, %d distinct CVEs, %.2f MB in %s" % (
        len(summary), len(images), len(fleet_cves), total_size / 1e6, os.path.relpath(OUT)))


if __name__ == "__main__":
    main()
