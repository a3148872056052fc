// SPDX-License-Identifier: GPL-3.0-or-later
#include "style.h"

#include <QCoreApplication>

namespace patchwise::report {

QColor severityColor(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case model::Severity::High:
        return QColor(0xef, 0x6c, 0x00);
    case model::Severity::Medium:
        return QColor(0xf9, 0xa8, 0x25);
    case model::Severity::Low:
        return QColor(0x1e, 0x88, 0xe5);
    case model::Severity::Negligible:
        return QColor(0x60, 0x7d, 0x8b);
    case model::Severity::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor severityColumnColor(int column)
{
    static constexpr model::Severity order[] = {model::Severity::Critical,
                                                model::Severity::High,
                                                model::Severity::Medium,
                                                model::Severity::Low,
                                                model::Severity::Unknown};
    return severityColor(order[column >= 0 && column < 5 ? column : 4]);
}

QString severityLabel(model::Severity severity)
{
    switch (severity) {
    case model::Severity::Critical:
        return QCoreApplication::translate("Severity", "Critical");
    case model::Severity::High:
        return QCoreApplication::translate("Severity", "High");
    case model::Severity::Medium:
        return QCoreApplication::translate("Severity", "Medium");
    case model::Severity::Low:
        return QCoreApplication::translate("Severity", "Low");
    case model::Severity::Negligible:
        return QCoreApplication::translate("Severity", "Negligible");
    case model::Severity::Unknown:
        break;
    }
    return QCoreApplication::translate("Severity", "Unknown");
}

QString severityColumnLabel(int column)
{
    static constexpr model::Severity order[] = {model::Severity::Critical,
                                                model::Severity::High,
                                                model::Severity::Medium,
                                                model::Severity::Low,
                                                model::Severity::Unknown};
    return severityLabel(order[column >= 0 && column < 5 ? column : 4]);
}

QColor gradeColor(char grade)
{
    switch (grade) {
    case 'A':
        return QColor(0x2e, 0x7d, 0x32);
    case 'B':
        return QColor(0x7c, 0xb3, 0x42);
    case 'C':
        return QColor(0xf9, 0xa8, 0x25);
    case 'D':
        return QColor(0xef, 0x6c, 0x00);
    case 'E':
        return QColor(0xd8, 0x43, 0x15);
    default:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

QString factorTitle(risk::Factor factor)
{
    switch (factor) {
    case risk::Factor::Severity:
        return QCoreApplication::translate("Factor", "Severity");
    case risk::Factor::KnownExploited:
        return QCoreApplication::translate("Factor", "Known exploited (KEV)");
    case risk::Factor::Epss:
        return QCoreApplication::translate("Factor", "EPSS");
    case risk::Factor::InternetExposure:
        return QCoreApplication::translate("Factor", "Internet exposure");
    case risk::Factor::Running:
        return QCoreApplication::translate("Factor", "Running");
    case risk::Factor::Prevalence:
        return QCoreApplication::translate("Factor", "Prevalence");
    case risk::Factor::ExposureTime:
        return QCoreApplication::translate("Factor", "Exposure time");
    case risk::Factor::Privilege:
        return QCoreApplication::translate("Factor", "Privilege");
    case risk::Factor::Reachability:
        return QCoreApplication::translate("Factor", "Reachability");
    }
    return {};
}

} // namespace patchwise::report
