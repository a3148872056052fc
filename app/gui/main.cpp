// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Patchwise"));
    QApplication::setOrganizationName(QStringLiteral("Patchwise"));
    QApplication::setApplicationVersion(QStringLiteral(PATCHWISE_VERSION));

    patchwise::ui::MainWindow window;
    window.show();
    return app.exec();
}
