// SPDX-License-Identifier: GPL-3.0-or-later
// Triage decisions through patchwise-cli: scopes (digest, repository, fleet) across a new
// tag of the same repository, expiry of accepted risk, re-imports, and the history.

#include "fleet.h"
#include "vexdocs.h"

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

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PATCHWISE_CLI), args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(),
            p.readAllStandardError()};
}

const QString kNow = QStringLiteral("2025-07-01T00:00:00Z");

// Image 1 as "registry.example/app1:1.0"; the same repository's next tag "app1:1.1" is a
// different image (digest 2) with the same vulnerable package; "app3:1.0" is another
// repository.
std::string appReport(const QString &tag, int digestNumber)
{
    const QList<fleet::Vuln> vulns{
        fleet::Vuln{QStringLiteral("CVE-2025-1000")},
        fleet::Vuln{QStringLiteral("CVE-2025-2000"), QStringLiteral("zlib")}};
    QString text = QString::fromStdString(fleet::trivy(digestNumber, vulns));
    text.replace(QStringLiteral("registry.example/app%1:1.0").arg(digestNumber),
                 QStringLiteral("registry.example/app1:") + tag);
    text.replace(QStringLiteral("registry.example/app%1@").arg(digestNumber),
                 QStringLiteral("registry.example/app1@"));
    return text.toStdString();
}

} // namespace

class TestDecisions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const std::string &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(content.data(), qint64(content.size()));
        return f.fileName();
    }

    QString workspace(const QString &name)
    {
        const QString db = m_dir.filePath(name);
        const Run r =
            cli({QStringLiteral("import"),
                 QStringLiteral("--db"),
                 db,
                 write(QStringLiteral("app-1.0.json"), appReport(QStringLiteral("1.0"), 1)),
                 write(QStringLiteral("other.json"),
                       fleet::trivy(3, {fleet::Vuln{QStringLiteral("CVE-2025-1000")}}))});
        if (r.exitCode != 0)
            qWarning("import failed: %s", r.err.constData());
        return db;
    }

    // finding → triageState, keyed "image|vulnerability|package".
    QMap<QString, QString> states(const QString &db, const QString &now = kNow)
    {
        const Run r = cli({QStringLiteral("findings"),
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("--now"),
                           now,
                           QStringLiteral("--suppressed")});
        QMap<QString, QString> out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            const QJsonObject o = v.toObject();
            QString state = o.value(QStringLiteral("triageState")).toString();
            if (o.value(QStringLiteral("triageExpired")).toBool())
                state += QStringLiteral(" (expired)");
            out.insert(o.value(QStringLiteral("image")).toString() + u'|' +
                           o.value(QStringLiteral("vulnerability")).toString() + u'|' +
                           o.value(QStringLiteral("package")).toString(),
                       state);
        }
        return out;
    }

    Run decide(const QString &db, const QStringList &more)
    {
        return cli(QStringList{QStringLiteral("decide"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--now"),
                               kNow} +
                   more);
    }

    void importNextTag(const QString &db)
    {
        const Run r =
            cli({QStringLiteral("import"),
                 QStringLiteral("--db"),
                 db,
                 write(QStringLiteral("app-1.1.json"), appReport(QStringLiteral("1.1"), 2))});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    static QString key(const char *tag, const char *vuln, const char *package)
    {
        return QStringLiteral("registry.example/%1|%2|%3")
            .arg(QLatin1String(tag), QLatin1String(vuln), QLatin1String(package));
    }

    // The findings' keys `findings` lists with these extra arguments.
    QStringList listed(const QString &db, const QStringList &more = {})
    {
        const Run r = cli(QStringList{QStringLiteral("findings"),
                                      QStringLiteral("--db"),
                                      db,
                                      QStringLiteral("--now"),
                                      kNow} +
                          more);
        QStringList keys;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            keys << v.toObject().value(QStringLiteral("image")).toString() + u'|' +
                        v.toObject().value(QStringLiteral("vulnerability")).toString() + u'|' +
                        v.toObject().value(QStringLiteral("package")).toString();
        keys.sort();
        return keys;
    }

    // Three decisions of every scope on workspace `db`, one of them an accepted risk.
    void decideThree(const QString &db)
    {
        const QList<QStringList> decisions{
            {QStringLiteral("--filter"),
             QStringLiteral("image ~ \"app1:1.0\" and vuln = \"CVE-2025-1000\""),
             QStringLiteral("--state"),
             QStringLiteral("not-affected"),
             QStringLiteral("--justification"),
             QStringLiteral("code_not_reachable"),
             QStringLiteral("--scope"),
             QStringLiteral("digest"),
             QStringLiteral("--reason"),
             QStringLiteral("TLS off; \"quoted\" <b>text</b>")},
            {QStringLiteral("--filter"),
             QStringLiteral("package = \"zlib\""),
             QStringLiteral("--state"),
             QStringLiteral("risk-accepted"),
             QStringLiteral("--until"),
             QStringLiteral("2025-12-31"),
             QStringLiteral("--scope"),
             QStringLiteral("repository"),
             QStringLiteral("--reason"),
             QStringLiteral("WAF rule 12")},
            {QStringLiteral("--filter"),
             QStringLiteral("image ~ \"app3\""),
             QStringLiteral("--state"),
             QStringLiteral("fixed"),
             QStringLiteral("--scope"),
             QStringLiteral("fleet"),
             QStringLiteral("--reason"),
             QStringLiteral("patched in the base"),
             QStringLiteral("--owner"),
             QStringLiteral("bo")}};
        for (const QStringList &d : decisions) {
            const Run r = decide(db, d);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Suppressed findings leave the ranking and the default listing; a filter on triage (or
    // suppressed), or --suppressed, lists them.
    void suppressedListedOnlyWhenAsked()
    {
        const QString db = workspace(QStringLiteral("listing.pw"));
        const QStringList all = listed(db);
        QCOMPARE(all.size(), 3);
        QCOMPARE(decide(db,
                        {QStringLiteral("--filter"),
                         QStringLiteral("package = \"zlib\""),
                         QStringLiteral("--state"),
                         QStringLiteral("false-positive"),
                         QStringLiteral("--scope"),
                         QStringLiteral("fleet"),
                         QStringLiteral("--reason"),
                         QStringLiteral("not shipped")})
                     .exitCode,
                 0);
        const QString zlib = key("app1:1.0", "CVE-2025-2000", "zlib");
        QVERIFY(!listed(db).contains(zlib));
        QCOMPARE(listed(db).size(), 2);
        QCOMPARE(
            listed(db, {QStringLiteral("--filter"), QStringLiteral("triage = false-positive")}),
            QStringList{zlib});
        QCOMPARE(listed(db, {QStringLiteral("--filter"), QStringLiteral("suppressed")}),
                 QStringList{zlib});
        QCOMPARE(listed(db, {QStringLiteral("--suppressed")}), all);
        // A filter on something else does not bring it back.
        QVERIFY(!listed(db, {QStringLiteral("--filter"), QStringLiteral("package ~ \"z\"")})
                     .contains(zlib));
    }

    // `decisions`: every decision with the findings it decides now — the most specific
    // wins, so the fleet decision does not count app1:1.0's finding, decided by its digest.
    void decisionsListWhatEachCovers()
    {
        const QString db = workspace(QStringLiteral("list.pw"));
        decideThree(db);
        const auto coverage = [&] {
            const Run r = cli({QStringLiteral("decisions"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--now"),
                               kNow,
                               QStringLiteral("--history")});
            QMap<QString, int> out;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
                const QJsonObject o = v.toObject();
                out.insert(o.value(QStringLiteral("scope")).toString() + u'|' +
                               o.value(QStringLiteral("package")).toString(),
                           o.value(QStringLiteral("coversNow")).toInt());
                // One change each so far: created by the decide that made it.
                const QJsonArray history = o.value(QStringLiteral("history")).toArray();
                if (history.size() != 1 ||
                    history.at(0).toObject().value(QStringLiteral("before")).toString() !=
                        QString())
                    out.insert(QStringLiteral("bad history"), int(history.size()));
            }
            return out;
        };
        QMap<QString, int> expected{{QStringLiteral("digest|openssl"), 1},
                                    {QStringLiteral("repository|zlib"), 1},
                                    {QStringLiteral("fleet|openssl"), 1}};
        QCOMPARE(coverage(), expected);
        importNextTag(db); // app1:1.1: zlib (repository) and openssl (fleet) once more
        expected[QStringLiteral("repository|zlib")] = 2;
        expected[QStringLiteral("fleet|openssl")] = 2;
        QCOMPARE(coverage(), expected);
        const Run r = cli({QStringLiteral("decisions"),
                           QStringLiteral("--db"),
                           db,
                           QStringLiteral("--now"),
                           QStringLiteral("2026-01-02T00:00:00Z")});
        bool expired = false;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            expired = expired || v.toObject().value(QStringLiteral("expired")).toBool();
        QVERIFY(expired); // the acceptance until 2025-12-31
    }

    // Decisions → `vex export` → `vex import` into a fresh workspace with the same scans:
    // the same decisions, the same findings decided, and the same export again.
    void vexExportImportRoundTrips()
    {
        const QString a = workspace(QStringLiteral("vex-a.pw"));
        decideThree(a);
        const QString out = m_dir.filePath(QStringLiteral("a.vex.json"));
        Run r = cli({QStringLiteral("vex"),
                     QStringLiteral("export"),
                     QStringLiteral("--db"),
                     a,
                     QStringLiteral("--out"),
                     out,
                     QStringLiteral("--now"),
                     kNow});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(exported.value(QStringLiteral("statements")).toArray().size(), 3);

        const QString b = workspace(QStringLiteral("vex-b.pw"));
        const auto before = states(b);
        // A dry run previews and records nothing.
        r = cli({QStringLiteral("vex"),
                 QStringLiteral("import"),
                 QStringLiteral("--db"),
                 b,
                 QStringLiteral("--dry-run"),
                 QStringLiteral("--now"),
                 kNow,
                 out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject preview = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(preview.value(QStringLiteral("decisions")).toInt(), 3);
        QCOMPARE(preview.value(QStringLiteral("changed")).toInt(), 0);
        const QJsonArray statements = preview.value(QStringLiteral("documents"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("statements"))
                                          .toArray();
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0).toObject().value(QStringLiteral("findings")).toInt(), 1);
        QCOMPARE(statements.at(0)
                     .toObject()
                     .value(QStringLiteral("matches"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("image"))
                     .toString(),
                 QStringLiteral("registry.example/app1:1.0"));
        QCOMPARE(states(b), before);

        r = cli({QStringLiteral("vex"),
                 QStringLiteral("import"),
                 QStringLiteral("--db"),
                 b,
                 QStringLiteral("--now"),
                 kNow,
                 out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changed")).toInt(),
                 3);
        QCOMPARE(states(b), states(a));
        QVERIFY(states(b) != before);
        // Importing it again changes nothing (no duplicates).
        r = cli({QStringLiteral("vex"),
                 QStringLiteral("import"),
                 QStringLiteral("--db"),
                 b,
                 QStringLiteral("--now"),
                 kNow,
                 out});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changed")).toInt(),
                 0);
        // B's export says what A's said, statement for statement.
        const QString outB = m_dir.filePath(QStringLiteral("b.vex.json"));
        QCOMPARE(cli({QStringLiteral("vex"),
                      QStringLiteral("export"),
                      QStringLiteral("--db"),
                      b,
                      QStringLiteral("--out"),
                      outB,
                      QStringLiteral("--now"),
                      kNow})
                     .exitCode,
                 0);
        QFile fileB(outB);
        QVERIFY(fileB.open(QIODevice::ReadOnly));
        const QJsonArray sa = exported.value(QStringLiteral("statements")).toArray();
        const QJsonArray sb = QJsonDocument::fromJson(fileB.readAll())
                                  .object()
                                  .value(QStringLiteral("statements"))
                                  .toArray();
        QCOMPARE(sb.size(), sa.size());
        for (qsizetype i = 0; i < sa.size(); ++i) {
            QJsonObject x = sa.at(i).toObject(), y = sb.at(i).toObject();
            x.remove(QStringLiteral("timestamp"));
            y.remove(QStringLiteral("timestamp"));
            QCOMPARE(y, x);
        }
    }

    // A statement that matches nothing says why; a broken document is refused, naming the
    // file and the place, and leaves the workspace as it was.
    void vexImportExplainsAndRefuses()
    {
        const QString db = workspace(QStringLiteral("vex-bad.pw"));
        const QString doc = write(QStringLiteral("team.vex.json"), kTeamVex);
        Run r = cli({QStringLiteral("vex"),
                     QStringLiteral("import"),
                     QStringLiteral("--db"),
                     db,
                     QStringLiteral("--matching-only"),
                     QStringLiteral("--now"),
                     kNow,
                     doc});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray statements = QJsonDocument::fromJson(r.out)
                                          .object()
                                          .value(QStringLiteral("documents"))
                                          .toArray()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("statements"))
                                          .toArray();
        const QJsonObject pinned = statements.at(0).toObject();
        QCOMPARE(pinned.value(QStringLiteral("findings")).toInt(), 0);
        QCOMPARE(pinned.value(QStringLiteral("imported")).toBool(), false); // --matching-only
        QVERIFY2(pinned.value(QStringLiteral("problems"))
                     .toArray()
                     .at(0)
                     .toString()
                     .contains(QStringLiteral("the statement is about version 9.9")),
                 r.out.constData());
        QCOMPARE(statements.at(1).toObject().value(QStringLiteral("findings")).toInt(), 2);
        QCOMPARE(states(db).value(key("app3:1.0", "CVE-2025-1000", "openssl")),
                 QStringLiteral("fixed"));

        const auto before = states(db);
        const QString broken = write(QStringLiteral("broken.vex.json"), kBrokenVex);
        r = cli({QStringLiteral("vex"),
                 QStringLiteral("import"),
                 QStringLiteral("--db"),
                 db,
                 doc,
                 broken});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("broken.vex.json: OpenVEX, at statements[1].status: unknown "
                                "status \"patched\""),
                 r.err.constData());
        QCOMPARE(states(db), before); // nothing of either file was recorded

        const QString fixture =
            QStringLiteral(PATCHWISE_FIXTURES_DIR "/cyclonedx/heimdall2--vex.json");
        if (!QFile::exists(fixture))
            QSKIP("shared/fixtures is not available");
        r = cli({QStringLiteral("vex"),
                 QStringLiteral("import"),
                 QStringLiteral("--db"),
                 db,
                 QStringLiteral("--dry-run"),
                 fixture});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("CVE-2020-25649 (or SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302) is "
                                "not reported in the workspace"),
                 r.out.constData());
    }

    void repositoryScopeFollowsNewTags()
    {
        const QString db = workspace(QStringLiteral("repo.pw"));
        const Run r = decide(db,
                             {QStringLiteral("--filter"),
                              QStringLiteral("image ~ \"app1:1.0\" and vuln = \"CVE-2025-1000\""),
                              QStringLiteral("--state"),
                              QStringLiteral("false-positive"),
                              QStringLiteral("--scope"),
                              QStringLiteral("repository"),
                              QStringLiteral("--reason"),
                              QStringLiteral("openssl is not linked")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changed")).toInt(),
                 1);
        importNextTag(db);
        const auto s = states(db);
        QCOMPARE(s.value(key("app1:1.0", "CVE-2025-1000", "openssl")),
                 QStringLiteral("false-positive"));
        QCOMPARE(s.value(key("app1:1.1", "CVE-2025-1000", "openssl")),
                 QStringLiteral("false-positive"));
        // Same vulnerability, other package / other repository: untouched.
        QCOMPARE(s.value(key("app1:1.1", "CVE-2025-2000", "zlib")), QStringLiteral("new"));
        QCOMPARE(s.value(key("app3:1.0", "CVE-2025-1000", "openssl")), QStringLiteral("new"));
        // The filter language sees the decisions.
        const Run fp = cli({QStringLiteral("findings"),
                            QStringLiteral("--db"),
                            db,
                            QStringLiteral("--now"),
                            kNow,
                            QStringLiteral("--filter"),
                            QStringLiteral("triage = false-positive")});
        QCOMPARE(fp.exitCode, 0);
        const QJsonArray decided = QJsonDocument::fromJson(fp.out).array();
        QCOMPARE(decided.size(), 2);
        for (const QJsonValue &v : decided) {
            QCOMPARE(v.toObject().value(QStringLiteral("vulnerability")).toString(),
                     QStringLiteral("CVE-2025-1000"));
            QVERIFY(v.toObject()
                        .value(QStringLiteral("image"))
                        .toString()
                        .contains(QStringLiteral("app1:")));
            // Out of the ranking: no rank.
            QVERIFY(v.toObject().value(QStringLiteral("rank")).isNull());
        }
        const Run ranked = cli({QStringLiteral("findings"),
                                QStringLiteral("--db"),
                                db,
                                QStringLiteral("--now"),
                                kNow,
                                QStringLiteral("--filter"),
                                QStringLiteral("triage = new")});
        const QJsonArray undecided = QJsonDocument::fromJson(ranked.out).array();
        QVERIFY(undecided.size() >= 3);
        for (const QJsonValue &v : undecided)
            QVERIFY(v.toObject().value(QStringLiteral("rank")).toInt() >= 1);
        // Out of the plan.
        const Run plan = cli(
            {QStringLiteral("plan"), QStringLiteral("--db"), db, QStringLiteral("--now"), kNow});
        for (const QJsonValue &a :
             QJsonDocument::fromJson(plan.out).object().value(QStringLiteral("actions")).toArray())
            for (const QJsonValue &k : a.toObject().value(QStringLiteral("findings")).toArray())
                QVERIFY2(!(k.toString().contains(QStringLiteral("CVE-2025-1000|openssl")) &&
                           !k.toString().startsWith(fleet::digest(3))),
                         qPrintable(k.toString()));
    }

    void digestScopeStaysWithTheImage()
    {
        const QString db = workspace(QStringLiteral("digest.pw"));
        QCOMPARE(decide(db,
                        {QStringLiteral("--filter"),
                         QStringLiteral("image ~ \"app1:1.0\" and vuln = \"CVE-2025-1000\""),
                         QStringLiteral("--state"),
                         QStringLiteral("not-affected"),
                         QStringLiteral("--justification"),
                         QStringLiteral("code_not_reachable"),
                         QStringLiteral("--scope"),
                         QStringLiteral("digest"),
                         QStringLiteral("--reason"),
                         QStringLiteral("TLS is off in this build")})
                     .exitCode,
                 0);
        importNextTag(db);
        const auto s = states(db);
        QCOMPARE(s.value(key("app1:1.0", "CVE-2025-1000", "openssl")),
                 QStringLiteral("not-affected"));
        QCOMPARE(s.value(key("app1:1.1", "CVE-2025-1000", "openssl")), QStringLiteral("new"));
    }

    void fleetScopeCoversEveryImage()
    {
        const QString db = workspace(QStringLiteral("fleet.pw"));
        QCOMPARE(decide(db,
                        {QStringLiteral("--filter"),
                         QStringLiteral("vuln = \"CVE-2025-1000\" and image ~ \"app3\""),
                         QStringLiteral("--state"),
                         QStringLiteral("exploitable"),
                         QStringLiteral("--scope"),
                         QStringLiteral("fleet"),
                         QStringLiteral("--reason"),
                         QStringLiteral("public exploit")})
                     .exitCode,
                 0);
        importNextTag(db);
        const auto s = states(db);
        QCOMPARE(s.value(key("app1:1.0", "CVE-2025-1000", "openssl")),
                 QStringLiteral("exploitable"));
        QCOMPARE(s.value(key("app1:1.1", "CVE-2025-1000", "openssl")),
                 QStringLiteral("exploitable"));
        QCOMPARE(s.value(key("app3:1.0", "CVE-2025-1000", "openssl")),
                 QStringLiteral("exploitable"));
        QCOMPARE(s.value(key("app1:1.0", "CVE-2025-2000", "zlib")), QStringLiteral("new"));
    }

    void acceptedRiskExpires()
    {
        const QString db = workspace(QStringLiteral("expiry.pw"));
        QCOMPARE(decide(db,
                        {QStringLiteral("--filter"),
                         QStringLiteral("package = \"zlib\""),
                         QStringLiteral("--state"),
                         QStringLiteral("risk-accepted"),
                         QStringLiteral("--until"),
                         QStringLiteral("2025-08-01"),
                         QStringLiteral("--scope"),
                         QStringLiteral("repository"),
                         QStringLiteral("--reason"),
                         QStringLiteral("compensating WAF rule")})
                     .exitCode,
                 0);
        const QString k = key("app1:1.0", "CVE-2025-2000", "zlib");
        QCOMPARE(states(db).value(k), QStringLiteral("risk-accepted"));
        // After the expiry the acceptance no longer applies: the finding is ranked again.
        QCOMPARE(states(db, QStringLiteral("2025-08-02T00:00:00Z")).value(k),
                 QStringLiteral("risk-accepted (expired)"));
        const Run later = cli({QStringLiteral("plan"),
                               QStringLiteral("--db"),
                               db,
                               QStringLiteral("--now"),
                               QStringLiteral("2025-08-02T00:00:00Z")});
        QVERIFY(later.out.contains("CVE-2025-2000|zlib"));
        const Run before = cli(
            {QStringLiteral("plan"), QStringLiteral("--db"), db, QStringLiteral("--now"), kNow});
        QVERIFY(!before.out.contains("CVE-2025-2000|zlib"));
        // risk-accepted without an expiry is refused.
        QCOMPARE(decide(db,
                        {QStringLiteral("--filter"),
                         QStringLiteral("package = \"zlib\""),
                         QStringLiteral("--state"),
                         QStringLiteral("risk-accepted"),
                         QStringLiteral("--scope"),
                         QStringLiteral("fleet"),
                         QStringLiteral("--reason"),
                         QStringLiteral("x")})
                     .exitCode,
                 2);
    }

    void reimportNeitherDuplicatesNorDrops()
    {
        const QString db = workspace(QStringLiteral("reimport.pw"));
        const QStringList args{QStringLiteral("--filter"),
                               QStringLiteral("image ~ \"app1\""),
                               QStringLiteral("--state"),
                               QStringLiteral("in-triage"),
                               QStringLiteral("--scope"),
                               QStringLiteral("repository"),
                               QStringLiteral("--reason"),
                               QStringLiteral("looking")};
        Run r = decide(db, args);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changed")).toInt(),
                 2);
        // The same decision again changes nothing and adds no history.
        r = decide(db, args);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("changed")).toInt(),
                 0);
        // Re-import the same report, then the next tag, twice.
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(
                cli({QStringLiteral("import"),
                     QStringLiteral("--db"),
                     db,
                     write(QStringLiteral("app-1.0.json"), appReport(QStringLiteral("1.0"), 1))})
                    .exitCode,
                0);
            importNextTag(db);
        }
        const auto s = states(db);
        QCOMPARE(s.value(key("app1:1.0", "CVE-2025-1000", "openssl")), QStringLiteral("in-triage"));
        QCOMPARE(s.value(key("app1:1.1", "CVE-2025-2000", "zlib")), QStringLiteral("in-triage"));
        // Decide again with a change: still two decisions (replaced, not added).
        r = decide(db,
                   {QStringLiteral("--filter"),
                    QStringLiteral("image ~ \"app1\""),
                    QStringLiteral("--state"),
                    QStringLiteral("exploitable"),
                    QStringLiteral("--scope"),
                    QStringLiteral("repository"),
                    QStringLiteral("--reason"),
                    QStringLiteral("confirmed")});
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("decisions")).toInt(), 2); // two (vuln, package) pairs
        QCOMPARE(o.value(QStringLiteral("changed")).toInt(), 2);
        QCOMPARE(states(db).value(key("app1:1.1", "CVE-2025-1000", "openssl")),
                 QStringLiteral("exploitable"));
    }
};

QTEST_GUILESS_MAIN(TestDecisions)
#include "tst_decisions.moc"
