// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QLabel>
#include <QMenuBar>
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
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
