// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QIcon>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsPagesAndMenus()
    {
        patchwise::ui::MainWindow window(nullptr, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Patchwise"));
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus,
                 (QStringList{QStringLiteral("&File"),
                              QStringLiteral("&Edit"),
                              QStringLiteral("&View"),
                              QStringLiteral("&Help")}));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QCOMPARE(pages->tabText(0), QStringLiteral("Triage"));
        QCOMPARE(pages->tabText(1), QStringLiteral("Decisions"));
        QCOMPARE(pages->tabText(pages->count() - 1), QStringLiteral("CVSS calculator"));
    }

    void iconResourceIsLinked()
    {
        // The application icon is compiled into patchwise_ui and renders from SVG.
        const QIcon icon(QStringLiteral(":/icons/patchwise.svg"));
        QVERIFY(!icon.isNull());
        QVERIFY(!icon.pixmap(64, 64).isNull());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
