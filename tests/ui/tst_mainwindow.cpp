// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWelcomeAndMenus()
    {
        patchwise::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Patchwise"));
        auto *welcome = window.findChild<QLabel *>(QStringLiteral("welcomeLabel"));
        QVERIFY(welcome);
        QVERIFY(welcome->text().contains(QStringLiteral("patchwise-cli cvss")));
        QStringList menus;
        for (QAction *a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QCOMPARE(pages->count(), 2);
        QCOMPARE(pages->tabText(1), QStringLiteral("CVSS calculator"));
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
