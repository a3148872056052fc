// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli as scripts see it: exit codes, stdin/argument input, one line per input.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("cvss [VECTOR...]"));
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
        QVERIFY(lines[0].startsWith("vulnerability,aliases,image,imageDigest,"));
        QVERIFY(lines[1].contains(",'=HYPERLINK(1),")); // formula neutralised

        // Again: nothing changes.
        const Run again = runCli({QStringLiteral("import"), QStringLiteral("--db"), db, report});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(again.out).object().value(u"snapshot").isNull());

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
