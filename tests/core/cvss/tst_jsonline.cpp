// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON-lines contract of `patchwise-cli cvss`, and JSON escaping of hostile input.

#include "cvss/cvssjsonline.h"
#include "util/jsonescape.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace patchwise;

namespace {

QJsonObject parseLine(const std::string &line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(line), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "invalid JSON:" << QByteArray::fromStdString(line) << error.errorString();
    return doc.object();
}

} // namespace

class TestJsonLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v31Line()
    {
        const std::string line = cvss::jsonLine("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H");
        QCOMPARE(
            line,
            std::string(
                "{\"vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H\",\"version\":\"3.1\","
                "\"base\":9.6,\"temporal\":9.6,\"environmental\":9.7,\"severity\":\"CRITICAL\","
                "\"baseSeverity\":\"CRITICAL\",\"temporalSeverity\":\"CRITICAL\","
                "\"environmentalSeverity\":\"CRITICAL\"}"));
    }

    void v2NullGroups()
    {
        const QJsonObject o = parseLine(cvss::jsonLine("AV:L/AC:H/Au:M/C:N/I:N/A:N"));
        QCOMPARE(o.value(u"base").toDouble(), 0.0);
        QVERIFY(o.value(u"temporal").isNull());
        QVERIFY(o.value(u"environmentalSeverity").isNull());
        QCOMPARE(o.value(u"severity").toString(), QStringLiteral("LOW")); // NVD v2 scale: no NONE
    }

    void v4Fields()
    {
        const QJsonObject o = parseLine(cvss::jsonLine(
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:L/MVC:L"));
        QCOMPARE(o.value(u"base").toDouble(), 9.3);
        QCOMPARE(o.value(u"temporal").toDouble(), 8.9);
        QCOMPARE(o.value(u"environmental").toDouble(), 7.8);
        QCOMPARE(o.value(u"score").toDouble(), 7.8);
        QCOMPARE(o.value(u"severity").toString(), QStringLiteral("HIGH"));
        QCOMPARE(o.value(u"baseSeverity").toString(), QStringLiteral("CRITICAL"));
        QCOMPARE(o.value(u"nomenclature").toString(), QStringLiteral("CVSS-BTE"));
        QCOMPARE(o.value(u"macroVector").toString(), QStringLiteral("001210"));
    }

    void inputIsTrimmed()
    {
        const QJsonObject o = parseLine(cvss::jsonLine("  AV:N/AC:L/Au:N/C:P/I:P/A:P\r\n"));
        QCOMPARE(o.value(u"vector").toString(), QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        QCOMPARE(o.value(u"base").toDouble(), 7.5);
    }

    void unicodeWhitespaceIsTrimmed()
    {
        // Leading/trailing whitespace is trimmed in the Unicode sense (NBSP, U+3000, …).
        const QJsonObject o = parseLine(cvss::jsonLine("\xc2\xa0\x1f"
                                                       "AV:N/AC:L/Au:N/C:P/I:P/A:P"
                                                       "\xe3\x80\x80\r"));
        QCOMPARE(o.value(u"vector").toString(), QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        QCOMPARE(o.value(u"base").toDouble(), 7.5);
    }

    void hostileInputStaysValidJson_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("quotes and backslashes") << QByteArray("CVSS:3.1/AV:\"\\N");
        QTest::newRow("control characters") << QByteArray("CVSS:3.1/AV:\x01\x1b[31m");
        QTest::newRow("invalid utf-8") << QByteArray("CVSS:3.1/AV:\xff\xfe\xc0\xaf");
        QTest::newRow("nul byte") << QByteArray("AV:N/AC:L\0/Au:N", 16);
        QTest::newRow("emoji") << QByteArray("CVSS:3.1/AV:\xf0\x9f\x98\x80");
        QTest::newRow("long") << QByteArray(100000, 'A');
    }

    void hostileInputStaysValidJson()
    {
        QFETCH(QByteArray, input);
        const std::string line = cvss::jsonLine(std::string_view(input.constData(), input.size()));
        const QJsonObject o = parseLine(line);
        QVERIFY(!o.isEmpty());
        QVERIFY(o.contains(u"error"));
        QVERIFY(!o.value(u"error").toString().isEmpty());
        QVERIFY(o.value(u"error").toString().size() < 200);
        QVERIFY(line.find('\n') == std::string::npos);
    }

    void escaping()
    {
        std::string out;
        appendJsonString(out, std::string_view("a\"b\\c\n\x7f\xe2\x82\xac\xed\xa0\x80", 13));
        QCOMPARE(out, std::string("\"a\\\"b\\\\c\\n\\u007f\xe2\x82\xac\\ufffd\\ufffd\\ufffd\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonLine)
#include "tst_jsonline.moc"
