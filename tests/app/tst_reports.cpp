// SPDX-License-Identifier: GPL-3.0-or-later
// Reports out of patchwise-cli: the PDF plan read back with pdftotext (poppler-utils) against
// `plan --format json`, and the CSV outputs parsed with a strict RFC 4180 reader against the
// JSON ones. The workspace is the bundled demo fleet (resources/demo/data) plus a report of
// hostile strings.

#include "csvreader.h"
#include "hostilereport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run cli(const QStringList &args)
{
    return run(QStringLiteral(PATCHWISE_CLI), args);
}

// Text without any whitespace: table cells wrap, so words may be split across lines.
QString squeezed(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    return text;
}

QString number1(double v)
{
    return QString::number(v, 'f', 1);
}

const char *const kNow = "2026-11-28T00:00:00Z";

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_pdftotext;

    QStringList base() const
    {
        return {QStringLiteral("--db"), m_db, QStringLiteral("--now"), QLatin1String(kNow)};
    }

    // `plan --format pdf --out FILE` with more arguments, at the fixed analysis time.
    Run planPdf(const QString &pdf, const QStringList &more = {}) const
    {
        return cli(QStringList{QStringLiteral("plan"),
                               QStringLiteral("--format"),
                               QStringLiteral("pdf"),
                               QStringLiteral("--out"),
                               pdf} +
                   more + base());
    }

    QString pdfText(const QString &pdf, bool raw = true)
    {
        const Run r = run(
            m_pdftotext,
            {raw ? QStringLiteral("-raw") : QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        if (r.exitCode != 0)
            qWarning("pdftotext failed: %s", r.err.constData());
        return QString::fromUtf8(r.out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("demo.pw"));
        const QString hostile = m_dir.filePath(QStringLiteral("hostile.json"));
        QFile f(hostile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hostileTrivy());
        f.close();
        const Run imported = cli({QStringLiteral("import"),
                                  QStringLiteral("--db"),
                                  m_db,
                                  QStringLiteral(PATCHWISE_DEMO_DATA),
                                  hostile});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    }

    void pdfHoldsWhatTheJsonPlanSays()
    {
        if (m_pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; packaging/install-deps.sh adds it");
        Run r = cli(QStringList{QStringLiteral("plan")} + base());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out).object();
        const QJsonArray actions = plan.value(QStringLiteral("actions")).toArray();
        QVERIFY(actions.size() > 50);
        const QString pdf = m_dir.filePath(QStringLiteral("plan.pdf"));
        r = planPdf(pdf,
                    {QStringLiteral("--listed"),
                     QStringLiteral("100000"),
                     QStringLiteral("--detailed"),
                     QStringLiteral("5"),
                     QStringLiteral("--findings-per-action"),
                     QStringLiteral("10")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty()); // the PDF goes to the file only
        const QString text = pdfText(pdf);
        const QString flat = squeezed(text);
        QVERIFY(text.size() > 1000);

        // Pages: numbered "Page N of M" on every page.
        const QRegularExpression pageRe(QStringLiteral("Page (\\d+) of (\\d+)"));
        int pages = 0, of = 0;
        for (auto it = pageRe.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            ++pages;
            QCOMPARE(m.captured(1).toInt(), pages);
            of = m.captured(2).toInt();
        }
        QVERIFY(pages >= 5);
        QCOMPARE(pages, of);

        // Totals.
        const QJsonObject summary = plan.value(QStringLiteral("summary")).toObject();
        const QJsonObject sev = summary.value(QStringLiteral("bySeverity")).toObject();
        const int open = summary.value(QStringLiteral("openFindings")).toInt();
        QVERIFY(open > 1000);
        QVERIFY2(flat.contains(squeezed(
                     QStringLiteral("The scope holds %1 open findings in %2 "
                                    "images, %3 running containers")
                         .arg(open)
                         .arg(summary.value(QStringLiteral("images")).toInt())
                         .arg(summary.value(QStringLiteral("runningContainers")).toInt()))),
                 "summary sentence");
        QString severityRow = QStringLiteral("Byeffectiveseverity");
        for (const char *key : {"critical", "high", "medium", "low", "unknown"})
            severityRow += QString::number(sev.value(QLatin1String(key)).toInt());
        severityRow += QString::number(open);
        QVERIFY2(flat.contains(severityRow), qPrintable(severityRow));
        QVERIFY(flat.contains(
            squeezed(QStringLiteral("%1 findings are past their SLA")
                         .arg(summary.value(QStringLiteral("slaBreaches")).toInt()))));
        QVERIFY(flat.contains(
            squeezed(QStringLiteral("Total risk %1")
                         .arg(number1(summary.value(QStringLiteral("totalRisk")).toDouble())))));
        const QJsonObject grades = summary.value(QStringLiteral("grades")).toObject();
        for (const QString &g : grades.keys())
            QVERIFY2(flat.contains(g + u':' + QString::number(grades.value(g).toInt())),
                     qPrintable(g));

        // Every action, in plan order, with its counts from the JSON.
        qsizetype at = flat.indexOf(QStringLiteral("3Actions,inorder"));
        QVERIFY(at > 0);
        for (const QJsonValue &v : actions) {
            const QJsonObject a = v.toObject();
            const QJsonObject by = a.value(QStringLiteral("bySeverity")).toObject();
            QString cells;
            for (const char *key : {"critical", "high", "medium", "low", "unknown"})
                cells += QString::number(by.value(QLatin1String(key)).toInt()) + u'/';
            cells.chop(1);
            cells += QString::number(a.value(QStringLiteral("images")).toInt()) +
                     QString::number(a.value(QStringLiteral("runningContainers")).toInt()) +
                     number1(a.value(QStringLiteral("riskRemoved")).toDouble());
            const qsizetype found = flat.indexOf(cells, at + 1);
            QVERIFY2(found > at,
                     qPrintable(QStringLiteral("action %1: \"%2\" not after position %3")
                                    .arg(a.value(QStringLiteral("rank")).toInt())
                                    .arg(cells)
                                    .arg(at)));
            const QString target = squeezed(a.value(QStringLiteral("target")).toString());
            QVERIFY2(target.isEmpty() || flat.mid(at, found - at + 400).contains(target),
                     qPrintable(target));
            at = found;
        }
        QVERIFY2(!flat.contains(QStringLiteral("moreactions")), "every action was listed");

        // Details for the first five, each findings table capped at ten rows.
        for (int rank = 1; rank <= 5; ++rank) {
            const QJsonObject a = actions.at(rank - 1).toObject();
            QVERIFY(text.contains(QStringLiteral("#%1 ").arg(rank)));
            const int findings = a.value(QStringLiteral("findings")).toArray().size();
            if (findings > 10)
                QVERIFY2(flat.contains(QStringLiteral("…and%1morefindings").arg(findings - 10)),
                         qPrintable(QString::number(rank)));
        }
        QVERIFY(!text.contains(QStringLiteral("#6 ")));
        // The appendix: the policy, as JSON that loads back.
        QVERIFY(text.contains(QStringLiteral("Appendix")));
        QVERIFY(flat.contains(QStringLiteral("\"name\":\"Patchwisedefault\"")));
    }

    void pdfScopeFollowsTheFilter()
    {
        if (m_pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QStringList filter{QStringLiteral("--filter"),
                                 QStringLiteral("kev and severity >= high")};
        Run r = cli(QStringList{QStringLiteral("plan")} + filter + base());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out).object();
        const int open = plan.value(QStringLiteral("summary"))
                             .toObject()
                             .value(QStringLiteral("openFindings"))
                             .toInt();
        // The scope's size is what `findings` selects with the same filter.
        r = cli(QStringList{QStringLiteral("findings")} + filter + base());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray selected = QJsonDocument::fromJson(r.out).array();
        int selectedOpen = 0;
        for (const QJsonValue &v : selected)
            selectedOpen += v.toObject().value(QStringLiteral("resolvedAt")).isNull() &&
                            !v.toObject().value(QStringLiteral("suppressed")).toBool();
        QVERIFY(open > 0);
        QCOMPARE(open, selectedOpen);
        // Every finding in the plan is one the filter selected.
        int inActions = 0;
        for (const QJsonValue &a : plan.value(QStringLiteral("actions")).toArray())
            inActions += a.toObject().value(QStringLiteral("findings")).toArray().size();
        QCOMPARE(inActions, open);

        const QString pdf = m_dir.filePath(QStringLiteral("kev.pdf"));
        r = planPdf(pdf, filter);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString flat = squeezed(pdfText(pdf));
        QVERIFY(flat.contains(
            squeezed(QStringLiteral("Open findings matching: kev and severity >= high"))));
        QVERIFY(
            flat.contains(squeezed(QStringLiteral("The scope holds %1 open findings").arg(open))));
    }

    void pdfShowsScanTextAsText()
    {
        if (m_pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString pdf = m_dir.filePath(QStringLiteral("hostile.pdf"));
        const QStringList filter{QStringLiteral("--filter"), QStringLiteral("image ~ \"hostile\"")};
        const Run r = planPdf(pdf, filter);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The markup is printed, character for character, not interpreted.
        QVERIFY(squeezed(pdfText(pdf))
                    .contains(squeezed(QStringLiteral("<b>bold</b><img src=x onerror=alert(1)>"))));
    }

    void failedPdfLeavesNoFile()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("no/such/folder/plan.pdf"));
        const Run r = planPdf(pdf);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("plan.pdf"), r.err.constData()); // names the file
        QVERIFY(!QFile::exists(pdf));
        // pdf without --out, and pdf-only options elsewhere, are usage errors.
        QCOMPARE(cli(QStringList{QStringLiteral("plan"),
                                 QStringLiteral("--format"),
                                 QStringLiteral("pdf")} +
                     base())
                     .exitCode,
                 2);
        QCOMPARE(cli(QStringList{QStringLiteral("plan"),
                                 QStringLiteral("--detailed"),
                                 QStringLiteral("3")} +
                     base())
                     .exitCode,
                 2);
    }

    void findingsCsvMatchesJson()
    {
        const QStringList args =
            QStringList{QStringLiteral("findings"),
                        QStringLiteral("--filter"),
                        QStringLiteral("severity >= high or image ~ \"hostile\""),
                        QStringLiteral("--sort"),
                        QStringLiteral("package,-risk")} +
            base();
        Run r = cli(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray json = QJsonDocument::fromJson(r.out).array();
        QVERIFY(json.size() > 100);
        r = cli(args + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(r.exitCode, 0);
        const csvreader::Parsed parsed = csvreader::parse(r.out);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const auto rows = csvreader::rows(parsed);
        QVERIFY(rows);
        QCOMPARE(rows->size(), json.size());
        // Same rows in the same order, same values (lists joined with "; ", CSV cells
        // neutralised).
        const auto text = [](const QJsonValue &v) {
            if (v.isNull() || v.isUndefined())
                return QString();
            if (v.isBool())
                return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            if (v.isArray()) {
                QStringList parts;
                for (const QJsonValue &item : v.toArray())
                    parts << item.toString();
                return parts.join(QStringLiteral("; "));
            }
            return v.isDouble() ? QString() : v.toString();
        };
        for (qsizetype i = 0; i < json.size(); ++i) {
            const QJsonObject o = json.at(i).toObject();
            const auto &row = rows->at(i);
            for (const char *key : {"vulnerability",
                                    "aliases",
                                    "title",
                                    "description",
                                    "image",
                                    "imageDigest",
                                    "package",
                                    "installedVersion",
                                    "fixedVersions",
                                    "effectiveSeverity",
                                    "decision",
                                    "slaDue",
                                    "kev"})
                QVERIFY2(row.value(QLatin1String(key)) ==
                             csvreader::neutralised(text(o.value(QLatin1String(key)))),
                         qPrintable(QStringLiteral("row %1 %2: \"%3\" vs \"%4\"")
                                        .arg(i)
                                        .arg(QLatin1String(key),
                                             row.value(QLatin1String(key)),
                                             text(o.value(QLatin1String(key))))));
            for (const char *key : {"rank", "riskScore", "runningContainers"})
                QCOMPARE(row.value(QLatin1String(key)).toDouble(),
                         o.value(QLatin1String(key)).toDouble());
        }
        // The hostile description and title come out as text, not as formulas.
        bool seen = false;
        for (const auto &row : *rows)
            if (row.value(QStringLiteral("vulnerability")) == QLatin1String("CVE-2026-99901")) {
                seen = true;
                QVERIFY(row.value(QStringLiteral("description"))
                            .startsWith(QStringLiteral("'=HYPERLINK(")));
                QVERIFY(
                    row.value(QStringLiteral("title")).startsWith(QStringLiteral("'=HYPERLINK(")));
                QVERIFY(row.value(QStringLiteral("package")).startsWith(QStringLiteral("<b>")));
            }
        QVERIFY(seen);
    }

    void planCsvRowsMatchJson()
    {
        Run r = cli(QStringList{QStringLiteral("plan")} + base());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray actions =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("actions")).toArray();

        // One row per action.
        r = cli(
            QStringList{QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("csv")} +
            base());
        QCOMPARE(r.exitCode, 0);
        const csvreader::Parsed parsed = csvreader::parse(r.out);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const auto rows = csvreader::rows(parsed);
        QVERIFY(rows);
        QCOMPARE(rows->size(), actions.size());
        for (qsizetype i = 0; i < actions.size(); ++i) {
            const QJsonObject a = actions.at(i).toObject();
            const auto &row = rows->at(i);
            QCOMPARE(row.value(QStringLiteral("rank")).toInt(),
                     a.value(QStringLiteral("rank")).toInt());
            QCOMPARE(row.value(QStringLiteral("kind")), a.value(QStringLiteral("kind")).toString());
            QCOMPARE(row.value(QStringLiteral("target")),
                     csvreader::neutralised(a.value(QStringLiteral("target")).toString()));
            QCOMPARE(row.value(QStringLiteral("riskRemoved")).toDouble(),
                     a.value(QStringLiteral("riskRemoved")).toDouble());
            QCOMPARE(row.value(QStringLiteral("findingsFixed")).toInt(),
                     a.value(QStringLiteral("findingsFixed")).toInt());
        }

        // One row per finding, with its action.
        r = cli(QStringList{QStringLiteral("plan"),
                            QStringLiteral("--format"),
                            QStringLiteral("csv"),
                            QStringLiteral("--rows"),
                            QStringLiteral("findings")} +
                base());
        QCOMPARE(r.exitCode, 0);
        const csvreader::Parsed perFinding = csvreader::parse(r.out);
        QVERIFY2(perFinding.error.isEmpty(), qPrintable(perFinding.error));
        const auto findingRows = csvreader::rows(perFinding);
        QVERIFY(findingRows);
        QMap<int, QSet<QString>> expected;
        int total = 0;
        for (const QJsonValue &v : actions) {
            const QJsonObject a = v.toObject();
            for (const QJsonValue &k : a.value(QStringLiteral("findings")).toArray())
                expected[a.value(QStringLiteral("rank")).toInt()].insert(k.toString());
            total += a.value(QStringLiteral("findings")).toArray().size();
        }
        QCOMPARE(findingRows->size(), total);
        QMap<int, QSet<QString>> seen;
        int lastRank = 0;
        for (const auto &row : *findingRows) {
            const int rank = row.value(QStringLiteral("actionRank")).toInt();
            QVERIFY(rank >= lastRank);
            lastRank = rank;
            seen[rank].insert(row.value(QStringLiteral("finding")));
        }
        QCOMPARE(seen, expected);
        // Hostile cells are neutralised: a spreadsheet sees text, not a formula.
        bool hostileSeen = false;
        for (const auto &row : *findingRows)
            if (row.value(QStringLiteral("vulnerability")) == QLatin1String("CVE-2026-99902")) {
                hostileSeen = true;
                QCOMPARE(row.value(QStringLiteral("package")), QStringLiteral("'+plus-package"));
                QCOMPARE(row.value(QStringLiteral("installedVersion")), QStringLiteral("'@2.0"));
                QCOMPARE(row.value(QStringLiteral("fixedVersions")), QStringLiteral("'-3.0"));
            }
        QVERIFY(hostileSeen);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
