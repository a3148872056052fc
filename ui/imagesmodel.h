// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "risk/engine.h"

#include <QAbstractTableModel>
#include <vector>

namespace patchwise::ui {

class Workbench;

// One row per image (`patchwise-cli images`): health grade, open findings by severity,
// running containers, exposure, summed risk and base image. Sorted by sort(); worst grade
// first by default.
class ImagesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Grade,
        Image,
        Critical,
        High,
        Medium,
        Low,
        Running,
        Exposure,
        Risk,
        Base,
        ColumnCount
    };
    static constexpr int ImageRole = Qt::UserRole + 1; // Facts::images index

    explicit ImagesModel(Workbench *workbench, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    std::uint32_t imageAt(int row) const { return m_rows[std::size_t(row)].image; }
    int rowOfImage(std::uint32_t image) const;

private:
    void rebuild();
    int count(const risk::ImageSummary &s, int column) const;
    QString baseText(std::uint32_t image) const;

    Workbench *m_workbench;
    std::vector<risk::ImageSummary> m_rows;
    int m_sortColumn = Grade;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace patchwise::ui
