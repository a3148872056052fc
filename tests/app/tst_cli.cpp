// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise-cli as scripts see it: exit codes, stdin/argument input, one line per input.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
