// SPDX-License-Identifier: GPL-3.0-or-later
// patchwise [WORKSPACE]: the workbench. Without an argument it reopens the last workspace,
// or builds and opens the demo workspace on first run.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Patchwise"));
    QApplication::setOrganizationName(QStringLiteral("Patchwise"));
    QApplication::setApplicationVersion(QStringLiteral(PATCHWISE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/patchwise.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Container-vulnerability triage workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
                                 QStringLiteral("The workspace to open (created when missing)."),
                                 QStringLiteral("[WORKSPACE]"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();

    patchwise::ui::MainWindow window(nullptr, args.isEmpty());
    if (!args.isEmpty())
        window.openWorkspace(QFileInfo(args.front()).absoluteFilePath());
    window.show();
    return app.exec();
}
