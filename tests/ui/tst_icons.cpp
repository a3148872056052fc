// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>

using patchwise::ui::Icon;
using patchwise::ui::IconCount;
using patchwise::ui::themedIcon;

namespace {

QPalette paletteWith(const QColor &window, const QColor &text)
{
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xfe, 0xfd));
    return p;
}

const QColor kLightText(0x20, 0x20, 0x20);
const QColor kDarkText(0xe6, 0xe6, 0xe6);

struct Coverage
{
    int opaque = 0;      // pixels with alpha ≥ 128
    int transparent = 0; // pixels with alpha 0
    QColor colour;       // mean colour of the opaque pixels (invalid when there are none)
};

Coverage coverage(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    Coverage c;
    qint64 r = 0, g = 0, b = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = image.pixel(x, y);
            if (qAlpha(px) == 0)
                ++c.transparent;
            if (qAlpha(px) < 128)
                continue;
            ++c.opaque;
            r += qRed(px);
            g += qGreen(px);
            b += qBlue(px);
        }
    if (c.opaque)
        c.colour = QColor(int(r / c.opaque), int(g / c.opaque), int(b / c.opaque));
    return c;
}

bool near(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 &&
           std::abs(a.blue() - b.blue()) <= 3;
}

QString describe(const QColor &c)
{
    return c.isValid() ? c.name() : QStringLiteral("(no opaque pixels)");
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // ui/icons.cpp warns when an icon's SVG is not in the resources.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("missing from the resources")));
        QApplication::setPalette(paletteWith(QColor(0xf0, 0xf0, 0xf0), kLightText));
    }

    void everyIconFileIsNamedAndEveryNameHasAFile()
    {
        QStringList named;
        for (int i = 0; i < IconCount; ++i)
            named << patchwise::ui::iconPath(Icon(i));
        QStringList files;
        for (const QString &f :
             QDir(QStringLiteral(":/icons/actions")).entryList({QStringLiteral("*.svg")}))
            files << QStringLiteral(":/icons/actions/") + f;
        named.sort();
        files.sort();
        QCOMPARE(files, named);
        for (const QString &path : std::as_const(files)) {
            QFile f(path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray svg = f.readAll();
            QVERIFY2(svg.contains("viewBox=\"0 0 24 24\""), qPrintable(path));
            QVERIFY2(svg.contains("currentColor"), qPrintable(path));
        }
    }

    void rendersSharpAtAnyScale_data()
    {
        QTest::addColumn<int>("icon");
        for (int i = 0; i < IconCount; ++i)
            QTest::newRow(qPrintable(themedIcon(Icon(i)).name())) << i;
    }

    void rendersSharpAtAnyScale()
    {
        QFETCH(int, icon);
        const QIcon themed = themedIcon(Icon(icon));
        QVERIFY(!themed.isNull());

        // 24 logical pixels at 2× DPR: 48 device pixels, drawn (not empty, not a filled square).
        const QPixmap twice = themed.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(twice.size(), QSize(48, 48));
        QCOMPARE(twice.devicePixelRatio(), 2.0);
        QCOMPARE(twice.deviceIndependentSize(), QSizeF(24, 24));
        const Coverage c = coverage(twice.toImage());
        QVERIFY2(c.opaque >= 60, qPrintable(QString::number(c.opaque)));
        QVERIFY2(c.transparent >= 48 * 48 / 3, qPrintable(QString::number(c.transparent)));

        // Other sizes and ratios come out at exactly the device size asked for.
        QCOMPARE(themed.pixmap(QSize(16, 16), 1.0).size(), QSize(16, 16));
        QCOMPARE(themed.pixmap(QSize(20, 20), 1.5).size(), QSize(30, 30));
        QCOMPARE(themed.pixmap(QSize(32, 32), 3.0).size(), QSize(96, 96));

        // Painting on a 2× device renders at device resolution (identical to the 2× pixmap),
        // not a 1× pixmap scaled up.
        QImage device(96, 96, QImage::Format_ARGB32_Premultiplied);
        device.setDevicePixelRatio(2.0);
        device.fill(Qt::transparent);
        {
            QPainter painter(&device);
            themed.paint(&painter, QRect(0, 0, 24, 24));
        }
        QCOMPARE(device.copy(0, 0, 48, 48).convertToFormat(QImage::Format_ARGB32),
                 twice.toImage().convertToFormat(QImage::Format_ARGB32));
    }

    void colourFollowsThePalette_data() { rendersSharpAtAnyScale_data(); }

    void colourFollowsThePalette()
    {
        QFETCH(int, icon);
        // One QIcon across the palette change: nothing is reloaded, the next render recolours.
        const QIcon themed = themedIcon(Icon(icon));
        const QColor light = coverage(themed.pixmap(QSize(24, 24), 2.0).toImage()).colour;
        const QColor lightDisabled =
            coverage(themed.pixmap(QSize(24, 24), 2.0, QIcon::Disabled).toImage()).colour;
        const QColor selected =
            coverage(themed.pixmap(QSize(24, 24), 2.0, QIcon::Selected).toImage()).colour;
        QApplication::setPalette(paletteWith(QColor(0x2b, 0x2b, 0x2b), kDarkText));
        const QColor dark = coverage(themed.pixmap(QSize(24, 24), 2.0).toImage()).colour;
        const QColor darkDisabled =
            coverage(themed.pixmap(QSize(24, 24), 2.0, QIcon::Disabled).toImage()).colour;

        QVERIFY2(near(light, kLightText), qPrintable(describe(light)));
        QVERIFY2(near(dark, kDarkText), qPrintable(describe(dark)));
        QVERIFY2(near(selected, QColor(0xff, 0xfe, 0xfd)), qPrintable(describe(selected)));
        // This palette sets one colour for every group: disabled icons are still dimmed.
        QVERIFY2(lightDisabled.isValid() && !near(lightDisabled, light),
                 qPrintable(describe(lightDisabled)));
        QVERIFY2(darkDisabled.isValid() && !near(darkDisabled, dark) &&
                     darkDisabled.lightness() < dark.lightness(),
                 qPrintable(describe(darkDisabled)));
    }

    void fixedColourIgnoresThePalette()
    {
        const QColor red(0x61, 0x1a, 0x15);
        const QIcon icon = themedIcon(Icon::Close, red);
        QVERIFY(near(coverage(icon.pixmap(QSize(24, 24), 2.0).toImage()).colour, red));
        QApplication::setPalette(paletteWith(QColor(0x2b, 0x2b, 0x2b), kDarkText));
        QVERIFY(near(coverage(icon.pixmap(QSize(24, 24), 2.0).toImage()).colour, red));
    }

    void windowActionsAndPagesHaveIcons()
    {
        patchwise::ui::MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The menu entries this change gave icons (others may be added without failing here).
        QStringList expected{QStringLiteral("&New workspace…"),
                             QStringLiteral("&Open workspace…"),
                             QStringLiteral("Open &recent"),
                             QStringLiteral("Open the &demo workspace"),
                             QStringLiteral("&Import files…"),
                             QStringLiteral("Import a &folder…"),
                             QStringLiteral("&Quit"),
                             QStringLiteral("Triage"),
                             QStringLiteral("Decisions"),
                             QStringLiteral("&Undo"),
                             QStringLiteral("&Redo"),
                             QStringLiteral("&Decide…"),
                             QStringLiteral("Images and layers"),
                             QStringLiteral("Severity matrix"),
                             QStringLiteral("Plan and trends"),
                             QStringLiteral("CVSS calculator"),
                             QStringLiteral("&What-if policy"),
                             QStringLiteral("&Filter findings"),
                             QStringLiteral("&About Patchwise")};
        for (QAction *menuAction : window.menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            QVERIFY(menu);
            for (QAction *a : menu->actions()) {
                if (!expected.removeOne(a->text()))
                    continue;
                QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
                QCOMPARE(a->icon().pixmap(QSize(16, 16), 2.0).size(), QSize(32, 32));
            }
        }
        QVERIFY2(expected.isEmpty(), qPrintable(expected.join(u',')));
        auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(toolbar);
        QVERIFY(toolbar->isVisible());
        int buttons = 0;
        for (QAction *a : toolbar->actions()) {
            if (a->isSeparator() || !toolbar->widgetForAction(a)->inherits("QToolButton"))
                continue; // separators and the spacer
            QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
            ++buttons;
        }
        QVERIFY(buttons >= 4);
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        for (int i = 0; i < pages->count(); ++i)
            QVERIFY2(!pages->tabIcon(i).isNull(), qPrintable(pages->tabText(i)));
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
