// SPDX-License-Identifier: GPL-3.0-or-later
// Every class of vector validation error, with the exact message a user sees.

#include "cvss/cvssvector.h"

#include <QTest>

using namespace patchwise::cvss;

namespace {

QString errorOf(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const auto parsed = Vector::parse(std::string_view(utf8.constData(), utf8.size()));
    return parsed ? QString() : QString::fromStdString(parsed.error());
}

const QString v2 = QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P");
const QString v31 = QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
const QString v40 =
    QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");

} // namespace

class TestCvssValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejects_data()
    {
        QTest::addColumn<QString>("vector");
        QTest::addColumn<QString>("error");
        auto row = [](const char *name, const QString &vector, const char *error) {
            QTest::newRow(name) << vector << QString::fromUtf8(error);
        };
        row("empty", QString(), "empty vector");
        row("space inside",
            QStringLiteral("AV:N /AC:L/Au:N/C:P/I:P/A:P"),
            "whitespace inside vector");
        row("tab inside", QStringLiteral("CVSS:3.1/AV:N\t/AC:L"), "whitespace inside vector");
        row("no-break space inside",
            QStringLiteral("CVSS:3.1/AV:N/AC:L\u00a0/PR:N"),
            "whitespace inside vector");
        row("ideographic space inside",
            QStringLiteral("AV:N/\u3000AC:L"),
            "whitespace inside vector");
        row("space in prefix", QStringLiteral("CVSS :3.1/AV:N"), "whitespace inside vector");
        row("lower-case prefix",
            QStringLiteral("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "prefix must be upper-case \"CVSS:\"");
        row("mixed-case prefix",
            QStringLiteral("Cvss:4.0/AV:N"),
            "prefix must be upper-case \"CVSS:\"");
        row("v2 prefix",
            QStringLiteral("CVSS:2.0/") + v2,
            "unsupported or malformed version prefix \"CVSS:2.0/\"");
        row("v3.2 prefix",
            QStringLiteral("CVSS:3.2/AV:N"),
            "unsupported or malformed version prefix \"CVSS:3.2/\"");
        row("no version",
            QStringLiteral("CVSS:/AV:N"),
            "unsupported or malformed version prefix \"CVSS:/\"");
        row("v3 without minor",
            QStringLiteral("CVSS:3/AV:N"),
            "unsupported or malformed version prefix \"CVSS:3/\"");
        row("prefix without colon",
            QStringLiteral("CVSS3.1/AV:N"),
            "malformed metric component \"CVSS3.1\"");
        row("double slash v2",
            QStringLiteral("AV:N//AC:L/Au:N/C:P/I:P/A:P"),
            "empty metric component in v2 vector");
        row("trailing slash v3.1", v31 + u'/', "empty metric component in v3.1 vector");
        row("trailing slash v4.0", v40 + u'/', "empty metric component in v4.0 vector");
        row("prefix only with slash",
            QStringLiteral("CVSS:3.0/"),
            "empty metric component in v3.0 vector");
        row("bare prefix",
            QStringLiteral("CVSS:3.1"),
            "unsupported or malformed version prefix \"CVSS:3.1\"");
        row("prefix only",
            QStringLiteral("CVSS:"),
            "unsupported or malformed version prefix \"CVSS:\"");
        row("missing colon",
            QStringLiteral("AV:N/ACL/Au:N/C:P/I:P/A:P"),
            "malformed metric component \"ACL\"");
        row("two colons",
            QStringLiteral("CVSS:3.1/AV:N:L/AC:L"),
            "invalid value \"N:L\" for v3.1 metric AV");
        row("unknown v2 metric", v2 + u"/PR:N", "unknown v2 metric \"PR\"");
        row("v2 metric in v3.1",
            QStringLiteral("CVSS:3.1/AV:N/AC:L/Au:N"),
            "unknown v3.1 metric \"Au\"");
        row("v4 metric in v3.0",
            QStringLiteral("CVSS:3.0/AV:N/AC:L/AT:N"),
            "unknown v3.0 metric \"AT\"");
        row("v3 MS in v4", v40 + u"/MS:C", "unknown v4.0 metric \"MS\"");
        row("v3 C in v4", v40 + u"/C:H", "unknown v4.0 metric \"C\"");
        row("empty metric name", QStringLiteral("CVSS:3.1/:N"), "unknown v3.1 metric \"\"");
        row("duplicate v2", v2 + u"/A:C", "duplicate metric \"A\"");
        row("duplicate v3.1 base",
            QStringLiteral("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            "duplicate metric \"AV\"");
        row("duplicate wins over invalid value", v40 + u"/MSC:N/MSC:S", "duplicate metric \"MSC\"");
        row("lower-case value",
            QStringLiteral("AV:n/AC:L/Au:N/C:P/I:P/A:P"),
            "invalid value \"n\" for v2 metric AV");
        row("X on v3 base",
            QStringLiteral("CVSS:3.1/AV:X/AC:L"),
            "invalid value \"X\" for v3.1 metric AV");
        row("ND on v2 base",
            QStringLiteral("AV:N/AC:ND/Au:N/C:P/I:P/A:P"),
            "invalid value \"ND\" for v2 metric AC");
        row("X in v2 temporal", v2 + u"/E:X", "invalid value \"X\" for v2 metric E");
        row("ND in v3 temporal", v31 + u"/E:ND", "invalid value \"ND\" for v3.1 metric E");
        row("v3 value in v4",
            QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R"),
            "invalid value \"R\" for v4.0 metric UI");
        row("v4 Safety S:U", v40 + u"/S:U", "invalid value \"U\" for v4.0 metric S");
        row("MSC:S", v40 + u"/MSC:S", "invalid value \"S\" for v4.0 metric MSC");
        row("SI:S",
            QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N"),
            "invalid value \"S\" for v4.0 metric SI");
        row("urgency case", v40 + u"/U:red", "invalid value \"red\" for v4.0 metric U");
        row("empty value", QStringLiteral("CVSS:3.1/AV:"), "invalid value \"\" for v3.1 metric AV");
        row("v4 out of order",
            QStringLiteral("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
            "metric AV out of the prescribed v4.0 order");
        row("v4 supplemental before env",
            v40 + u"/U:Red/CR:H",
            "metric CR out of the prescribed v4.0 order");
        row("missing v2",
            QStringLiteral("AV:N/AC:L/C:P/I:P/A:P"),
            "missing mandatory v2 metric Au");
        row("missing v3.0",
            QStringLiteral("CVSS:3.0/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H"),
            "missing mandatory v3.0 metric PR");
        row("missing v3.1 first in order",
            QStringLiteral("CVSS:3.1/C:H/I:H"),
            "missing mandatory v3.1 metric AV");
        row("missing v4",
            QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N"),
            "missing mandatory v4.0 metric SA");
        row("long hostile component",
            QStringLiteral("CVSS:3.1/") + QString(200, u'Z'),
            "malformed metric component "
            "\"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ...\"");
    }

    void rejects()
    {
        QFETCH(QString, vector);
        QFETCH(QString, error);
        QCOMPARE(errorOf(vector), error);
    }

    void accepts_data()
    {
        QTest::addColumn<QString>("vector");
        QTest::addColumn<int>("version");
        QTest::newRow("v2 base") << v2 << int(Version::V2_0);
        QTest::newRow("v2 any order")
            << QStringLiteral("A:P/I:P/C:P/Au:N/AC:L/AV:N/E:ND") << int(Version::V2_0);
        QTest::newRow("v2 partial groups") << v2 + u"/RL:OF/CR:H" << int(Version::V2_0);
        QTest::newRow("v3.0 out of order (FIRST calculator)")
            << QStringLiteral("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X")
            << int(Version::V3_0);
        QTest::newRow("v3.1 explicit X")
            << v31 + u"/E:X/RL:X/RC:X/CR:X/MAV:X/MS:X" << int(Version::V3_1);
        QTest::newRow("v4 all groups") << v40 + u"/E:P/CR:H/IR:M/AR:L/MAV:A/MAC:H/MAT:P/MPR:L/"
                                                u"MUI:A/MVC:L/MVI:N/MVA:H/MSC:N/MSI:S/MSA:S"
                                                u"/S:P/AU:Y/R:I/V:C/RE:H/U:Amber"
                                       << int(Version::V4_0);
    }

    void accepts()
    {
        QFETCH(QString, vector);
        QFETCH(int, version);
        const QByteArray utf8 = vector.toUtf8();
        const auto parsed = Vector::parse(std::string_view(utf8.constData(), utf8.size()));
        QVERIFY2(parsed, parsed ? "" : parsed.error().c_str());
        QCOMPARE(int(parsed->version()), version);
    }

    void longMessagesKeepUtf8Intact()
    {
        // The quoted text is shortened at 64 bytes; a multi-byte character there is kept
        // whole or left out, never cut in half.
        const QString tail = QString(63, u'a') + QStringLiteral("\u00e9bbbb");
        const QString error =
            errorOf(QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N/E:") + tail);
        QCOMPARE(error,
                 QStringLiteral("invalid value \"") + QString(63, u'a') +
                     QStringLiteral("...\" for v3.1 metric E"));
        QVERIFY(!error.contains(QChar::ReplacementCharacter));
    }

    void canonicalString()
    {
        // v3 vectors in any order come back in the specification's order, X kept.
        const auto parsed = Vector::parse("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X");
        QVERIFY(parsed);
        QCOMPARE(parsed->toString(),
                 std::string("CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N/E:F/RL:X"));
        const auto again = Vector::parse(parsed->toString());
        QVERIFY(again);
        QVERIFY(*again == *parsed);
    }
};

QTEST_GUILESS_MAIN(TestCvssValidation)
#include "tst_cvssvalidation.moc"
