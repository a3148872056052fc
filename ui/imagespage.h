// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <cstdint>
#include <vector>

class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace patchwise::ui {

class ChartView;
class ImagesModel;
class Workbench;

// Images with their health grades, and the selected image layer by layer
// (`patchwise-cli layers`): a stacked bar per layer by severity, the base-image boundary with
// how it was found (and the analyst's override), and the findings a base update would fix.
// Selecting a layer (or clicking its bar) narrows the triage table to it.
class ImagesPage : public QWidget
{
    Q_OBJECT

public:
    explicit ImagesPage(Workbench *workbench, QWidget *parent = nullptr);

    QTableView *imagesView() const { return m_images; }
    QTableWidget *layersTable() const { return m_layers; }
    ChartView *chart() const { return m_chart; }
    void selectImage(std::uint32_t image);

Q_SIGNALS:
    void showFindings(const std::vector<std::uint32_t> &findings, const QString &label);
    void statusMessage(const QString &message);

private:
    void showImage();
    void showLayer(int layer);
    void showBaseFixes();
    void setOverride(bool clear);
    std::uint32_t currentImage() const;

    Workbench *m_workbench;
    ImagesModel *m_model;
    QTableView *m_images;
    QLabel *m_title;
    QLabel *m_base;
    QLineEdit *m_baseRef;
    QSpinBox *m_baseLayers;
    ChartView *m_chart;
    QTableWidget *m_layers;
    std::int64_t m_shownImageId = -1;
};

} // namespace patchwise::ui
