// SPDX-License-Identifier: GPL-3.0-or-later
// The typed what-if API: edit environmental metrics of a parsed vector and rescore
// without going through strings.

#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace patchwise::cvss;

namespace {

Vector parsed(std::string_view text)
{
    auto r = Vector::parse(text);
    if (!r)
        qFatal("test vector rejected: %s", r.error().c_str());
    return *r;
}

} // namespace

class TestCvssWhatIf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scopeChangedQuirk()
    {
        // cvss.md §2: v3.1 environmental differs from base for this vector even with no
        // environmental metric; v3.0 does not.
        Vector v = parsed("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H");
        Scores s = score(v);
        QCOMPARE(s.base, Tenths(96));
        QCOMPARE(s.environmental, Tenths(97));
        QCOMPARE(s.overall, Tenths(96)); // no environmental metric set: the base score
        Vector v30 = parsed("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H");
        QCOMPARE(score(v30).environmental, Tenths(96));
    }

    void requirementsChangeTheScore()
    {
        Vector v = parsed("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
        const Tenths before = environmentalScore(v);
        QCOMPARE(before, Tenths(75));
        QVERIFY(v.set(Metric::CR, Value::H));
        QCOMPARE(environmentalScore(v), Tenths(93));
        QVERIFY(v.set(Metric::CR, Value::L));
        QCOMPARE(environmentalScore(v), Tenths(57));
        QVERIFY(v.clear(Metric::CR));
        QCOMPARE(environmentalScore(v), before);
        QCOMPARE(v.toString(), std::string("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
    }

    void modifiedScopeDrivesModifiedPrivileges()
    {
        // MPR's weight follows the *modified* scope, also when MPR inherits PR (cvss.md §5.3).
        // With PR:H weighted 0.27 (scope unchanged) the score would be 4.4; 0.5 gives 4.7.
        Vector v = parsed("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L");
        QCOMPARE(environmentalScore(v), Tenths(38));
        QVERIFY(v.set(Metric::MS, Value::C));
        QCOMPARE(environmentalScore(v), Tenths(47));
        const Vector viaString = parsed("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L/MS:C");
        QCOMPARE(environmentalScore(v), environmentalScore(viaString));
    }

    void v4ThreatAndEnvironment()
    {
        // The README example: CVSS-B 9.3, CVSS-BT 8.9, CVSS-BTE 7.8.
        Vector v = parsed("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        QCOMPARE(score(v).environmental, Tenths(93));
        QCOMPARE(score(v).nomenclature, Nomenclature::B);
        QVERIFY(v.set(Metric::E, Value::P));
        QVERIFY(v.set(Metric::CR, Value::L));
        QVERIFY(v.set(Metric::MVC, Value::L));
        const Scores s = score(v);
        QCOMPARE(s.base, Tenths(93));
        QCOMPARE(s.temporal, Tenths(89));
        QCOMPARE(s.environmental, Tenths(78));
        QCOMPARE(s.nomenclature, Nomenclature::BTE);
        QCOMPARE(macroVectorString(s), std::string("001210"));
        // E:A is the default: setting it changes nothing (cvss.md §5.5).
        QVERIFY(v.set(Metric::E, Value::A));
        QCOMPARE(
            environmentalScore(v),
            score(parsed(
                      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L/MVC:L"))
                .environmental);
    }

    void illegalEditsAreRefused()
    {
        Vector v3 = parsed("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        const Vector before = v3;
        QVERIFY(!v3.set(Metric::AV, Value::X));  // X is not a base value
        QVERIFY(!v3.set(Metric::MSI, Value::S)); // v4.0 metric
        QVERIFY(!v3.set(Metric::CR, Value::ND)); // v2 spelling
        QVERIFY(!v3.clear(Metric::AV));          // base metrics cannot be cleared
        QVERIFY(!v3.set(Metric::AV, Value::Absent));
        QVERIFY(v3 == before);

        Vector v4 = parsed("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        QVERIFY(!v4.set(Metric::MSC, Value::S)); // Safety exists for MSI/MSA only
        QVERIFY(!v4.set(Metric::SI, Value::S));
        QVERIFY(v4.set(Metric::MSI, Value::S));
        QCOMPARE(score(v4).macroVector[3], std::uint8_t(0)); // EQ4 = 0 with Safety

        Vector v2 = parsed("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        QVERIFY(!v2.set(Metric::E, Value::X));
        QVERIFY(v2.set(Metric::E, Value::POC));
        QVERIFY(!v2.set(Metric::MAV, Value::N));
    }

    void clearGroupRestoresBase()
    {
        Vector v = parsed("CVSS:3.0/AV:N/AC:H/PR:L/UI:R/S:C/C:L/I:H/A:N/E:U/CR:H/MAV:L/MS:U/MC:H");
        v.clearGroup(Group::Environmental);
        QVERIFY(!v.hasDefined(Group::Environmental));
        QVERIFY(v.hasDefined(Group::Temporal));
        const Scores s = score(v);
        QCOMPARE(s.environmental, s.temporal); // v3.0: no quirk
        v.clearGroup(Group::Temporal);
        QCOMPARE(score(v).temporal, score(v).base);
    }

    void v2GroupsBecomeDefined()
    {
        Vector v = parsed("AV:N/AC:L/Au:N/C:C/I:C/A:C");
        QCOMPARE(score(v).temporal, NoScore);
        QCOMPARE(score(v).environmental, NoScore);
        QVERIFY(v.set(Metric::E, Value::F));
        QCOMPARE(score(v).temporal, Tenths(95)); // 10.0 × 0.95
        QVERIFY(v.set(Metric::CDP, Value::H));
        QVERIFY(score(v).environmental != NoScore);
        QVERIFY(v.set(Metric::E, Value::ND));
        QCOMPARE(score(v).temporal, NoScore);
    }

    // Strip the temporal/environmental groups from every reference vector, re-apply them
    // through the typed API, and compare with the reference scorer's numbers.
    void reapplyingReferenceEditsMatchesReference_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *v : {"2.0", "3.0", "3.1", "4.0"})
            QTest::newRow(v) << QStringLiteral(PATCHWISE_FIXTURES_DIR
                                               "/cvss/generated/oracle-v%1.jsonl")
                                    .arg(QLatin1String(v));
    }

    void reapplyingReferenceEditsMatchesReference()
    {
        QFETCH(QString, file);
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            QSKIP("shared/fixtures/cvss is not available");
        int checked = 0;
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            if (o.contains(u"error"))
                continue;
            const QByteArray text = o.value(u"vector").toString().toUtf8();
            const Vector full = parsed(std::string_view(text.constData(), text.size()));
            Vector edited = full;
            edited.clearGroup(Group::Temporal);
            edited.clearGroup(Group::Environmental);
            const auto defs = metricDefs(full.version());
            for (std::size_t i = 0; i < defs.size(); ++i) {
                if (defs[i].group == Group::Temporal || defs[i].group == Group::Environmental)
                    QVERIFY(edited.set(defs[i].metric, full.valueAt(int(i))));
            }
            QVERIFY(edited == full);
            const QJsonValue env = o.value(u"environmental");
            if (env.isNull())
                continue;
            QCOMPARE(environmentalScore(edited), Tenths(std::lround(env.toDouble() * 10)));
            ++checked;
        }
        QVERIFY(checked > 1000);
    }

    // environmentalScore() is the fast path; it must agree with score() on random edits.
    void fastPathAgreesWithFullScore()
    {
        QRandomGenerator rng(20261128);
        for (Version version : {Version::V2_0, Version::V3_0, Version::V3_1, Version::V4_0}) {
            const auto defs = metricDefs(version);
            for (int n = 0; n < 20000; ++n) {
                Vector v(version);
                for (std::size_t i = 0; i < defs.size(); ++i) {
                    const auto values = defs[i].values;
                    QVERIFY(v.set(defs[i].metric, values[rng.bounded(int(values.size()))]));
                }
                const Scores s = score(v);
                const Tenths fast = environmentalScore(v);
                if (version == Version::V2_0 && s.environmental == NoScore)
                    continue;
                QCOMPARE(fast, s.environmental);
                QVERIFY(s.base >= 0 && s.base <= 100);
                QVERIFY(s.environmental >= 0 && s.environmental <= 100);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCvssWhatIf)
#include "tst_cvsswhatif.moc"
