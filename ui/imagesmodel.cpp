// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagesmodel.h"

#include "severitystyle.h"
#include "workbench.h"

#include <QDateTime>
#include <QFont>
#include <algorithm>

namespace patchwise::ui {

ImagesModel::ImagesModel(Workbench *workbench, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workbench(workbench)
{
    connect(workbench, &Workbench::loaded, this, &ImagesModel::rebuild);
    connect(workbench, &Workbench::rescored, this, &ImagesModel::rebuild);
    if (workbench->isOpen())
        rebuild();
}

int ImagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ImagesModel::count(const risk::ImageSummary &s, int column) const
{
    const auto n = [&](model::Severity sev) { return s.bySeverity[std::size_t(sev)]; };
    switch (column) {
    case Critical:
        return n(model::Severity::Critical);
    case High:
        return n(model::Severity::High);
    case Medium:
        return n(model::Severity::Medium);
    case Low:
        return n(model::Severity::Low) + n(model::Severity::Negligible);
    default:
        break;
    }
    return 0;
}

QVariant ImagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Grade:
        return tr("Grade");
    case Image:
        return tr("Image");
    case Critical:
        return tr("Crit.");
    case High:
        return tr("High");
    case Medium:
        return tr("Med.");
    case Low:
        return tr("Low");
    case Running:
        return tr("Running");
    case Exposure:
        return tr("Exposure");
    case Risk:
        return tr("Risk");
    case Base:
        return tr("Base image");
    default:
        break;
    }
    return {};
}

QVariant ImagesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const risk::ImageSummary &s = m_rows[std::size_t(index.row())];
    const risk::ImageFacts &image = m_workbench->facts().images[s.image];
    if (role == ImageRole)
        return QVariant::fromValue(uint(s.image));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Grade:
            return QString(QChar::fromLatin1(s.grade));
        case Image:
            return QString::fromStdString(image.name);
        case Critical:
        case High:
        case Medium:
        case Low: {
            const int n = count(s, index.column());
            return n ? QVariant(n) : QVariant(QString());
        }
        case Running:
            return image.runningContainers ? QVariant(image.runningContainers)
                                           : QVariant(QString());
        case Exposure:
            if (image.runningContainers == 0)
                return tr("not running");
            return image.internetExposed ? tr("internet") : tr("internal");
        case Risk:
            return QString::number(s.riskSum, 'f', 1);
        case Base:
            return baseText(s.image);
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole) {
        if (index.column() == Grade)
            return gradeColor(s.grade);
        if (index.column() >= Critical && index.column() <= Low)
            return severityColumnColor(index.column() - Critical);
    }
    if (role == Qt::FontRole && index.column() == Grade) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(
            (index.column() == Image || index.column() == Base || index.column() == Exposure
                 ? Qt::AlignLeft
             : index.column() == Grade ? Qt::AlignHCenter
                                       : Qt::AlignRight) |
            Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Grade && s.nextGradeDrop)
        return tr("Drops to %1 after %2 unless rebuilt")
            .arg(QChar::fromLatin1(char(s.grade + 1)))
            .arg(QDateTime::fromSecsSinceEpoch(s.nextGradeDrop, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-dd")));
    return {};
}

void ImagesModel::rebuild()
{
    m_rows =
        m_workbench->isOpen() ? m_workbench->scoring().images() : std::vector<risk::ImageSummary>{};
    sort(m_sortColumn, m_sortOrder); // resets the model
}

void ImagesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_workbench->isOpen()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        return;
    }
    const auto &images = m_workbench->facts().images;
    const auto key = [&](const risk::ImageSummary &s) -> std::tuple<double, std::string> {
        switch (column) {
        case Grade:
            return {double(s.grade) * 1e9 + s.riskSum, {}};
        case Image:
            return {0.0, images[s.image].name};
        case Critical:
        case High:
        case Medium:
        case Low:
            return {double(count(s, column)), {}};
        case Running:
            return {double(images[s.image].runningContainers), {}};
        case Exposure:
            return {images[s.image].runningContainers == 0 ? 0.0
                    : images[s.image].internetExposed      ? 2.0
                                                           : 1.0,
                    {}};
        case Risk:
            return {s.riskSum, {}};
        case Base:
            return {0.0, baseText(s.image).toStdString()};
        default:
            break;
        }
        return {0.0, {}};
    };
    beginResetModel(); // a few hundred rows: a reset is simpler than moving persistent indexes
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const auto &a, const auto &b) {
        return order == Qt::AscendingOrder ? key(a) < key(b) : key(b) < key(a);
    });
    endResetModel();
}

QString ImagesModel::baseText(std::uint32_t image) const
{
    const int li = m_workbench->layersIndexOf(image);
    if (li < 0 || !m_workbench->bases()[std::size_t(li)])
        return QString();
    const layers::BaseImage &b = *m_workbench->bases()[std::size_t(li)];
    return b.name.empty() ? tr("unnamed (%1 layers)").arg(b.layerCount)
                          : QString::fromStdString(b.name);
}

int ImagesModel::rowOfImage(std::uint32_t image) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].image == image)
            return int(i);
    return -1;
}

} // namespace patchwise::ui
