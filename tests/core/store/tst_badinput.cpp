// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input never costs data: every broken file gives a clear error naming the file and
// the place, the import is refused as a whole, and the workspace is left as it was.

#include "store/importrunner.h"
#include "store/workspace.h"
#include "synthetic.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace patchwise;

namespace {

// Row counts of every table: "unchanged" means all of them are equal.
std::vector<std::int64_t> fingerprint(store::Workspace &ws)
{
    std::vector<std::int64_t> counts;
    for (const char *t : {"snapshot",
                          "source_file",
                          "image",
                          "layer",
                          "scan",
                          "vulnerability",
                          "finding",
                          "finding_severity",
                          "finding_scan",
                          "cvss"})
        counts.push_back(ws.count(t));
    return counts;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("ws.db")).toStdString();
        auto ws = *store::Workspace::open(m_db);
        // Some existing data that must survive every failed import.
        m_good = write(QStringLiteral("baseline.json"),
                       QByteArray::fromStdString(synthetic::trivyReport(
                           7,
                           QStringLiteral("2025-05-01T00:00:00Z"),
                           {synthetic::Vuln{QStringLiteral("CVE-2023-1111")},
                            synthetic::Vuln{QStringLiteral("CVE-2023-2222")}})));
        store::ImportRequest request;
        request.paths = {m_good.toStdString()};
        QVERIFY(store::runImport(*ws, request).committed);
        QCOMPARE(ws->count("finding"), 2);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected"); // part of the message
        QTest::addColumn<bool>("scansOnly");
        const QByteArray report = QByteArray::fromStdString(
            synthetic::trivyReport(8,
                                   QStringLiteral("2025-06-01T00:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2023-3333")}}));
        // Truncated at many offsets: never a crash, always "invalid JSON" with a place.
        for (int cut :
             {1, 2, 10, 50, 100, 200, 400, 700, int(report.size()) - 2, int(report.size()) - 1})
            QTest::addRow("truncated at %d", cut)
                << report.left(cut) << QStringLiteral("invalid JSON: line ") << false;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty") << false;
        QTest::newRow("whitespace only")
            << QByteArray(" \n\t\n") << QStringLiteral("the file is empty") << false;
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(char((i * 7919) & 0xff));
        QTest::newRow("binary") << binary << QStringLiteral("not a recognised format") << false;
        QTest::newRow("plain text")
            << QByteArray("hello world\n") << QStringLiteral("not a recognised format") << false;
        QTest::newRow("json of another kind") << QByteArray("{\"hello\":\"world\"}")
                                              << QStringLiteral("not a recognised format") << false;
        QTest::newRow("results of the wrong type")
            << QByteArray("{\"SchemaVersion\":2,\"ArtifactName\":\"x\",\"Results\":5}")
            << QStringLiteral("Results: expected an array, found a number") << false;
        QTest::newRow("vulnerability id of the wrong type")
            << QByteArray("{\"SchemaVersion\":2,\"ArtifactName\":\"x\",\"Results\":[{"
                          "\"Vulnerabilities\":[{\"VulnerabilityID\":7}]}]}")
            << QStringLiteral("Results[0].Vulnerabilities[0].VulnerabilityID: expected a string, "
                              "found a number")
            << false;
        QTest::newRow("missing vulnerability id")
            << QByteArray("{\"SchemaVersion\":2,\"ArtifactName\":\"x\",\"Results\":[{"
                          "\"Vulnerabilities\":[{\"PkgName\":\"a\"}]}]}")
            << QStringLiteral("missing required member \"VulnerabilityID\"") << false;
        QTest::newRow("grype match without vulnerability")
            << QByteArray("{\"matches\":[{\"artifact\":{}}],\"source\":{\"type\":\"image\","
                          "\"target\":{}}}")
            << QStringLiteral("matches[0]: missing required member \"vulnerability\"") << false;
        QTest::newRow("deep nesting") << (QByteArray(100000, '[') + QByteArray(100000, ']'))
                                      << QStringLiteral("invalid JSON") << false;
        QByteArray huge = "{\"SchemaVersion\":2,\"ArtifactName\":\"";
        huge.append(QByteArray(50 * 1024 * 1024, 'x'));
        huge.append("\",\"Results\":[{\"Vulnerabilities\":[{\"VulnerabilityID\":}]}]}");
        QTest::newRow("50 MB string then a syntax error")
            << huge << QStringLiteral("invalid JSON: line 1, column") << false;
        if (QFile::exists(
                QStringLiteral(PATCHWISE_FIXTURES_DIR "/feeds/vunnel--kev-valid-catalog-1.json"))) {
            QFile kev(
                QStringLiteral(PATCHWISE_FIXTURES_DIR "/feeds/vunnel--kev-valid-catalog-1.json"));
            QVERIFY(kev.open(QIODevice::ReadOnly));
            QTest::newRow("KEV feed where a scan was expected")
                << kev.readAll()
                << QStringLiteral(
                       "is a threat feed (cisa-kev), but only scanner reports were expected")
                << true;
        }
    }

    void rejected()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QFETCH(bool, scansOnly);
        auto ws = *store::Workspace::open(m_db);
        const auto before = fingerprint(*ws);
        const QString bad = write(QStringLiteral("bad.json"), content);
        store::ImportRequest request;
        request.paths = {bad.toStdString()};
        if (scansOnly)
            request.onlyKind = ingest::FormatKind::Scan;
        const store::ImportReport report = store::runImport(*ws, request);
        QVERIFY(!report.committed);
        QCOMPARE(report.failures.size(), std::size_t(1));
        const QString error = QString::fromStdString(report.failures[0].error);
        QVERIFY2(error.startsWith(bad), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.size() < 600); // a message, not a dump
        QCOMPARE(fingerprint(*ws), before);
    }

    void oneBadFileSpoilsTheWholeImport()
    {
        auto ws = *store::Workspace::open(m_db);
        const auto before = fingerprint(*ws);
        const QString fresh = write(QStringLiteral("fresh.json"),
                                    QByteArray::fromStdString(synthetic::trivyReport(
                                        9,
                                        QStringLiteral("2025-07-01T00:00:00Z"),
                                        {synthetic::Vuln{QStringLiteral("CVE-2023-4444")}})));
        const QString bad =
            write(QStringLiteral("broken.json"), QByteArray("{\"SchemaVersion\":2,\"Results\":["));
        store::ImportRequest request;
        request.paths = {fresh.toStdString(), bad.toStdString()};
        const auto report = store::runImport(*ws, request);
        QVERIFY(!report.committed);
        QCOMPARE(fingerprint(*ws), before);
    }

    // Cancelling between files, or after the last one but before the commit, rolls back.
    void cancelLeavesTheWorkspaceAsItWas()
    {
        auto ws = *store::Workspace::open(m_db);
        const auto before = fingerprint(*ws);
        QStringList files;
        for (int n = 0; n < 3; ++n)
            files << write(QStringLiteral("cancel%1.json").arg(n),
                           QByteArray::fromStdString(synthetic::trivyReport(
                               20 + n,
                               QStringLiteral("2025-07-01T00:00:00Z"),
                               {synthetic::Vuln{QStringLiteral("CVE-2024-%1").arg(7000 + n)}})));
        for (const std::size_t cancelAt : {std::size_t(1), std::size_t(3)}) {
            std::atomic<bool> cancel{false};
            std::vector<std::size_t> seen;
            store::ImportRequest request;
            for (const QString &f : files)
                request.paths.push_back(f.toStdString());
            request.cancel = &cancel;
            request.fileProgress = [&](std::size_t done, std::size_t total) {
                QCOMPARE(total, std::size_t(3));
                seen.push_back(done);
                if (done == cancelAt)
                    cancel = true;
            };
            const auto report = store::runImport(*ws, request);
            QVERIFY(report.cancelled);
            QVERIFY(!report.committed);
            QCOMPARE(seen.back(), cancelAt);
            QCOMPARE(fingerprint(*ws), before);
        }
        // Not cancelled: progress counts every file, then the total, and it commits.
        std::vector<std::size_t> seen;
        store::ImportRequest request;
        for (const QString &f : files)
            request.paths.push_back(f.toStdString());
        request.fileProgress = [&](std::size_t done, std::size_t) { seen.push_back(done); };
        QVERIFY(store::runImport(*ws, request).committed);
        QCOMPARE(seen, (std::vector<std::size_t>{0, 1, 2, 3}));
    }

    void unrecognisedFilesInADirectoryAreListed()
    {
        QTemporaryDir dir;
        QFile notes(dir.filePath(QStringLiteral("README.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("notes about the scans\n");
        notes.close();
        QFile scan(dir.filePath(QStringLiteral("scan.json")));
        QVERIFY(scan.open(QIODevice::WriteOnly));
        scan.write(QByteArray::fromStdString(
            synthetic::trivyReport(10,
                                   QStringLiteral("2025-08-01T00:00:00Z"),
                                   {synthetic::Vuln{QStringLiteral("CVE-2023-5555")}})));
        scan.close();
        auto ws = *store::Workspace::open(m_db);
        store::ImportRequest request;
        request.paths = {dir.path().toStdString()};
        const auto report = store::runImport(*ws, request);
        QVERIFY(report.committed);
        QCOMPARE(report.unrecognisedFiles.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(report.unrecognisedFiles[0].path)
                    .endsWith(QStringLiteral("README.txt")));
        // Named directly, the same file is an error.
        request.paths = {notes.fileName().toStdString()};
        QVERIFY(!store::runImport(*ws, request).committed);
    }

private:
    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    QTemporaryDir m_dir;
    std::string m_db;
    QString m_good;
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
