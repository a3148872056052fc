// SPDX-License-Identifier: GPL-3.0-or-later
// Acceptance-style check of base-image detection, base attribution and the remediation plan,
// verified the way an outside checker would. A fleet of container images is generated as a
// build MODEL — base images (a debian:12-like OS base, python:3.12-like bases built on it, a
// hardened base on python, alpine bases, a JRE base, a node base, a base FROM scratch), each
// a list of Dockerfile steps whose layers install package versions — and app images built on
// them. Every image's Trivy JSON report (Metadata.DiffIDs, ImageID, RepoTags/RepoDigests,
// ImageConfig.history and config.Labels, Results with Packages[] and Vulnerabilities[]) is
// written to disk as real Trivy would write it, read back through the real reader, imported
// into a workspace and scored with the default policy under a fixed "now".
//
// The ground truth comes from the generator's own model, never from the code under test:
//   * Trivy semantics: an OS package has one installed version per image, attributed to the
//     LOWEST layer holding that exact version (an app layer that upgrades a base package
//     moves it to the app layer; a reinstall of the same version leaves it in the base);
//     language packages can be installed several times at different paths. A finding is
//     every (package, vulnerability) whose affected range holds the installed version.
//   * Base detection (formats.md §12): a base.name/.digest label naming a scanned image whose
//     DiffIDs are a strict prefix → "label"/high; else the scanned image with the longest
//     strict DiffID prefix → "prefix"/high; else the history boundary (the last empty-layer
//     CMD/ENTRYPOINT followed by a step created ≥ 1 h later, with layers after it, and as
//     many layer-creating history entries as DiffIDs) → "history"/low, unnamed. A label that
//     the layers do not confirm → "label"/medium, named by the label, its layer count from
//     the history (the last CMD/ENTRYPOINT with layers after it when none has the jump), else
//     unknown. A history boundary above the longest scanned prefix wins over the prefix (a
//     nearer base that was not scanned).
//   * Per finding (formats.md §2.5, §12): inBase = layer < base layer count (0 without a base,
//     -1 when the count is unknown); baseImageFix = in the base, a fixed version exists, and
//     no later layer holds a package of the same name (a finding or a Packages[] entry).
//   * The plan: every open finding in exactly one action — base-image fixes in the update of
//     the image's base (one action per scanned base image / per base name / per unnamed
//     base-layer list), other fixable findings in the upgrade of (image, package, type) to the
//     highest of the findings' lowest fixed versions above the installed one, the rest in
//     the image's no-fix action; simulating every base-image update resolves exactly the
//     base-image-fix findings.
// Two seeds; messages name the seed, the image and the finding.

#include "ingest/reader.h"
#include "layers/basedetect.h"
#include "layers/layerview.h"
#include "layers/plan.h"
#include "risk/engine.h"
#include "risk/policy.h"
#include "store/workspace.h"
#include "util/timestamp.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>

using namespace patchwise;

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

QString S(const char *text)
{
    return QString::fromLatin1(text);
}

struct Rng
{
    explicit Rng(std::uint64_t seed)
        : engine(seed)
    {}
    std::mt19937_64 engine;
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + std::int64_t(engine() % std::uint64_t(hi - lo + 1));
    }
    bool chance(int percent) { return between(0, 99) < percent; }
    QString hex64()
    {
        QString out;
        for (int i = 0; i < 4; ++i)
            out += QStringLiteral("%1").arg(qulonglong(engine()), 16, 16, QLatin1Char('0'));
        return out;
    }
};

// ---------------------------------------------------------------------------------------
// Versions. Every version the generator writes is numbers separated by '.' with an optional
// Debian revision ("3.0.11-2"), all of one shape per package: compared part by part.

std::vector<long> versionParts(const QString &v)
{
    std::vector<long> out;
    long n = -1;
    for (const QChar c : v) {
        if (c.isDigit()) {
            n = (n < 0 ? 0 : n * 10) + c.digitValue();
        } else if (n >= 0) {
            out.push_back(n);
            n = -1;
        }
    }
    if (n >= 0)
        out.push_back(n);
    return out;
}

int versionCompare(const QString &a, const QString &b)
{
    const auto x = versionParts(a), y = versionParts(b);
    for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
        const long l = i < x.size() ? x[i] : 0, r = i < y.size() ? y[i] : 0;
        if (l != r)
            return l < r ? -1 : 1;
    }
    return 0;
}

bool sameBranch(const QString &a, const QString &b)
{
    const auto x = versionParts(a), y = versionParts(b);
    return x.size() >= 2 && y.size() >= 2 && x[0] == y[0] && x[1] == y[1];
}

// ---------------------------------------------------------------------------------------
// The package world: source-package groups (binary packages sharing versions and CVEs),
// a ladder of five releases each, and the vulnerabilities of each group.

const char *const kSeverity[] = {"UNKNOWN", "LOW", "MEDIUM", "HIGH", "CRITICAL"};

struct Vuln
{
    QString id;
    QStringList fixed; // as written (FixedVersion, comma separated), empty: no fix
    QString status;    // fixed, affected, will_not_fix
    int severity = 0;  // kSeverity index
    std::int64_t published = 0;
};

bool affects(const Vuln &v, const QString &installed)
{
    if (v.fixed.isEmpty())
        return true;
    QString lo = v.fixed.front(), hi = v.fixed.front();
    for (const QString &f : v.fixed) {
        if (versionCompare(f, lo) < 0)
            lo = f;
        if (versionCompare(f, hi) > 0)
            hi = f;
    }
    if (versionCompare(installed, hi) >= 0)
        return false;
    // Several fixed release lines ("2.31.0, 2.25.4"): the older line is fixed from its own
    // patch release on.
    if (v.fixed.size() > 1 && sameBranch(installed, lo) && versionCompare(installed, lo) >= 0)
        return false;
    return true;
}

QString lowestFixedAbove(const Vuln &v, const QString &installed)
{
    QString best;
    for (const QString &f : v.fixed)
        if (versionCompare(f, installed) > 0 && (best.isEmpty() || versionCompare(f, best) < 0))
            best = f;
    return best;
}

struct Group
{
    QString type; // debian, alpine, python-pkg, gobinary
    QStringList names;
    std::vector<QString> ladder;
    std::vector<Vuln> vulns;
    bool lang = false;
};

struct World
{
    std::vector<Group> groups;
    std::map<QString, int> byKey; // "type|name"

    int group(const QString &type, const QString &name) const
    {
        const auto it = byKey.find(type + u'|' + name);
        if (it == byKey.end())
            qFatal("unknown package %s %s", qPrintable(type), qPrintable(name));
        return it->second;
    }
    const Group &of(const QString &type, const QString &name) const
    {
        return groups[std::size_t(group(type, name))];
    }
    QString version(const QString &type, const QString &name, int rung) const
    {
        return of(type, name).ladder[std::size_t(rung)];
    }
    int rungOf(const QString &type, const QString &name, const QString &version) const
    {
        const auto &l = of(type, name).ladder;
        return int(std::find(l.begin(), l.end(), version) - l.begin());
    }
};

World makeWorld(Rng &rng, std::int64_t now)
{
    struct Def
    {
        const char *type;
        std::vector<const char *> names;
    };
    const std::vector<Def> defs = {
        {"debian", {"libc6", "libc-bin"}},
        {"debian", {"libssl3", "openssl"}},
        {"debian", {"zlib1g"}},
        {"debian", {"tar"}},
        {"debian", {"perl-base"}},
        {"debian", {"libgnutls30"}},
        {"debian", {"libexpat1"}},
        {"debian", {"libsqlite3-0"}},
        {"debian", {"ca-certificates"}},
        {"debian", {"curl", "libcurl4"}},
        {"debian", {"libxml2"}},
        {"debian", {"libfreetype6"}},
        {"debian", {"fontconfig-config"}},
        {"debian", {"bash"}},
        {"debian", {"libzstd1"}},
        {"alpine", {"musl"}},
        {"alpine", {"busybox"}},
        {"alpine", {"libcrypto3", "libssl3"}},
        {"alpine", {"zlib"}},
        {"alpine", {"apk-tools"}},
        {"alpine", {"curl", "libcurl"}},
        {"alpine", {"libxml2"}},
        {"python-pkg", {"pip"}},
        {"python-pkg", {"setuptools"}},
        {"python-pkg", {"wheel"}},
        {"python-pkg", {"requests"}},
        {"python-pkg", {"urllib3"}},
        {"python-pkg", {"jinja2"}},
        {"python-pkg", {"flask"}},
        {"python-pkg", {"certifi"}},
        {"gobinary", {"stdlib"}},
        {"gobinary", {"golang.org/x/net"}},
        {"gobinary", {"github.com/gin-gonic/gin"}},
    };
    World w;
    int serial = 0;
    const auto newVuln = [&](QStringList fixed, const char *status) {
        Vuln v;
        v.published = now - rng.between(20 * kDay, 900 * kDay);
        const int year = QDateTime::fromSecsSinceEpoch(v.published, Qt::UTC).date().year();
        v.id = QStringLiteral("CVE-%1-%2").arg(year).arg(21001 + 37 * serial++);
        v.fixed = std::move(fixed);
        v.status = S(status);
        v.severity = int(rng.between(0, 99) < 8 ? 0 : rng.between(1, 4));
        return v;
    };
    for (const Def &d : defs) {
        Group g;
        g.type = S(d.type);
        for (const char *n : d.names)
            g.names << S(n);
        g.lang = g.type == u"python-pkg" || g.type == u"gobinary";
        long major = long(rng.between(1, 3)), minor = long(rng.between(0, 12)),
             patch = long(rng.between(0, 9));
        for (int k = 0; k < 5; ++k) {
            if (k > 0) {
                if (g.lang || rng.chance(40)) {
                    minor += long(rng.between(1, 3));
                    patch = long(rng.between(0, 5));
                } else {
                    patch += long(rng.between(1, 4));
                }
            }
            g.ladder.push_back(g.lang ? QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch)
                                      : QStringLiteral("%1.%2.%3-%4")
                                            .arg(major)
                                            .arg(minor)
                                            .arg(patch)
                                            .arg(rng.between(1, 3)));
        }
        const QString first = g.names.front();
        // Anchors: every scenario of the fleet has something to show.
        if (g.type == u"debian" && (first == u"libssl3" || first == u"libc6"))
            g.vulns.push_back(newVuln({g.ladder[first == u"libssl3" ? 3 : 2]}, "fixed"));
        else if (g.type == u"debian" && first == u"zlib1g")
            g.vulns.push_back(newVuln({}, "affected"));
        else if (g.type == u"debian" && first == u"tar")
            g.vulns.push_back(newVuln({}, "will_not_fix"));
        else if (g.type == u"debian" && first == u"libexpat1")
            g.vulns.push_back(newVuln({g.ladder[2]}, "fixed"));
        else if (g.type == u"alpine" && first == u"libcrypto3")
            g.vulns.push_back(newVuln({g.ladder[2]}, "fixed"));
        else if (first == u"setuptools" || first == u"stdlib")
            g.vulns.push_back(newVuln({g.ladder[first == u"stdlib" ? 3 : 2]}, "fixed"));
        else if (first == u"requests") {
            // Two fixed release lines, newest first as Trivy lists them.
            const auto p = versionParts(g.ladder[0]);
            const QString backport =
                QStringLiteral("%1.%2.%3").arg(p[0]).arg(p[1]).arg(p[2] + rng.between(1, 3));
            g.vulns.push_back(newVuln({g.ladder[3], backport}, "fixed"));
        }
        // Random ones.
        const int extra = int(rng.between(0, 2));
        for (int i = 0; i < extra; ++i) {
            const int kind = int(rng.between(0, 99));
            if (kind < 55) {
                const int k = int(rng.between(1, 4));
                if (g.lang && k >= 2 && rng.chance(35)) {
                    const int j = int(rng.between(0, k - 2));
                    const auto p = versionParts(g.ladder[std::size_t(j)]);
                    const QString backport = QStringLiteral("%1.%2.%3")
                                                 .arg(p[0])
                                                 .arg(p[1])
                                                 .arg(p[2] + rng.between(1, 3));
                    QStringList fixed{g.ladder[std::size_t(k)], backport};
                    if (rng.chance(50))
                        std::swap(fixed[0], fixed[1]);
                    g.vulns.push_back(newVuln(fixed, "fixed"));
                } else {
                    g.vulns.push_back(newVuln({g.ladder[std::size_t(k)]}, "fixed"));
                }
            } else if (kind < 85) {
                g.vulns.push_back(newVuln({}, "affected"));
            } else {
                g.vulns.push_back(newVuln({}, "will_not_fix"));
            }
        }
        for (const QString &n : std::as_const(g.names))
            w.byKey[g.type + u'|' + n] = int(w.groups.size());
        w.groups.push_back(std::move(g));
    }
    return w;
}

// ---------------------------------------------------------------------------------------
// The build model.

enum class Instr : std::uint8_t
{
    Layer,      // creates a layer
    Cmd,        // empty layer
    Entrypoint, // empty layer
    Other,      // empty layer (ENV, WORKDIR, USER, EXPOSE, LABEL, …)
};

struct PkgOp
{
    QString type, name, path, version; // path: language packages only
};

struct Step
{
    std::int64_t created = 0;
    QString createdBy;
    Instr instr = Instr::Other;
    QString diffId; // Layer steps
    std::vector<PkgOp> ops;
    bool buildkit = false;
};

struct Layer
{
    QString diffId, createdBy;
    std::vector<PkgOp> ops;
};

struct Installed
{
    QString type, name, path, version;
    int layer = -1;
};

// What a scanner sees after all layers: one version per OS package (type, name), one per
// language package (type, name, path); each attributed to the lowest layer holding exactly
// that version (Trivy's lookupOriginLayerForPkg).
std::vector<Installed> finalPackages(const std::vector<Layer> &layers, const World &world)
{
    std::vector<Installed> out;
    for (std::size_t li = 0; li < layers.size(); ++li)
        for (const PkgOp &op : layers[li].ops) {
            const bool lang = world.of(op.type, op.name).lang;
            auto it = std::find_if(out.begin(), out.end(), [&](const Installed &p) {
                return p.type == op.type && p.name == op.name && (!lang || p.path == op.path);
            });
            if (it == out.end())
                out.push_back({op.type, op.name, lang ? op.path : QString(), op.version, int(li)});
            else if (it->version != op.version)
                *it = {op.type, op.name, it->path, op.version, int(li)};
        }
    return out;
}

std::vector<Layer> layersOf(const std::vector<Step> &steps)
{
    std::vector<Layer> out;
    for (const Step &s : steps)
        if (s.instr == Instr::Layer)
            out.push_back({s.diffId, s.createdBy, s.ops});
    return out;
}

struct ModelImage
{
    QString ref, repo, configDigest, manifestDigest;
    QString os, osName;
    std::vector<Step> history;
    std::vector<Layer> layers;
    std::vector<std::pair<QString, QString>> labels;
    bool packageList = true;
    QString scenario; // what the image is there to show
    std::vector<Installed> packages;
    QStringList diffIds() const
    {
        QStringList out;
        for (const Layer &l : layers)
            out << l.diffId;
        return out;
    }
    QString label(const char *key) const
    {
        for (const auto &[k, v] : labels)
            if (k == QLatin1String(key))
                return v;
        return {};
    }
};

const QString kBaseName = QStringLiteral("org.opencontainers.image.base.name");
const QString kBaseDigest = QStringLiteral("org.opencontainers.image.base.digest");
const QString kSystemSite = QStringLiteral("usr/local/lib/python3.12/site-packages");
const QString kVenvSite = QStringLiteral("app/venv/lib/python3.12/site-packages");

class Builder
{
public:
    Builder(Rng &rng, const World &world, std::vector<Step> steps = {})
        : m_rng(rng)
        , m_world(world)
        , steps(std::move(steps))
    {
        if (!this->steps.empty())
            t = this->steps.back().created;
    }
    Rng &m_rng;
    const World &m_world;
    std::vector<Step> steps;
    std::int64_t t = 0;

    PkgOp pkg(const char *type, const QString &name, int rung, const QString &path = {}) const
    {
        return {S(type), name, path, m_world.version(S(type), name, rung)};
    }
    void layer(const QString &by, std::vector<PkgOp> ops = {}, bool buildkit = true)
    {
        Step s;
        s.created = t;
        s.createdBy = by;
        s.instr = Instr::Layer;
        s.diffId = QStringLiteral("sha256:") + m_rng.hex64();
        s.ops = std::move(ops);
        s.buildkit = buildkit;
        steps.push_back(std::move(s));
        t += m_rng.between(3, 240);
    }
    void meta(const QString &by, Instr instr = Instr::Other, bool buildkit = true)
    {
        Step s;
        s.created = t;
        s.createdBy = by;
        s.instr = instr;
        s.buildkit = buildkit;
        steps.push_back(std::move(s));
        t += m_rng.between(0, 2);
    }
    std::vector<Installed> state() const { return finalPackages(layersOf(steps), m_world); }
};

std::vector<PkgOp> ops(const Builder &b,
                       const char *type,
                       const QStringList &names,
                       int rung,
                       const QString &path = {})
{
    std::vector<PkgOp> out;
    for (const QString &n : names)
        out.push_back(b.pkg(type, n, rung, path));
    return out;
}

std::vector<Step> debianRoot(Rng &rng, const World &w, int rung, std::int64_t t)
{
    Builder b(rng, w);
    b.t = t;
    b.layer(QStringLiteral("/bin/sh -c #(nop) ADD file:%1 in / ").arg(rng.hex64().left(16)),
            ops(b,
                "debian",
                {S("libc6"),
                 S("libc-bin"),
                 S("libssl3"),
                 S("openssl"),
                 S("zlib1g"),
                 S("tar"),
                 S("perl-base"),
                 S("libgnutls30"),
                 S("bash"),
                 S("libzstd1")},
                rung),
            false);
    b.meta(QStringLiteral("/bin/sh -c #(nop)  CMD [\"bash\"]"), Instr::Cmd, false);
    return b.steps;
}

std::vector<Step> pythonBase(Rng &rng,
                             const World &w,
                             const std::vector<Step> &parent,
                             int rung,
                             std::int64_t t,
                             bool upgradeSsl)
{
    Builder b(rng, w, parent);
    b.t = t;
    b.meta(QStringLiteral("ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"));
    b.meta(QStringLiteral("ENV LANG=C.UTF-8"));
    auto apt = ops(b, "debian", {S("ca-certificates"), S("libexpat1"), S("libsqlite3-0")}, rung);
    if (upgradeSsl)
        for (PkgOp &op : ops(b, "debian", {S("libssl3"), S("openssl")}, 2))
            apt.push_back(op);
    b.layer(QStringLiteral("RUN /bin/sh -c set -eux; apt-get update; apt-get install -y "
                           "--no-install-recommends ca-certificates libexpat1 libsqlite3-0; "
                           "rm -rf /var/lib/apt/lists/* # buildkit"),
            apt);
    b.meta(QStringLiteral("ENV PYTHON_VERSION=3.12.%1").arg(rung + 3));
    b.layer(
        QStringLiteral("RUN /bin/sh -c set -eux; wget -O python.tar.xz \"https://www.python.org/"
                       "ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; "
                       "./configure --enable-optimizations; make -j \"$nproc\"; make install "
                       "# buildkit"),
        ops(b, "python-pkg", {S("pip"), S("setuptools"), S("wheel")}, rung, kSystemSite));
    b.layer(
        QStringLiteral("RUN /bin/sh -c set -eux; for src in idle3 pip3 pydoc3 python3 "
                       "python3-config; do dst=\"$(echo \"$src\" | tr -d 3)\"; ln -svT \"$src\" "
                       "\"/usr/local/bin/$dst\"; done # buildkit"));
    b.meta(QStringLiteral("CMD [\"python3\"]"), Instr::Cmd);
    return b.steps;
}

std::vector<Step>
hardenedBase(Rng &rng, const World &w, const std::vector<Step> &parent, std::int64_t t)
{
    Builder b(rng, w, parent);
    b.t = t;
    b.layer(
        QStringLiteral("RUN /bin/sh -c apt-get update && apt-get install -y "
                       "--no-install-recommends curl && rm -rf /var/lib/apt/lists/* # buildkit"),
        ops(b, "debian", {S("curl"), S("libcurl4")}, 1));
    std::vector<PkgOp> pip{b.pkg("python-pkg", S("requests"), 0, kSystemSite),
                           b.pkg("python-pkg", S("urllib3"), 1, kSystemSite),
                           b.pkg("python-pkg", S("certifi"), 1, kSystemSite)};
    b.layer(QStringLiteral("RUN /bin/sh -c pip install --no-cache-dir requests urllib3 certifi "
                           "# buildkit"),
            pip);
    b.meta(QStringLiteral("USER 10001"));
    b.meta(QStringLiteral("CMD [\"python3\"]"), Instr::Cmd);
    return b.steps;
}

std::vector<Step> alpineRoot(Rng &rng, const World &w, int rung, std::int64_t t)
{
    Builder b(rng, w);
    b.t = t;
    b.layer(QStringLiteral("/bin/sh -c #(nop) ADD file:%1 in / ").arg(rng.hex64().left(16)),
            ops(b,
                "alpine",
                {S("musl"), S("busybox"), S("libcrypto3"), S("libssl3"), S("zlib"), S("apk-tools")},
                rung),
            false);
    b.meta(QStringLiteral("/bin/sh -c #(nop)  CMD [\"/bin/sh\"]"), Instr::Cmd, false);
    return b.steps;
}

std::vector<Step> jreBase(Rng &rng, const World &w, const std::vector<Step> &parent, std::int64_t t)
{
    Builder b(rng, w, parent);
    b.t = t;
    b.meta(QStringLiteral("ENV JAVA_HOME=/opt/java/openjdk"));
    b.layer(QStringLiteral("RUN /bin/sh -c apt-get update && apt-get install -y "
                           "--no-install-recommends libfreetype6 fontconfig-config # buildkit"),
            ops(b, "debian", {S("libfreetype6"), S("fontconfig-config")}, 0));
    b.layer(QStringLiteral("COPY /opt/java/openjdk /opt/java/openjdk # buildkit"));
    b.meta(QStringLiteral("ENTRYPOINT [\"/__cacert_entrypoint.sh\"]"), Instr::Entrypoint);
    return b.steps;
}

std::vector<Step>
nodeBase(Rng &rng, const World &w, const std::vector<Step> &parent, std::int64_t t)
{
    Builder b(rng, w, parent);
    b.t = t;
    b.meta(QStringLiteral("ENV NODE_VERSION=18.20.4"));
    b.layer(QStringLiteral("RUN /bin/sh -c set -ex && curl -fsSLO --compressed "
                           "\"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64."
                           "tar.xz\" && tar -xJf node.tar.xz -C /usr/local # buildkit"));
    b.meta(QStringLiteral("CMD [\"node\"]"), Instr::Cmd);
    return b.steps;
}

// FROM scratch, several layers, no CMD or ENTRYPOINT at its end.
std::vector<Step> scratchBase(Rng &rng, const World &w, std::int64_t t)
{
    Builder b(rng, w);
    b.t = t;
    b.layer(QStringLiteral("ADD rootfs.tar.xz / # buildkit"),
            ops(b, "debian", {S("libc6"), S("libc-bin"), S("zlib1g"), S("bash")}, 2));
    b.layer(QStringLiteral("RUN /bin/sh -c apt-get install -y libxml2 # buildkit"),
            ops(b, "debian", {S("libxml2")}, 1));
    b.meta(QStringLiteral("ENV LANG=C.UTF-8"));
    return b.steps;
}

struct AppOptions
{
    QString ref;
    const std::vector<Step> *base = nullptr;
    QString os = QStringLiteral("debian");
    bool python = false;
    std::vector<std::pair<QString, QString>> labels;
    std::int64_t gap = -1; // seconds after the base's last step; -1: built 2-60 days ago
    bool packageList = true;
    std::vector<std::pair<QString, int>> upgrade; // OS package → rung, forced
    int venvRequests = -1;                        // rung of requests in the app venv
    int setuptools = -1;                          // pip install -U setuptools (system site)
    QString scenario;
};

ModelImage finishImage(Rng &rng, ModelImage im, std::vector<Step> steps, const World &w)
{
    im.repo = im.ref.left(im.ref.lastIndexOf(u':'));
    im.configDigest = QStringLiteral("sha256:") + rng.hex64();
    im.manifestDigest = QStringLiteral("sha256:") + rng.hex64();
    if (im.os.isEmpty())
        im.os = QStringLiteral("debian");
    im.osName = im.os == u"alpine" ? QStringLiteral("3.20.3") : QStringLiteral("12.7");
    im.history = std::move(steps);
    im.layers = layersOf(im.history);
    im.packages = finalPackages(im.layers, w);
    return im;
}

ModelImage makeApp(Rng &rng, const World &w, std::int64_t now, const AppOptions &o)
{
    Builder b(rng, w, *o.base);
    const std::int64_t last = o.base->back().created;
    b.t = o.gap >= 0 ? last + o.gap : now - rng.between(2, 60) * kDay - rng.between(0, kDay);
    if (o.gap < 0 && b.t < last + kHour)
        qFatal("%s: app built before its base", qPrintable(o.ref));
    b.meta(QStringLiteral("WORKDIR /app"));
    const bool alpine = o.os == u"alpine";
    const char *osType = alpine ? "alpine" : "debian";

    // OS packages: new ones, upgrades of installed ones (a whole source group at a time),
    // and reinstalls of the version already there.
    {
        const std::vector<Installed> state = b.state();
        std::vector<PkgOp> apt;
        QStringList names;
        const auto installedRung = [&](const QString &name) {
            for (const Installed &p : state)
                if (p.type == QLatin1String(osType) && p.name == name)
                    return w.rungOf(p.type, p.name, p.version);
            return -1;
        };
        std::set<int> touched;
        const auto upgradeGroup = [&](const QString &name, int rung) {
            const int g = w.group(S(osType), name);
            if (!touched.insert(g).second)
                return;
            for (const QString &n : w.groups[std::size_t(g)].names) {
                const int cur = installedRung(n);
                if (cur < 0 && n != name)
                    continue;
                apt.push_back(b.pkg(osType, n, std::max(rung, cur)));
                names << n;
            }
        };
        for (const auto &[name, rung] : o.upgrade)
            upgradeGroup(name, rung);
        if (!o.upgrade.empty() || rng.chance(75)) {
            const QStringList pool = alpine ? QStringList{S("curl"), S("libxml2")}
                                            : QStringList{S("curl"),
                                                          S("libxml2"),
                                                          S("libgnutls30"),
                                                          S("libzstd1"),
                                                          S("libsqlite3-0")};
            for (const QString &n : pool)
                if (rng.chance(35))
                    upgradeGroup(n, int(rng.between(0, 4)));
            for (const Installed &p : state) {
                if (p.type != QLatin1String(osType))
                    continue;
                const int cur = w.rungOf(p.type, p.name, p.version);
                if (cur < 4 && rng.chance(12))
                    upgradeGroup(p.name, int(rng.between(cur + 1, 4)));
                else if (rng.chance(6))
                    upgradeGroup(p.name, cur); // reinstall: same version, stays in its layer
            }
        }
        if (!apt.empty())
            b.layer(alpine ? QStringLiteral("RUN /bin/sh -c apk add --no-cache %1 # buildkit")
                                 .arg(names.join(u' '))
                           : QStringLiteral("RUN /bin/sh -c apt-get update && apt-get install -y "
                                            "--no-install-recommends %1 && rm -rf "
                                            "/var/lib/apt/lists/* # buildkit")
                                 .arg(names.join(u' ')),
                    apt);
    }
    if (o.setuptools >= 0)
        b.layer(
            QStringLiteral("RUN /bin/sh -c pip install --no-cache-dir -U setuptools # buildkit"),
            {b.pkg("python-pkg", S("setuptools"), o.setuptools, kSystemSite)});
    if (o.python && (o.venvRequests >= 0 || rng.chance(80))) {
        const std::vector<Installed> state = b.state();
        std::vector<PkgOp> pip;
        QStringList names;
        for (const char *n : {"requests", "urllib3", "jinja2", "flask", "certifi"}) {
            const bool forced = o.venvRequests >= 0 && n == std::string_view("requests");
            if (!forced && !rng.chance(45))
                continue;
            int rung = forced ? o.venvRequests : int(rng.between(0, 4));
            // Never the same version twice in one image (at the system path and in the venv).
            for (const Installed &p : state)
                if (p.type == u"python-pkg" && p.name == S(n) &&
                    p.version == w.version(p.type, p.name, rung))
                    rung = (rung + 1) % 5;
            pip.push_back(b.pkg("python-pkg", S(n), rung, kVenvSite));
            names << S(n);
        }
        if (!pip.empty())
            b.layer(QStringLiteral("RUN /bin/sh -c python -m venv /app/venv && /app/venv/bin/pip "
                                   "install --no-cache-dir %1 # buildkit")
                        .arg(names.join(u' ')),
                    pip);
    }
    if (rng.chance(35))
        b.layer(QStringLiteral("COPY /src/bin/server /usr/local/bin/server # buildkit"),
                {b.pkg("gobinary", S("stdlib"), int(rng.between(0, 4)), S("usr/local/bin/server")),
                 b.pkg("gobinary",
                       S("golang.org/x/net"),
                       int(rng.between(0, 4)),
                       S("usr/local/bin/server"))});
    b.layer(QStringLiteral("COPY . /app # buildkit"));
    b.meta(QStringLiteral("USER app"));
    b.meta(QStringLiteral("EXPOSE map[8080/tcp:{}]"));
    if (o.python)
        b.meta(QStringLiteral("CMD [\"python\", \"-m\", \"app\"]"), Instr::Cmd);
    else
        b.meta(QStringLiteral("ENTRYPOINT [\"/app/run\"]"), Instr::Entrypoint);

    ModelImage im;
    im.ref = o.ref;
    im.os = o.os;
    im.labels = o.labels;
    im.packageList = o.packageList;
    im.scenario = o.scenario;
    return finishImage(rng, std::move(im), std::move(b.steps), w);
}

// ---------------------------------------------------------------------------------------
// The fleet.

struct Fleet
{
    World world;
    std::vector<ModelImage> images;
};

Fleet generate(std::uint64_t seed, std::int64_t now)
{
    Rng rng(seed);
    Fleet fleet;
    fleet.world = makeWorld(rng, now);
    const World &w = fleet.world;

    const auto D0 = debianRoot(rng, w, 0, now - 420 * kDay);
    const auto D1 = debianRoot(rng, w, 1, now - 140 * kDay);
    const auto P0 = pythonBase(rng, w, D0, 0, now - 400 * kDay, false);
    const auto P1 = pythonBase(rng, w, D1, 1, now - 120 * kDay, false);
    const auto P2 = pythonBase(rng, w, D1, 2, now - 110 * kDay, true); // never scanned
    const auto H1 = hardenedBase(rng, w, P1, now - 90 * kDay);
    const auto A0 = alpineRoot(rng, w, 0, now - 300 * kDay);
    const auto A1 = alpineRoot(rng, w, 1, now - 80 * kDay);
    const auto E0 = jreBase(rng, w, D0, now - 380 * kDay);
    const auto N0 = nodeBase(rng, w, D0, now - 370 * kDay);
    const auto X0 = scratchBase(rng, w, now - 250 * kDay);

    const auto base =
        [&](const char *ref, const std::vector<Step> &steps, const char *os, const char *scenario) {
            ModelImage im;
            im.ref = S(ref);
            im.os = S(os);
            im.scenario = S(scenario);
            fleet.images.push_back(finishImage(rng, std::move(im), steps, w));
        };
    base("debian:12", D1, "debian", "scanned OS base");
    base("python:3.12", P1, "debian", "scanned base on the scanned OS base");
    base("registry.example/base/python-hardened:3.12", H1, "debian", "scanned base, 3 levels");
    base("alpine:3.20", A1, "alpine", "scanned alpine base");
    const QString debianDigest = fleet.images[0].manifestDigest;
    {
        // A scanned node base, and an image with exactly its layers (only ENV/LABEL steps
        // added) whose label names it: equal layers are no strict prefix, so both are
        // built on debian.
        const auto N1 = nodeBase(rng, w, D1, now - 100 * kDay);
        base("node:20", N1, "debian", "scanned node base on the scanned OS base");
        Builder b(rng, w, N1);
        b.t = now - 10 * kDay;
        b.meta(QStringLiteral("ENV NODE_ENV=production"));
        b.meta(QStringLiteral("LABEL org.opencontainers.image.base.name=node:20"));
        ModelImage im;
        im.ref = S("registry.example/base/node-prod:20");
        im.labels = {{kBaseName, S("node:20")}};
        im.scenario = S("same DiffIDs as node:20, labelled node:20: not a strict prefix, so the "
                        "debian prefix");
        fleet.images.push_back(finishImage(rng, std::move(im), b.steps, w));
    }

    const auto app = [&](AppOptions o) { fleet.images.push_back(makeApp(rng, w, now, o)); };
    {
        AppOptions o;
        o.ref = S("registry.example/shop/api:2.1");
        o.base = &P1;
        o.python = true;
        o.scenario = S("on python, no label: prefix (nearest ancestor, not debian)");
        app(o);
    }
    {
        // The same layers as the api image, another config: neither is the other's base.
        ModelImage im = fleet.images.back();
        Builder b(rng, w, im.history);
        b.t += 30 * kMinute;
        b.meta(QStringLiteral("LABEL debug=true"));
        ModelImage copy;
        copy.ref = S("registry.example/shop/api:2.1-debug");
        copy.scenario = S("same DiffIDs as the api image: prefix python, not the api image");
        copy.packageList = false;
        fleet.images.push_back(finishImage(rng, std::move(copy), b.steps, w));
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/worker:1.8");
        o.base = &P1;
        o.python = true;
        o.labels = {{kBaseName, S("python:3.12@") + fleet.images[1].manifestDigest}};
        o.setuptools = int(rng.between(2, 4));
        o.scenario = S("label names scanned python (pinned by digest); setuptools upgraded "
                       "in an app layer");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/web:3.0");
        o.base = &D1;
        o.labels = {{kBaseName, S("docker.io/library/debian:12")}, {kBaseDigest, debianDigest}};
        o.upgrade = {{S("openssl"), 2}};
        o.scenario = S("label name+digest of scanned debian; openssl upgraded in the app");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/cart:0.9");
        o.base = &D1;
        o.labels = {{kBaseDigest, debianDigest}};
        o.scenario = S("base.digest label only, naming scanned debian");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/search:5.2");
        o.base = &H1;
        o.python = true;
        o.venvRequests = 4;
        o.scenario = S("on the hardened base (3 levels): prefix; requests again in the venv "
                       "(fixed version, only in Packages[])");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/mailer:1.1");
        o.base = &H1;
        o.python = true;
        o.labels = {{kBaseName, S("python:3.12")}};
        o.venvRequests = 2;
        o.packageList = false;
        o.scenario = S("on the hardened base but labelled python:3.12: the label wins; "
                       "vulnerable requests again in the venv; no Packages[]");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/shop/notify:1.0");
        o.base = &H1;
        o.python = true;
        o.venvRequests = 2;
        o.packageList = false;
        o.scenario = S("on the hardened base: prefix; vulnerable requests again in the venv, "
                       "seen only as a finding (no Packages[])");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/edge/proxy:1.25");
        o.base = &A1;
        o.os = S("alpine");
        o.upgrade = {{S("libcrypto3"), int(rng.between(2, 4))}};
        o.scenario = S("on scanned alpine: prefix; libcrypto3/libssl3 upgraded in the app");
        app(o);
    }
    // The old python build's manifest digest (never scanned).
    const QString oldPythonDigest = QStringLiteral("sha256:") + rng.hex64();
    for (const bool pinned : {false, true}) {
        AppOptions o;
        o.base = &P0;
        o.python = true;
        if (!pinned) {
            o.ref = S("registry.example/legacy/report:4.0");
            o.labels = {{kBaseName, S("python:3.12")}, {kBaseDigest, oldPythonDigest}};
        } else {
            o.ref = S("registry.example/legacy/billing:2.3");
            o.labels = {{kBaseName, S("docker.io/library/python:3.12@") + oldPythonDigest}};
        }
        o.scenario = S("labelled python:3.12 but built on an older, unscanned python: history, "
                       "named by the label (one action for both spellings)");
        app(o);
    }
    for (const char *ref :
         {"registry.example/legacy/etl:7.1", "registry.example/legacy/cron:7.1"}) {
        AppOptions o;
        o.ref = S(ref);
        o.base = &P0;
        o.python = true;
        o.scenario = S("unscanned old python, no label: history, unnamed (one action for both)");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/legacy/ledger:1.0");
        o.base = &P2;
        o.python = true;
        o.labels = {{kBaseName, S("python:3.12")}};
        o.scenario = S("stale label (python build not scanned): the scanned debian prefix wins");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/legacy/archiver:3.3");
        o.base = &A0;
        o.os = S("alpine");
        o.gap = kHour;
        o.scenario = S("unscanned old alpine, app built exactly 1 h later: history");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/legacy/ftp:0.4");
        o.base = &A0;
        o.os = S("alpine");
        o.gap = 59 * kMinute;
        o.scenario = S("unscanned old alpine, app built 59 min later: no base");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/legacy/java-batch:11");
        o.base = &E0;
        o.scenario = S("unscanned JRE base ending in ENTRYPOINT on unscanned debian: history");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/repro/tool:1.0");
        o.base = &P0;
        o.python = true;
        o.labels = {{kBaseName, S("python:3.12-bookworm")}};
        o.scenario = S("reproducible build (all created equal), label not in the workspace: "
                       "label, medium, the extent from the last CMD (no jump needed)");
        ModelImage im = makeApp(rng, w, now, o);
        const std::int64_t fixedTime = *parseTimestamp("2023-01-01T00:00:00Z");
        for (Step &s : im.history)
            s.created = fixedTime;
        fleet.images.push_back(std::move(im));
    }
    {
        AppOptions o;
        o.ref = S("registry.example/repro/cli:2.0");
        o.base = &P0;
        o.python = true;
        o.scenario = S("reproducible build (created = epoch), no label: no base");
        ModelImage im = makeApp(rng, w, now, o);
        for (Step &s : im.history)
            s.created = 0;
        fleet.images.push_back(std::move(im));
    }
    {
        AppOptions o;
        o.ref = S("registry.example/squashed/app:1.0");
        o.base = &P0;
        o.python = true;
        o.scenario = S("squashed into one layer, full history kept: history does not describe "
                       "the layers, no base");
        ModelImage im = makeApp(rng, w, now, o);
        Layer squashed{QStringLiteral("sha256:") + rng.hex64(), QStringLiteral("squashed"), {}};
        for (const Layer &l : im.layers)
            squashed.ops.insert(squashed.ops.end(), l.ops.begin(), l.ops.end());
        im.layers = {squashed};
        im.packages = finalPackages(im.layers, w);
        fleet.images.push_back(std::move(im));
    }
    {
        AppOptions o;
        o.ref = S("registry.example/scratch/tool:0.1");
        o.base = &X0;
        o.scenario = S("base FROM scratch without CMD/ENTRYPOINT: no base");
        app(o);
    }
    {
        AppOptions o;
        o.ref = S("registry.example/scratch/labelled:0.2");
        o.base = &X0;
        o.labels = {{kBaseName, S("registry.example/tools/scratch-base:7")}};
        o.scenario = S("labelled, base not scanned, no CMD/ENTRYPOINT in the history: label, "
                       "medium, unknown layer count");
        app(o);
    }
    {
        // Only empty-layer steps on an unscanned node base: that base's CMD has no layer
        // after it, so the boundary is the debian one below it.
        Builder b(rng, w, N0);
        b.t = now - 20 * kDay;
        b.meta(QStringLiteral("ENV APP_MODE=report"));
        b.meta(QStringLiteral("LABEL team=finance"));
        b.meta(QStringLiteral("CMD [\"node\", \"report.js\"]"), Instr::Cmd);
        ModelImage im;
        im.ref = S("registry.example/legacy/config-only:1.0");
        im.scenario = S("config-only image on an unscanned node base: history = debian layers");
        fleet.images.push_back(finishImage(rng, std::move(im), b.steps, w));
    }
    return fleet;
}

// ---------------------------------------------------------------------------------------
// Findings and the Trivy report.

struct ModelFinding
{
    int image = -1;
    int group = -1, vuln = -1;
    QString type, name, path, version;
    int layer = -1;
    bool suppressed = false;
    // The truth.
    int inBase = 0;
    bool baseFix = false;
    QString key; // imageDigest|vulnerability|package|installedVersion
    const Vuln &v(const World &w) const
    {
        return w.groups[std::size_t(group)].vulns[std::size_t(vuln)];
    }
    bool fixable(const World &w) const { return !v(w).fixed.isEmpty(); }
};

std::vector<ModelFinding> findingsOf(const Fleet &fleet)
{
    std::vector<ModelFinding> out;
    for (std::size_t i = 0; i < fleet.images.size(); ++i) {
        const ModelImage &im = fleet.images[i];
        bool suppressedOne = !im.ref.endsWith(u"shop/api:2.1");
        for (const Installed &p : im.packages) {
            const int g = fleet.world.group(p.type, p.name);
            const auto &vulns = fleet.world.groups[std::size_t(g)].vulns;
            for (std::size_t k = 0; k < vulns.size(); ++k) {
                if (!affects(vulns[k], p.version))
                    continue;
                ModelFinding f;
                f.image = int(i);
                f.group = g;
                f.vuln = int(k);
                f.type = p.type;
                f.name = p.name;
                f.path = p.path;
                f.version = p.version;
                f.layer = p.layer;
                f.key = im.configDigest + u'|' + vulns[k].id + u'|' + p.name + u'|' + p.version;
                // One VEX-suppressed finding in the api image: a fixable one in the base.
                if (!suppressedOne && p.layer == 0 && !vulns[k].fixed.isEmpty()) {
                    f.suppressed = true;
                    suppressedOne = true;
                }
                out.push_back(f);
            }
        }
    }
    return out;
}

QString timestamp(std::int64_t t, int style)
{
    // 0: "…Z"; 1: nanoseconds; 2: a +02:00 offset (local time).
    if (style == 2) {
        QString s = QDateTime::fromSecsSinceEpoch(t + 2 * kHour, Qt::UTC).toString(Qt::ISODate);
        s.chop(1);
        return s + QStringLiteral("+02:00");
    }
    QString s = QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
    if (style == 1) {
        s.chop(1);
        s += QStringLiteral(".%1Z").arg(123456789 + (t % 1000), 9, 10, QLatin1Char('0'));
    }
    return s;
}

QJsonObject vulnerabilityJson(const ModelFinding &f, const ModelImage &im, const World &w)
{
    const Vuln &v = f.v(w);
    QJsonObject o{
        {S("VulnerabilityID"), v.id},
        {S("PkgID"), QString(f.name + u'@' + f.version)},
        {S("PkgName"), f.name},
        {S("InstalledVersion"), f.version},
        {S("Status"), v.status},
        {S("Layer"), QJsonObject{{S("DiffID"), im.layers[std::size_t(f.layer)].diffId}}},
        {S("SeveritySource"), S("nvd")},
        {S("Severity"), S(kSeverity[v.severity])},
        {S("VendorSeverity"), QJsonObject{{S("nvd"), v.severity}}},
        {S("PublishedDate"), timestamp(v.published, 0)},
        {S("Title"), QStringLiteral("%1: flaw in %2").arg(f.name, v.id)},
    };
    if (!v.fixed.isEmpty())
        o.insert(S("FixedVersion"), v.fixed.join(QStringLiteral(", ")));
    if (!f.path.isEmpty())
        o.insert(S("PkgPath"),
                 f.type == u"python-pkg"
                     ? f.path + QStringLiteral("/%1-%2.dist-info/METADATA").arg(f.name, f.version)
                     : f.path);
    return o;
}

std::string trivyReport(const Fleet &fleet,
                        int index,
                        const std::vector<ModelFinding> &findings,
                        std::int64_t now,
                        Rng &rng)
{
    const ModelImage &im = fleet.images[std::size_t(index)];
    const World &w = fleet.world;
    QJsonArray history;
    for (const Step &s : im.history) {
        QJsonObject h{{S("created"), timestamp(s.created, int(rng.between(0, 2)))},
                      {S("created_by"), s.createdBy}};
        if (s.buildkit)
            h.insert(S("comment"), S("buildkit.dockerfile.v0"));
        if (s.instr != Instr::Layer)
            h.insert(S("empty_layer"), true);
        history.append(h);
    }
    QJsonArray diffIds;
    for (const Layer &l : im.layers)
        diffIds.append(l.diffId);
    QJsonObject labels{{S("maintainer"), S("platform@example.org")}};
    for (const auto &[k, v] : im.labels)
        labels.insert(k, v);
    const QJsonObject config{
        {S("architecture"), S("amd64")},
        {S("os"), S("linux")},
        {S("created"), timestamp(im.history.back().created, 0)},
        {S("history"), history},
        {S("rootfs"), QJsonObject{{S("type"), S("layers")}, {S("diff_ids"), diffIds}}},
        {S("config"),
         QJsonObject{{S("User"), S("app")},
                     {S("Env"), QJsonArray{S("PATH=/usr/local/bin:/usr/bin:/bin")}},
                     {S("Labels"), labels}}},
    };
    const QJsonObject metadata{
        {S("OS"), QJsonObject{{S("Family"), im.os}, {S("Name"), im.osName}}},
        {S("ImageID"), im.configDigest},
        {S("DiffIDs"), diffIds},
        {S("RepoTags"), QJsonArray{im.ref}},
        {S("RepoDigests"), QJsonArray{QString(im.repo + u'@' + im.manifestDigest)}},
        {S("ImageConfig"), config},
    };

    // One os-pkgs Result, one lang-pkgs Result per language type.
    struct ResultDef
    {
        QString type, cls, target;
    };
    const std::vector<ResultDef> results = {
        {im.os, S("os-pkgs"), im.ref + QStringLiteral(" (%1 %2)").arg(im.os, im.osName)},
        {S("python-pkg"), S("lang-pkgs"), S("Python")},
        {S("gobinary"), S("lang-pkgs"), S("usr/local/bin/server")},
    };
    QJsonArray out;
    for (const ResultDef &r : results) {
        QJsonArray packages, vulns, modified;
        for (const Installed &p : im.packages) {
            if (p.type != r.type)
                continue;
            QJsonObject o{
                {S("ID"), QString(p.name + u'@' + p.version)},
                {S("Name"), p.name},
                {S("Version"), p.version},
                {S("Layer"), QJsonObject{{S("DiffID"), im.layers[std::size_t(p.layer)].diffId}}}};
            if (!p.path.isEmpty())
                o.insert(S("FilePath"), p.path);
            packages.append(o);
        }
        for (const ModelFinding &f : findings) {
            if (f.image != index || f.type != r.type)
                continue;
            if (!f.suppressed)
                vulns.append(vulnerabilityJson(f, im, w));
            else
                modified.append(
                    QJsonObject{{S("Type"), S("vulnerability")},
                                {S("Status"), S("not_affected")},
                                {S("Statement"), S("vulnerable_code_not_in_execute_path")},
                                {S("Source"), S("vex.openvex.json")},
                                {S("Finding"), vulnerabilityJson(f, im, w)}});
        }
        if (packages.isEmpty() && vulns.isEmpty() && modified.isEmpty())
            continue;
        QJsonObject o{{S("Target"), r.target}, {S("Class"), r.cls}, {S("Type"), r.type}};
        if (im.packageList)
            o.insert(S("Packages"), packages);
        if (!vulns.isEmpty()) // Trivy omits the key when there are none
            o.insert(S("Vulnerabilities"), vulns);
        if (!modified.isEmpty())
            o.insert(S("ExperimentalModifiedFindings"), modified);
        out.append(o);
    }
    const QJsonObject root{
        {S("SchemaVersion"), 2},
        {S("CreatedAt"), timestamp(now - kDay + index * kMinute, 1)},
        {S("ArtifactName"), im.ref},
        {S("ArtifactType"), S("container_image")},
        {S("Metadata"), metadata},
        {S("Results"), out},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

// ---------------------------------------------------------------------------------------
// The truth.

// "python:3.12" → "docker.io/library/python:3.12", "x:1@sha256:…" → "docker.io/library/x:1"
// (only the forms the fleet uses).
QString normalizedRef(const QString &ref)
{
    const QString bare = ref.section(u'@', 0, 0); // a pinned digest is matched elsewhere
    QString name = bare, tag = QStringLiteral("latest");
    const qsizetype colon = bare.lastIndexOf(u':'), slash = bare.lastIndexOf(u'/');
    if (colon > slash) {
        name = bare.left(colon);
        tag = bare.mid(colon + 1);
    }
    const qsizetype first = name.indexOf(u'/');
    if (first < 0)
        name = QStringLiteral("docker.io/library/") + name;
    else if (!name.left(first).contains(u'.'))
        name = QStringLiteral("docker.io/") + name;
    return name + u':' + tag;
}

struct TruthBase
{
    QString detectedBy; // "" none, label, prefix, history
    QString confidence;
    int image = -1; // fleet index of a scanned base
    QString name, digest;
    int layerCount = 0; // 0 none, -1 unknown
    QString key;        // plan grouping: name:REF, layers:IDS
};

bool strictPrefix(const ModelImage &base, const ModelImage &image)
{
    if (base.layers.empty() || base.layers.size() >= image.layers.size())
        return false;
    for (std::size_t i = 0; i < base.layers.size(); ++i)
        if (base.layers[i].diffId != image.layers[i].diffId)
            return false;
    return true;
}

// `relaxed`: when no boundary has the jump in time, the last CMD/ENTRYPOINT with layers
// after it (used when a label already says there is a base).
int historyBoundary(const ModelImage &im, bool relaxed = false)
{
    int layerSteps = 0;
    for (const Step &s : im.history)
        layerSteps += s.instr == Instr::Layer;
    if (std::size_t(layerSteps) != im.layers.size())
        return -1;
    int seen = 0, boundary = -1, any = -1;
    for (std::size_t i = 0; i < im.history.size(); ++i) {
        const Step &s = im.history[i];
        seen += s.instr == Instr::Layer;
        if (!(s.instr == Instr::Cmd || s.instr == Instr::Entrypoint) ||
            i + 1 >= im.history.size() || seen == 0 || seen >= layerSteps)
            continue;
        any = seen;
        if (im.history[i + 1].created - s.created >= kHour)
            boundary = seen;
    }
    return boundary < 0 && relaxed ? any : boundary;
}

TruthBase truthBase(const Fleet &fleet, int index, QStringList &problems)
{
    const ModelImage &im = fleet.images[std::size_t(index)];
    const QString labelName = im.label("org.opencontainers.image.base.name");
    const QString labelDigest = im.label("org.opencontainers.image.base.digest");
    TruthBase t;
    const auto fromImage = [&](int j, const char *how) {
        const ModelImage &b = fleet.images[std::size_t(j)];
        t.detectedBy = S(how);
        t.confidence = S("high");
        t.image = j;
        t.name = b.ref;
        t.digest = b.configDigest;
        t.layerCount = int(b.layers.size());
        // Updates are grouped by the base's name: every build of "debian:12", scanned or
        // named by a label, is one update.
        t.key = QStringLiteral("name:") + normalizedRef(b.ref);
        return t;
    };
    // The image the label names.
    std::vector<int> named;
    for (int j = 0; j < int(fleet.images.size()); ++j) {
        const ModelImage &c = fleet.images[std::size_t(j)];
        if (j == index || (labelName.isEmpty() && labelDigest.isEmpty()))
            continue;
        const QString pinned = labelName.section(u'@', 1);
        if ((!labelName.isEmpty() && normalizedRef(labelName) == normalizedRef(c.ref)) ||
            (!pinned.isEmpty() && (pinned == c.configDigest || pinned == c.manifestDigest)) ||
            (!labelDigest.isEmpty() &&
             (labelDigest == c.configDigest || labelDigest == c.manifestDigest)))
            named.push_back(j);
    }
    if (named.size() > 1)
        problems << QStringLiteral("generator: %1's label names several images").arg(im.ref);
    if (!named.empty() && strictPrefix(fleet.images[std::size_t(named.front())], im))
        return fromImage(named.front(), "label");
    // The longest strict prefix.
    int best = -1;
    bool tie = false;
    for (int j = 0; j < int(fleet.images.size()); ++j) {
        if (j == index || !strictPrefix(fleet.images[std::size_t(j)], im))
            continue;
        const std::size_t n = fleet.images[std::size_t(j)].layers.size();
        if (best < 0 || n > fleet.images[std::size_t(best)].layers.size()) {
            best = j;
            tie = false;
        } else if (n == fleet.images[std::size_t(best)].layers.size()) {
            tie = true;
        }
    }
    if (tie)
        problems << QStringLiteral("generator: %1 has two nearest ancestors").arg(im.ref);
    // A history boundary above the longest scanned prefix marks a nearer base that was not
    // scanned; a label names the base and lets any CMD/ENTRYPOINT boundary mark its extent.
    const bool labelled = !labelName.isEmpty() || !labelDigest.isEmpty();
    const int boundary = historyBoundary(im, labelled);
    if (best >= 0 && boundary <= int(fleet.images[std::size_t(best)].layers.size()))
        return fromImage(best, "prefix");
    const auto layersKey = [&](int count) {
        QString key = QStringLiteral("layers:");
        for (int i = 0; i < count; ++i)
            key += im.layers[std::size_t(i)].diffId + u',';
        return key;
    };
    if (labelled) {
        t.detectedBy = S("label");
        t.confidence = S("medium");
        t.name = labelName;
        t.digest = labelDigest;
        t.layerCount = boundary > 0 ? boundary : -1;
        if (!labelName.isEmpty())
            t.key = QStringLiteral("name:") + normalizedRef(labelName);
        else if (boundary > 0)
            t.key = layersKey(boundary);
        return t;
    }
    if (boundary > 0) {
        t.detectedBy = S("history");
        t.confidence = S("low");
        t.layerCount = boundary;
        t.key = layersKey(boundary);
    }
    return t;
}

// Rule 2 on what each report shows: a later layer holds a package of the same name when a
// finding (open or suppressed) or a Packages[] entry there names it.
void attribute(const Fleet &fleet,
               const std::vector<TruthBase> &bases,
               std::vector<ModelFinding> &findings)
{
    for (ModelFinding &f : findings) {
        const TruthBase &b = bases[std::size_t(f.image)];
        const ModelImage &im = fleet.images[std::size_t(f.image)];
        if (b.layerCount == 0) {
            f.inBase = 0;
            continue;
        }
        if (b.layerCount < 0) {
            f.inBase = -1;
            continue;
        }
        f.inBase = f.layer < b.layerCount ? 1 : 0;
        bool later = false;
        for (const ModelFinding &o : findings)
            later = later || (o.image == f.image && o.name == f.name && o.layer > f.layer);
        if (im.packageList)
            for (const Installed &p : im.packages)
                later = later || (p.name == f.name && p.layer > f.layer);
        f.baseFix = f.inBase == 1 && f.fixable(fleet.world) && !later;
    }
}

// ---------------------------------------------------------------------------------------

struct Run
{
    std::uint64_t seed = 0;
    Fleet fleet;
    std::vector<ModelFinding> findings;
    std::vector<TruthBase> truth; // per fleet image
    std::unique_ptr<store::Workspace> ws;
    std::vector<store::ImageLayers> images;
    std::vector<std::optional<layers::BaseImage>> bases;
    std::unique_ptr<risk::Facts> facts;
    std::optional<risk::Scoring> scoring;
    std::vector<layers::BaseFlags> flags;
    layers::RemediationPlan plan;
    std::vector<int> fleetOfLayers;  // ImageLayers index → fleet image
    std::vector<int> fleetOfFacts;   // Facts::images index → fleet image
    std::vector<int> truthOfFinding; // fact-table finding → findings index
    std::map<QString, int> findingByKey;

    QString imageName(int fleetIndex) const { return fleet.images[std::size_t(fleetIndex)].ref; }
    QString describe(const ModelFinding &f) const
    {
        const Vuln &v = f.v(fleet.world);
        return QStringLiteral("%1 %2 %3 %4 (layer %5, fixed \"%6\"%7)")
            .arg(imageName(f.image),
                 v.id,
                 f.name,
                 f.version,
                 QString::number(f.layer),
                 v.fixed.join(QStringLiteral(", ")),
                 f.suppressed ? QStringLiteral(", suppressed") : QString());
    }
};

bool printed(const QStringList &mismatches)
{
    constexpr qsizetype kShown = 40;
    for (qsizetype i = 0; i < std::min(kShown, mismatches.size()); ++i)
        qInfo("%s", qPrintable(mismatches[i]));
    if (mismatches.size() > kShown)
        qInfo("... and %lld more", static_cast<long long>(mismatches.size() - kShown));
    return mismatches.isEmpty();
}

QString keyOf(const risk::Facts &facts, std::size_t f)
{
    return QString::fromStdString(facts.images[facts.image[f]].digest) + u'|' +
           QString::fromStdString(facts.vulns[facts.vuln[f]].id) + u'|' +
           QString::fromStdString(facts.strings[facts.package[f]]) + u'|' +
           QString::fromStdString(facts.strings[facts.version[f]]);
}

} // namespace

class TestPlanTruth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const std::int64_t m_now = *parseTimestamp("2025-07-01T00:00:00Z");
    std::vector<std::unique_ptr<Run>> m_runs;

    void writeFile(const QString &path, const std::string &bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
            qFatal("cannot write %s", qPrintable(path));
    }

    void prepare(Run &run)
    {
        run.fleet = generate(run.seed, m_now);
        run.findings = findingsOf(run.fleet);
        QStringList problems;
        for (int i = 0; i < int(run.fleet.images.size()); ++i)
            run.truth.push_back(truthBase(run.fleet, i, problems));
        attribute(run.fleet, run.truth, run.findings);
        for (int i = 0; i < int(run.findings.size()); ++i)
            if (!run.findingByKey.emplace(run.findings[std::size_t(i)].key, i).second)
                problems << QStringLiteral("generator: duplicate finding %1")
                                .arg(run.findings[std::size_t(i)].key);
        QVERIFY2(printed(problems), "the generated fleet is inconsistent");

        // Files → readers → workspace.
        Rng rng(run.seed * 7919 + 1);
        const QString folder = m_dir.filePath(QStringLiteral("seed-%1").arg(run.seed));
        std::vector<ingest::FileRead> files;
        for (int i = 0; i < int(run.fleet.images.size()); ++i) {
            const QString path =
                folder + QStringLiteral("/reports/trivy-%1.json").arg(i, 2, 10, QLatin1Char('0'));
            writeFile(path, trivyReport(run.fleet, i, run.findings, m_now, rng));
            auto r = ingest::readFile(path.toStdString());
            QVERIFY2(r, r ? "" : r.error().c_str());
            files.push_back(std::move(*r));
        }
        auto ws = store::Workspace::open(QString(folder + QStringLiteral("/ws.db")).toStdString());
        QVERIFY2(ws, ws ? "" : ws.error().c_str());
        run.ws = std::move(*ws);
        store::ImportOptions options;
        options.now = m_now;
        const auto summary = run.ws->import(files, options);
        QVERIFY2(summary, summary ? "" : summary.error().c_str());
        auto facts = run.ws->loadFacts(m_now);
        QVERIFY2(facts, facts ? "" : facts.error().c_str());
        run.facts = std::make_unique<risk::Facts>(std::move(*facts));
        const auto policy = risk::loadPolicy("preset:default");
        QVERIFY2(policy, policy ? "" : policy.error().c_str());
        run.scoring = risk::Scoring::compute(*run.facts, *policy);
        auto images = run.ws->imageLayers();
        QVERIFY2(images, images ? "" : images.error().c_str());
        run.images = std::move(*images);

        // The code under test.
        run.bases = layers::detectBaseImages(run.images);
        run.flags = layers::baseAttribution(run.images, run.bases, *run.scoring);
        run.plan = layers::buildPlan(*run.scoring, run.images, run.bases, run.flags);

        // Map the workspace back to the model.
        std::map<std::string, int> byDigest;
        for (int i = 0; i < int(run.fleet.images.size()); ++i)
            byDigest[run.fleet.images[std::size_t(i)].configDigest.toStdString()] = i;
        QCOMPARE(run.images.size(), run.fleet.images.size());
        for (const store::ImageLayers &im : run.images) {
            const auto it = byDigest.find(im.digest);
            QVERIFY2(it != byDigest.end(), im.digest.c_str());
            run.fleetOfLayers.push_back(it->second);
        }
        QCOMPARE(run.facts->images.size(), run.fleet.images.size());
        for (const risk::ImageFacts &im : run.facts->images) {
            const auto it = byDigest.find(im.digest);
            QVERIFY2(it != byDigest.end(), im.digest.c_str());
            run.fleetOfFacts.push_back(it->second);
        }
        QStringList unknown;
        std::vector<int> seen(run.findings.size());
        for (std::size_t f = 0; f < run.facts->size(); ++f) {
            const QString key = keyOf(*run.facts, f);
            const auto it = run.findingByKey.find(key);
            if (it == run.findingByKey.end()) {
                unknown << QStringLiteral("seed %1: the workspace has finding %2 the model has not")
                               .arg(run.seed)
                               .arg(key);
                run.truthOfFinding.push_back(-1);
                continue;
            }
            ++seen[std::size_t(it->second)];
            run.truthOfFinding.push_back(it->second);
        }
        for (std::size_t i = 0; i < seen.size(); ++i)
            if (seen[i] != 1)
                unknown << QStringLiteral("seed %1: model finding %2 is in the workspace %3 times")
                               .arg(run.seed)
                               .arg(run.describe(run.findings[i]))
                               .arg(seen[i]);
        QVERIFY2(printed(unknown), "the workspace does not hold the generated findings");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const std::uint64_t seed : {20250701ULL, 977ULL}) {
            auto run = std::make_unique<Run>();
            run->seed = seed;
            prepare(*run);
            if (QTest::currentTestFailed())
                return;
            m_runs.push_back(std::move(run));
        }
    }

    // The generated fleets hold every scenario the checks below are about.
    void generatorCoverage()
    {
        for (const auto &run : m_runs) {
            std::map<QString, int> kinds;
            for (const TruthBase &b : run->truth)
                ++kinds[b.detectedBy + u'/' + b.confidence];
            int baseFix = 0, inBaseNoFix = 0, inBaseLater = 0, laterByFindingOnly = 0, appLayer = 0,
                unknownBase = 0, upgradedInApp = 0, multiVersion = 0;
            for (const ModelFinding &f : run->findings) {
                baseFix += f.baseFix;
                inBaseNoFix += f.inBase == 1 && !f.fixable(run->fleet.world);
                inBaseLater += f.inBase == 1 && f.fixable(run->fleet.world) && !f.baseFix;
                laterByFindingOnly += f.inBase == 1 && f.fixable(run->fleet.world) && !f.baseFix &&
                                      !run->fleet.images[std::size_t(f.image)].packageList;
                appLayer += f.inBase == 0 && run->truth[std::size_t(f.image)].layerCount > 0;
                unknownBase += f.inBase == -1;
                const ModelImage &im = run->fleet.images[std::size_t(f.image)];
                const TruthBase &b = run->truth[std::size_t(f.image)];
                if (b.layerCount > 0 && f.layer >= b.layerCount && f.path.isEmpty()) // OS packages
                    for (int l = 0; l < b.layerCount; ++l)
                        for (const PkgOp &op : im.layers[std::size_t(l)].ops)
                            upgradedInApp += op.name == f.name && op.version != f.version;
                int versions = 0;
                for (const Installed &p : im.packages)
                    versions += p.name == f.name && p.type == f.type;
                multiVersion += versions > 1;
            }
            const QString counts =
                QStringLiteral("seed %1: bases %2; base fixes %3, in base without fix %4, in "
                               "base but touched later %5 (%6 seen only as findings), app "
                               "layer %7, unknown extent %8, upgraded in the app %9, "
                               "multi-version %10")
                    .arg(run->seed)
                    .arg([&] {
                        QStringList s;
                        for (const auto &[k, n] : kinds)
                            s << QStringLiteral("%1 ×%2").arg(k).arg(n);
                        return s.join(QStringLiteral(", "));
                    }())
                    .arg(baseFix)
                    .arg(inBaseNoFix)
                    .arg(inBaseLater)
                    .arg(laterByFindingOnly)
                    .arg(appLayer)
                    .arg(unknownBase)
                    .arg(upgradedInApp)
                    .arg(multiVersion);
            qInfo("%s", qPrintable(counts));
            QVERIFY2(kinds[S("label/high")] >= 4 && kinds[S("prefix/high")] >= 6 &&
                         kinds[S("history/low")] >= 5 && kinds[S("label/medium")] >= 4 &&
                         kinds[S("/")] >= 6,
                     qPrintable(counts));
            QVERIFY2(baseFix > 10 && inBaseNoFix > 0 && inBaseLater > laterByFindingOnly &&
                         laterByFindingOnly > 0 && appLayer > 0 && unknownBase > 0 &&
                         upgradedInApp > 0 && multiVersion > 0,
                     qPrintable(counts));
        }
    }

    // Rule 1: which base, how found, how sure, how many layers.
    void baseDetection()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            for (std::size_t i = 0; i < run->images.size(); ++i) {
                const int m = run->fleetOfLayers[i];
                const TruthBase &t = run->truth[std::size_t(m)];
                const auto &got = run->bases[i];
                const QString who =
                    QStringLiteral("seed %1 image %2 [%3]")
                        .arg(run->seed)
                        .arg(run->imageName(m), run->fleet.images[std::size_t(m)].scenario);
                if (t.detectedBy.isEmpty()) {
                    if (got)
                        mismatches << QStringLiteral("%1: expected no base, got %2/%3 \"%4\" "
                                                     "(%5 layers)")
                                          .arg(who,
                                               QString::fromStdString(got->detectedBy),
                                               QString::fromStdString(got->confidence),
                                               QString::fromStdString(got->name))
                                          .arg(got->layerCount);
                    continue;
                }
                if (!got) {
                    mismatches << QStringLiteral("%1: expected base %2/%3 \"%4\" (%5 layers), "
                                                 "got none")
                                      .arg(who, t.detectedBy, t.confidence, t.name)
                                      .arg(t.layerCount);
                    continue;
                }
                QStringList diff;
                if (QString::fromStdString(got->detectedBy) != t.detectedBy)
                    diff << QStringLiteral("detectedBy %1, expected %2")
                                .arg(QString::fromStdString(got->detectedBy), t.detectedBy);
                if (QString::fromStdString(got->confidence) != t.confidence)
                    diff << QStringLiteral("confidence %1, expected %2")
                                .arg(QString::fromStdString(got->confidence), t.confidence);
                if (got->layerCount != t.layerCount)
                    diff << QStringLiteral("layerCount %1, expected %2")
                                .arg(got->layerCount)
                                .arg(t.layerCount);
                if (QString::fromStdString(got->name) != t.name)
                    diff << QStringLiteral("name \"%1\", expected \"%2\"")
                                .arg(QString::fromStdString(got->name), t.name);
                if (QString::fromStdString(got->digest) != t.digest)
                    diff << QStringLiteral("digest \"%1\", expected \"%2\"")
                                .arg(QString::fromStdString(got->digest), t.digest);
                if (got->inWorkspace != (t.image >= 0))
                    diff << QStringLiteral("inWorkspace %1").arg(got->inWorkspace);
                else if (t.image >= 0 && (got->index >= run->images.size() ||
                                          run->fleetOfLayers[got->index] != t.image))
                    diff << QStringLiteral("index names %1, expected %2")
                                .arg(got->index < run->images.size()
                                         ? run->imageName(run->fleetOfLayers[got->index])
                                         : QStringLiteral("nothing"),
                                     run->imageName(t.image));
                if (!diff.isEmpty())
                    mismatches << who + QStringLiteral(": ") + diff.join(QStringLiteral("; "));
            }
        }
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 base-detection mismatches").arg(mismatches.size())));
    }

    // Rule 2: inBase and baseImageFix per finding.
    void baseAttribution()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            QCOMPARE(run->flags.size(), run->facts->size());
            for (std::size_t f = 0; f < run->facts->size(); ++f) {
                const ModelFinding &t = run->findings[std::size_t(run->truthOfFinding[f])];
                const layers::BaseFlags &got = run->flags[f];
                if (got.inBase != t.inBase || got.baseImageFix != t.baseFix)
                    mismatches << QStringLiteral("seed %1 finding %2: inBase %3 baseImageFix %4, "
                                                 "expected inBase %5 baseImageFix %6 (base "
                                                 "layers %7)")
                                      .arg(run->seed)
                                      .arg(run->describe(t))
                                      .arg(got.inBase)
                                      .arg(got.baseImageFix)
                                      .arg(t.inBase)
                                      .arg(t.baseFix)
                                      .arg(run->truth[std::size_t(t.image)].layerCount);
            }
        }
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 attribution mismatches").arg(mismatches.size())));
    }

    // Rule 3: every open finding in exactly one action, of the right kind.
    void planAssignment()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            const risk::Facts &facts = *run->facts;
            std::vector<int> actionOf(facts.size(), -1);
            for (std::size_t a = 0; a < run->plan.actions.size(); ++a) {
                const layers::RemediationAction &action = run->plan.actions[a];
                if (action.rank != a + 1)
                    mismatches << QStringLiteral("seed %1: action %2 has rank %3")
                                      .arg(run->seed)
                                      .arg(a)
                                      .arg(action.rank);
                for (const std::uint32_t f : action.findings) {
                    if (actionOf[f] >= 0)
                        mismatches << QStringLiteral("seed %1 finding %2: in actions %3 and %4")
                                          .arg(run->seed)
                                          .arg(run->describe(
                                              run->findings[std::size_t(run->truthOfFinding[f])]))
                                          .arg(actionOf[f] + 1)
                                          .arg(a + 1);
                    actionOf[f] = int(a);
                }
            }
            int open = 0;
            for (std::size_t f = 0; f < facts.size(); ++f) {
                const ModelFinding &t = run->findings[std::size_t(run->truthOfFinding[f])];
                const QString who =
                    QStringLiteral("seed %1 finding %2").arg(run->seed).arg(run->describe(t));
                open += !t.suppressed;
                if (t.suppressed) {
                    if (actionOf[f] >= 0)
                        mismatches << who + QStringLiteral(": suppressed but in action %1")
                                                .arg(actionOf[f] + 1);
                    continue;
                }
                if (actionOf[f] < 0) {
                    mismatches << who + QStringLiteral(": open but in no action");
                    continue;
                }
                const layers::RemediationAction &a = run->plan.actions[std::size_t(actionOf[f])];
                const layers::ActionKind expected = t.baseFix ? layers::ActionKind::BaseImageUpdate
                                                    : t.fixable(run->fleet.world)
                                                        ? layers::ActionKind::PackageUpgrade
                                                        : layers::ActionKind::NoFix;
                if (a.kind != expected) {
                    mismatches << who +
                                      QStringLiteral(": in a %1 action (\"%2\"), expected %3")
                                          .arg(QString::fromUtf8(layers::actionKindName(a.kind)),
                                               QString::fromStdString(a.target),
                                               QString::fromUtf8(layers::actionKindName(expected)));
                    continue;
                }
                if (expected != layers::ActionKind::BaseImageUpdate &&
                    (a.images.size() != 1 || run->fleetOfFacts[a.images.front()] != t.image))
                    mismatches << who + QStringLiteral(": its %1 action is not its image's")
                                            .arg(QString::fromUtf8(layers::actionKindName(a.kind)));
                if (expected == layers::ActionKind::PackageUpgrade &&
                    (QString::fromStdString(a.target) != t.name ||
                     QString::fromStdString(a.packageType) != t.type))
                    mismatches << who + QStringLiteral(": in the upgrade of %1 (%2)")
                                            .arg(QString::fromStdString(a.target),
                                                 QString::fromStdString(a.packageType));
            }
            if (run->plan.totals.openFindings != open)
                mismatches << QStringLiteral("seed %1: totals.openFindings %2, expected %3")
                                  .arg(run->seed)
                                  .arg(run->plan.totals.openFindings)
                                  .arg(open);
        }
        QVERIFY2(
            printed(mismatches),
            qPrintable(QStringLiteral("%1 plan assignment mismatches").arg(mismatches.size())));
    }

    // Rule 3: one base-image update per base, fixing exactly the truth's findings.
    void baseImageUpdates()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            std::map<QString, std::set<QString>> expected; // truth key → finding keys
            std::map<QString, std::set<int>> imagesOf;     // truth key → fleet images
            for (const ModelFinding &f : run->findings)
                if (f.baseFix && !f.suppressed) {
                    expected[run->truth[std::size_t(f.image)].key].insert(f.key);
                    imagesOf[run->truth[std::size_t(f.image)].key].insert(f.image);
                }
            std::map<QString, int> actionsOf;
            for (const layers::RemediationAction &a : run->plan.actions) {
                if (a.kind != layers::ActionKind::BaseImageUpdate)
                    continue;
                const QString who = QStringLiteral("seed %1 base-image update \"%2\" (rank %3)")
                                        .arg(run->seed)
                                        .arg(QString::fromStdString(a.target))
                                        .arg(a.rank);
                std::set<QString> keys;
                for (const std::uint32_t image : a.images)
                    keys.insert(run->truth[std::size_t(run->fleetOfFacts[image])].key);
                if (keys.size() != 1 || keys.begin()->isEmpty()) {
                    QStringList names;
                    for (const std::uint32_t image : a.images)
                        names << run->imageName(run->fleetOfFacts[image]) + QStringLiteral(" → ") +
                                     run->truth[std::size_t(run->fleetOfFacts[image])].key;
                    mismatches << who + QStringLiteral(": images of different bases: ") +
                                      names.join(QStringLiteral(", "));
                    continue;
                }
                const QString key = *keys.begin();
                ++actionsOf[key];
                std::set<QString> got;
                for (const std::uint32_t f : a.findings)
                    got.insert(keyOf(*run->facts, f));
                const std::set<QString> &want = expected[key];
                for (const QString &k : want)
                    if (!got.count(k))
                        mismatches
                            << who + QStringLiteral(": misses %1")
                                         .arg(run->describe(
                                             run->findings[std::size_t(run->findingByKey.at(k))]));
                for (const QString &k : got)
                    if (!want.count(k))
                        mismatches
                            << who + QStringLiteral(": wrongly holds %1")
                                         .arg(run->describe(
                                             run->findings[std::size_t(run->findingByKey.at(k))]));
                if (a.findingsFixed != int(want.size()))
                    mismatches << who + QStringLiteral(": findingsFixed %1, expected %2")
                                            .arg(a.findingsFixed)
                                            .arg(want.size());
                for (const int image : imagesOf[key])
                    if (std::none_of(a.images.begin(), a.images.end(), [&](std::uint32_t i) {
                            return run->fleetOfFacts[i] == image;
                        }))
                        mismatches
                            << who + QStringLiteral(": lacks image %1").arg(run->imageName(image));
                // What it says about the base.
                const int first = run->fleetOfFacts[a.images.front()];
                const TruthBase &t = run->truth[std::size_t(first)];
                bool sameCount = true;
                QString confidence = S("high");
                for (const std::uint32_t image : a.images) {
                    const TruthBase &o = run->truth[std::size_t(run->fleetOfFacts[image])];
                    sameCount = sameCount && o.layerCount == t.layerCount;
                    if (o.confidence == u"low" ||
                        (o.confidence == u"medium" && confidence == u"high"))
                        confidence = o.confidence;
                }
                if (a.baseLayers != (sameCount ? t.layerCount : -1))
                    mismatches << who + QStringLiteral(": baseLayers %1, expected %2")
                                            .arg(a.baseLayers)
                                            .arg(sameCount ? t.layerCount : -1);
                if (QString::fromStdString(a.confidence) != confidence)
                    mismatches << who + QStringLiteral(": confidence %1, expected %2")
                                            .arg(QString::fromStdString(a.confidence), confidence);
                if (t.image >= 0 && (QString::fromStdString(a.target) != run->imageName(t.image) ||
                                     QString::fromStdString(a.targetDigest) != t.digest))
                    mismatches << who + QStringLiteral(": target %1 %2, expected %3 %4")
                                            .arg(QString::fromStdString(a.target),
                                                 QString::fromStdString(a.targetDigest),
                                                 run->imageName(t.image),
                                                 t.digest);
                if (t.key.startsWith(u"name:") &&
                    normalizedRef(QString::fromStdString(a.target)) != t.key.mid(5))
                    mismatches << who + QStringLiteral(": target, expected %1").arg(t.key.mid(5));
            }
            for (const auto &[key, findings] : expected)
                if (actionsOf[key] != 1)
                    mismatches << QStringLiteral("seed %1: base %2 (%3 base-image fixes) has %4 "
                                                 "base-image-update actions")
                                      .arg(run->seed)
                                      .arg(key)
                                      .arg(findings.size())
                                      .arg(actionsOf[key]);
        }
        QVERIFY2(
            printed(mismatches),
            qPrintable(QStringLiteral("%1 base-image-update mismatches").arg(mismatches.size())));
    }

    // Rule 3: package upgrades — the findings, the installed versions and the target version.
    void packageUpgrades()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            struct Expected
            {
                std::set<QString> findings, installed;
                QString version;
            };
            std::map<QString, Expected> expected; // "image name|package|type"
            const World &w = run->fleet.world;
            for (const ModelFinding &f : run->findings) {
                if (f.suppressed || f.baseFix || !f.fixable(w))
                    continue;
                Expected &e = expected[QStringLiteral("%1|%2|%3")
                                           .arg(run->imageName(f.image), f.name, f.type)];
                e.findings.insert(f.key);
                e.installed.insert(f.version);
                const QString target = lowestFixedAbove(f.v(w), f.version);
                if (e.version.isEmpty() || versionCompare(target, e.version) > 0)
                    e.version = target;
            }
            std::set<QString> seen;
            for (const layers::RemediationAction &a : run->plan.actions) {
                if (a.kind != layers::ActionKind::PackageUpgrade || a.images.size() != 1)
                    continue;
                const int image = run->fleetOfFacts[a.images.front()];
                const QString key = QStringLiteral("%1|%2|%3")
                                        .arg(run->imageName(image),
                                             QString::fromStdString(a.target),
                                             QString::fromStdString(a.packageType));
                const QString who = QStringLiteral("seed %1 image %2: upgrade of %3 (%4) to %5")
                                        .arg(run->seed)
                                        .arg(run->imageName(image),
                                             QString::fromStdString(a.target),
                                             QString::fromStdString(a.packageType),
                                             QString::fromStdString(a.version));
                if (!seen.insert(key).second)
                    mismatches << who + QStringLiteral(": a second action for the same package");
                const auto it = expected.find(key);
                if (it == expected.end()) {
                    mismatches << who + QStringLiteral(": not expected");
                    continue;
                }
                std::set<QString> got, installed;
                for (const std::uint32_t f : a.findings)
                    got.insert(keyOf(*run->facts, f));
                for (const std::string &v : a.installedVersions)
                    installed.insert(QString::fromStdString(v));
                if (got != it->second.findings)
                    mismatches << who + QStringLiteral(": %1 findings, expected %2")
                                            .arg(got.size())
                                            .arg(it->second.findings.size());
                if (installed != it->second.installed)
                    mismatches << who + QStringLiteral(": installed {%1}, expected {%2}")
                                            .arg(QStringList(installed.begin(), installed.end())
                                                     .join(QStringLiteral(", ")),
                                                 QStringList(it->second.installed.begin(),
                                                             it->second.installed.end())
                                                     .join(QStringLiteral(", ")));
                if (QString::fromStdString(a.version) != it->second.version)
                    mismatches
                        << who + QStringLiteral(": expected version %1").arg(it->second.version);
                if (a.findingsFixed != int(it->second.findings.size()))
                    mismatches << who + QStringLiteral(": findingsFixed %1").arg(a.findingsFixed);
            }
            for (const auto &[key, e] : expected)
                if (!seen.count(key))
                    mismatches << QStringLiteral("seed %1: no upgrade action for %2 (%3 findings)")
                                      .arg(run->seed)
                                      .arg(key)
                                      .arg(e.findings.size());
        }
        QVERIFY2(
            printed(mismatches),
            qPrintable(QStringLiteral("%1 package-upgrade mismatches").arg(mismatches.size())));
    }

    // Rule 4: applying every base-image update resolves exactly the base-image fixes.
    void simulateBaseUpdates()
    {
        for (const auto &run : m_runs) {
            std::vector<std::uint32_t> ranks;
            for (const layers::RemediationAction &a : run->plan.actions)
                if (a.kind == layers::ActionKind::BaseImageUpdate)
                    ranks.push_back(a.rank);
            int fixes = 0, open = 0;
            for (const ModelFinding &f : run->findings) {
                fixes += f.baseFix && !f.suppressed;
                open += !f.suppressed;
            }
            const auto sim = layers::simulate(*run->scoring, run->plan, ranks);
            QVERIFY2(sim, sim ? "" : sim.error().c_str());
            const QString who = QStringLiteral("seed %1, %2 base-image updates applied")
                                    .arg(run->seed)
                                    .arg(ranks.size());
            const QString before = who + QStringLiteral(": before.openFindings %1, expected %2")
                                             .arg(sim->before.openFindings)
                                             .arg(open);
            QVERIFY2(sim->before.openFindings == open, qPrintable(before));
            const QString fixed = who + QStringLiteral(": findingsFixed %1, expected %2")
                                            .arg(sim->findingsFixed)
                                            .arg(fixes);
            QVERIFY2(sim->findingsFixed == fixes, qPrintable(fixed));
            const QString after = who + QStringLiteral(": after.openFindings %1, expected %2 - %3")
                                            .arg(sim->after.openFindings)
                                            .arg(open)
                                            .arg(fixes);
            QVERIFY2(sim->after.openFindings == open - fixes, qPrintable(after));
        }
    }

    // The per-layer view agrees with the same truth; images resolve by name and digest.
    void layerViews()
    {
        QStringList mismatches;
        for (const auto &run : m_runs) {
            for (std::size_t i = 0; i < run->images.size(); ++i) {
                const int m = run->fleetOfLayers[i];
                const ModelImage &im = run->fleet.images[std::size_t(m)];
                const TruthBase &t = run->truth[std::size_t(m)];
                const QString who = QStringLiteral("seed %1 image %2").arg(run->seed).arg(im.ref);
                const layers::ImageLayerView view =
                    layers::layerView(run->images, i, run->bases[i], *run->scoring, run->flags);
                if (view.layers.size() != im.layers.size()) {
                    mismatches << who + QStringLiteral(": %1 layers, expected %2")
                                            .arg(view.layers.size())
                                            .arg(im.layers.size());
                    continue;
                }
                std::vector<int> findings(im.layers.size()), fixes(im.layers.size());
                for (const ModelFinding &f : run->findings)
                    if (f.image == m && !f.suppressed) {
                        ++findings[std::size_t(f.layer)];
                        fixes[std::size_t(f.layer)] += f.baseFix;
                    }
                for (std::size_t l = 0; l < im.layers.size(); ++l) {
                    const layers::LayerSummary &s = view.layers[l];
                    const bool inBase = t.layerCount > 0 && int(l) < t.layerCount;
                    if (s.inBase != inBase || s.findings != findings[l] ||
                        s.baseImageFixes != fixes[l] ||
                        QString::fromStdString(s.diffId) != im.layers[l].diffId)
                        mismatches << who + QStringLiteral(": layer %1 inBase %2 findings %3 "
                                                           "base fixes %4, expected %5 %6 %7")
                                                .arg(l)
                                                .arg(s.inBase)
                                                .arg(s.findings)
                                                .arg(s.baseImageFixes)
                                                .arg(inBase)
                                                .arg(findings[l])
                                                .arg(fixes[l]);
                }
                if (view.unattributed != 0)
                    mismatches << who + QStringLiteral(": %1 unattributed").arg(view.unattributed);
                for (const QString &ref : {im.ref, im.configDigest.mid(7, 12)}) {
                    const auto r = layers::resolveImage(run->images, ref.toStdString());
                    if (!r || *r != i)
                        mismatches << who + QStringLiteral(": \"%1\" resolves to %2")
                                                .arg(ref,
                                                     r ? QString::number(*r)
                                                       : QString::fromStdString(r.error()));
                }
            }
        }
        QVERIFY2(printed(mismatches),
                 qPrintable(QStringLiteral("%1 layer-view mismatches").arg(mismatches.size())));
    }
};

QTEST_GUILESS_MAIN(TestPlanTruth)
#include "tst_plantruth.moc"
