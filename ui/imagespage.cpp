// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagespage.h"

#include "chartview.h"
#include "icons.h"
#include "imagesmodel.h"
#include "layers/layerview.h"
#include "severitystyle.h"
#include "store/workspace.h"
#include "workbench.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace patchwise::ui {

namespace {

QString shortLine(const std::string &createdBy)
{
    QString line = QString::fromStdString(createdBy).simplified();
    line.remove(QStringLiteral("/bin/sh -c #(nop) "));
    line.remove(QStringLiteral("/bin/sh -c "));
    return line.size() > 60 ? line.left(57) + QStringLiteral("…") : line;
}

QString sizeText(std::int64_t bytes)
{
    return bytes < 0 ? QString() : QLocale().formattedDataSize(bytes);
}

} // namespace

ImagesPage::ImagesPage(Workbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_model(new ImagesModel(workbench, this))
{
    m_images = new QTableView;
    m_images->setObjectName(QStringLiteral("imagesView"));
    m_images->setModel(m_model);
    m_images->setSortingEnabled(true);
    m_images->horizontalHeader()->setSortIndicator(ImagesModel::Grade, Qt::DescendingOrder);
    m_images->verticalHeader()->hide();
    m_images->verticalHeader()->setDefaultSectionSize(m_images->fontMetrics().height() + 6);
    m_images->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_images->setSelectionMode(QAbstractItemView::SingleSelection);
    m_images->setAlternatingRowColors(true);
    m_images->setWordWrap(false);
    const int widths[ImagesModel::ColumnCount] = {48, 260, 44, 44, 44, 44, 60, 70, 60, 160};
    for (int c = 0; c < ImagesModel::ColumnCount; ++c)
        m_images->setColumnWidth(c, widths[c]);

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("imageTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_base = new QLabel;
    m_base->setObjectName(QStringLiteral("baseLabel"));
    m_base->setTextFormat(Qt::RichText);
    m_base->setWordWrap(true);
    m_baseRef = new QLineEdit;
    m_baseRef->setObjectName(QStringLiteral("baseRefEdit"));
    m_baseRef->setPlaceholderText(tr("base image, e.g. python:3.12-slim"));
    m_baseLayers = new QSpinBox;
    m_baseLayers->setObjectName(QStringLiteral("baseLayersSpin"));
    m_baseLayers->setRange(0, 999);
    m_baseLayers->setSpecialValueText(tr("from the base"));
    m_baseLayers->setSuffix(tr(" layers"));
    auto *set = new QPushButton(themedIcon(Icon::Apply), tr("Set base"));
    set->setObjectName(QStringLiteral("setBase"));
    auto *clear = new QPushButton(themedIcon(Icon::Reset), tr("Use detection"));
    clear->setObjectName(QStringLiteral("clearBase"));
    auto *fixes = new QPushButton(themedIcon(Icon::BaseFix), tr("Findings a base update fixes"));
    fixes->setObjectName(QStringLiteral("baseFixes"));
    connect(set, &QPushButton::clicked, this, [this] { setOverride(false); });
    connect(clear, &QPushButton::clicked, this, [this] { setOverride(true); });
    connect(fixes, &QPushButton::clicked, this, &ImagesPage::showBaseFixes);

    auto *overrideRow = new QHBoxLayout;
    overrideRow->addWidget(new QLabel(tr("Override:")));
    overrideRow->addWidget(m_baseRef, 1);
    overrideRow->addWidget(m_baseLayers);
    overrideRow->addWidget(set);
    overrideRow->addWidget(clear);
    overrideRow->addStretch();
    overrideRow->addWidget(fixes);

    m_chart = new ChartView;
    m_chart->setObjectName(QStringLiteral("layersChart"));
    m_chart->setMinimumHeight(220);
    connect(m_chart, &ChartView::barClicked, this, &ImagesPage::showLayer);

    m_layers = new QTableWidget;
    m_layers->setObjectName(QStringLiteral("layersTable"));
    m_layers->setColumnCount(7);
    m_layers->setHorizontalHeaderLabels({tr("#"),
                                         tr("Created by"),
                                         tr("Size"),
                                         tr("Findings"),
                                         tr("Base fixes"),
                                         tr("Risk"),
                                         tr("DiffID")});
    m_layers->verticalHeader()->hide();
    m_layers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_layers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_layers->setWordWrap(false);
    m_layers->horizontalHeader()->setStretchLastSection(true);
    for (int c : {0, 2, 3, 4, 5})
        m_layers->setColumnWidth(c, c == 0 ? 36 : 76);
    m_layers->setColumnWidth(1, 380);
    connect(
        m_layers, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { showLayer(row); });

    auto *detail = new QWidget;
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(6, 0, 0, 0);
    dl->addWidget(m_title);
    dl->addWidget(m_base);
    dl->addLayout(overrideRow);
    auto *vsplit = new QSplitter(Qt::Vertical);
    vsplit->addWidget(m_chart);
    vsplit->addWidget(m_layers);
    vsplit->setSizes({320, 220});
    dl->addWidget(vsplit, 1);
    auto *hint = new QLabel(
        tr("Click a bar or double-click a layer to see its findings in the triage table."));
    hint->setStyleSheet(QStringLiteral("color:gray"));
    dl->addWidget(hint);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_images);
    split->addWidget(detail);
    split->setSizes({560, 720});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(split);

    connect(m_images->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ImagesPage::showImage);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Keep showing the same image across reloads and rescores.
        int row = -1;
        if (m_shownImageId >= 0 && m_workbench->isOpen())
            for (std::size_t i = 0; i < m_workbench->facts().images.size(); ++i)
                if (m_workbench->facts().images[i].id == m_shownImageId)
                    row = m_model->rowOfImage(std::uint32_t(i));
        if (row < 0 && m_model->rowCount() > 0)
            row = 0;
        if (row >= 0)
            m_images->setCurrentIndex(m_model->index(row, 0));
        showImage();
    });
}

std::uint32_t ImagesPage::currentImage() const
{
    const QModelIndex i = m_images->currentIndex();
    return i.isValid() ? m_model->imageAt(i.row()) : std::uint32_t(-1);
}

void ImagesPage::selectImage(std::uint32_t image)
{
    const int row = m_model->rowOfImage(image);
    if (row >= 0)
        m_images->setCurrentIndex(m_model->index(row, 0));
}

void ImagesPage::showImage()
{
    const std::uint32_t image = currentImage();
    if (!m_workbench->isOpen() || image == std::uint32_t(-1)) {
        m_title->clear();
        m_base->clear();
        m_chart->clear();
        m_layers->setRowCount(0);
        return;
    }
    const risk::ImageFacts &facts = m_workbench->facts().images[image];
    m_shownImageId = facts.id;
    m_title->setText(QStringLiteral("<b>%1</b><br/><small><code>%2</code></small>")
                         .arg(QString::fromStdString(facts.name).toHtmlEscaped(),
                              QString::fromStdString(facts.digest).toHtmlEscaped()));
    const int li = m_workbench->layersIndexOf(image);
    if (li < 0) {
        m_base->setText(tr("No layer information for this image."));
        m_chart->clear();
        m_layers->setRowCount(0);
        return;
    }
    const auto &base = m_workbench->bases()[std::size_t(li)];
    const layers::ImageLayerView view = layers::layerView(m_workbench->imageLayers(),
                                                          std::size_t(li),
                                                          base,
                                                          m_workbench->scoring(),
                                                          m_workbench->baseFlags());
    int baseFixes = 0;
    for (const layers::LayerSummary &l : view.layers)
        baseFixes += l.baseImageFixes;
    if (!base) {
        m_base->setText(
            tr("Base image: <i>not detected</i> (no scanned image shares its bottom layers, "
               "no base label, no history boundary)."));
    } else {
        const QString name = base->name.empty()
                                 ? tr("an unnamed base")
                                 : QString::fromStdString(base->name).toHtmlEscaped();
        m_base->setText(
            tr("Base image: <b>%1</b> — %2 · found by <b>%3</b> (%4 confidence) · "
               "<b>%5</b> open findings fixed by updating it")
                .arg(name,
                     base->layerCount >= 0
                         ? tr("%1 of %2 layers").arg(base->layerCount).arg(view.layers.size())
                         : tr("extent unknown"),
                     QString::fromStdString(base->detectedBy),
                     QString::fromStdString(base->confidence))
                .arg(baseFixes));
    }
    const auto &il = m_workbench->imageLayers()[std::size_t(li)];
    m_baseRef->setText(il.manualBase ? QString::fromStdString(il.manualBaseRef) : QString());
    m_baseLayers->setValue(il.manualBase && il.manualBaseLayers > 0 ? il.manualBaseLayers : 0);

    QStringList categories;
    std::vector<ChartView::Series> series(5);
    for (int k = 0; k < 5; ++k) {
        series[std::size_t(k)].name = severityColumnLabel(k);
        series[std::size_t(k)].color = severityColumnColor(k);
    }
    m_layers->setRowCount(int(view.layers.size()));
    for (const layers::LayerSummary &l : view.layers) {
        categories << QStringLiteral("%1%2 %3")
                          .arg(l.inBase ? QStringLiteral("▣ ") : QString())
                          .arg(l.index)
                          .arg(shortLine(l.createdBy));
        for (int k = 0; k < 5; ++k)
            series[std::size_t(k)].values.push_back(l.bySeverity[std::size_t(k)]);
        const QStringList cells{QString::number(l.index),
                                QString::fromStdString(l.createdBy).simplified(),
                                sizeText(l.size),
                                QString::number(l.findings),
                                l.baseImageFixes ? QString::number(l.baseImageFixes) : QString(),
                                QString::number(l.riskSum, 'f', 1),
                                QString::fromStdString(l.diffId)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 1)
                item->setToolTip(cells[c]);
            if (l.inBase)
                item->setBackground(palette().color(QPalette::AlternateBase));
            m_layers->setItem(l.index, c, item);
        }
    }
    const int boundary = base && base->layerCount > 0 ? base->layerCount - 1 : -1;
    m_chart->setStackedBars(
        categories,
        series,
        tr("open findings"),
        boundary,
        boundary >= 0 ? tr("base image ends (%1)").arg(QString::fromStdString(base->detectedBy))
                      : QString());
}

void ImagesPage::showLayer(int layer)
{
    const std::uint32_t image = currentImage();
    if (!m_workbench->isOpen() || image == std::uint32_t(-1))
        return;
    const risk::Facts &facts = m_workbench->facts();
    std::vector<std::uint32_t> found;
    for (std::size_t f = 0; f < facts.size(); ++f)
        if (facts.image[f] == image && f < facts.layerIndex.size() && facts.layerIndex[f] == layer)
            found.push_back(std::uint32_t(f));
    Q_EMIT showFindings(
        found,
        tr("%1 · layer %2").arg(QString::fromStdString(facts.images[image].name)).arg(layer));
}

void ImagesPage::showBaseFixes()
{
    const std::uint32_t image = currentImage();
    if (!m_workbench->isOpen() || image == std::uint32_t(-1))
        return;
    const risk::Facts &facts = m_workbench->facts();
    const auto &flags = m_workbench->baseFlags();
    std::vector<std::uint32_t> found;
    for (std::size_t f = 0; f < facts.size(); ++f)
        if (facts.image[f] == image && f < flags.size() && flags[f].baseImageFix)
            found.push_back(std::uint32_t(f));
    Q_EMIT showFindings(
        found,
        tr("%1 · fixed by a base update").arg(QString::fromStdString(facts.images[image].name)));
}

void ImagesPage::setOverride(bool clear)
{
    const std::uint32_t image = currentImage();
    if (!m_workbench->isOpen() || image == std::uint32_t(-1))
        return;
    auto ws = store::Workspace::open(m_workbench->path().toStdString());
    if (!ws) {
        Q_EMIT statusMessage(
            tr("Cannot open the workspace: %1").arg(QString::fromStdString(ws.error())));
        return;
    }
    const std::int64_t id = m_workbench->facts().images[image].id;
    const auto done =
        clear ? (*ws)->clearBaseOverride(id)
              : (*ws)->setBaseOverride(id,
                                       m_baseRef->text().trimmed().toStdString(),
                                       m_baseLayers->value() > 0 ? m_baseLayers->value() : -1);
    if (!done) {
        Q_EMIT statusMessage(
            tr("Cannot record the base image: %1").arg(QString::fromStdString(done.error())));
        return;
    }
    Q_EMIT statusMessage(clear ? tr("Base image: back to detection")
                               : tr("Base image recorded; re-analysing…"));
    m_workbench->reload();
}

} // namespace patchwise::ui
