// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli as scripts see it: exit codes, stdin/argument input, one line per input.

#include "fleet.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <map>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &args, const QByteArray &stdinData = {}, bool closeStdin = true)
{
    QProcess p;
    p.start(QStringLiteral(PATCHWISE_CLI), args);
    if (!p.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    if (closeStdin)
        p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError e;
        objects << QJsonDocument::fromJson(line, &e).object();
        if (e.error != QJsonParseError::NoError)
            objects.last() = QJsonObject{{QStringLiteral("invalid"), QString::fromUtf8(line)}};
    }
    return objects;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // findings/images/matrix on a synthetic fleet with known runtime facts (fleet.h).
    void riskCommands()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ws.db"));
        const QList<fleet::Vuln> same{fleet::Vuln{QStringLiteral("CVE-2025-0001")}};
        const auto write = [&](const QString &name, const std::string &content) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write");
            f.write(content.data(), qint64(content.size()));
            return f.fileName();
        };
        QStringList files;
        for (int n = 1; n <= 7; ++n)
            files << write(QStringLiteral("t%1.json").arg(n), fleet::trivy(n, same));
        files << write(QStringLiteral("pods.json"), fleet::pods())
              << write(QStringLiteral("svc.json"), fleet::services())
              << write(QStringLiteral("ing.json"), fleet::ingresses())
              << write(QStringLiteral("docker.json"), fleet::docker());
        QCOMPARE(runCli(QStringList{QStringLiteral("import"), QStringLiteral("--db"), db} + files)
                     .exitCode,
                 0);
        const QStringList base{QStringLiteral("--db"),
                               db,
                               QStringLiteral("--now"),
                               QStringLiteral("2025-07-01T00:00:00Z")};

        // Ranked findings with their risk fields; the breakdown adds up to the score.
        Run r = runCli(QStringList{QStringLiteral("findings")} + base);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray all = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(all.size(), 7);
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QJsonObject o = all.at(i).toObject();
            QCOMPARE(o.value(QStringLiteral("rank")).toInt(), int(i + 1));
            for (const char *key : {"effectiveSeverity",
                                    "severitySource",
                                    "effectiveCvss",
                                    "riskScore",
                                    "riskFactors",
                                    "decision",
                                    "internetExposed",
                                    "privileged",
                                    "runsAsRoot",
                                    "shell",
                                    "exposureDays",
                                    "slaDue",
                                    "slaBreached",
                                    "inBaseImage",
                                    "baseImageFix"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            double sum = 0;
            const QJsonObject factors = o.value(QStringLiteral("riskFactors")).toObject();
            QCOMPARE(factors.size(), 9);
            for (auto it = factors.begin(); it != factors.end(); ++it)
                sum += it.value().toDouble();
            QVERIFY(qAbs(sum - o.value(QStringLiteral("riskScore")).toDouble()) < 1e-9);
            if (i > 0)
                QVERIFY(all.at(i - 1).toObject().value(QStringLiteral("riskScore")).toDouble() >=
                        o.value(QStringLiteral("riskScore")).toDouble());
            // Debian rates it high (VendorSeverity 3): vendor-first.
            QCOMPARE(o.value(QStringLiteral("effectiveSeverity")).toString(),
                     QStringLiteral("high"));
            QCOMPARE(o.value(QStringLiteral("severitySource")).toString(),
                     QStringLiteral("debian"));
            const QJsonObject cvss = o.value(QStringLiteral("effectiveCvss")).toObject();
            QCOMPARE(cvss.value(QStringLiteral("source")).toString(), QStringLiteral("nvd"));
            QCOMPARE(cvss.value(QStringLiteral("base")).toDouble(), 9.8);
            // First seen 2025-06-01 (the report's time) + 30 days for high.
            QCOMPARE(o.value(QStringLiteral("slaDue")).toString(),
                     QStringLiteral("2025-07-01T00:00:00Z"));
            QCOMPARE(o.value(QStringLiteral("slaBreached")).toBool(), false); // not yet past
            // No image here has layers, so no base image: nothing is in one.
            QCOMPARE(o.value(QStringLiteral("inBaseImage")).toBool(true), false);
            QCOMPARE(o.value(QStringLiteral("baseImageFix")).toBool(true), false);
        }
        const auto imageOf = [](const QJsonValue &v) {
            return v.toObject().value(QStringLiteral("image")).toString();
        };
        // The not-running images come last.
        QVERIFY(imageOf(all.at(5)).contains(QLatin1String("app6")) ||
                imageOf(all.at(5)).contains(QLatin1String("app7")));
        QVERIFY(!all.at(6).toObject().value(QStringLiteral("internetExposed")).toBool());

        // Filter: exposed and privileged is the admin image only.
        r = runCli(QStringList{QStringLiteral("findings"),
                               QStringLiteral("--filter"),
                               QStringLiteral("exposed and privileged")} +
                   base);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray admin = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(admin.size(), 1);
        QCOMPARE(imageOf(admin.at(0)), QStringLiteral("registry.example/app2:1.0"));
        QVERIFY(admin.at(0).toObject().value(QStringLiteral("exposureReasons")).toArray().size() >=
                1);

        // A bad filter points at the column.
        r = runCli(QStringList{QStringLiteral("findings"),
                               QStringLiteral("--filter"),
                               QStringLiteral("severity >= hgh")} +
                   base);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("column 13"), r.err.constData());
        QVERIFY2(r.err.contains("\n              ^"), r.err.constData());

        // Sort by image name, A to Z.
        r = runCli(QStringList{QStringLiteral("findings"),
                               QStringLiteral("--sort"),
                               QStringLiteral("image:asc"),
                               QStringLiteral("--format"),
                               QStringLiteral("csv")} +
                   base);
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 8);
        QVERIFY(lines.at(0).contains("rank,riskScore"));
        for (int i = 1; i < 8; ++i)
            QVERIFY2(lines.at(i).contains(
                         QByteArray("registry.example/app" + QByteArray::number(i) + ":1.0")),
                     lines.at(i).constData());

        // A policy that ignores exposure: the exposure contribution is zero everywhere.
        const QString policy =
            write(QStringLiteral("policy.json"), R"json({"weights": {"internetExposure": 0}})json");
        r = runCli(QStringList{QStringLiteral("findings"), QStringLiteral("--policy"), policy} +
                   base);
        QCOMPARE(r.exitCode, 0);
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            QCOMPARE(v.toObject()
                         .value(QStringLiteral("riskFactors"))
                         .toObject()
                         .value(QStringLiteral("internetExposure"))
                         .toDouble(),
                     0.0);
        const QString bad = write(QStringLiteral("bad.json"), R"json({"weights": {"kev": 1}})json");
        r = runCli(QStringList{QStringLiteral("images"), QStringLiteral("--policy"), bad} + base);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("bad.json: weights.kev: unknown factor"), r.err.constData());

        // Images: the fix is 181 days old (published 2025-01-01) and High: grade D until
        // it is a year old.
        r = runCli(QStringList{QStringLiteral("images")} + base);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray images = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(images.size(), 7);
        QMap<QString, QJsonObject> byName;
        for (const QJsonValue &v : images)
            byName.insert(imageOf(v), v.toObject());
        const QJsonObject web = byName.value(QStringLiteral("registry.example/app1:1.0"));
        QCOMPARE(web.value(QStringLiteral("grade")).toString(), QStringLiteral("D"));
        QCOMPARE(web.value(QStringLiteral("nextGradeDrop")).toString(),
                 QStringLiteral("2026-01-01T00:00:00Z"));
        QCOMPARE(web.value(QStringLiteral("runningContainers")).toInt(), 2);
        QCOMPARE(web.value(QStringLiteral("internetExposed")).toBool(), true);
        QCOMPARE(web.value(QStringLiteral("bySeverity"))
                     .toObject()
                     .value(QStringLiteral("high"))
                     .toInt(),
                 1);
        QCOMPARE(byName.value(QStringLiteral("registry.example/app5:1.0"))
                     .value(QStringLiteral("internetExposed"))
                     .toBool(),
                 false);
        QCOMPARE(byName.value(QStringLiteral("registry.example/app7:1.0"))
                     .value(QStringLiteral("runningContainers"))
                     .toInt(),
                 0);
        QVERIFY(web.value(QStringLiteral("riskSum")).toDouble() > 0);

        // Matrix: NVD says critical (CVSS 9.8), Debian high.
        r = runCli(QStringList{QStringLiteral("matrix"),
                               QStringLiteral("--vendor"),
                               QStringLiteral("debian")} +
                   base);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject m = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(m.value(QStringLiteral("vendors")).toArray(),
                 QJsonArray{QStringLiteral("debian")});
        QCOMPARE(m.value(QStringLiteral("rows")).toArray().at(0).toString(),
                 QStringLiteral("critical"));
        const QJsonArray distinct = m.value(QStringLiteral("distinctVulnerabilities")).toArray();
        const QJsonArray findingCells = m.value(QStringLiteral("findings")).toArray();
        for (int row = 0; row < 5; ++row)
            for (int col = 0; col < 5; ++col) {
                const bool cell = row == 0 && col == 1;
                QCOMPARE(distinct.at(row).toArray().at(col).toInt(), cell ? 1 : 0);
                QCOMPARE(findingCells.at(row).toArray().at(col).toInt(), cell ? 7 : 0);
            }
        r = runCli(QStringList{QStringLiteral("matrix"),
                               QStringLiteral("--vendor"),
                               QStringLiteral("redhat")} +
                   base);
        QCOMPARE(r.exitCode, 0); // an all-unknown column, and a warning naming the vendors
        QVERIFY2(r.err.contains("vendors: debian"), r.err.constData());
        const QJsonArray noVendor =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("findings")).toArray();
        QCOMPARE(noVendor.at(0).toArray().at(4).toInt(), 7); // NVD critical × unknown

        // policy prints the effective policy; printed and read back, it is the same policy.
        r = runCli({QStringLiteral("policy"),
                    QStringLiteral("--policy"),
                    QStringLiteral("preset:pci-dss")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject sla =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("sla")).toObject();
        QCOMPARE(sla.value(QStringLiteral("critical")).toInt(), 30);
        QCOMPARE(sla.value(QStringLiteral("high")).toInt(), 30);
        const QString printed = write(QStringLiteral("printed.json"), r.out.toStdString());
        const Run again = runCli({QStringLiteral("policy"), QStringLiteral("--policy"), printed});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, r.out);
        QCOMPARE(runCli({QStringLiteral("policy"), QStringLiteral("--policy"), bad}).exitCode, 1);

        // layers: an image by reference; its JSON; a reference that matches nothing.
        r = runCli(QStringList{QStringLiteral("layers"),
                               QStringLiteral("--image"),
                               QStringLiteral("registry.example/app1:1.0")} +
                   base);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject layersOf = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(layersOf.value(QStringLiteral("image")).toString(),
                 QStringLiteral("registry.example/app1:1.0"));
        QVERIFY(layersOf.value(QStringLiteral("base")).isNull());
        QVERIFY(layersOf.value(QStringLiteral("layers")).isArray());
        QCOMPARE(layersOf.value(QStringLiteral("unattributedFindings")).toInt(), 1);
        r = runCli(QStringList{QStringLiteral("layers"),
                               QStringLiteral("--image"),
                               QStringLiteral("registry.example/none:1")} +
                   base);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no image in the workspace matches"), r.err.constData());
        QCOMPARE(runCli(QStringList{QStringLiteral("layers")} + base).exitCode, 2);

        // base: record the analyst's base, read it back, clear it.
        const QStringList app1{QStringLiteral("base"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--image"),
                               QStringLiteral("registry.example/app1:1.0")};
        r = runCli(app1 + QStringList{QStringLiteral("--set"), QStringLiteral("debian:12")});
        QCOMPARE(r.exitCode, 0);
        QJsonObject b =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("base")).toObject();
        QCOMPARE(b.value(QStringLiteral("detectedBy")).toString(), QStringLiteral("manual"));
        QCOMPARE(b.value(QStringLiteral("name")).toString(), QStringLiteral("debian:12"));
        r = runCli(app1);
        QCOMPARE(QJsonDocument::fromJson(r.out)
                     .object()
                     .value(QStringLiteral("base"))
                     .toObject()
                     .value(QStringLiteral("detectedBy"))
                     .toString(),
                 QStringLiteral("manual"));
        r = runCli(app1 + QStringList{QStringLiteral("--clear")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("base")).isNull());
        QCOMPARE(
            runCli(app1 + QStringList{QStringLiteral("--layers"), QStringLiteral("0")}).exitCode,
            2);

        // plan: every open finding (by its key) in exactly one action; ranks in order.
        std::map<QString, int> openKeys;
        for (const QJsonValue &v : all) {
            const QJsonObject f = v.toObject();
            if (f.value(QStringLiteral("suppressed")).toBool() ||
                !f.value(QStringLiteral("resolvedAt")).isNull())
                continue;
            const QString digest = f.value(QStringLiteral("imageDigest")).toString();
            openKeys[(digest.isEmpty() ? f.value(QStringLiteral("image")).toString() : digest) +
                     QLatin1Char('|') + f.value(QStringLiteral("vulnerability")).toString() +
                     QLatin1Char('|') + f.value(QStringLiteral("package")).toString() +
                     QLatin1Char('|') + f.value(QStringLiteral("installedVersion")).toString()] = 0;
        }
        QVERIFY(!openKeys.empty());
        r = runCli(QStringList{QStringLiteral("plan")} + base);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out).object();
        const QJsonArray actions = plan.value(QStringLiteral("actions")).toArray();
        QVERIFY(!actions.isEmpty());
        QCOMPARE(plan.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("openFindings"))
                     .toInt(),
                 int(openKeys.size()));
        for (int i = 0; i < actions.size(); ++i) {
            const QJsonObject a = actions[i].toObject();
            QCOMPARE(a.value(QStringLiteral("rank")).toInt(), i + 1);
            const QString kind = a.value(QStringLiteral("kind")).toString();
            QVERIFY2(kind == QLatin1String("base-image-update") ||
                         kind == QLatin1String("package-upgrade") ||
                         kind == QLatin1String("no-fix"),
                     qPrintable(kind));
            for (const QJsonValue &k : a.value(QStringLiteral("findings")).toArray()) {
                QVERIFY2(openKeys.count(k.toString()), qPrintable(k.toString()));
                ++openKeys[k.toString()];
            }
            if (kind != QLatin1String("no-fix"))
                QCOMPARE(a.value(QStringLiteral("findingsFixed")).toInt(),
                         a.value(QStringLiteral("findings")).toArray().size());
        }
        for (const auto &[key, count] : openKeys)
            QVERIFY2(count == 1, qPrintable(key));
        // CSV: a header and one row per action.
        r = runCli(
            QStringList{QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("csv")} +
            base);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("rank,kind,target,"));
        QCOMPARE(int(r.out.count("\r\n")), int(actions.size()) + 1);
        // Simulation of the first action: its findings are no longer open.
        r = runCli(
            QStringList{QStringLiteral("plan"), QStringLiteral("--simulate"), QStringLiteral("1")} +
            base);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject sim = QJsonDocument::fromJson(r.out).object();
        const int fixed = actions[0].toObject().value(QStringLiteral("findingsFixed")).toInt();
        QCOMPARE(sim.value(QStringLiteral("findingsFixed")).toInt(), fixed);
        QCOMPARE(sim.value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("openFindings"))
                     .toInt(),
                 int(openKeys.size()) - fixed);
        QCOMPARE(sim.value(QStringLiteral("applied")).toArray().size(), 1);
        QCOMPARE(runCli(QStringList{QStringLiteral("plan"),
                                    QStringLiteral("--simulate"),
                                    QStringLiteral("x")} +
                        base)
                     .exitCode,
                 2);
        r = runCli(QStringList{QStringLiteral("plan"),
                               QStringLiteral("--simulate"),
                               QStringLiteral("99999")} +
                   base);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no action ranked 99999"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        const Run r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
        QVERIFY(r.out.isEmpty());
    }

    void unknownOptionsAndMixedInputAreUsageErrors()
    {
        QCOMPARE(runCli({QStringLiteral("cvss"), QStringLiteral("--frobnicate")}).exitCode, 2);
        const Run mixed = runCli({QStringLiteral("cvss"),
                                  QStringLiteral("-"),
                                  QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P")},
                                 "AV:N/AC:L/Au:N/C:P/I:P/A:P\n");
        QCOMPARE(mixed.exitCode, 2);
        QVERIFY(mixed.out.isEmpty());
        const Run dash =
            runCli({QStringLiteral("cvss"), QStringLiteral("-")}, "AV:N/AC:L/Au:N/C:P/I:P/A:P\n");
        QCOMPARE(dash.exitCode, 0);
        QCOMPARE(jsonLines(dash.out).size(), 1);
    }

    void help()
    {
        // The overview lists the commands; each command's help has its usage (tst_clihelp
        // checks every command).
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\n  cvss "));
        const Run cvss = runCli({QStringLiteral("cvss"), QStringLiteral("--help")});
        QCOMPARE(cvss.exitCode, 0);
        QVERIFY(cvss.out.startsWith("Usage: patchwise-cli cvss [VECTOR...]\n"));
    }

    void vectorsAsArguments()
    {
        const Run r = runCli({QStringLiteral("cvss"),
                              QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                              QStringLiteral("CVSS:3.1/AV:N/AV:N")});
        QCOMPARE(r.exitCode, 0); // a rejected vector is still a processed line
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].value(u"base").toDouble(), 9.8);
        QCOMPARE(lines[1].value(u"error").toString(), QStringLiteral("duplicate metric \"AV\""));
    }

    void vectorsFromStdin()
    {
        const QByteArray input =
            "AV:N/AC:L/Au:N/C:P/I:P/A:P\r\n"
            "\n"
            "  CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N  \n"
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; // no final newline
        const Run r = runCli({QStringLiteral("cvss")}, input);
        QCOMPARE(r.exitCode, 0);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 4); // one output line per input line, the empty one included
        QCOMPARE(lines[0].value(u"base").toDouble(), 7.5);
        QCOMPARE(lines[1].value(u"error").toString(), QStringLiteral("empty vector"));
        QCOMPARE(lines[2].value(u"score").toDouble(), 9.3);
        QCOMPARE(lines[2].value(u"vector").toString(),
                 QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"));
        QCOMPARE(lines[3].value(u"version").toString(), QStringLiteral("3.0"));
    }

    void emptyStdinPrintsNothing()
    {
        const Run r = runCli({QStringLiteral("cvss")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
    }

    void importAndFindings()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ws.db"));
        const QString report = dir.filePath(QStringLiteral("report.json"));
        QFile f(report);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"json({"SchemaVersion":2,"CreatedAt":"2025-01-02T03:04:05Z","ArtifactName":"shop/web:2.1",
"Metadata":{"ImageID":"sha256:aaaa","DiffIDs":["sha256:l0","sha256:l1"]},
"Results":[{"Target":"shop/web:2.1 (alpine 3.19)","Class":"os-pkgs","Type":"alpine","Vulnerabilities":[
{"VulnerabilityID":"CVE-2024-1","PkgName":"=HYPERLINK(1)","InstalledVersion":"1.0","FixedVersion":"1.1, 1.2","Status":"fixed",
 "Layer":{"DiffID":"sha256:l1"},"Severity":"HIGH","VendorSeverity":{"alpine":2}}]}]})json");
        f.close();
        // Usage errors.
        QCOMPARE(runCli({QStringLiteral("import"), report}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("import"), QStringLiteral("--db"), db}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("findings"),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--format"),
                         QStringLiteral("xml")})
                     .exitCode,
                 2);

        const Run imported = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, report});
        QCOMPARE(imported.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(imported.out).object();
        QCOMPARE(summary.value(u"totals").toObject().value(u"findings").toInt(), 1);
        QCOMPARE(summary.value(u"snapshot").toInt(), 1);
        QCOMPARE(summary.value(u"files").toArray().at(0).toObject().value(u"format").toString(),
                 QStringLiteral("trivy"));

        const Run json = runCli({QStringLiteral("findings"), QStringLiteral("--db"), db});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(json.out).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(u"vulnerability").toString(), QStringLiteral("CVE-2024-1"));
        QCOMPARE(row.value(u"image").toString(), QStringLiteral("shop/web:2.1"));
        QCOMPARE(row.value(u"imageDigest").toString(), QStringLiteral("sha256:aaaa"));
        QCOMPARE(row.value(u"fixedVersions").toArray().size(), 2);
        QCOMPARE(row.value(u"fixState").toString(), QStringLiteral("fixed"));
        QCOMPARE(row.value(u"layerIndex").toInt(), 1);
        QCOMPARE(row.value(u"severities").toObject().value(u"alpine").toString(),
                 QStringLiteral("medium"));
        QCOMPARE(row.value(u"severities").toObject().value(u"trivy").toString(),
                 QStringLiteral("high"));
        QCOMPARE(row.value(u"firstSeen").toString(), QStringLiteral("2025-01-02T03:04:05Z"));
        QVERIFY(row.value(u"resolvedAt").isNull());
        QVERIFY(row.value(u"epss").isNull());
        QCOMPARE(row.value(u"kev").toBool(), false);

        const Run csv = runCli({QStringLiteral("findings"),
                                QStringLiteral("--db"),
                                db,
                                QStringLiteral("--format"),
                                QStringLiteral("csv")});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("vulnerability,aliases,title,description,image,imageDigest,"));
        QVERIFY(lines[1].contains(",'=HYPERLINK(1),")); // formula neutralised

        // Again: nothing changes.
        const Run again = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, report});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(again.out).object().value(u"snapshot").isNull());

        // --only: a scan where feeds were expected is an error; where scans were, it is not.
        const Run feedsOnly = runCli({QStringLiteral("import"),
                                      QStringLiteral("--db"),
                                      db,
                                      QStringLiteral("--only"),
                                      QStringLiteral("feeds"),
                                      report});
        QCOMPARE(feedsOnly.exitCode, 1);
        QVERIFY2(feedsOnly.err.contains("only threat feeds were expected"),
                 feedsOnly.err.constData());
        QCOMPARE(runCli({QStringLiteral("import"),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--only=scans"),
                         report})
                     .exitCode,
                 0);

        // A broken file: non-zero exit, a message naming it, nothing imported.
        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\"SchemaVersion\": 2, \"Results\": [");
        b.close();
        const Run bad = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, broken});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(broken.toUtf8()));
        QVERIFY(bad.err.contains("workspace is unchanged"));
    }

    // A process killed in the middle of an import leaves the workspace as it was.
    void killedImportChangesNothing()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("ws.db"));
        auto report = [](int image, int findings) -> QByteArray {
            QByteArray out =
                "{\"SchemaVersion\":2,\"ArtifactName\":\"img" + QByteArray::number(image) +
                ":1\",\"Metadata\":{\"ImageID\":\"sha256:" +
                QByteArray::number(image).rightJustified(64, '0') +
                "\"},\"Results\":[{\"Target\":\"t\",\"Class\":\"os-pkgs\",\"Vulnerabilities\":[";
            for (int i = 0; i < findings; ++i) {
                if (i)
                    out += ',';
                out += "{\"VulnerabilityID\":\"CVE-2024-" + QByteArray::number(10000 + i) +
                       "\",\"PkgName\":\"p" + QByteArray::number(i % 97) +
                       "\",\"InstalledVersion\":\"1." + QByteArray::number(i) +
                       "\",\"Severity\":\"HIGH\",\"Description\":\"" + QByteArray(60, 'x') + "\"}";
            }
            out += "]}]}";
            return out;
        };
        auto write = [](const QString &path, const QByteArray &content) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        };
        write(dir.filePath(QStringLiteral("baseline.json")), report(0, 3));
        QCOMPARE(runCli({QStringLiteral("import"),
                         QStringLiteral("--db"),
                         db,
                         dir.filePath(QStringLiteral("baseline.json"))})
                     .exitCode,
                 0);
        const QByteArray before =
            runCli({QStringLiteral("findings"), QStringLiteral("--db"), db}).out;
        QCOMPARE(QJsonDocument::fromJson(before).array().size(), 3);

        QDir(dir.path()).mkdir(QStringLiteral("fleet"));
        // Large enough that the import is still storing when it is killed.
        for (int i = 1; i <= 200; ++i)
            write(dir.filePath(QStringLiteral("fleet/r%1.json").arg(i)), report(i, 2000));
        QProcess p;
        p.start(QStringLiteral(PATCHWISE_CLI),
                {QStringLiteral("import"),
                 QStringLiteral("--db"),
                 db,
                 dir.filePath(QStringLiteral("fleet"))});
        QVERIFY(p.waitForStarted());
        QTest::qWait(250);
        p.kill();
        p.waitForFinished();
        // The summary is printed only after the commit: if it is there, the kill came too
        // late to test anything.
        if (!p.readAllStandardOutput().isEmpty())
            QSKIP("the import committed before it could be killed; nothing to check");
        const QByteArray after =
            runCli({QStringLiteral("findings"), QStringLiteral("--db"), db}).out;
        QCOMPARE(after, before);
        // And the workspace still takes an import afterwards.
        write(dir.filePath(QStringLiteral("later.json")), report(999, 5));
        const Run again = runCli({QStringLiteral("import"),
                                  QStringLiteral("--db"),
                                  db,
                                  dir.filePath(QStringLiteral("later.json"))});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(
                     runCli({QStringLiteral("findings"), QStringLiteral("--db"), db}).out)
                     .array()
                     .size(),
                 8);
    }

    void manyLines()
    {
        QByteArray input;
        for (int i = 0; i < 5000; ++i)
            input += i % 2 ? "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L\n" : "garbage\n";
        const Run r = runCli({QStringLiteral("cvss")}, input);
        QCOMPARE(r.exitCode, 0);
        const auto lines = jsonLines(r.out);
        QCOMPARE(lines.size(), 5000);
        QCOMPARE(lines[1].value(u"environmental").toDouble(), 9.5);
        QCOMPARE(lines[0].value(u"error").toString(),
                 QStringLiteral("malformed metric component \"garbage\""));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
