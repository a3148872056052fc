// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvsscalculatorpage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace patchwise;

namespace {

QString labelText(QWidget &page, const char *name)
{
    auto *label = page.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
}

} // namespace

class TestCvssCalculatorPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedVectorIsScored()
    {
        ui::CvssCalculatorPage page;
        page.setVectorText(QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H"));
        QVERIFY(page.isInputValid());
        QCOMPARE(labelText(page, "baseCardValue"), QStringLiteral("9.6"));
        QCOMPARE(labelText(page, "environmentalCardValue"), QStringLiteral("9.7"));
        QCOMPARE(labelText(page, "baseCardSeverity"), QStringLiteral("CRITICAL"));
        QCOMPARE(labelText(page, "versionLabel"), QStringLiteral("CVSS v3.1"));
    }

    void invalidTextShowsTheEngineMessage()
    {
        ui::CvssCalculatorPage page;
        page.show();
        page.setVectorText(QStringLiteral("CVSS:3.1/AV:N/AV:N/<b>x</b>"));
        QVERIFY(!page.isInputValid());
        auto *error = page.findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error && error->isVisible());
        QCOMPARE(error->textFormat(), Qt::PlainText);
        QVERIFY(error->text().contains(QStringLiteral("duplicate metric \"AV\"")));
        QCOMPARE(labelText(page, "baseCardValue"), QStringLiteral("—"));
        // The last valid vector is kept for the editors.
        QCOMPARE(page.vector().version(), cvss::Version::V3_1);
    }

    void editingAMetricRewritesTheVectorAndRescores()
    {
        ui::CvssCalculatorPage page;
        page.setVectorText(QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
        QCOMPARE(labelText(page, "environmentalCardValue"), QStringLiteral("7.5"));
        auto *cr = page.findChild<QComboBox *>(QStringLiteral("metric_CR"));
        QVERIFY(cr);
        const int high = cr->findData(int(cvss::Value::H));
        QVERIFY(high >= 0);
        cr->setCurrentIndex(high);
        QMetaObject::invokeMethod(cr, "activated", Q_ARG(int, high));
        QCOMPARE(page.vectorText(),
                 QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N/CR:H"));
        QCOMPARE(labelText(page, "environmentalCardValue"), QStringLiteral("9.3"));
        QCOMPARE(labelText(page, "baseCardValue"), QStringLiteral("7.5"));
        // "Not defined" removes the metric again.
        const int notDefined = cr->findData(int(cvss::Value::X));
        cr->setCurrentIndex(notDefined);
        QMetaObject::invokeMethod(cr, "activated", Q_ARG(int, notDefined));
        QCOMPARE(page.vectorText(), QStringLiteral("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"));
    }

    void versionChangeRebuildsEditors()
    {
        ui::CvssCalculatorPage page;
        page.setVectorText(
            QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(page.findChild<QComboBox *>(QStringLiteral("metric_MSI")));
        QVERIFY(!page.findChild<QComboBox *>(QStringLiteral("metric_MS")));
        QCOMPARE(labelText(page, "environmentalCardValue"), QStringLiteral("8.9"));
        page.setVectorText(QStringLiteral("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(page.findChild<QComboBox *>(QStringLiteral("metric_CDP")));
        QVERIFY(!page.findChild<QComboBox *>(QStringLiteral("metric_MSI")));
        QCOMPARE(labelText(page, "temporalCardValue"),
                 QStringLiteral("—")); // no temporal metric in v2
    }

    void newVectorOfAVersion()
    {
        ui::CvssCalculatorPage page;
        auto *combo = page.findChild<QComboBox *>(QStringLiteral("newVersionCombo"));
        QVERIFY(combo);
        const int v4 = combo->findText(QStringLiteral("CVSS v4.0"));
        QVERIFY(v4 > 0);
        QMetaObject::invokeMethod(combo, "activated", Q_ARG(int, v4));
        QVERIFY(page.vectorText().startsWith(QStringLiteral("CVSS:4.0/AV:N/AC:L/AT:N/")));
        QCOMPARE(page.vector().version(), cvss::Version::V4_0);
        QCOMPARE(combo->currentIndex(), 0);
    }
};

QTEST_MAIN(TestCvssCalculatorPage)
#include "tst_cvsscalculatorpage.moc"
