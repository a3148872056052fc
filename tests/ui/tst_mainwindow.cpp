// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QFileInfo>
#include <QIcon>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Workspaces go to the user's XDG data folder by default, a folder only its owner reads.
    void workspacesLiveInTheDataFolder()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        const QString folder = patchwise::ui::MainWindow::workspacesFolder();
        QCOMPARE(folder, data + QStringLiteral("/workspaces"));
        QVERIFY(QFileInfo(folder).isDir());
        const auto owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        for (const QString &dir : {data, folder}) {
            const QFile::Permissions p = QFileInfo(dir).permissions();
            QVERIFY2((p & owner) == owner, qPrintable(dir));
            QVERIFY2(!(p & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup |
                            QFile::ExeOther | QFile::WriteGroup | QFile::WriteOther)),
                     qPrintable(dir));
        }
    }

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
