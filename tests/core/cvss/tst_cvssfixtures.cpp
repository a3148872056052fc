// SPDX-License-Identifier: GPL-3.0-or-later
// Agreement with every CVSS reference file in shared/fixtures/cvss (read in place).

#include "cvss/cvssjsonline.h"
#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <cmath>
#include <optional>

using namespace patchwise::cvss;

namespace {

QString cvssDir()
{
    return QStringLiteral(PATCHWISE_FIXTURES_DIR "/cvss");
}

QStringList readLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            lines << line;
    }
    return lines;
}

// "5.9" / "None" / "NaN" / "-0.0" to tenths; std::nullopt for an undefined group.
std::optional<int> tenths(QString text)
{
    text = text.trimmed();
    if (text == u"None" || text == u"NaN" || text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok)
        return -999;
    return static_cast<int>(std::lround(std::abs(d) * 10));
}

std::optional<int> asOpt(Tenths t)
{
    return t == NoScore ? std::nullopt : std::optional<int>(t);
}

struct Tally
{
    int checked = 0;
    int mismatches = 0;
    void fail(const QString &what)
    {
        if (++mismatches <= 10)
            qWarning().noquote() << what;
    }
};

std::optional<Scores> scoreOf(const QString &vectorText)
{
    const QByteArray utf8 = vectorText.toUtf8();
    const auto parsed = Vector::parse(std::string_view(utf8.constData(), utf8.size()));
    if (!parsed)
        return std::nullopt;
    return score(*parsed);
}

QString show(std::optional<int> t)
{
    return t ? QString::number(*t / 10.0, 'f', 1) : QStringLiteral("None");
}

} // namespace

class TestCvssFixtures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDir(cvssDir()).exists())
            QSKIP("shared/fixtures/cvss is not available");
    }

    void redhat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("minimumLines");
        for (auto [name, lines] : {std::pair{"vectors_simple2", 729},
                                   {"vectors_calculator2", 5},
                                   {"vectors_cvsslib2", 24},
                                   {"vectors_simple3", 2592},
                                   {"vectors_simple31", 2592},
                                   {"vectors_calculator3", 2},
                                   {"vectors_cvsslib3", 29},
                                   {"vectors_simple4", 1058},
                                   {"vectors_threat4", 6},
                                   {"vectors_security4", 54},
                                   {"vectors_supplemental4", 576}})
            QTest::newRow(name) << QString::fromLatin1(name) << lines;
    }

    // "VECTOR - (BASE, TEMPORAL, ENVIRONMENTAL)" (v2/v3) or "VECTOR - SCORE" / "(SCORE,)" (v4).
    void redhat()
    {
        QFETCH(QString, file);
        QFETCH(int, minimumLines);
        const QStringList lines = readLines(cvssDir() + u"/redhat-cvss/" + file);
        QVERIFY(lines.size() >= minimumLines);
        Tally tally;
        for (const QString &line : lines) {
            const qsizetype sep = line.indexOf(QLatin1String(" - "));
            QVERIFY2(sep > 0, qPrintable(line));
            const QString vector = line.left(sep);
            QString rest = line.mid(sep + 3).remove(u'(').remove(u')');
            const QStringList expected = rest.split(u',', Qt::SkipEmptyParts);
            const auto s = scoreOf(vector);
            ++tally.checked;
            if (!s) {
                tally.fail(u"rejected: " + vector);
                continue;
            }
            std::optional<int> got[3] = {s->base, asOpt(s->temporal), asOpt(s->environmental)};
            if (s->version == Version::V4_0) {
                if (expected.size() != 1 ||
                    tenths(expected[0]) != std::optional<int>(s->environmental))
                    tally.fail(vector + u" expected " + rest + u" got " + show(s->environmental));
                continue;
            }
            QCOMPARE(expected.size(), 3);
            for (int k = 0; k < 3; ++k) {
                if (tenths(expected[k]) != got[k])
                    tally.fail(vector + u" expected " + rest + u" got " + show(got[0]) + u", " +
                               show(got[1]) + u", " + show(got[2]));
            }
        }
        QCOMPARE(tally.mismatches, 0);
    }

    void oracle_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *v : {"2.0", "3.0", "3.1", "4.0"})
            QTest::newRow(v) << QStringLiteral("oracle-v%1.jsonl").arg(QLatin1String(v));
    }

    // The whole JSON-lines contract: every key and value of the reference scorer's line
    // (numbers as numbers), error messages word for word.
    void oracle()
    {
        QFETCH(QString, file);
        const QStringList lines = readLines(cvssDir() + u"/generated/" + file);
        QCOMPARE(lines.size(), 5300);
        Tally tally;
        int errors = 0;
        for (const QString &line : lines) {
            const QJsonObject expected = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY(!expected.isEmpty());
            const QByteArray input = expected.value(u"vector").toString().toUtf8();
            const std::string out = jsonLine(std::string_view(input.constData(), input.size()));
            QJsonParseError parseError;
            const QJsonObject got =
                QJsonDocument::fromJson(QByteArray::fromStdString(out), &parseError).object();
            QCOMPARE(parseError.error, QJsonParseError::NoError);
            ++tally.checked;
            errors += expected.contains(u"error");
            QStringList keys = expected.keys();
            keys.removeAll(QStringLiteral("engine"));
            QStringList gotKeys = got.keys();
            keys.sort();
            gotKeys.sort();
            if (keys != gotKeys) {
                tally.fail(u"keys differ: " + line + u" vs " + QString::fromStdString(out));
                continue;
            }
            for (const QString &key : keys) {
                const QJsonValue e = expected.value(key), g = got.value(key);
                const bool same = e.isDouble() && g.isDouble()
                                      ? std::abs(e.toDouble() - g.toDouble()) < 1e-9
                                      : e == g;
                if (!same) {
                    tally.fail(key + u": " + line + u"\n   got " + QString::fromStdString(out));
                    break;
                }
            }
        }
        QCOMPARE(errors, 300);
        QCOMPARE(tally.mismatches, 0);
    }

    // 468 vectors on which binary floating point rounds the wrong way.
    void edgeRounding()
    {
        const QStringList lines = readLines(cvssDir() + u"/generated/edge-rounding.jsonl");
        QCOMPARE(lines.size(), 468);
        Tally tally;
        for (const QString &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            const QString vector = o.value(u"vector").toString();
            const QJsonObject expected = o.value(u"expected").toObject();
            const auto s = scoreOf(vector);
            if (!s) {
                tally.fail(u"rejected: " + vector);
                continue;
            }
            const std::pair<const char16_t *, std::optional<int>> fields[] = {
                {u"base", s->base},
                {u"temporal", asOpt(s->temporal)},
                {u"environmental", asOpt(s->environmental)},
                {u"score", s->environmental}};
            for (const auto &[key, got] : fields) {
                const QJsonValue e = expected.value(QString::fromUtf16(key));
                if (e.isUndefined())
                    continue;
                const std::optional<int> want =
                    e.isNull() ? std::nullopt : std::optional<int>(std::lround(e.toDouble() * 10));
                if (want != got)
                    tally.fail(QString::fromUtf16(key) + u": " + vector + u" expected " +
                               show(want) + u" got " + show(got));
            }
        }
        QCOMPARE(tally.mismatches, 0);
    }

    // metaeffekt files. Its README documents the v2.0 and v3.0 temporal/environmental
    // columns as float-rounded (wrong), so only their base scores are compared; v3.1 and
    // v4.0 are compared in full.
    void metaeffekt_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("fullCompare");
        QTest::addColumn<int>("lineCount");
        QTest::newRow("2.0-001") << QStringLiteral("cvss-2.0-validation-vectors-001.txt")
                                 << QString() << false << 10000;
        QTest::newRow("3.0-001") << QStringLiteral("cvss-3.0-validation-vectors-001.txt")
                                 << QStringLiteral("CVSS:3.0/") << false << 9000;
        QTest::newRow("3.0-002") << QStringLiteral("cvss-3.0-validation-vectors-002.txt")
                                 << QStringLiteral("CVSS:3.0/") << false << 120;
        QTest::newRow("3.1-001") << QStringLiteral("cvss-3.1-validation-vectors-001.txt")
                                 << QString() << true << 10000;
    }

    void metaeffekt()
    {
        QFETCH(QString, file);
        QFETCH(QString, prefix);
        QFETCH(bool, fullCompare);
        QFETCH(int, lineCount);
        const QStringList lines = readLines(cvssDir() + u"/metaeffekt/" + file);
        Tally tally;
        for (const QString &line : lines) {
            if (line.startsWith(u'#'))
                continue;
            const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
            QVERIFY(f.size() == 4 || f.size() == 8);
            const bool v3_0Layout = f.size() == 4; // VECTOR BASE TEMPORAL ENVIRONMENTAL
            const auto s = scoreOf(prefix + f[0]);
            ++tally.checked;
            if (!s) {
                tally.fail(u"rejected: " + f[0]);
                continue;
            }
            const std::optional<int> base = tenths(v3_0Layout ? f[1] : f[2]);
            const std::optional<int> temporal = tenths(v3_0Layout ? f[2] : f[5]);
            const std::optional<int> env = tenths(v3_0Layout ? f[3] : f[6]);
            if (base != std::optional<int>(s->base))
                tally.fail(u"base " + line + u" got " + show(s->base));
            if (!fullCompare)
                continue;
            if (temporal && temporal != std::optional<int>(s->temporal))
                tally.fail(u"temporal " + line + u" got " + show(s->temporal));
            if (env && env != std::optional<int>(s->environmental))
                tally.fail(u"environmental " + line + u" got " + show(s->environmental));
        }
        QCOMPARE(tally.checked, lineCount);
        QCOMPARE(tally.mismatches, 0);
    }

    // "VECTOR MACROVECTOR SCORE". File 001 writes 294 vectors out of the prescribed order,
    // which a strict parser must reject; the rest must agree.
    void metaeffektV4_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("expectedRejected");
        QTest::newRow("001") << QStringLiteral("cvss-4.0-validation-vectors-001.txt") << 294;
        QTest::newRow("002") << QStringLiteral("cvss-4.0-validation-vectors-002.txt") << 0;
    }

    void metaeffektV4()
    {
        QFETCH(QString, file);
        QFETCH(int, expectedRejected);
        const QStringList lines = readLines(cvssDir() + u"/metaeffekt/" + file);
        QVERIFY(lines.size() >= 340);
        Tally tally;
        int rejected = 0;
        for (const QString &line : lines) {
            const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(f.size(), 3);
            const QByteArray utf8 = f[0].toUtf8();
            const auto parsed = Vector::parse(std::string_view(utf8.constData(), utf8.size()));
            if (!parsed) {
                ++rejected;
                if (!QString::fromStdString(parsed.error())
                         .contains(u"out of the prescribed v4.0 order"))
                    tally.fail(u"unexpected rejection: " + f[0] + u": " +
                               QString::fromStdString(parsed.error()));
                continue;
            }
            const Scores s = score(*parsed);
            if (QString::fromStdString(macroVectorString(s)) != f[1] ||
                tenths(f[2]) != std::optional<int>(s.environmental))
                tally.fail(line + u" got " + QString::fromStdString(macroVectorString(s)) + u" " +
                           show(s.environmental));
        }
        QCOMPARE(rejected, expectedRejected);
        QCOMPARE(tally.mismatches, 0);
    }

    void noAmbiguousRoundingInV3Tables()
    {
        // Every rounding decision that involved the ^15/^13 power terms was taken with a
        // margin of at least 1e-20 (binary128 carries ~34 significant digits).
        QCOMPARE(detail::v3AmbiguousRoundings(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCvssFixtures)
#include "tst_cvssfixtures.moc"
