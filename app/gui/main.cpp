// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Patchwise"));
    QApplication::setOrganizationName(QStringLiteral("Patchwise"));
    QApplication::setApplicationVersion(QStringLiteral(PATCHWISE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/patchwise.svg")));

    patchwise::ui::MainWindow window;
    window.show();
    return app.exec();
}
